package payment

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // formats a phone or screenshot may produce
	_ "image/jpeg"
	_ "image/png"
	"io"

	"lokadaya/internal/qris"
	"lokadaya/internal/validate"
)

// Limits on an uploaded QRIS picture.
const (
	MaxImageBytes  = 2 << 20
	MaxImagePixels = 20_000_000 // a 20-megapixel phone photo
)

// QRISFromImage reads the payload of the QR code in an uploaded picture
// (PNG, JPEG or GIF). The picture's size is read from its header before it
// is decoded, so a small file claiming huge dimensions costs nothing. A
// picture that is too big, not a picture, or holds no readable code is
// reported as validate.Errors on field "picture"; the payload itself is
// not checked here (see CheckQRIS).
func QRISFromImage(r io.Reader) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImageBytes+1))
	if err != nil {
		return "", fmt.Errorf("payment: read picture: %w", err)
	}
	if len(data) > MaxImageBytes {
		return "", validate.Errors{"picture": "payment.err.picture_too_big"}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", validate.Errors{"picture": "payment.err.picture_format"}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return "", validate.Errors{"picture": "payment.err.picture_too_big"}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", validate.Errors{"picture": "payment.err.picture_format"}
	}
	text, err := qris.Decode(img)
	if errors.Is(err, qris.ErrUnreadable) {
		return "", validate.Errors{"picture": "qris.err.unreadable"}
	}
	if err != nil {
		return "", fmt.Errorf("payment: decode qr: %w", err)
	}
	return text, nil
}
