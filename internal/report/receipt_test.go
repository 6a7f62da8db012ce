package report_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/pdf/pdftest"
	"lokadaya/internal/qris"
	"lokadaya/internal/report"
)

// greenLogo is a plain green picture, easy to find on the rendered page.
func greenLogo() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for y := range 60 {
		for x := range 120 {
			img.Set(x, y, color.RGBA{0, 160, 0, 255})
		}
	}
	return img
}

// TestDonationReceipt writes receipts and reads them back as a donor's
// reader would: the words on the page, the zakat statement only on a
// zakat receipt, the logo in the top left and a QR code that reads as the
// verification address.
func TestDonationReceipt(t *testing.T) {
	o := &org.Organization{ID: 7, Name: "Yayasan Air Bersih Sukarasa", LegalForm: "yayasan", AktaNumber: "12 tanggal 3 Mei 2019",
		SKAHU: "AHU-0012345.AH.01.04.Tahun 2019", NPWP: "012345678901000", Address: "Jl. Sukarasa 5, Bandung"}
	e := &ledger.Entry{OrgID: 7, Seq: 12, RecordedAt: time.Date(2026, 3, 4, 5, 0, 0, 0, time.UTC), Kind: ledger.KindDonation,
		Amount: 1_250_000, Category: ledger.CatProgram, Hash: "3f9a2c1b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081"}
	url := "https://lokadaya.example/kuitansi/7-12-3F9A2C1B"
	for _, tc := range []struct {
		name  string
		lang  i18n.Lang
		donor string
		zakat bool
		logo  image.Image
		words []string
	}{
		{"named", i18n.ID, "Budi Santoso", false, greenLogo(), []string{"Bukti donasi", "Yayasan Air Bersih Sukarasa",
			"Yayasan · Akta 12 tanggal 3 Mei 2019 · SK AHU-0012345.AH.01.04.Tahun 2019 · NPWP 01.234.567.8-901.000",
			"Nomor kuitansi 7-12-3F9A2C1B", "Tanggal diterima 4 Maret 2026", "Diterima dari Budi Santoso",
			"Jumlah Rp1.250.000", "Terbilang Satu juta dua ratus lima puluh ribu rupiah", "Untuk kampanye Sumur untuk RW 03",
			"Jenis dana Dana umum", "Cara pembayaran Transfer bank", "Nomor urut 12", url}},
		{"anonymous zakat", i18n.ID, "", true, nil, []string{"Diterima dari Hamba Allah", "Jenis dana Zakat dan infak",
			"Zakat, infak dan sedekah dicatat terpisah dari dana umum", "Cara pembayaran QRIS"}},
		{"english", i18n.EN, "", true, nil, []string{"Donation receipt", "Received from Anonymous",
			"In words One million two hundred fifty thousand rupiah", "This donation was received as zakat and infak"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := "transfer"
			if tc.zakat {
				method = "qris"
			}
			var buf bytes.Buffer
			if err := report.WriteDonationReceipt(&buf, &report.DonationReceipt{Lang: tc.lang, Zone: i18n.WIB, Org: o, Logo: tc.logo,
				Entry: e, Donor: tc.donor, Campaign: "Sumur untuk RW 03", Method: method, ZakatInfak: tc.zakat, VerifyURL: url}); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "kuitansi.pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))), " ")
			for _, w := range tc.words {
				if !strings.Contains(text, w) {
					t.Errorf("receipt lacks %q:\n%s", w, text)
				}
			}
			if statement := strings.Contains(text, "sedekah"); statement != tc.zakat {
				t.Errorf("zakat statement shown = %v, want %v", statement, tc.zakat)
			}
			if !strings.Contains(strings.ReplaceAll(text, " ", ""), e.Hash) {
				t.Errorf("receipt lacks the entry's hash:\n%s", text)
			}
			if info := string(pdftest.Poppler(t, "pdfinfo", path)); !strings.Contains(strings.Join(strings.Fields(info), " "), "Pages: 1 ") {
				t.Errorf("not one page:\n%s", info)
			}
			pdftest.Poppler(t, "pdftoppm", "-png", "-r", "150", "-singlefile", path, filepath.Join(dir, "page"))
			b, err := os.ReadFile(filepath.Join(dir, "page.png"))
			if err != nil {
				t.Fatal(err)
			}
			page, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := qris.Decode(page); err != nil || got != url {
				t.Errorf("QR code reads %q (%v), want %q", got, err, url)
			}
			// At 150 dpi the 2 cm margin is 118 pixels: the logo starts there.
			r, g, bl, _ := page.At(130, 135).RGBA()
			green := r>>8 < 60 && g>>8 > 120 && bl>>8 < 60
			if green != (tc.logo != nil) {
				t.Errorf("logo shown = %v, want %v (pixel %d %d %d)", green, tc.logo != nil, r>>8, g>>8, bl>>8)
			}
		})
	}
}

