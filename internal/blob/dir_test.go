package blob

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidKey(t *testing.T) {
	for key, want := range map[string]bool{
		"logos/abc.png":               true,
		"a":                           true,
		"logos/2025/x_y-z.jpeg":       true,
		"":                            false,
		"../etc/passwd":               false,
		"logos/../../x":               false,
		"/etc/passwd":                 false,
		"logos//x":                    false,
		"logos/.hidden":               false,
		"logos/./x":                   false,
		`logos\..\x`:                  false,
		"logos/x y.png":               false,
		"logos/x%2f..":                false,
		strings.Repeat("a/", 9) + "a": false,
	} {
		if got := ValidKey(key); got != want {
			t.Errorf("ValidKey(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestDir(t *testing.T) {
	d, err := OpenDir(filepath.Join(t.TempDir(), "uploads"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	testStore(t, d)
}

// testStore runs the cases every Store must pass, whatever keeps the files.
func testStore(t *testing.T, s Store) {
	ctx := context.Background()
	put := func(key, ct, body string) error { return s.Put(ctx, key, ct, strings.NewReader(body)) }
	get := func(key string) (string, string, error) {
		rc, ct, err := s.Open(ctx, key)
		if err != nil {
			return "", "", err
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		return string(b), ct, err
	}
	for _, tc := range []struct {
		name     string
		step     func() error
		key      string
		wantBody string
		wantType string
		wantErr  error
	}{
		{"put then open", func() error { return put("logos/a.png", "image/png", "PNGDATA") }, "logos/a.png", "PNGDATA", "image/png", nil},
		{"overwrite replaces body and type", func() error { return put("logos/a.png", "image/jpeg", "JPG") }, "logos/a.png", "JPG", "image/jpeg", nil},
		{"reader of unknown length", func() error {
			return s.Put(ctx, "logos/pipe.png", "image/png", io.MultiReader(strings.NewReader("PI"), strings.NewReader("PE")))
		}, "logos/pipe.png", "PIPE", "image/png", nil},
		{"empty file", func() error { return put("receipts/2025/empty.pdf", "application/pdf", "") }, "receipts/2025/empty.pdf", "", "application/pdf", nil},
		{"large file", func() error { return put("photos/big.jpg", "image/jpeg", strings.Repeat("x", 1<<20)) }, "photos/big.jpg", strings.Repeat("x", 1<<20), "image/jpeg", nil},
		{"missing key", func() error { return nil }, "logos/none.png", "", "", ErrNotFound},
		{"directory is not a blob", func() error { return nil }, "logos", "", "", ErrNotFound},
		{"delete", func() error { return s.Delete(ctx, "logos/a.png") }, "logos/a.png", "", "", ErrNotFound},
		{"delete twice", func() error { return s.Delete(ctx, "logos/a.png") }, "logos/a.png", "", "", ErrNotFound},
		{"bad key on put", func() error { return put("../x", "text/plain", "x") }, "../x", "", "", ErrBadKey},
		{"bad key on delete", func() error { return s.Delete(ctx, "/etc/passwd") }, "/etc/passwd", "", "", ErrBadKey},
	} {
		err := tc.step()
		if tc.wantErr == ErrBadKey {
			if !errors.Is(err, ErrBadKey) {
				t.Errorf("%s: step = %v, want ErrBadKey", tc.name, err)
			}
		} else if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		body, ct, err := get(tc.key)
		if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
			t.Errorf("%s: open = %v, want %v", tc.name, err, tc.wantErr)
			continue
		}
		if body != tc.wantBody || ct != tc.wantType {
			t.Errorf("%s: got %d bytes %q, want %d bytes %q", tc.name, len(body), ct, len(tc.wantBody), tc.wantType)
		}
	}
}

func TestDirRefusesTraversal(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	secret := filepath.Join(root, "secret.txt")
	if err := os.WriteFile(secret, []byte("rahasia"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := OpenDir(filepath.Join(root, "uploads"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// A symlink planted inside the directory must not lead outside it either.
	if err := os.Symlink(secret, filepath.Join(root, "uploads", "link")); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"../secret.txt", "/etc/passwd", "..", "a/../../secret.txt"} {
		if err := d.Put(ctx, key, "text/plain", strings.NewReader("x")); !errors.Is(err, ErrBadKey) {
			t.Errorf("Put(%q) = %v", key, err)
		}
		if _, _, err := d.Open(ctx, key); !errors.Is(err, ErrBadKey) {
			t.Errorf("Open(%q) = %v", key, err)
		}
		if err := d.Delete(ctx, key); !errors.Is(err, ErrBadKey) {
			t.Errorf("Delete(%q) = %v", key, err)
		}
	}
	if rc, _, err := d.Open(ctx, "link"); err == nil {
		rc.Close()
		t.Error("symlink out of the directory was followed")
	}
	if b, _ := os.ReadFile(secret); string(b) != "rahasia" {
		t.Error("file outside the directory changed")
	}
}

func FuzzValidKey(f *testing.F) {
	for _, s := range []string{"logos/a.png", "../x", "a//b", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if !ValidKey(key) {
			return
		}
		clean := filepath.ToSlash(filepath.Clean(key))
		if clean != key || strings.HasPrefix(key, "/") || strings.Contains(key, "..") && strings.Contains("/"+key+"/", "/../") {
			t.Fatalf("ValidKey accepted %q (clean %q)", key, clean)
		}
	})
}

func TestNewDirIsLazy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "later")
	d := NewDir(path)
	defer d.Close()
	if _, _, err := d.Open(ctx, "logos/a.png"); !errors.Is(err, ErrNotFound) {
		t.Errorf("open before any upload: %v", err)
	}
	if err := d.Delete(ctx, "logos/a.png"); err != nil {
		t.Errorf("delete before any upload: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("directory created too early: %v", err)
	}
	if err := d.Put(ctx, "logos/a.png", "image/png", strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("directory not created: %v", err)
	}
}
