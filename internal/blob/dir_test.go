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
	ctx := context.Background()
	root := t.TempDir()
	d, err := OpenDir(filepath.Join(root, "uploads"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Put(ctx, "logos/a.png", "image/png", strings.NewReader("PNGDATA")); err != nil {
		t.Fatal(err)
	}
	rc, ct, err := d.Open(ctx, "logos/a.png")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rc.Close()
	if string(b) != "PNGDATA" || ct != "image/png" {
		t.Errorf("got %q %q", b, ct)
	}
	// Overwrite replaces.
	if err := d.Put(ctx, "logos/a.png", "image/jpeg", strings.NewReader("JPG")); err != nil {
		t.Fatal(err)
	}
	rc, ct, _ = d.Open(ctx, "logos/a.png")
	b, _ = io.ReadAll(rc)
	rc.Close()
	if string(b) != "JPG" || ct != "image/jpeg" {
		t.Errorf("after overwrite %q %q", b, ct)
	}
	if err := d.Delete(ctx, "logos/a.png"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.Open(ctx, "logos/a.png"); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if err := d.Delete(ctx, "logos/a.png"); err != nil {
		t.Errorf("delete twice: %v", err)
	}
	if _, _, err := d.Open(ctx, "logos"); !errors.Is(err, ErrNotFound) {
		t.Errorf("directory opened as a blob: %v", err)
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
