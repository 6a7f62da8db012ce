package web_test

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/account"
	"lokadaya/internal/i18n"
)

// TestBrowserBooks follows an expense from the treasurer's phone to the
// public report: the treasurer records it with a photo of the receipt, an
// admin (another person) approves it, and an anonymous visitor finds it on
// the campaign's report with its receipt.
func TestBrowserBooks(t *testing.T) {
	ctx := newBrowser(t)
	bg := context.Background()
	w := newExpenseWorld(t)
	for _, role := range []string{"treasurer", "admin"} {
		if err := (&account.Store{DB: w.d}).MarkVerified(bg, w.users[role].ID); err != nil {
			t.Fatal(err)
		}
	}
	// A photo of the receipt, as a phone would take it (small here).
	img := image.NewRGBA(image.Rect(0, 0, 40, 60))
	for y := range 60 {
		for x := range 40 {
			img.Set(x, y, color.RGBA{uint8(200 + x), uint8(200 + y/2), 190, 255})
		}
	}
	photo := filepath.Join(t.TempDir(), "nota.png")
	f, err := os.Create(photo)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()

	b := &cycleBrowser{t: t, ctx: ctx, base: w.ts.URL, email: w.users["treasurer"].Email, password: "kata-sandi-panjang"}
	b.login()
	b.open(expenseBase, "#amount")
	today := time.Now().In(i18n.WIB).Format(time.DateOnly)
	b.post("record the expense", `form[action^="`+expenseBase+`#"] p.actions button[type="submit"]`, expenseBase,
		chromedp.SendKeys("#amount", "150.000", chromedp.ByQuery),
		chromedp.SetValue("#category", "program", chromedp.ByQuery),
		chromedp.SetValue("#campaign", strconv.FormatInt(w.campaign.ID, 10), chromedp.ByQuery),
		chromedp.SetValue("#spent_on", today, chromedp.ByQuery),
		chromedp.SendKeys("#payee", "Toko Buku Sukarasa", chromedp.ByQuery),
		chromedp.SendKeys("#description", "Empat puluh buku cerita bergambar", chromedp.ByQuery),
		chromedp.SetUploadFiles("#receipt", []string{photo}, chromedp.ByQuery))
	if got := b.text("#expenses"); !strings.Contains(got, "Empat puluh buku cerita bergambar") || !strings.Contains(got, "Rp150.000") {
		t.Fatalf("expense list:\n%s", got)
	}
	// Not in the public books before an owner or admin approves it.
	report := "/galang-daya/" + w.campaign.Slug + "/laporan"
	b.open(report, "main")
	if got := b.text("main"); strings.Contains(got, "Empat puluh buku") {
		t.Fatalf("unapproved expense on the report:\n%s", got)
	}

	// The admin logs in and approves it.
	b.post("treasurer logs out", `form[action="/keluar"] button`, "")
	b.email = w.users["admin"].Email
	b.login()
	b.open(expenseBase, "#expenses")
	b.post("approve", `#expenses form[action$="/setujui"] button`, expenseBase)
	var left int
	b.run("nothing left to approve", chromedp.Evaluate(`document.querySelectorAll('form[action$="/setujui"]').length`, &left))
	if left != 0 {
		t.Errorf("%d approve buttons left", left)
	}

	// An anonymous visitor finds it on the campaign's report.
	b.post("admin logs out", `form[action="/keluar"] button`, "")
	b.open("/galang-daya/"+w.campaign.Slug, "main")
	b.post("open the report", `a[href="`+report+`"]`, report)
	main := b.text("main")
	for _, want := range []string{"Empat puluh buku cerita bergambar", "Toko Buku Sukarasa", "-Rp150.000",
		"Keluar: Program", "Rp5.000.000", "Rp4.850.000"} {
		if !strings.Contains(main, want) {
			t.Errorf("report lacks %q:\n%s", want, main)
		}
	}
	receipt := b.attr(`table a[href$="/kuitansi"]`, "href")
	if !strings.HasPrefix(receipt, "/organisasi/"+w.org.Slug+"/buku/") {
		t.Fatalf("receipt link %q", receipt)
	}
	b.post("open the receipt", `table a[href$="/kuitansi"]`, receipt)
	var kind string
	var width int
	b.run("receipt shown", chromedp.Evaluate(`document.contentType`, &kind),
		chromedp.Poll(`(() => { const img = document.querySelector("img"); return img && img.complete && img.naturalWidth; })()`, &width))
	if !strings.HasPrefix(kind, "image/") || width != 40 {
		t.Errorf("receipt is %s, %d px wide", kind, width)
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}
