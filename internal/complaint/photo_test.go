package complaint_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"testing"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/imaging"
	"lokadaya/internal/org"
)

// jpegWithGPS is a JPEG carrying an EXIF segment with a GPS position, as
// a phone camera writes it.
func jpegWithGPS(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(3, 3, color.RGBA{200, 10, 10, 255})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := []byte("Exif\x00\x00GPSLatitude -6.9175 GPSLongitude 107.6191")
	seg := []byte{0xff, 0xe1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	raw := buf.Bytes()
	out := append([]byte{}, raw[:2]...) // SOI
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, raw[2:]...)
}

func TestPhotoEvidenceIsCheckedAndStripped(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		raw := jpegWithGPS(t)
		if !bytes.Contains(raw, []byte("GPSLatitude")) {
			t.Fatal("fixture lacks its GPS data")
		}
		img, err := complaint.PreparePhoto(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		in := w.input("Atap ruang tunggu bocor, lihat foto.")
		in.Photo = img
		c := w.file(t, in)
		rc, ctype, err := w.s.Photo(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		kept, _ := io.ReadAll(rc)
		rc.Close()
		if ctype != "image/jpeg" || bytes.Contains(kept, []byte("Exif")) || bytes.Contains(kept, []byte("GPS")) {
			t.Errorf("kept %s with EXIF: %v", ctype, bytes.Contains(kept, []byte("GPS")))
		}
		// One photo per complaint; staff may add one to a complaint without.
		if err := w.s.AttachPhoto(ctx, w.actor(org.RoleEditor), c, bytes.NewReader(raw)); !errors.Is(err, complaint.ErrPhotoTaken) {
			t.Errorf("second photo: %v", err)
		}
		other := w.file(t, w.input("Kursi ruang tunggu patah semua."))
		if err := w.s.AttachPhoto(ctx, w.actor(org.RoleEditor), other, bytes.NewReader([]byte("%PDF-1.4 bukan foto"))); !errors.Is(err, imaging.ErrUnsupported) ||
			complaint.PhotoErrorKey(err) != "org.image.unsupported" {
			t.Errorf("a PDF as photo: %v", err)
		}
		big := bytes.Repeat([]byte{0xff}, imaging.MaxUploadBytes+1)
		if _, err := complaint.PreparePhoto(bytes.NewReader(big)); complaint.PhotoErrorKey(err) != "org.image.too_large" {
			t.Errorf("3 MB photo: %v", err)
		}
		if err := w.s.AttachPhoto(ctx, w.actor(org.RoleEditor), other, bytes.NewReader(raw)); err != nil {
			t.Fatal(err)
		}
	})
}
