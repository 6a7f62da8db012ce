// Package imaging turns an uploaded picture into a safe, small one: it
// checks what the bytes really are, refuses pictures too large to decode
// safely, scales them down and encodes them afresh. Re-encoding keeps only
// pixels, so metadata such as EXIF (with a phone's GPS position) is gone.
package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registers GIF decoding with package image
	"image/jpeg"
	"image/png"
	"io"
	"net/http"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers WebP decoding with package image
)

// Limits on what is accepted.
const (
	MaxUploadBytes = 2 << 20 // 2 MB
	MaxDimension   = 4000    // pixels, each side, checked before decoding
)

// Errors describing why a picture was refused; each has a matching i18n
// message "org.image.<name>".
var (
	ErrTooLarge    = errors.New("imaging: file larger than 2 MB")
	ErrUnsupported = errors.New("imaging: not a JPEG, PNG, GIF or WebP picture")
	ErrDimensions  = errors.New("imaging: picture wider or taller than 4000 pixels")
	ErrCorrupt     = errors.New("imaging: picture cannot be read")
)

// Result is a processed picture.
type Result struct {
	Data        []byte
	ContentType string
	Ext         string // file extension with the dot: ".png" or ".jpg"
	Width       int
	Height      int
}

// sniffed maps a content type detected from the bytes to the format name
// image.Decode reports; anything not here is refused.
var sniffed = map[string]string{
	"image/jpeg": "jpeg",
	"image/png":  "png",
	"image/gif":  "gif",
	"image/webp": "webp",
}

// Process reads at most MaxUploadBytes from r and returns the picture
// scaled to fit a box×box square (never enlarged), as PNG when it has
// transparency and JPEG otherwise.
func Process(r io.Reader, box int) (*Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
	if err != nil {
		return nil, fmt.Errorf("imaging: read: %w", err)
	}
	if len(data) > MaxUploadBytes {
		return nil, ErrTooLarge
	}
	// Decide by content, never by the file name or the browser's claim.
	format, ok := sniffed[http.DetectContentType(data)]
	if !ok {
		return nil, ErrUnsupported
	}
	cfg, got, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || got != format {
		return nil, ErrCorrupt
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxDimension || cfg.Height > MaxDimension {
		return nil, ErrDimensions
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, ErrCorrupt
	}
	dst := scale(src, box)
	var buf bytes.Buffer
	res := &Result{Width: dst.Bounds().Dx(), Height: dst.Bounds().Dy()}
	if opaque(dst) {
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85})
		res.ContentType, res.Ext = "image/jpeg", ".jpg"
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst)
		res.ContentType, res.Ext = "image/png", ".png"
	}
	if err != nil {
		return nil, fmt.Errorf("imaging: encode: %w", err)
	}
	res.Data = buf.Bytes()
	return res, nil
}

// scale draws src into a new RGBA image that fits box×box, keeping the
// aspect ratio; smaller pictures keep their size. RGBA (premultiplied) is
// the form the scalers have fast paths for; others go pixel by pixel.
func scale(src image.Image, box int) *image.RGBA {
	b := src.Bounds()
	w, h := fit(b.Dx(), b.Dy(), box)
	if w == b.Dx() && h == b.Dy() {
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
		return dst
	}
	// The Catmull-Rom scaler keeps a float buffer of the target's width
	// times the source's height (32 bytes a pixel: 115 MB for a phone
	// photo), too much for a small server. Halving first while the picture
	// is over twice the target keeps that buffer small; a bilinear step of
	// exactly one half averages each 2×2 block, so nothing is lost to it.
	for b.Dx() >= 2*w && b.Dy() >= 2*h {
		half := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
		draw.ApproxBiLinear.Scale(half, half.Bounds(), src, image.Rect(b.Min.X, b.Min.Y, b.Min.X+2*half.Rect.Dx(), b.Min.Y+2*half.Rect.Dy()), draw.Src, nil)
		src, b = half, half.Bounds()
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

// fit is the size of a w×h picture scaled to fit box×box, never enlarged.
func fit(w, h, box int) (int, int) {
	if w <= box && h <= box {
		return w, h
	}
	if w >= h {
		return box, max(1, h*box/w)
	}
	return max(1, w*box/h), box
}

// opaque reports whether every pixel is fully opaque, so JPEG loses nothing.
func opaque(img *image.RGBA) bool {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0xff {
			return false
		}
	}
	return true
}
