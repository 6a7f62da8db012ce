package imaging

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"testing"
)

func picture(w, h int, alpha uint8) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y), 120, alpha})
		}
	}
	return img
}

// withEXIF inserts an APP1 Exif segment carrying marker right after the
// JPEG's start-of-image marker, as a phone camera would.
func withEXIF(t *testing.T, jpg []byte, marker string) []byte {
	t.Helper()
	payload := append([]byte("Exif\x00\x00"), []byte(marker)...)
	n := len(payload) + 2
	seg := append([]byte{0xff, 0xe1, byte(n >> 8), byte(n)}, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

func encode(t *testing.T, f func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestProcessDropsEXIF(t *testing.T) {
	const marker = "GPSLatitude=-6.8915,107.6107;LOKADAYA-SECRET"
	jpg := encode(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, picture(1000, 600, 255), nil) })
	in := withEXIF(t, jpg, marker)
	if !bytes.Contains(in, []byte(marker)) {
		t.Fatal("test input lacks its EXIF marker")
	}
	res, err := Process(bytes.NewReader(in), 512)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(res.Data, []byte("LOKADAYA-SECRET")) || bytes.Contains(res.Data, []byte("Exif")) {
		t.Error("EXIF survived re-encoding")
	}
	if res.ContentType != "image/jpeg" || res.Width != 512 || res.Height != 307 {
		t.Errorf("result %s %dx%d", res.ContentType, res.Width, res.Height)
	}
	if _, err := jpeg.Decode(bytes.NewReader(res.Data)); err != nil {
		t.Errorf("output is not a JPEG: %v", err)
	}
}

func TestProcess(t *testing.T) {
	pngAlpha := encode(t, func(b *bytes.Buffer) error { return png.Encode(b, picture(300, 900, 128)) })
	small := encode(t, func(b *bytes.Buffer) error { return png.Encode(b, picture(40, 30, 255)) })
	gifImg := encode(t, func(b *bytes.Buffer) error {
		return gif.Encode(b, picture(64, 64, 255), nil)
	})
	huge := encode(t, func(b *bytes.Buffer) error {
		return png.Encode(b, image.NewGray(image.Rect(0, 0, 4001, 10)))
	})
	truncated := small[:len(small)/2]
	for _, tc := range []struct {
		name string
		in   []byte
		err  error
		ct   string
		w, h int
	}{
		{"png with transparency stays png", pngAlpha, nil, "image/png", 170, 512},
		{"small picture is not enlarged", small, nil, "image/jpeg", 40, 30},
		{"gif", gifImg, nil, "image/jpeg", 64, 64},
		{"too many pixels", huge, ErrDimensions, "", 0, 0},
		{"pdf", []byte("%PDF-1.4\n1 0 obj"), ErrUnsupported, "", 0, 0},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), ErrUnsupported, "", 0, 0},
		{"html named .png", []byte("<html><body>hi</body></html>"), ErrUnsupported, "", 0, 0},
		{"broken png", truncated, ErrCorrupt, "", 0, 0},
		{"too large", append(append([]byte{}, small...), make([]byte, MaxUploadBytes)...), ErrTooLarge, "", 0, 0},
		{"empty", nil, ErrUnsupported, "", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Process(bytes.NewReader(tc.in), 512)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if res.ContentType != tc.ct || res.Width != tc.w || res.Height != tc.h {
				t.Errorf("got %s %dx%d", res.ContentType, res.Width, res.Height)
			}
			if !strings.HasPrefix(res.Ext, ".") {
				t.Errorf("ext %q", res.Ext)
			}
		})
	}
}

func FuzzProcess(f *testing.F) {
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("\xff\xd8\xff\xe0"))
	f.Add([]byte("GIF89a"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Process(bytes.NewReader(b), 64)
		if err == nil && (res.Width > 64 || res.Height > 64 || len(res.Data) == 0) {
			t.Fatalf("bad result %dx%d", res.Width, res.Height)
		}
	})
}

// TestScaleLargePhoto scales a phone-camera-sized picture the way an
// upload is: the result has the right size and colours, and the work
// allocates a fraction of what a one-step kernel scale needs (its buffer
// alone is 1200×3000×32 bytes, 115 MB), so a small server survives it.
func TestScaleLargePhoto(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 4000, 3000))
	for y := range 3000 {
		for x := range 4000 {
			// Left half red, right half blue: the edge must stay where it is.
			c := color.NRGBA{200, 30, 30, 255}
			if x >= 2000 {
				c = color.NRGBA{30, 30, 200, 255}
			}
			src.SetNRGBA(x, y, c)
		}
	}
	for _, tc := range []struct {
		box, w, h int
	}{{1200, 1200, 900}, {480, 480, 360}, {4000, 4000, 3000}} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		dst := scale(src, tc.box)
		runtime.ReadMemStats(&after)
		if got := dst.Bounds(); got.Dx() != tc.w || got.Dy() != tc.h {
			t.Fatalf("box %d: %v, want %dx%d", tc.box, got, tc.w, tc.h)
		}
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 80 {
			t.Errorf("box %d: scaling allocated %d MB", tc.box, mb)
		}
		for _, p := range []struct {
			x    int
			want color.NRGBA
		}{{tc.w / 4, color.NRGBA{200, 30, 30, 255}}, {tc.w * 3 / 4, color.NRGBA{30, 30, 200, 255}}} {
			if got := color.NRGBAModel.Convert(dst.At(p.x, tc.h/2)); got != p.want {
				t.Errorf("box %d: pixel at x=%d is %v, want %v", tc.box, p.x, got, p.want)
			}
		}
	}
}
