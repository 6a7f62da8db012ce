package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lokadaya/internal/pdf/pdftest"
	"lokadaya/internal/qris"
)

// decodeQR reads the QR code in a PNG picture.
func decodeQR(t *testing.T, picture []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(picture))
	if err != nil {
		t.Fatal(err)
	}
	text, err := qris.Decode(img)
	if err != nil {
		t.Fatalf("no QR code read: %v", err)
	}
	return text
}

// redLogo is a plain red JPEG, easy to find on the printed page.
func redLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for y := range 100 {
		for x := range 200 {
			img.Set(x, y, color.RGBA{220, 0, 0, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCharterPoster prints the poster and reads it back as a reader
// would: poppler's pdftotext finds the charter's words in Indonesian (and
// in English with ?lang=en), and the page rendered to a picture shows the
// organisation's logo and a QR code that reads as the point's feedback
// address.
func TestCharterPoster(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	f := charterForm()
	f.Set("cost_kind", "bayar")
	f.Set("cost", "2500")
	w.saveCharter(t, pt, f)
	if r := w.multipart(t, "owner", "/organisasi/taman-baca/ubah", profileForm(), redLogo(t)); r.status != http.StatusSeeOther {
		t.Fatalf("logo upload: %d", r.status)
	}
	dir := t.TempDir()
	poster := "/layanan/" + pt.Code + "/maklumat.pdf"
	feedback := "http://example.test/u/" + pt.Code
	for _, c := range []struct {
		lang, query string
		words       []string
	}{
		{"id", "", []string{"Maklumat pelayanan", "Pos Baca RW 03", "Inisiatif Pojok Baca oleh Taman Baca Sukarasa",
			"Jenis layanan", "Peminjaman buku anak", "Persyaratan", "Kartu anggota atau nama orang tua",
			"Prosedur", "1. Pilih buku", "3. Kembalikan dalam 7 hari", "Waktu pelayanan", "Paling lama 10 menit",
			"Biaya", "Rp2.500", "Saluran pengaduan", "WhatsApp 0812-1111-2222", "Hak penerima layanan",
			"Meminjam tiga buku sekaligus", "Kewajiban penerima layanan", "Menjaga buku tetap bersih",
			"Ditandatangani oleh Dewi Anggraini (Ketua), 6 Januari 2025", "Pindai untuk menilai layanan kami",
			"example.test/u/" + pt.Code}},
		{"en", "?lang=en", []string{"Service charter", "Requirements", "Procedure", "Time to serve", "Cost", "Rp2.500",
			"Complaint channels", "Rights of the people served", "Signed by Dewi Anggraini (Ketua), 6 January 2025",
			"Scan to rate our service", "example.test/u/" + pt.Code}},
	} {
		r := w.get(t, "anon", poster+c.query)
		if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("%s poster: %d %v", c.lang, r.status, r.header)
		}
		path := filepath.Join(dir, c.lang+".pdf")
		if err := os.WriteFile(path, []byte(r.body), 0o600); err != nil {
			t.Fatal(err)
		}
		// Labels wrap in their column: compare words, not lines.
		text := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))), " ")
		for _, word := range c.words {
			if !strings.Contains(text, word) {
				t.Errorf("%s poster lacks %q:\n%s", c.lang, word, text)
			}
		}
		if info := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdfinfo", path))), " "); !strings.Contains(info, "Pages: 1 ") ||
			!strings.Contains(info, "595.28 x 841.89") {
			t.Errorf("%s poster is not one A4 page:\n%s", c.lang, info)
		}
		prefix := filepath.Join(dir, c.lang)
		pdftest.Poppler(t, "pdftoppm", "-r", "100", "-png", "-singlefile", path, prefix)
		picture, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeQR(t, picture); got != feedback {
			t.Errorf("%s poster's QR code reads %q, want %q", c.lang, got, feedback)
		}
		if c.lang == "id" && !hasRedLogo(t, picture) {
			t.Error("the logo is not on the poster")
		}
	}
}

// hasRedLogo reports whether the top left of the page is the red logo.
func hasRedLogo(t *testing.T, picture []byte) bool {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(picture))
	if err != nil {
		t.Fatal(err)
	}
	// At 100 dpi the 2 cm margin is 79 pixels; the logo is 128×64 points.
	r, g, b, _ := img.At(79+60, 79+40).RGBA()
	return r > 0xb000 && g < 0x4000 && b < 0x4000
}
