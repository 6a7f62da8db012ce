package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserHomeAndRegion opens the home page on a 360 px phone without
// JavaScript, picks Jawa Barat then Kota Bandung with the region picker,
// sees the campaigns there, follows the link to the region page and sorts
// its table by money; nothing is wider than the screen.
func TestBrowserHomeAndRegion(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	tab := phoneTab(t, ctx, false)
	wide := `document.documentElement.scrollWidth > window.innerWidth`
	var tooWide bool
	var text string
	run(t, tab, "home", chromedp.Navigate(w.ts.URL+"/"), chromedp.WaitReady("#region_prov", chromedp.ByID),
		chromedp.Evaluate(wide, &tooWide))
	if tooWide {
		t.Error("the home page is wider than 360 px")
	}
	screenshot(t, tab, "home-360")
	run(t, tab, "pick the province", chromedp.SetValue("#region_prov", "32", chromedp.ByID),
		chromedp.Click(`button[name="region_refresh"]`, chromedp.ByQuery),
		chromedp.WaitReady(`#region_kab option[value="32.73"]`, chromedp.ByQuery),
		chromedp.SetValue("#region_kab", "32.73", chromedp.ByID),
		chromedp.Click(`button[name="pilih"]`, chromedp.ByQuery),
		chromedp.WaitReady(`a[href="/wilayah/32.73"]`, chromedp.ByQuery),
		chromedp.Text("#dekat", &text, chromedp.ByID))
	if !strings.Contains(text, "Kota Bandung") {
		t.Errorf("after picking: %q", text)
	}
	run(t, tab, "to the cards", chromedp.ScrollIntoView(`section[aria-labelledby="dekat"] .campaign-card`, chromedp.ByQuery))
	screenshot(t, tab, "home-chosen-360")
	run(t, tab, "region page", chromedp.Click(`a[href="/wilayah/32.73"]`, chromedp.ByQuery),
		chromedp.WaitReady("table.figures-table", chromedp.ByQuery), chromedp.Evaluate(wide, &tooWide))
	if tooWide {
		t.Error("the region page is wider than 360 px")
	}
	screenshot(t, tab, "region-360")
	run(t, tab, "sort", chromedp.Click(`th[aria-sort] a[href*="urut=dana"]`, chromedp.ByQuery),
		chromedp.WaitReady(`th[aria-sort="descending"]`, chromedp.ByQuery))
	run(t, tab, "to the table", chromedp.ScrollIntoView("table.figures-table", chromedp.ByQuery))
	screenshot(t, tab, "region-sorted-360")
}
