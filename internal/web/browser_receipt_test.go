package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var checkLink = regexp.MustCompile(`href="(/kuitansi/[^"]+)"`)

// TestBrowserReceiptCheck opens a receipt's check as a phone without
// JavaScript would after scanning the QR code: the verdict is on the first
// screen of 360 px, nothing is wider than the screen (the 64-character
// hashes wrap), and the page passes axe-core.
func TestBrowserReceiptCheck(t *testing.T) {
	ctx := newBrowser(t)
	w := newDonationWorld(t)
	w.give(t, url.Values{"amount": {"150000"}, "name": {"Siti Aminah"}})
	w.confirmLast(t)
	m := checkLink.FindStringSubmatch(w.get(t, "anon", "/organisasi/taman-baca/laporan").body)
	if m == nil {
		t.Fatal("the report links no receipt check")
	}
	tab := phoneTab(t, ctx, false)
	b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL}
	b.open(m[1], ".verdict")
	var hashWidth, screenWidth float64
	b.run("hash", chromedp.Evaluate(`document.querySelector(".facts dd").getBoundingClientRect().width`, &hashWidth),
		chromedp.Evaluate(`window.innerWidth`, &screenWidth))
	if hashWidth < screenWidth/2 {
		t.Errorf("the values are squeezed into %.0f of %.0f px", hashWidth, screenWidth)
	}
	var tooWide bool
	b.run("width", chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth`, &tooWide))
	screenshot(t, tab, "receipt-check")
	if tooWide {
		t.Error("the check page is wider than the phone")
	}
	if top, bottom, screen := onFirstScreen(t, tab, ".verdict"); top < 0 || bottom > screen {
		t.Errorf("verdict at %.0f–%.0f px, screen %.0f px", top, bottom, screen)
	}
	if got := b.text(".verdict"); !strings.Contains(got, "Terverifikasi") {
		t.Errorf("verdict %q", got)
	}
	// axe-core is a script: it runs in a tab with JavaScript on.
	t.Run("axe", func(t *testing.T) {
		axe := axeSource(t)
		jsTab := phoneTab(t, ctx, true)
		(&cycleBrowser{t: t, ctx: jsTab, base: w.ts.URL}).open(m[1], ".verdict")
		checkAxe(t, jsTab, axe, m[1])
	})
}
