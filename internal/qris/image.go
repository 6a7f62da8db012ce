package qris

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Limits on pictures, to keep a hostile upload or request from costing
// unbounded memory.
const (
	MaxPNGSize    = 4096       // pixels per side of a generated code
	MaxDecodeArea = 40_000_000 // pixels of an uploaded picture
)

// PNG draws payload as a QR code with error correction level M and a quiet
// zone of four modules, as a black-and-white PNG of size×size pixels. Modules
// are whole pixels, so the code is centred with a little extra margin; when
// size is too small to hold one pixel per module, the image is the smallest
// that does.
func PNG(payload string, size int) ([]byte, error) {
	img, err := code(payload, size)
	if err != nil {
		return nil, fmt.Errorf("qris: png: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("qris: png: %w", err)
	}
	return buf.Bytes(), nil
}

// Image is the QR code of payload, as PNG draws it, with one pixel a
// module: for a PDF, which enlarges it without smoothing.
func Image(payload string) (image.Image, error) {
	img, err := code(payload, 1)
	if err != nil {
		return nil, fmt.Errorf("qris: image: %w", err)
	}
	return img, nil
}

// code draws payload as a black-and-white picture of at least size×size
// pixels.
func code(payload string, size int) (*image.Paletted, error) {
	if payload == "" {
		return nil, errors.New("empty payload")
	}
	if size <= 0 || size > MaxPNGSize {
		return nil, fmt.Errorf("size %d out of 1..%d", size, MaxPNGSize)
	}
	hints := map[gozxing.EncodeHintType]any{gozxing.EncodeHintType_ERROR_CORRECTION: "M"}
	m, err := qrcode.NewQRCodeWriter().Encode(payload, gozxing.BarcodeFormat_QR_CODE, size, size, hints)
	if err != nil {
		return nil, err
	}
	w, h := m.GetWidth(), m.GetHeight()
	// Two colours in a palette keep the file a few kilobytes.
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	for y := range h {
		for x := range w {
			if m.Get(x, y) {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	return img, nil
}

// Decode reads the text of the QR code in img, for example a photo or
// screenshot of the organisation's printed static QRIS. It returns
// ErrUnreadable when no code can be found; the text is not checked here —
// pass it to Parse.
func Decode(img image.Image) (string, error) {
	if img == nil {
		return "", ErrUnreadable
	}
	b := img.Bounds()
	if b.Empty() || int64(b.Dx())*int64(b.Dy()) > MaxDecodeArea {
		return "", newErr(ErrUnreadable, "picture of %dx%d pixels", b.Dx(), b.Dy())
	}
	src := gozxing.NewLuminanceSourceFromImage(img)
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	var last error
	// The hybrid binariser copes with uneven light in photos; the global
	// one with small, low-contrast pictures where the hybrid one finds no
	// blocks.
	for _, bin := range []gozxing.Binarizer{
		gozxing.NewHybridBinarizer(src),
		gozxing.NewGlobalHistgramBinarizer(src),
	} {
		bmp, err := gozxing.NewBinaryBitmap(bin)
		if err != nil {
			return "", newErr(ErrUnreadable, "%v", err)
		}
		res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
		if err == nil {
			return res.GetText(), nil
		}
		last = err
	}
	return "", newErr(ErrUnreadable, "%v", last)
}
