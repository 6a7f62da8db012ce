package web_test

import (
	"bytes"
	"context"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/pdf/pdftest"
)

// receiptText writes a PDF answer to dir and returns its words, as
// pdftotext reads them, and the page rendered at 150 dpi.
func receiptText(t *testing.T, dir string, body []byte) (string, []byte) {
	t.Helper()
	path := filepath.Join(dir, "kuitansi.pdf")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))), " ")
	pdftest.Poppler(t, "pdftoppm", "-png", "-r", "150", "-singlefile", path, filepath.Join(dir, "page"))
	picture, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return text, picture
}

// confirmLast confirms the newest pending donation as the treasurer and
// returns its amount.
func (w *donationWorld) confirmLast(t *testing.T) int64 {
	t.Helper()
	id := w.pendingID(t)
	if res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.status)
	}
	var amount int64
	if err := w.d.QueryRow(context.Background(), `SELECT amount FROM donations WHERE id = ?`, id).Scan(&amount); err != nil {
		t.Fatal(err)
	}
	return amount
}

// TestDonationReceiptPDF: the receipt is refused until the donation is
// confirmed; then it carries the letterhead with the logo, the donor, the
// amount in figures and words and a QR code that opens the check, which
// says the entry verifies — and no longer does once the stored entry is
// changed behind the ledger's back.
func TestDonationReceiptPDF(t *testing.T) {
	w := newDonationWorld(t)
	if r := w.multipart(t, "owner", "/organisasi/taman-baca/ubah", profileForm(), redLogo(t)); r.status != http.StatusSeeOther {
		t.Fatalf("logo upload: %d", r.status)
	}
	donation := w.give(t, url.Values{"amount": {"1250000"}, "name": {"Siti Aminah"}})
	receipt := donation + "/kuitansi.pdf"

	for _, c := range []struct{ query, words string }{
		{"", "Bukti donasi belum tersedia"},
		{"?lang=en", "The receipt is not available yet"},
	} {
		res := w.get(t, "anon", receipt+c.query)
		if res.status != http.StatusConflict || !strings.Contains(res.body, c.words) || !strings.Contains(res.body, `href="`+donation+`"`) {
			t.Fatalf("pending receipt%s: %d\n%s", c.query, res.status, res.body)
		}
	}
	if page := w.get(t, "anon", donation); strings.Contains(page.body, "kuitansi.pdf") {
		t.Error("a pending donation's page links a receipt")
	}

	amount := w.confirmLast(t)
	if page := w.get(t, "anon", donation); !strings.Contains(page.body, `href="`+receipt+`"`) {
		t.Errorf("the confirmed donation's page does not link the receipt:\n%s", page.body)
	}
	res := w.get(t, "anon", receipt)
	if res.status != http.StatusOK || res.header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(res.header.Get("Cache-Control"), "no-store") {
		t.Fatalf("receipt: %d %v", res.status, res.header)
	}
	text, picture := receiptText(t, t.TempDir(), []byte(res.body))
	for _, want := range []string{"Bukti donasi", "Taman Baca Sukarasa", "Komunitas", "Diterima dari Siti Aminah",
		"Jumlah " + i18n.Rupiah(amount), "Untuk kampanye Buku untuk Anak", "Jenis dana Dana umum",
		"Cara pembayaran Transfer bank", "Terbilang Satu juta dua ratus lima puluh ribu " + i18n.RupiahWords(i18n.ID, amount%1000)} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "sedekah") {
		t.Error("a general fund's receipt states the zakat separation")
	}
	check := decodeQR(t, picture)
	if !strings.HasPrefix(check, "http://example.test/kuitansi/") || !strings.Contains(text, check) {
		t.Fatalf("QR code reads %q:\n%s", check, text)
	}
	img, err := png.Decode(bytes.NewReader(picture))
	if err != nil {
		t.Fatal(err)
	}
	// At 150 dpi the 2 cm margin is 118 pixels; the logo is 48 points high.
	if r, g, b, _ := img.At(140, 150).RGBA(); r < 0xb000 || g > 0x4000 || b > 0x4000 {
		t.Error("the logo is not on the receipt")
	}

	path := strings.TrimPrefix(check, "http://example.test")
	page := w.get(t, "anon", path)
	for _, want := range []string{"Terverifikasi", i18n.Rupiah(amount), "Siti Aminah", "Buku untuk Anak", "Taman Baca Sukarasa"} {
		if page.status != http.StatusOK || !strings.Contains(page.body, want) {
			t.Errorf("check page %d lacks %q", page.status, want)
		}
	}
	if strings.Contains(page.body, "Tidak terverifikasi") {
		t.Error("a good entry does not verify")
	}
	// The public report links the check from the entry's number.
	if report := w.get(t, "anon", "/organisasi/taman-baca/laporan"); !strings.Contains(report.body, `href="`+path+`"`) {
		t.Errorf("the report does not link %s", path)
	}
	if en := w.get(t, "anon", path+"?lang=en"); !strings.Contains(en.body, "Verified") {
		t.Errorf("English check page:\n%s", en.body)
	}

	if _, err := w.d.Exec(context.Background(), `UPDATE ledger_entries SET amount = amount + 1000 WHERE org_id = ? AND kind = 'donation'`, w.org.ID); err != nil {
		t.Fatal(err)
	}
	page = w.get(t, "anon", path)
	if page.status != http.StatusOK || !strings.Contains(page.body, "Tidak terverifikasi") || !strings.Contains(page.body, "isi catatan tidak sesuai hash-nya") {
		t.Errorf("tampered entry: %d\n%s", page.status, page.body)
	}

	for _, bad := range []string{"/kuitansi/abc", "/kuitansi/999999-1-ABCDEF12", path[:len(path)-1] + "0", path[:len(path)-1] + "1",
		strings.Replace(path, "-1-", "-2-", 1)} {
		if bad == path {
			continue
		}
		res := w.get(t, "anon", bad)
		if res.status != http.StatusNotFound || !strings.Contains(res.body, "Kuitansi tidak ditemukan") {
			t.Errorf("%s: %d", bad, res.status)
		}
	}
}

