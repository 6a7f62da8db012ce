package backup

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// hashFile returns the size and sha256 of a file (Path left empty).
func hashFile(path string) (Part, error) {
	f, err := os.Open(path)
	if err != nil {
		return Part{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return Part{}, err
	}
	return Part{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// copyFile copies from to a new file to, synced to disk, and returns what
// it wrote. to must not exist.
func copyFile(from, to string) (Part, error) {
	src, err := os.Open(from)
	if err != nil {
		return Part{}, err
	}
	defer src.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o750); err != nil {
		return Part{}, err
	}
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return Part{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(dst, h), src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Part{}, err
	}
	return Part{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// copyTree copies the regular files under from into to, returning each
// with its path relative to to's parent as prefix/rel. A missing from is
// an empty tree.
func copyTree(from, to, prefix string) ([]Part, error) {
	var parts []Part
	err := filepath.WalkDir(from, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if path == from && os.IsNotExist(err) {
				return fs.SkipAll
			}
			return err
		}
		if !e.Type().IsRegular() {
			return nil // directories are made as needed; links are not followed
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		p, err := copyFile(path, filepath.Join(to, rel))
		if err != nil {
			return err
		}
		p.Path = filepath.ToSlash(filepath.Join(prefix, rel))
		parts = append(parts, p)
		return nil
	})
	return parts, err
}

// isEmptyDir reports whether dir is missing or holds nothing.
func isEmptyDir(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return true, nil
	}
	return len(entries) == 0, err
}

func writeFileSynced(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
