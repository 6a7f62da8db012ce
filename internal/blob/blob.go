// Package blob keeps uploaded files (logos, receipts, photos) behind a small
// interface: a local directory by default, S3-compatible storage later for
// deployments with several instances.
package blob

import (
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
)

// Store keeps files under keys such as "logos/3f2a….png".
type Store interface {
	// Put stores r under key, replacing what was there.
	Put(ctx context.Context, key, contentType string, r io.Reader) error
	// Open returns the file under key and its content type; ErrNotFound when missing.
	Open(ctx context.Context, key string) (io.ReadCloser, string, error)
	// Delete removes key; deleting a missing key is not an error.
	Delete(ctx context.Context, key string) error
}

// Errors every store reports.
var (
	ErrNotFound = errors.New("blob: not found")
	ErrBadKey   = errors.New("blob: invalid key")
)

// keySegment is one path segment: letters, digits, '-', '_' and dots, not
// starting with a dot, so no segment can be "." or ".." or a hidden file.
var keySegment = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$`)

// ValidKey reports whether key is safe to use as a relative path on any
// store: slash-separated segments, at most 8, no traversal, no absolute paths.
func ValidKey(key string) bool {
	if key == "" || len(key) > 512 {
		return false
	}
	parts := strings.Split(key, "/")
	if len(parts) > 8 {
		return false
	}
	for _, p := range parts {
		if !keySegment.MatchString(p) {
			return false
		}
	}
	return true
}
