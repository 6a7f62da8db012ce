package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"lokadaya/internal/imaging"
)

// readImage reads and processes an optional uploaded picture in field,
// fitting it into a box×box square. The string is the i18n key of the
// reason when the picture is refused.
func readImage(r *http.Request, field string, box int) (*imaging.Result, string) {
	f, _, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, ""
	}
	if err != nil {
		return nil, "form.invalid"
	}
	defer f.Close()
	res, err := imaging.Process(f, box)
	switch {
	case err == nil:
		return res, ""
	case errors.Is(err, imaging.ErrTooLarge):
		return nil, "org.image.too_large"
	case errors.Is(err, imaging.ErrUnsupported):
		return nil, "org.image.unsupported"
	case errors.Is(err, imaging.ErrDimensions):
		return nil, "org.image.dimensions"
	}
	return nil, "org.image.corrupt"
}

// readLogo reads the optional "logo" upload of a form.
func readLogo(r *http.Request) (*imaging.Result, string) { return readImage(r, "logo", logoBox) }

// replaceImage stores img (nil removes the picture) under a fresh key
// "<prefix>/<id>-<random><ext>", records it with setKey, then deletes the
// old file. Fresh keys let browsers cache public pictures for a year
// without ever showing a replaced one.
func (s *Server) replaceImage(ctx context.Context, prefix string, id int64, oldKey string,
	img *imaging.Result, setKey func(key string) error) error {
	key := ""
	if img != nil {
		var rnd [8]byte
		_, _ = rand.Read(rnd[:])
		key = prefix + "/" + strconv.FormatInt(id, 10) + "-" + hex.EncodeToString(rnd[:]) + img.Ext
		if err := s.blobs.Put(ctx, key, img.ContentType, bytes.NewReader(img.Data)); err != nil {
			return fmt.Errorf("web: store %s picture: %w", prefix, err)
		}
	}
	if err := setKey(key); err != nil {
		return err
	}
	if oldKey != "" {
		if err := s.blobs.Delete(ctx, oldKey); err != nil {
			s.log.Warn("old picture not deleted", "key", oldKey, "err", err)
		}
	}
	return nil
}
