package web_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/account"
	"lokadaya/internal/i18n"
)

// TestBrowserDonation gives money in a real browser: one donor pays by
// QRIS (the instructions show the QR picture for the exact amount),
// another by bank transfer (the unique code is shown), the treasurer logs
// in and confirms both on the donations page, and the public campaign page
// then shows the new confirmed total to the rupiah.
func TestBrowserDonation(t *testing.T) {
	ctx := newBrowser(t)
	bg := context.Background()

	// The organisation, its campaign (a Rp5.000.000 dana need), a bank
	// account and a confirmed QRIS, straight through the stores.
	w := newDonationWorld(t)
	w.withQRIS(t, true)
	treasurer := w.users["treasurer"]
	if err := (&account.Store{DB: w.d}).MarkVerified(bg, treasurer.ID); err != nil {
		t.Fatal(err)
	}
	page := "/galang-daya/" + w.campaign.Slug
	b := &cycleBrowser{t: t, ctx: ctx, base: w.ts.URL, email: treasurer.Email, password: "kata-sandi-panjang"}

	// give fills the campaign page's form and returns the instructions
	// page it lands on.
	give := func(amount, name, method string) string {
		t.Helper()
		b.open(page, "form.donation-form")
		b.post("give by "+method, `form.donation-form button[type="submit"]`, "",
			chromedp.SendKeys("#amount_custom", amount, chromedp.ByQuery),
			chromedp.SendKeys("#name", name, chromedp.ByQuery),
			cycleClick(`input[name="method"][value="`+method+`"]`))
		var loc string
		b.run("instructions location", chromedp.Location(&loc))
		u, err := url.Parse(loc)
		if err != nil || !strings.HasPrefix(u.Path, "/donasi/") {
			t.Fatalf("give by %s: at %s; page says:\n%s", method, loc, b.text("main"))
		}
		return u.Path
	}

	// A donor pays by QRIS: the picture loads, with the exact amount.
	qrisPage := give("75.000", "Siti Aminah", "qris")
	var loaded bool
	b.run("QR picture loaded", chromedp.WaitVisible("p.qris-code img", chromedp.ByQuery),
		chromedp.Poll(`(() => { const img = document.querySelector("p.qris-code img");
			return img.complete && img.naturalWidth > 0; })()`, &loaded))
	if src := b.attr("p.qris-code img", "src"); src != qrisPage+"/qris.png" {
		t.Errorf("QR picture from %q", src)
	}
	if got := b.text("p.amount-to-pay"); got != "Rp75.000" {
		t.Errorf("QRIS amount %q", got)
	}

	// Another pays by transfer: the unique code is shown apart.
	give("120.000", "Budi Santoso", "transfer")
	var code, transfer int64
	if err := w.d.QueryRow(bg, `SELECT unique_code, amount FROM donations WHERE method = 'transfer'`).Scan(&code, &transfer); err != nil {
		t.Fatal(err)
	}
	if code < 1 || code > 999 || transfer != 120_000+code {
		t.Fatalf("transfer: code %d, amount %d", code, transfer)
	}
	if got := b.text("p.amount-to-pay"); got != i18n.Rupiah(transfer) {
		t.Errorf("amount to transfer %q, want %q", got, i18n.Rupiah(transfer))
	}
	if got := b.text("p.amount-to-pay mark"); !strings.HasSuffix(strconv.FormatInt(transfer, 10), strings.ReplaceAll(got, ".", "")) {
		t.Errorf("marked digits %q of %d", got, transfer)
	}
	if got := b.text("main"); !strings.Contains(got, "1234567890") {
		t.Errorf("instructions lack the account number:\n%s", got)
	}

	// Nothing is counted before the treasurer confirms.
	b.open(page, "p.money")
	if got := b.text("p.money"); !strings.HasPrefix(got, "Rp0 terkumpul dari target Rp5.000.000") {
		t.Fatalf("money before confirming: %q", got)
	}

	// The treasurer logs in and confirms both on the donations page.
	b.login()
	manage := "/organisasi/" + w.org.Slug + "/donasi"
	rows, err := w.d.Query(bg, `SELECT id FROM donations WHERE status = 'pending' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	rows.Close()
	if len(ids) != 2 {
		t.Fatalf("%d pending donations", len(ids))
	}
	b.open(manage, "main")
	if got := b.text("main"); !strings.Contains(got, "Siti Aminah") || !strings.Contains(got, i18n.Rupiah(transfer)) {
		t.Fatalf("donations page:\n%s", got)
	}
	for _, id := range ids {
		b.post("confirm #"+id, `form[action="`+manage+`/`+id+`/konfirmasi"] button`, manage)
	}
	var pending int
	b.run("nothing pending", chromedp.Evaluate(`document.querySelectorAll('form[action$="/konfirmasi"]').length`, &pending))
	if pending != 0 {
		t.Errorf("%d confirm buttons left", pending)
	}

	// The public page shows the new confirmed total.
	total := 75_000 + transfer
	b.open(page, "p.money")
	want := i18n.Rupiah(total) + " terkumpul dari target Rp5.000.000 · 2 donatur"
	if got := b.text("p.money"); got != want {
		t.Errorf("campaign page money %q, want %q", got, want)
	}
	if got := b.text("main"); !strings.Contains(got, "Siti Aminah") || !strings.Contains(got, "Budi Santoso") {
		t.Errorf("supporters' wall lacks the donors:\n%s", got)
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}