// TestZakatReceipt: a zakat and infak campaign's receipt states the
// separation, and an anonymous donor is Hamba Allah on it and nameless on
// the public check.
func TestZakatReceipt(t *testing.T) {
	w := newDonationWorld(t)
	if _, err := w.d.Exec(context.Background(), `UPDATE campaigns SET fund = 'zakat_infak' WHERE id = ?`, w.campaign.ID); err != nil {
		t.Fatal(err)
	}
	donation := w.give(t, url.Values{"amount": {"250000"}, "name": {"Rahasia Sekali"}, "anonymous": {"1"}})
	amount := w.confirmLast(t)
	res := w.get(t, "anon", donation+"/kuitansi.pdf")
	if res.status != http.StatusOK {
		t.Fatalf("receipt: %d", res.status)
	}
	text, picture := receiptText(t, t.TempDir(), []byte(res.body))
	for _, want := range []string{"Diterima dari Hamba Allah", "Jenis dana Zakat dan infak",
		"Zakat, infak dan sedekah dicatat terpisah dari dana umum organisasi",
		"Terbilang Dua ratus lima puluh ribu " + i18n.RupiahWords(i18n.ID, amount%1000)} {
		if !strings.Contains(text, want) {
			t.Errorf("zakat receipt lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Rahasia") {
		t.Error("the anonymous donor's name is on the receipt")
	}
	check := strings.TrimPrefix(decodeQR(t, picture), "http://example.test")
	page := w.get(t, "anon", check)
	if page.status != http.StatusOK || !strings.Contains(page.body, "Terverifikasi") || !strings.Contains(page.body, "Zakat") ||
		strings.Contains(page.body, "Rahasia") {
		t.Errorf("zakat check page: %d\n%s", page.status, page.body)
	}

	// Money given back reverses the entry: no receipt any more, and the
	// check says so.
	if err := w.d.InTx(context.Background(), func(tx *db.Tx) error {
		_, err := ledger.Reverse(context.Background(), tx, w.org.ID, 1, "Dana dikembalikan", 0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if res := w.get(t, "anon", donation+"/kuitansi.pdf"); res.status != http.StatusConflict {
		t.Errorf("receipt of a reversed donation: %d", res.status)
	}
	if page := w.get(t, "anon", check); !strings.Contains(page.body, "Terverifikasi") || !strings.Contains(page.body, "telah dibatalkan oleh catatan nomor 2") {
		t.Errorf("check of a reversed entry:\n%s", page.body)
	}
}

// isRedAt reports whether the pixel at x, y of a PNG page is the red logo's.
func isRedAt(t *testing.T, picture []byte, x, y int) bool {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(picture))
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(x, y).RGBA()
	return r > 0xb000 && g < 0x4000 && b < 0x4000
}

// TestExpenseVoucherPDF: an approved expense has a voucher for the money
// managers, with the logo and a QR code to the entry's check; a pending
// one has none. The printed public report carries the logo too.
func TestExpenseVoucherPDF(t *testing.T) {
	w := newExpenseWorld(t)
	if r := w.multipart(t, "owner", "/organisasi/taman-baca/ubah", profileForm(), redLogo(t)); r.status != http.StatusSeeOther {
		t.Fatalf("logo upload: %d", r.status)
	}
	approved := w.record(t, 75_500, "program", true)
	pending := w.record(t, 10_000, "program", false)
	voucher := expenseBase + "/" + strconv.FormatInt(approved.ID, 10) + "/bukti-kas.pdf"
	if list := w.get(t, "treasurer", expenseBase); !strings.Contains(list.body, `href="`+voucher+`"`) ||
		strings.Contains(list.body, "/"+strconv.FormatInt(pending.ID, 10)+"/bukti-kas.pdf") {
		t.Error("the list does not link the approved expense's voucher alone")
	}
	for role, want := range map[string]int{"treasurer": http.StatusOK, "owner": http.StatusOK, "viewer": http.StatusForbidden,
		"editor": http.StatusForbidden, "anon": http.StatusSeeOther} {
		if res := w.get(t, role, voucher); res.status != want {
			t.Errorf("%s: %d, want %d", role, res.status, want)
		}
	}
	if res := w.get(t, "treasurer", expenseBase+"/"+strconv.FormatInt(pending.ID, 10)+"/bukti-kas.pdf"); res.status != http.StatusNotFound {
		t.Errorf("pending expense's voucher: %d", res.status)
	}
	res := w.get(t, "treasurer", voucher)
	if res.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("voucher: %v", res.header)
	}
	text, picture := receiptText(t, t.TempDir(), []byte(res.body))
	for _, want := range []string{"Bukti kas keluar", "Dibayarkan kepada Toko Kayu", "Untuk keperluan Beli rak",
		"Jumlah Rp75.500", "Terbilang Tujuh puluh lima ribu lima ratus rupiah", "Kampanye atau inisiatif Buku untuk Anak"} {
		if !strings.Contains(text, want) {
			t.Errorf("voucher lacks %q:\n%s", want, text)
		}
	}
	if !isRedAt(t, picture, 140, 150) {
		t.Error("the logo is not on the voucher")
	}
	check := w.get(t, "anon", strings.TrimPrefix(decodeQR(t, picture), "http://example.test"))
	if check.status != http.StatusOK || !strings.Contains(check.body, "Terverifikasi") || !strings.Contains(check.body, "-Rp75.500") {
		t.Errorf("the voucher's check: %d\n%s", check.status, check.body)
	}

	report := w.get(t, "anon", "/organisasi/taman-baca/laporan?format=pdf")
	if report.status != http.StatusOK {
		t.Fatalf("report: %d", report.status)
	}
	text, picture = receiptText(t, t.TempDir(), []byte(report.body))
	if !strings.Contains(text, "Taman Baca Sukarasa") || !isRedAt(t, picture, 140, 150) {
		t.Errorf("the printed report lacks the logo or the name:\n%s", text)
	}
}
