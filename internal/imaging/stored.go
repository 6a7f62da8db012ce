package imaging

import (
	"context"
	"errors"
	"image"
	"io"

	"lokadaya/internal/blob"
)

// Stored reads a picture kept in store under key, such as an
// organisation's logo, for a printed document. It is nil, without an
// error, when there is no key or the file is gone or unreadable: the
// document is still useful without it. Only a failing store is an error.
func Stored(ctx context.Context, store blob.Store, key string) (image.Image, error) {
	if key == "" || store == nil || !blob.ValidKey(key) {
		return nil, nil
	}
	rc, _, err := store.Open(ctx, key)
	if errors.Is(err, blob.ErrNotFound) || errors.Is(err, blob.ErrBadKey) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// Pictures were scaled down on upload; the limit guards against a
	// file replaced behind our back.
	img, _, err := image.Decode(io.LimitReader(rc, 2*MaxUploadBytes))
	if err != nil {
		return nil, nil
	}
	return img, nil
}
