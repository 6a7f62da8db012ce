package qris

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"testing"
)

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil || format != "png" {
		t.Fatalf("image.Decode: %v (%s)", err, format)
	}
	return img
}

func TestPNGRoundTrip(t *testing.T) {
	static := sampleStatic()
	dynamic, err := Dynamic(mustParse(t, static), 1250000)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		payload string
		size    int
	}{
		{"static", static, 320},
		{"dynamic", dynamic, 512},
		{"smaller than the code", dynamic, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := PNG(tc.payload, tc.size)
			if err != nil {
				t.Fatalf("PNG: %v", err)
			}
			img := decodePNG(t, b)
			if bd := img.Bounds(); tc.size >= 100 && (bd.Dx() != tc.size || bd.Dy() != tc.size) {
				t.Errorf("image is %v, want %d square", bd, tc.size)
			}
			got, err := Decode(img)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tc.payload {
				t.Errorf("Decode = %q, want %q", got, tc.payload)
			}
		})
	}
}

// TestDecodePhotoLike places the code off-centre and rotated on a larger,
// grey, slightly uneven background, like a screenshot or scan of a poster.
func TestDecodePhotoLike(t *testing.T) {
	payload := sampleStatic()
	b, err := PNG(payload, 300)
	if err != nil {
		t.Fatal(err)
	}
	code := decodePNG(t, b)
	canvas := image.NewRGBA(image.Rect(0, 0, 900, 700))
	for y := range 700 {
		for x := range 900 {
			v := uint8(200 + (x+y)%40)
			canvas.Set(x, y, color.RGBA{v, v, v - 10, 255})
		}
	}
	// Rotate a quarter turn while copying.
	rotated := image.NewRGBA(image.Rect(0, 0, 300, 300))
	for y := range 300 {
		for x := range 300 {
			rotated.Set(299-y, x, code.At(x, y))
		}
	}
	draw.Draw(canvas, image.Rect(410, 170, 710, 470), rotated, image.Point{}, draw.Src)
	got, err := Decode(canvas)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got != payload {
		t.Errorf("Decode = %q", got)
	}
}

func TestDecodeUnreadable(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 200, 200))
	draw.Draw(blank, blank.Bounds(), image.White, image.Point{}, draw.Src)
	for _, img := range []image.Image{nil, blank, image.NewGray(image.Rect(0, 0, 0, 0))} {
		if _, err := Decode(img); !errors.Is(err, ErrUnreadable) {
			t.Errorf("Decode error = %v, want unreadable", err)
		}
	}
}

func TestPNGRefuses(t *testing.T) {
	for _, tc := range []struct {
		payload string
		size    int
	}{{"", 300}, {"x", 0}, {"x", -5}, {"x", MaxPNGSize + 1}} {
		if _, err := PNG(tc.payload, tc.size); err == nil {
			t.Errorf("PNG(%q, %d) succeeded", tc.payload, tc.size)
		}
	}
}

func TestPNGIsSmall(t *testing.T) {
	b, err := PNG(sampleStatic(), 400)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 8<<10 {
		t.Errorf("PNG is %d bytes", len(b))
	}
	if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil {
		t.Error(err)
	}
}
