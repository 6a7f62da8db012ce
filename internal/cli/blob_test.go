package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lokadaya/internal/blob/blobtest"
)

func TestBlobMigrateCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "uploads")
	if err := os.MkdirAll(filepath.Join(dir, "logos"), 0o750); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"logos/a.png", "logos/b.jpg"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	bucket := blobtest.FakeS3(t, "lokadaya")
	missing := strings.Replace(bucket, "s3://lokadaya", "s3://nope", 1)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		out    string
		stderr string
	}{
		{"no subcommand", []string{"blob"}, 1, "", "usage: lokadaya blob migrate"},
		{"not a bucket", []string{"blob", "migrate", "--from", dir, "--to", "/srv/files"}, 1, "", "usage: lokadaya blob migrate"},
		{"missing bucket", []string{"blob", "migrate", "--from", dir, "--to", missing}, 1, "", "bucket nope does not exist"},
		{"missing directory", []string{"blob", "migrate", "--from", dir + "-nope", "--to", bucket}, 1, "", "not a directory of uploads"},
		{"first run", []string{"blob", "migrate", "--from", dir, "--to", bucket}, 0, "2 file(s) copied, 0 already in the bucket", ""},
		{"second run", []string{"blob", "migrate", "--from", dir, "--to", bucket}, 0, "0 file(s) copied, 2 already in the bucket", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			code := Run(tc.args, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String(), tc.out) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("Run(%v) = %d, %q, %q; want %d, %q, %q", tc.args, code, stdout.String(), stderr.String(), tc.code, tc.out, tc.stderr)
			}
		})
	}
}

// serve stops at once when the bucket it is given does not exist.
func TestServeRefusesAMissingBucket(t *testing.T) {
	bucket := strings.Replace(blobtest.FakeS3(t, "lokadaya"), "s3://lokadaya", "s3://nope", 1)
	dbArg := "sqlite:" + filepath.Join(t.TempDir(), "lokadaya.db")
	var stderr strings.Builder
	code := Run([]string{"serve", "--addr", "127.0.0.1:0", "--db", dbArg, "--blobs", bucket}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "bucket nope does not exist") {
		t.Fatalf("serve with a missing bucket = %d, %q", code, stderr.String())
	}
}
