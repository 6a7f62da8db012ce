package blob

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Dir stores files in a local directory. The content type is kept in a
// sidecar file next to each blob so that Open can report it. All access
// goes through os.Root, so even a key that slipped past ValidKey cannot
// leave the directory.
type Dir struct {
	path string
	mu   sync.Mutex
	root *os.Root
}

var _ Store = (*Dir)(nil)

// NewDir uses the directory path, created on the first upload: a server
// that never receives one leaves no empty directory behind.
func NewDir(path string) *Dir { return &Dir{path: path} }

// OpenDir uses the directory path, creating it now.
func OpenDir(path string) (*Dir, error) {
	d := NewDir(path)
	if _, err := d.open(true); err != nil {
		return nil, err
	}
	return d, nil
}

// open returns the directory's root, creating the directory when create is
// set; without it a missing directory is ErrNotFound.
func (d *Dir) open(create bool) (*os.Root, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root != nil {
		return d.root, nil
	}
	if create {
		if err := os.MkdirAll(d.path, 0o750); err != nil {
			return nil, fmt.Errorf("blob: %w", err)
		}
	}
	root, err := os.OpenRoot(d.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	d.root = root
	return root, nil
}

// Close releases the directory.
func (d *Dir) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root == nil {
		return nil
	}
	err := d.root.Close()
	d.root = nil
	return err
}

const typeSuffix = ".type"

// Put writes to a temporary file and renames it into place, so a reader
// never sees half a file.
func (d *Dir) Put(_ context.Context, key, contentType string, r io.Reader) error {
	if !ValidKey(key) || strings.HasSuffix(key, typeSuffix) {
		return ErrBadKey
	}
	root, err := d.open(true)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(filepath.FromSlash(key)); dir != "." {
		if err := root.MkdirAll(dir, 0o750); err != nil {
			return fmt.Errorf("blob: put %s: %w", key, err)
		}
	}
	if err := write(root, key+typeSuffix, strings.NewReader(contentType)); err != nil {
		return err
	}
	return write(root, key, r)
}

func write(root *os.Root, name string, r io.Reader) error {
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp := name + "." + hex.EncodeToString(rnd[:]) + ".tmp" // two writers never share one
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return fmt.Errorf("blob: put %s: %w", name, err)
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		_ = root.Remove(tmp)
		return fmt.Errorf("blob: put %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		_ = root.Remove(tmp)
		return fmt.Errorf("blob: put %s: %w", name, err)
	}
	if err := root.Rename(tmp, name); err != nil {
		return fmt.Errorf("blob: put %s: %w", name, err)
	}
	return nil
}

// Open returns the stored file and its content type.
func (d *Dir) Open(_ context.Context, key string) (io.ReadCloser, string, error) {
	if !ValidKey(key) || strings.HasSuffix(key, typeSuffix) || strings.HasSuffix(key, ".tmp") {
		return nil, "", ErrBadKey
	}
	root, err := d.open(false)
	if err != nil {
		return nil, "", err
	}
	f, err := root.Open(key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", ErrNotFound
	}
	if err != nil {
		return nil, "", fmt.Errorf("blob: open %s: %w", key, err)
	}
	if st, err := f.Stat(); err != nil || st.IsDir() {
		f.Close()
		return nil, "", ErrNotFound
	}
	ct, err := root.ReadFile(key + typeSuffix)
	if err != nil || len(ct) == 0 {
		ct = []byte("application/octet-stream")
	}
	return f, string(ct), nil
}

// Delete removes the file and its content type.
func (d *Dir) Delete(_ context.Context, key string) error {
	if !ValidKey(key) {
		return ErrBadKey
	}
	root, err := d.open(false)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, name := range []string{key, key + typeSuffix} {
		if err := root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("blob: delete %s: %w", key, err)
		}
	}
	return nil
}
