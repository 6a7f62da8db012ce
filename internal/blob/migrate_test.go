package blob

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lokadaya/internal/blob/blobtest"
)

func TestMigrateCopiesTheDirectoryOnce(t *testing.T) {
	ctx := context.Background()
	dirPath := filepath.Join(t.TempDir(), "uploads")
	d, err := OpenDir(dirPath)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	files := map[string]struct{ ct, body string }{
		"logos/a.png":             {"image/png", "PNG"},
		"receipts/2025/r1.pdf":    {"application/pdf", "PDF"},
		"covers/c.jpg":            {"image/jpeg", strings.Repeat("j", 70_000)},
		"receipts/2025/empty.pdf": {"application/pdf", ""},
	}
	for k, f := range files {
		if err := d.Put(ctx, k, f.ct, strings.NewReader(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	// A file copied in by hand, without the content type the store records,
	// and leftovers that are not blobs.
	if err := os.WriteFile(filepath.Join(dirPath, "logos", "hand.svg"), []byte("<svg/>"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"logos/a.png.1a2b.tmp", "logos/bad name.png"} {
		if err := os.WriteFile(filepath.Join(dirPath, filepath.FromSlash(junk)), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := OpenURL(blobtest.FakeS3(t, "lokadaya"), "")
	if err != nil {
		t.Fatal(err)
	}
	bucket := s.(*S3)

	for _, tc := range []struct {
		name string
		want MigrateResult
	}{
		{"first run copies everything", MigrateResult{Copied: 5, Ignored: []string{"logos/a.png.1a2b.tmp", "logos/bad name.png"}}},
		{"second run copies nothing", MigrateResult{Skipped: 5, Ignored: []string{"logos/a.png.1a2b.tmp", "logos/bad name.png"}}},
	} {
		got, err := Migrate(ctx, dirPath, bucket)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
	files["logos/hand.svg"] = struct{ ct, body string }{"image/svg+xml", "<svg/>"}
	for k, f := range files {
		body, ct := readBlob(t, bucket, k)
		if body != f.body || ct != f.ct {
			t.Errorf("%s in the bucket: %d bytes %q, want %d bytes %q", k, len(body), ct, len(f.body), f.ct)
		}
	}

	// A file changed since the last run is copied again.
	if err := d.Put(ctx, "logos/a.png", "image/png", strings.NewReader("PNG, larger")); err != nil {
		t.Fatal(err)
	}
	if got, _ := Migrate(ctx, dirPath, bucket); got.Copied != 1 || got.Skipped != 4 {
		t.Errorf("after a change: %+v", got)
	}
	if body, _ := readBlob(t, bucket, "logos/a.png"); body != "PNG, larger" {
		t.Errorf("changed file in the bucket: %q", body)
	}

	if _, err := Migrate(ctx, filepath.Join(dirPath, "nope"), bucket); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("missing directory: %v", err)
	}
}

func readBlob(t *testing.T, s Store, key string) (string, string) {
	t.Helper()
	rc, ct, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), ct
}
