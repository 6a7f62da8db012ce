package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lokadaya/internal/qris"
)

// TestImagesRenderedByPoppler draws a half-transparent logo and a QR code,
// renders the page with poppler's pdftoppm and reads the pixels back: the
// logo's opaque half is red, its transparent half shows the white page, and
// the QR code decodes to its text.
func TestImagesRenderedByPoppler(t *testing.T) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftoppm (poppler-utils) is missing in CI")
		}
		t.Skip("pdftoppm not installed")
	}
	logo := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for y := range 20 {
		for x := range 20 { // the right half stays transparent
			logo.SetNRGBA(x, y, color.NRGBA{R: 220, A: 255})
		}
	}
	const payload = "https://lokadaya.example/u/ABC234"
	qr := decodePNG(t, mustQR(t, payload))
	d := New("Maklumat")
	d.Image(logo, 80, 40, AlignLeft)
	d.Centred(Bold, 14, "Pindai untuk menilai layanan")
	d.Image(qr, 200, 200, AlignCentre)
	d.Centred(Regular, 12, "lokadaya.example/u/ABC234")
	data, file := render(t, d)
	if len(file.Pages) != 1 || !strings.Contains(file.Text(), "Pindai untuk menilai layanan\nlokadaya.example/u/ABC234") {
		t.Fatalf("text %q", file.Text())
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "poster.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	// At 72 dpi one pixel is one point.
	if out, err := exec.Command(bin, "-r", "72", "-png", "-singlefile", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	page := decodePNG(t, raw)
	// The first image hangs from the top margin, at the left one.
	left, top := 57, 57
	for _, c := range []struct {
		name string
		x, y int
		want func(r, g, b uint32) bool
	}{
		{"opaque half red", left + 20, top + 20, func(r, g, b uint32) bool { return r > 0xc000 && g < 0x4000 && b < 0x4000 }},
		{"transparent half white", left + 60, top + 20, func(r, g, b uint32) bool { return r > 0xf000 && g > 0xf000 && b > 0xf000 }},
	} {
		r, g, b, _ := page.At(c.x, c.y).RGBA()
		if !c.want(r, g, b) {
			t.Errorf("%s: pixel (%d,%d) is %x %x %x", c.name, c.x, c.y, r, g, b)
		}
	}
	got, err := qris.Decode(page)
	if err != nil || got != payload {
		t.Errorf("QR code read back as %q, %v", got, err)
	}
}

// TestPictureForms: grey pictures take one byte a pixel, coloured ones
// three, and only pictures with transparency get a mask.
func TestPictureForms(t *testing.T) {
	grey := image.NewGray(image.Rect(0, 0, 3, 2))
	rgba := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	for i := range rgba.Pix {
		rgba.Pix[i] = 0xff
	}
	rgba.Pix[0] = 0x10
	p := newPicture(grey)
	if !p.gray || len(p.pixels) != 6 || p.alpha != nil {
		t.Errorf("grey picture %+v", p)
	}
	p = newPicture(rgba)
	if p.gray || len(p.pixels) != 18 || p.alpha != nil {
		t.Errorf("colour picture %+v", p)
	}
	rgba.Pix[3] = 0x80
	if p = newPicture(rgba); p.alpha == nil || p.alpha[0] != 0x80 {
		t.Errorf("transparent picture %+v", p)
	}
}

func mustQR(t *testing.T, payload string) []byte {
	t.Helper()
	b, err := qris.PNG(payload, 1)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestMetaText keeps the value's line breaks, where Meta joins them.
func TestMetaText(t *testing.T) {
	d := New("Langkah")
	d.MetaText("Prosedur", "1. Daftar\r\n2. Timbang")
	d.Meta("Biaya", "Gratis\nsekali")
	_, file := render(t, d)
	if got := file.Text(); got != "Prosedur 1. Daftar\n2. Timbang\nBiaya Gratis sekali" {
		t.Errorf("text %q", got)
	}
}