// renderPage renders the first page of a PDF at 150 dpi.
func renderPage(t *testing.T, data []byte) (text string, page image.Image) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))), " ")
	pdftest.Poppler(t, "pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(dir, "page"))
	b, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	if page, err = png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	return text, page
}

// greenAt reports whether the pixel at x, y is the green logo's.
func greenAt(page image.Image, x, y int) bool {
	r, g, b, _ := page.At(x, y).RGBA()
	return r>>8 < 60 && g>>8 > 120 && b>>8 < 60
}

// TestExpenseVoucher: the voucher shows the expense in figures and words,
// who recorded and approved it, the logo and a QR code to the entry's
// check.
func TestExpenseVoucher(t *testing.T) {
	o := &org.Organization{ID: 7, Name: "Yayasan Air Bersih Sukarasa", LegalForm: "yayasan"}
	e := &ledger.Entry{OrgID: 7, Seq: 13, RecordedAt: time.Date(2026, 3, 5, 5, 0, 0, 0, time.UTC), Kind: ledger.KindExpense,
		Amount: -75_500, Category: ledger.CatOperasional, Hash: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"}
	url := "https://lokadaya.example/kuitansi/7-13-A1B2C3D4"
	var buf bytes.Buffer
	if err := report.WriteExpenseVoucher(&buf, &report.ExpenseVoucher{Lang: i18n.ID, Zone: i18n.WIB, Org: o, Logo: greenLogo(),
		Entry: e, SpentOn: "2026-03-04", Payee: "Toko Kayu", Description: "Beli rak buku", Category: "Operasional",
		Target: "Sumur untuk RW 03", Maker: "Rina", Checker: "Dewi", Approved: e.RecordedAt, HasNota: true, VerifyURL: url}); err != nil {
		t.Fatal(err)
	}
	text, page := renderPage(t, buf.Bytes())
	for _, w := range []string{"Bukti kas keluar", "Nomor kuitansi 7-13-A1B2C3D4", "Tanggal pengeluaran 4 Maret 2026",
		"Dibayarkan kepada Toko Kayu", "Untuk keperluan Beli rak buku", "Jumlah Rp75.500",
		"Terbilang Tujuh puluh lima ribu lima ratus rupiah", "Kampanye atau inisiatif Sumur untuk RW 03",
		"Nota Terlampir pada catatan pengeluaran", "Dicatat oleh Rina", "Disetujui oleh Dewi, 5 Maret 2026 12.00 WIB", url} {
		if !strings.Contains(text, w) {
			t.Errorf("voucher lacks %q:\n%s", w, text)
		}
	}
	if got, err := qris.Decode(page); err != nil || got != url {
		t.Errorf("QR code reads %q (%v), want %q", got, err, url)
	}
	if !greenAt(page, 130, 135) {
		t.Error("the logo is not on the voucher")
	}
}

// TestReportPDFLogo: the printed report starts with the organisation's
// logo and legal line when it has them.
func TestReportPDFLogo(t *testing.T) {
	for _, logo := range []image.Image{greenLogo(), nil} {
		m := &report.Meta{Lang: i18n.ID, Title: "Laporan keuangan Yayasan Air", OrgName: "Yayasan Air", Zone: i18n.WIB,
			Generated: time.Date(2026, 3, 5, 5, 0, 0, 0, time.UTC), BaseURL: "https://lokadaya.example", OrgSlug: "air",
			Logo: logo, Legal: "Yayasan · SK AHU-0012345.AH.01.04.Tahun 2019"}
		var buf bytes.Buffer
		if err := report.WritePDF(&buf, &report.Report{HeadHash: ledger.Genesis}, m); err != nil {
			t.Fatal(err)
		}
		text, page := renderPage(t, buf.Bytes())
		if !strings.Contains(text, "Laporan keuangan Yayasan Air") || !strings.Contains(text, m.Legal) {
			t.Errorf("report text:\n%s", text)
		}
		if greenAt(page, 130, 135) != (logo != nil) {
			t.Errorf("logo shown = %v, want %v", !(logo != nil), logo != nil)
		}
	}
}
