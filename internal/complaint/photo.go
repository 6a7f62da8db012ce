package complaint

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strings"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/imaging"
)

// PhotoBox is the largest side of a kept photo, in pixels.
const PhotoBox = 1600

// ErrPhotoTaken means the complaint already has its photo.
var ErrPhotoTaken = errors.New("complaint: photo already attached")

// PhotoErrorKey is the message key of why a photo was refused, "" when
// err is not about the picture.
func PhotoErrorKey(err error) string {
	for e, key := range map[error]string{imaging.ErrTooLarge: "org.image.too_large",
		imaging.ErrUnsupported: "org.image.unsupported", imaging.ErrDimensions: "org.image.dimensions",
		imaging.ErrCorrupt: "org.image.corrupt"} {
		if errors.Is(err, e) {
			return key
		}
	}
	return ""
}

// PreparePhoto checks and re-encodes an uploaded photo for Input.Photo, so
// that a bad picture is refused before anything is written.
func PreparePhoto(r io.Reader) (*imaging.Result, error) { return imaging.Process(r, PhotoBox) }

// newPhotoKey names a photo of the complaint with the code.
func newPhotoKey(code, ext string) string {
	return "complaints/" + strings.ToLower(strings.ReplaceAll(code, "-", "")) + "-" + strings.ToLower(rand.Text()[:10]) + ext
}

// putPhoto stores a prepared photo and returns its key.
func (s *Store) putPhoto(ctx context.Context, code string, img *imaging.Result) (string, error) {
	if s.Blobs == nil {
		return "", errors.New("complaint: no file storage for photos")
	}
	key := newPhotoKey(code, img.Ext)
	if !blob.ValidKey(key) {
		return "", fmt.Errorf("complaint: photo key %q", key)
	}
	if err := s.Blobs.Put(ctx, key, img.ContentType, bytes.NewReader(img.Data)); err != nil {
		return "", fmt.Errorf("complaint: photo: %w", err)
	}
	return key, nil
}

// AttachPhoto keeps one photo as evidence: its type is read from the
// bytes, its size checked, and it is encoded afresh, so EXIF data (a
// phone's GPS position among it) is gone. The photo is shown to the
// organisation's staff and the complainant, never in public.
func (s *Store) AttachPhoto(ctx context.Context, actor Actor, c *Complaint, r io.Reader) error {
	if c.PhotoKey != "" {
		return ErrPhotoTaken
	}
	img, err := PreparePhoto(r)
	if err != nil {
		return err
	}
	key, err := s.putPhoto(ctx, c.Code, img)
	if err != nil {
		return err
	}
	now := s.now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE complaints SET photo_key = ?, updated_at = ? WHERE id = ? AND photo_key = ''`,
			key, now, c.ID)
		if err := changed(res, err); err != nil {
			return ErrPhotoTaken
		}
		_, err = addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventPhoto, ActorID: actorID(actor),
			ActorName: actor.Name, Internal: true, CreatedAt: now})
		return err
	})
	if err != nil {
		_ = s.Blobs.Delete(ctx, key)
		return err
	}
	c.PhotoKey = key
	return nil
}

// Photo opens the complaint's photo; blob.ErrNotFound when there is none.
func (s *Store) Photo(ctx context.Context, c *Complaint) (io.ReadCloser, string, error) {
	if c.PhotoKey == "" {
		return nil, "", blob.ErrNotFound
	}
	return s.Blobs.Open(ctx, c.PhotoKey)
}
