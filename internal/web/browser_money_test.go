package web_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"lokadaya/internal/payment"
	"lokadaya/internal/web"
)

// TestBrowserAccountNumber gives by transfer on a 360 px phone, with
// JavaScript on and off. The account number on the instructions stays on
// one line, shown in groups of four; selecting it copies the digits alone;
// the copy button appears only with JavaScript and copies the digits.
func TestBrowserAccountNumber(t *testing.T) {
	ctx := newBrowser(t)
	w := newDonationWorld(t)
	// A 15-digit BRI account, longer than the one newDonationWorld adds.
	const number = "002101000123509"
	if _, err := w.d.Exec(context.Background(), `UPDATE org_bank_accounts SET active = FALSE`); err != nil {
		t.Fatal(err)
	}
	if _, err := (&payment.Store{DB: w.d}).AddAccount(context.Background(), payment.Actor{ID: w.users["owner"].ID},
		w.org.ID, payment.AccountInput{Bank: "bri", AccountNumber: number, AccountName: "Yayasan Taman Baca Sukarasa"}); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(w.ts.URL)
	if err := chromedp.Run(ctx,
		emulation.SetDeviceMetricsOverride(360, 740, 2, true),
		emulation.SetFocusEmulationEnabled(true), // the clipboard wants a focused page
		cdpbrowser.GrantPermissions([]cdpbrowser.PermissionType{cdpbrowser.PermissionTypeClipboardReadWrite,
			cdpbrowser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(u.Scheme+"://"+u.Host),
	); err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("LOKADAYA_TEST_SCREENSHOTS") // to keep the pictures; else the test's temp dir
	if shots == "" {
		shots = t.TempDir()
	}
	b := &cycleBrowser{t: t, ctx: ctx, base: w.ts.URL}
	for _, js := range []bool{true, false} {
		name := map[bool]string{true: "js", false: "nojs"}[js]
		b.run(name+": scripts", emulation.SetScriptExecutionDisabled(!js))
		b.open(w.page(), "form.donation-form")
		b.post(name+": give", `form.donation-form button[type="submit"]`, "",
			chromedp.SendKeys("#amount_custom", "50.000", chromedp.ByQuery),
			chromedp.SendKeys("#name", "Siti Aminah", chromedp.ByQuery))
		var lines int
		var right, width float64
		b.run(name+": number box", chromedp.WaitReady("#account-number", chromedp.ByQuery),
			chromedp.Evaluate(`document.getElementById("account-number").getClientRects().length`, &lines),
			chromedp.Evaluate(`document.getElementById("account-number").getBoundingClientRect().right`, &right),
			chromedp.Evaluate(`document.documentElement.clientWidth`, &width))
		if lines != 1 || right > width {
			t.Errorf("%s: the account number takes %d lines, ends at %.0f of %.0f px", name, lines, right, width)
		}
		if got := b.text("#account-number"); got != number {
			t.Errorf("%s: the number reads %q", name, got)
		}
		var groups []string
		b.run(name+": groups", chromedp.Evaluate(`Array.from(document.querySelectorAll("#account-number span"), s => s.textContent)`, &groups))
		if strings.Join(groups, " ") != "0021 0100 0123 509" {
			t.Errorf("%s: groups %q", name, groups)
		}
		// Selecting the number, as a tap does, takes it whole and without spaces.
		var selected string
		b.run(name+": select", chromedp.Evaluate(`(() => { const s = getSelection();
			s.selectAllChildren(document.getElementById("account-number"));
			const text = s.toString(); s.removeAllRanges(); return text; })()`, &selected))
		if selected != number {
			t.Errorf("%s: selecting the number gives %q", name, selected)
		}
		var shown bool
		b.run(name+": copy button", chromedp.Evaluate(`(() => { const el = document.querySelector("button[data-copy]");
			return !!el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height >= 44; })()`, &shown))
		if shown != js {
			t.Errorf("%s: copy button shown (and 44 px high) %v", name, shown)
		}
		if js {
			var copied string
			b.run("copy", cycleClick("button[data-copy]"),
				chromedp.WaitVisible(".copy-status", chromedp.ByQuery),
				chromedp.Evaluate(`navigator.clipboard.readText()`, &copied, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
					return p.WithAwaitPromise(true)
				}))
			if copied != number {
				t.Errorf("the copy button copied %q", copied)
			}
			if got := b.text(".copy-status"); got != "Tersalin" {
				t.Errorf("after copying the page says %q", got)
			}
		}
		var png []byte
		b.run(name+": screenshot", chromedp.FullScreenshot(&png, 100))
		if err := os.WriteFile(filepath.Join(shots, "instructions-360-"+name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}

// TestBrowserPayOnlineWithoutJS pays online with JavaScript off, at an
// address other than the configured one (localhost for 127.0.0.1): the
// form leads to the demo sandbox's payment page, and paying there leads
// back to the donation page at the same address.
func TestBrowserPayOnlineWithoutJS(t *testing.T) {
	ctx := newBrowser(t)
	w := newDonationWorld(t)
	w.serve(t, web.Config{Demo: true})
	u, _ := url.Parse(w.ts.URL)
	_, port, _ := strings.Cut(u.Host, ":")
	host := "localhost:" + port
	b := &cycleBrowser{t: t, ctx: ctx, base: "http://" + host}
	b.run("no scripts", emulation.SetScriptExecutionDisabled(true))
	b.open(w.page(), "form.donation-form")
	b.post("pay online", `form.donation-form button[type="submit"]`, "",
		chromedp.SendKeys("#amount_custom", "40.000", chromedp.ByQuery),
		chromedp.SendKeys("#name", "Dewi", chromedp.ByQuery),
		cycleClick(`input[name="method"][value="gateway"]`))
	var loc string
	b.run("at the gateway", chromedp.Location(&loc))
	if !strings.HasPrefix(loc, "http://"+host+"/sandbox/pay/") {
		t.Fatalf("after giving: at %s; page says:\n%s", loc, b.text("body"))
	}
	b.post("settle", `button[value="settlement"]`, "")
	b.run("back", chromedp.WaitReady("main p", chromedp.ByQuery), chromedp.Location(&loc))
	var paid bool
	b.run("paid?", chromedp.Evaluate(`document.querySelector(".badge.status-confirmed") !== null`, &paid))
	if !strings.HasPrefix(loc, "http://"+host+"/donasi/") || !paid {
		t.Fatalf("after paying: at %s; page says:\n%s", loc, b.text("body"))
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}
