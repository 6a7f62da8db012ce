package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSearchFromHeader types a word into the header's search box
// on a 360 px phone without JavaScript, then narrows the results to a
// region typed by name, picking Kota Bandung among the regions so named.
func TestBrowserSearchFromHeader(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	tab := phoneTab(t, ctx, false)
	var width int
	run(t, tab, "home", chromedp.Navigate(w.ts.URL+"/"), chromedp.WaitVisible("#site-search-q", chromedp.ByID),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
	if width > 360 {
		t.Errorf("the home page with the search box is %d px wide at 360", width)
	}
	var shot []byte
	run(t, tab, "header screenshot", chromedp.CaptureScreenshot(&shot))
	saveShot(t, "search-header-360.png", shot)

	var results string
	run(t, tab, "search", chromedp.SendKeys("#site-search-q", "lampu", chromedp.ByID),
		chromedp.Submit("#site-search-q", chromedp.ByID), chromedp.WaitVisible("#search-results", chromedp.ByID),
		chromedp.Text("#search-results", &results, chromedp.ByID),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
	if !strings.Contains(strings.ToLower(results), "lampu") {
		t.Errorf("results for lampu: %q", results)
	}
	if width > 360 {
		t.Errorf("the results page is %d px wide at 360", width)
	}
	run(t, tab, "results screenshot", chromedp.FullScreenshot(&shot, 100))
	saveShot(t, "search-results-360.png", shot)

	// A region by name, without JavaScript: the filters open, the name is
	// typed, the page offers the regions so named.
	var choices string
	run(t, tab, "region by name", chromedp.Navigate(w.ts.URL+"/cari?wilayah=bandung"),
		chromedp.WaitVisible("#region-choices", chromedp.ByID), chromedp.Text("#region-choices", &choices, chromedp.ByID))
	if !strings.Contains(choices, "Kota Bandung") && !strings.Contains(strings.ToUpper(choices), "KOTA BANDUNG") {
		t.Errorf("choices for bandung: %q", choices)
	}
	run(t, tab, "pick Kota Bandung", chromedp.Click(`#region-choices a[href*="wilayah=32.73"]`, chromedp.ByQuery),
		chromedp.WaitVisible("#search-region", chromedp.ByID))
	run(t, tab, "region screenshot", chromedp.FullScreenshot(&shot, 100))
	saveShot(t, "search-region-360.png", shot)
}

// saveShot keeps a screenshot where LOKADAYA_SHOTS points, for a person to
// look at; without it, nothing is written.
func saveShot(t *testing.T, name string, b []byte) {
	t.Helper()
	dir := os.Getenv("LOKADAYA_SHOTS")
	if dir == "" {
		return
	}
	if err := os.WriteFile(dir+"/"+name, b, 0o644); err != nil {
		t.Error(err)
	}
}
