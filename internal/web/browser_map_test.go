package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserMap opens the map on a 360 px phone, taps a province on it
// and lands on that province's region page; then zooms into the province
// from the table and taps a kabupaten/kota. The map page passes axe-core.
func TestBrowserMap(t *testing.T) {
	ctx := newBrowser(t)
	ts, _ := mapServer(t)
	tab := phoneTab(t, ctx, true)
	tap := func(code string) {
		t.Helper()
		var box []float64
		run(t, tab, "find "+code, chromedp.WaitVisible(`svg.map a[data-code="`+code+`"] path`, chromedp.ByQuery),
			chromedp.Evaluate(`(() => { const p = document.querySelector('svg.map a[data-code="`+code+`"] path');
				p.scrollIntoView({block: "center"}); const r = p.getBoundingClientRect();
				return [r.left + r.width / 2, r.top + r.height / 2]; })()`, &box))
		run(t, tab, "tap "+code, chromedp.MouseClickXY(box[0], box[1]), chromedp.WaitVisible("h1", chromedp.ByQuery))
	}

	run(t, tab, "open the map", chromedp.Navigate(ts.URL+"/peta"), chromedp.WaitVisible("svg.map", chromedp.ByQuery))
	screenshot(t, tab, "map-provinces-360")
	t.Run("axe", func(t *testing.T) { checkAxe(t, tab, axeSource(t), "/peta") })
	var width float64
	run(t, tab, "map width", chromedp.Evaluate(`document.querySelector("svg.map").getBoundingClientRect().width`, &width))
	if width < 300 || width > 360 {
		t.Errorf("the map is %.0f px wide on a 360 px screen", width)
	}

	tap("62") // Kalimantan Tengah: large enough for a thumb
	var loc, h1 string
	run(t, tab, "region page", chromedp.Location(&loc), chromedp.Text("h1", &h1, chromedp.ByQuery))
	if !strings.HasSuffix(loc, "/wilayah/62") || h1 != "Kalimantan Tengah" {
		t.Fatalf("tapping Kalimantan Tengah led to %s (%q)", loc, h1)
	}
	screenshot(t, tab, "map-region-page-360")

	run(t, tab, "zoom from the table", chromedp.Navigate(ts.URL+"/peta"),
		chromedp.Click(`#tabel summary`, chromedp.ByQuery),
		chromedp.Click(`#tabel a[href*="wilayah=32"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`svg.map a[data-code="32.73"]`, chromedp.ByQuery))
	screenshot(t, tab, "map-jawa-barat-360")
	tap("32.04") // Kabupaten Bandung
	run(t, tab, "kabupaten page", chromedp.Location(&loc), chromedp.Text("h1", &h1, chromedp.ByQuery))
	if !strings.HasSuffix(loc, "/wilayah/32.04") {
		t.Errorf("tapping Kabupaten Bandung led to %s (%q)", loc, h1)
	}
}
