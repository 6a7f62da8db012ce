package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestBackupRestoreCommands runs backup and restore as an operator would,
// and the refusals they print.
func TestBackupRestoreCommands(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		uploads := filepath.Join(t.TempDir(), "uploads")
		if err := os.MkdirAll(filepath.Join(uploads, "logo"), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(uploads, "logo", "a.png"), []byte("png"), 0o640); err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(t.TempDir(), "backup")
		target := dbtest.EmptyURL(t, d.Dialect)
		restored := filepath.Join(t.TempDir(), "restored")
		bare := filepath.Join(t.TempDir(), "bare")
		run := func(args ...string) (int, string) {
			var out, errOut strings.Builder
			code := Run(args, &out, &errOut)
			return code, out.String() + errOut.String()
		}
		for _, tc := range []struct {
			name string
			args []string
			path string // PATH for the run; unchanged when empty
			code int
			has  string
		}{
			{"backup needs --to", []string{"backup", "--db", d.URL}, "", 1, "usage: lokadaya backup"},
			{"backup of a bucket's uploads", []string{"backup", "--db", d.URL, "--blobs", "s3://uploads", "--to", to}, "", 1, "--without-uploads"},
			{"backup", []string{"backup", "--db", d.URL, "--uploads-dir", uploads, "--to", to}, "", 0, "uploads: 1 file(s)"},
			{"backup into a used directory", []string{"backup", "--db", d.URL, "--to", to}, "", 1, "not empty"},
			{"restore into a used database", []string{"restore", "--db", d.URL, "--uploads-dir", restored, "--from", to}, "", 1, "already has"},
			{"restore", []string{"restore", "--db", target, "--uploads-dir", restored, "--from", to}, "", 0, "uploads: 1 file(s) restored"},
			{"restore twice", []string{"restore", "--db", target, "--uploads-dir", t.TempDir(), "--from", to}, "", 1, "restore into a new, empty database"},
			{"restore over what is there", []string{"restore", "--force", "--db", target, "--uploads-dir", restored, "--from", to}, "", 0, "uploads: 1 file(s) restored"},
			{"backup without uploads", []string{"backup", "--db", d.URL, "--uploads-dir", uploads, "--without-uploads", "--to", bare}, "", 0, "NOT included; save " + uploads},
			{"restore without uploads", []string{"restore", "--db", dbtest.EmptyURL(t, d.Dialect), "--uploads-dir", t.TempDir(), "--from", bare}, "", 0, "bring back " + uploads},
			{"not a backup", []string{"restore", "--db", dbtest.EmptyURL(t, d.Dialect), "--from", t.TempDir()}, "", 1, "is not a backup"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.name == "restore over what is there" {
					scribble(t, target)
				}
				code, out := run(tc.args...)
				if code != tc.code || !strings.Contains(out, tc.has) {
					t.Fatalf("exit %d, want %d; output lacks %q:\n%s", code, tc.code, tc.has, out)
				}
				if tc.name == "restore over what is there" {
					if got := countRows(t, target, "SELECT COUNT(*) FROM users WHERE email = 'later@example.test'"); got != 0 {
						t.Error("a forced restore kept a row written after the backup")
					}
				}
			})
		}
		if d.Dialect == db.Postgres {
			t.Run("pg_dump missing", func(t *testing.T) {
				t.Setenv("PATH", t.TempDir())
				code, out := run("backup", "--db", d.URL, "--to", filepath.Join(t.TempDir(), "b"))
				if code != 1 || !strings.Contains(out, "pg_dump not found on PATH") {
					t.Fatalf("exit %d:\n%s", code, out)
				}
			})
		}
	})
}

// scribble writes what a backup taken before it does not hold: a user.
func scribble(t *testing.T, url string) {
	t.Helper()
	d, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Exec(context.Background(), `INSERT INTO users (email, name, password_hash, created_at)
		VALUES ('later@example.test', 'Later', 'x', ?)`, time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
}

func countRows(t *testing.T, url, query string) int {
	t.Helper()
	d, err := db.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	if err := d.QueryRow(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
