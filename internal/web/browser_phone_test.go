package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// phoneTab opens a new tab of the browser at ctx the size of a small
// Android phone (360 × 740), with JavaScript on or off.
func phoneTab(t *testing.T, ctx context.Context, js bool) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	run(t, tab, "phone tab", chromedp.EmulateViewport(360, 740),
		emulation.SetScriptExecutionDisabled(!js))
	return tab
}

// jsName names a sub-test by whether JavaScript is on.
func jsName(js bool) string {
	if js {
		return "js"
	}
	return "nojs"
}

// screenshot saves the visible part of the tab as name.png, under
// LOKADAYA_SCREENSHOTS when set (to look at them) or the test's
// temporary directory.
func screenshot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	dir := os.Getenv("LOKADAYA_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var png []byte
	run(t, tab, "screenshot "+name, chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// onFirstScreen reports where sel's box lies relative to the viewport.
func onFirstScreen(t *testing.T, tab context.Context, sel string) (top, bottom, height float64) {
	t.Helper()
	var box []float64
	run(t, tab, "measure "+sel, chromedp.Evaluate(fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect();
		return [r.top, r.bottom, window.innerHeight]; })()`, sel), &box))
	return box[0], box[1], box[2]
}

// TestBrowserFormErrorSummary submits the donation form without a name on
// a 360 px screen, with JavaScript on and off: the page comes back with
// the summary on the first screen (focused with JavaScript), linking to
// the name field, which is marked and keeps what else was typed.
func TestBrowserFormErrorSummary(t *testing.T) {
	ctx := newBrowser(t)
	w := newDonationWorld(t)
	for _, js := range []bool{true, false} {
		t.Run(jsName(js), func(t *testing.T) {
			tab := phoneTab(t, ctx, js)
			b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL}
			b.open(w.page(), "form.donation-form")
			b.post("give without a name", `form.donation-form button[type="submit"]`, w.page()+"/donasi",
				chromedp.SetValue("#message", "Untuk rak buku", chromedp.ByQuery))
			var hash, focused, message string
			b.run("after", chromedp.WaitReady("#error-summary", chromedp.ByQuery),
				chromedp.Evaluate(`location.hash`, &hash),
				chromedp.Evaluate(`document.activeElement ? document.activeElement.id : ""`, &focused),
				chromedp.Value("#message", &message, chromedp.ByQuery))
			screenshot(t, tab, "donation-errors-"+jsName(js))
			top, bottom, screen := onFirstScreen(t, tab, "#error-summary")
			if top < 0 || bottom > screen {
				t.Errorf("summary at %.0f–%.0f px, screen %.0f px", top, bottom, screen)
			}
			if hash != "#error-summary" {
				t.Errorf("landed at %q", hash)
			}
			if js && focused != "error-summary" {
				t.Errorf("focus on %q, want the summary", focused)
			}
			if got := b.attr(`#error-summary a[href="#name"]`, "href"); got != "#name" {
				t.Errorf("summary links to %q", got)
			}
			if b.attr("#name", "aria-invalid") != "true" || b.attr("#name", "aria-describedby") != "err-name" {
				t.Error("name field not marked")
			}
			if message != "Untuk rak buku" {
				t.Errorf("message kept as %q", message)
			}
			if js { // the summary's link takes the user to the field
				b.run("follow the link", chromedp.Click(`#error-summary a[href="#name"]`, chromedp.ByQuery),
					chromedp.Evaluate(`document.activeElement.id`, &focused))
				if focused != "name" {
					t.Errorf("link focused %q", focused)
				}
			}
			b.run("leave", chromedp.Navigate("about:blank"))
		})
	}
}

// TestBrowserRegionPickerWithoutJS fills the new-organisation form with
// JavaScript off: the picker's refresh brings the user back to the picker
// with what was typed, and Enter in a text field submits the form itself.
func TestBrowserRegionPickerWithoutJS(t *testing.T) {
	ctx := newBrowser(t)
	w := newOrgWorld(t)
	tab := phoneTab(t, ctx, false)
	b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL, email: w.users["owner"].Email, password: "kata-sandi-panjang"}
	b.login()
	b.open("/organisasi/baru", "#name")
	b.post("refresh the picker", "[data-region-refresh]", "/organisasi/baru",
		chromedp.SendKeys("#name", "Kebun Warga Sukarasa", chromedp.ByQuery),
		chromedp.SetValue("#region_prov", "32", chromedp.ByQuery))
	var hash, name string
	var scrolled float64
	var defaultShown bool
	b.run("after refresh", chromedp.WaitVisible("#region_kab", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#region-picker button:not([name])").getClientRects().length > 0`, &defaultShown),
		chromedp.Evaluate(`location.hash`, &hash), chromedp.Evaluate(`window.scrollY`, &scrolled),
		chromedp.Value("#name", &name, chromedp.ByQuery))
	screenshot(t, tab, "picker-refreshed-nojs")
	if top, _, screen := onFirstScreen(t, tab, "#region-picker"); hash != "#region-picker" || scrolled == 0 || top < 0 || top > screen {
		t.Errorf("after refresh at %q, scrolled %.0f, picker top %.0f", hash, scrolled, top)
	}
	if defaultShown {
		t.Error("the hidden default button shows")
	}
	if name != "Kebun Warga Sukarasa" {
		t.Errorf("name kept as %q", name)
	}
	// Enter in the name field submits the form: the organisation is
	// checked (and refused, no legal form), not the picker refreshed.
	b.run("press Enter", cycleMark, chromedp.SendKeys("#name", "\r", chromedp.ByQuery), cycleReloaded,
		chromedp.Evaluate(`location.hash`, &hash))
	if hash != "#error-summary" {
		t.Errorf("Enter landed at %q, want the form submitted", hash)
	}
	if got := b.text("#error-summary"); !strings.Contains(got, "Bentuk") {
		t.Errorf("summary after Enter: %q", got)
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}

// TestBrowserTapTargets measures, at 360 px with JavaScript on and off,
// the links of the province list, the breadcrumbs, a region's table of
// its children (names and sortable headings) and the footer: each is at
// least 44 px high.
func TestBrowserTapTargets(t *testing.T) {
	ctx := newBrowser(t)
	ts := foundationServer(t)
	for _, js := range []bool{true, false} {
		t.Run(jsName(js), func(t *testing.T) {
			tab := phoneTab(t, ctx, js)
			for _, page := range []struct{ path, links string }{
				{"/wilayah", ".region-list a, .figures-table th a"},
				{"/wilayah/32", ".breadcrumbs a"},
				{"/wilayah/32", ".figures-table th a"},
				{"/", "footer a"},
			} {
				var heights []float64
				run(t, tab, "open "+page.path, chromedp.Navigate(ts.URL+page.path),
					chromedp.WaitReady("footer", chromedp.ByQuery),
					chromedp.Evaluate(fmt.Sprintf(`Array.from(document.querySelectorAll(%q), a => a.getBoundingClientRect().height)`, page.links), &heights))
				if len(heights) == 0 {
					t.Errorf("%s: no %s", page.path, page.links)
				}
				for i, h := range heights {
					if h < 44 {
						t.Errorf("%s: %s #%d is %.1f px high", page.path, page.links, i, h)
						break
					}
				}
			}
			screenshot(t, tab, "footer-"+jsName(js))
			run(t, tab, "leave", chromedp.Navigate("about:blank"))
		})
	}
}
