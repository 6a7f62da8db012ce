package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserResultsPhone opens a demo initiative's results page on a
// 360 px phone without JavaScript: the SVG charts draw, typed and
// computed actuals show with their sources (in the chart and the table),
// and nothing is wider than the screen.
func TestBrowserResultsPhone(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	slug, _ := resultsInitiative(t, w)
	tab := phoneTab(t, ctx, false)
	var tooWide bool
	var charts, typed, computed int
	var sources string
	run(t, tab, "results", chromedp.Navigate(w.ts.URL+"/inisiatif/"+slug+"/hasil"),
		chromedp.WaitReady("figure.result-chart svg", chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth`, &tooWide),
		chromedp.Evaluate(`[...document.querySelectorAll('figure.result-chart svg')].filter(s => s.getBoundingClientRect().width > 200).length`, &charts),
		chromedp.Evaluate(`document.querySelectorAll('svg circle.typed').length`, &typed),
		chromedp.Evaluate(`document.querySelectorAll('svg rect.computed').length`, &computed),
		chromedp.Evaluate(`[...document.querySelectorAll('td[data-source]')].map(td => td.dataset.source + ':' + td.textContent).join('|')`, &sources))
	if tooWide {
		var wide string
		run(t, tab, "what is wide", chromedp.Evaluate(`[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).slice(0, 5).map(e => e.tagName + '.' + e.className.baseVal + e.className + ' ' + e.getBoundingClientRect().right).join(', ')`, &wide))
		t.Errorf("the results page is wider than 360 px: %s", wide)
	}
	if charts < 2 || typed == 0 || computed == 0 {
		t.Errorf("%d charts drawn, %d typed and %d computed points", charts, typed, computed)
	}
	if !strings.Contains(sources, "typed:Diketik") || !strings.Contains(sources, "service_records:Catatan layanan") {
		t.Errorf("sources in the table: %q", sources)
	}
	screenshot(t, tab, "results-360")
	run(t, tab, "to the computed chart", chromedp.ScrollIntoView(`svg rect.computed`, chromedp.ByQuery))
	screenshot(t, tab, "results-computed-360")
}
