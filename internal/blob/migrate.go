package blob

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
	"strings"
)

// MigrateResult counts what Migrate did with each file of the directory.
type MigrateResult struct {
	Copied  int // uploaded to the bucket
	Skipped int // already there with the same size
	Ignored []string
}

// Migrate copies every file of the directory store at dir into the bucket
// under the same key, so a server switched to the bucket finds every logo
// and receipt it had. It can be run again (after an interruption, or while
// the old server still takes uploads): keys already in the bucket with the
// same size are left alone. Files that are not blobs (the directory
// store's content-type sidecars, temporary files, names no key allows) are
// listed in Ignored rather than copied.
func Migrate(ctx context.Context, dir string, to *S3) (MigrateResult, error) {
	var res MigrateResult
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return res, fmt.Errorf("blob: %s is not a directory of uploads", dir)
	}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if strings.HasSuffix(key, typeSuffix) {
			return nil // read with its blob below
		}
		if !e.Type().IsRegular() || strings.HasSuffix(key, ".tmp") || !ValidKey(key) {
			res.Ignored = append(res.Ignored, key)
			return nil
		}
		copied, err := migrateOne(ctx, p, key, to)
		if err != nil {
			return err
		}
		if copied {
			res.Copied++
		} else {
			res.Skipped++
		}
		return nil
	})
	return res, err
}

// migrateOne copies one file unless the bucket already holds it.
func migrateOne(ctx context.Context, p, key string, to *S3) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, fmt.Errorf("blob: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, fmt.Errorf("blob: %w", err)
	}
	size, err := to.Size(ctx, key)
	if err == nil && size == st.Size() {
		return false, nil
	}
	if err != nil && !errors.Is(err, ErrNotFound) {
		return false, err
	}
	if err := to.Put(ctx, key, contentTypeOf(p), f); err != nil {
		return false, err
	}
	return true, nil
}

// contentTypeOf prefers what the directory store recorded at upload and
// falls back on the file's extension.
func contentTypeOf(p string) string {
	if b, err := os.ReadFile(p + typeSuffix); err == nil && len(b) > 0 {
		return strings.TrimSpace(string(b))
	}
	if ct := mime.TypeByExtension(filepath.Ext(p)); ct != "" {
		return ct
	}
	return "application/octet-stream"
}
