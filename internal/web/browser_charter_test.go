package web_test

import (
	"context"
	"lokadaya/internal/pdf/pdftest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserCharterPrint opens a point's public charter on a phone with
// JavaScript off, then prints it from Chromium as a person would: the
// printed A4 page carries the charter without the site's navigation, and
// its QR code reads as the point's feedback address.
func TestBrowserCharterPrint(t *testing.T) {
	ctx := newBrowser(t)
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	w.saveCharter(t, pt, charterForm())
	tab := phoneTab(t, ctx, false)
	var text string
	run(t, tab, "open the charter", chromedp.Navigate(w.ts.URL+"/layanan/"+pt.Code+"/maklumat"),
		chromedp.WaitVisible(".charter-qr img", chromedp.ByQuery),
		chromedp.Text("main", &text, chromedp.ByQuery))
	for _, want := range []string{"Maklumat pelayanan", "Peminjaman buku anak", "Paling lama 10 menit", "Gratis",
		"Dewi Anggraini (Ketua)", "example.test/u/" + pt.Code} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}
	screenshot(t, tab, "charter-phone")
	var printed []byte
	run(t, tab, "print", chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		printed, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).Do(ctx)
		return err
	}))
	dir := t.TempDir()
	path := filepath.Join(dir, "printed.pdf")
	if err := os.WriteFile(path, printed, 0o600); err != nil {
		t.Fatal(err)
	}
	words := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))), " ")
	for _, want := range []string{"Maklumat pelayanan", "Pos Baca RW 03", "Kartu anggota atau nama orang tua",
		"3. Kembalikan dalam 7 hari", "Pindai untuk menilai layanan kami"} {
		if !strings.Contains(words, want) {
			t.Errorf("printed page lacks %q:\n%s", want, words)
		}
	}
	for _, hidden := range []string{"Galang Daya", "Unduh poster", "Masuk"} {
		if strings.Contains(words, hidden) {
			t.Errorf("printed page shows %q", hidden)
		}
	}
	if info := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdfinfo", path))), " "); !strings.Contains(info, "(A4)") ||
		!strings.Contains(info, "Pages: 1 ") {
		t.Errorf("not printed on one A4 page:\n%s", info)
	}
	pdftest.Poppler(t, "pdftoppm", "-r", "100", "-png", "-singlefile", path, filepath.Join(dir, "page"))
	picture, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeQR(t, picture); got != "http://example.test/u/"+pt.Code {
		t.Errorf("printed QR code reads %q", got)
	}
}
