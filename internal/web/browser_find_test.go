package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserFindCampaignByRegionThenMap is a visitor's way through the
// demo world on a 360 px phone: from the home page's search box to the
// search page, where typing the name of a kabupaten/kota finds a running
// campaign there; then from the map, tapping the campaign's province and,
// on that province's map, its kabupaten/kota, whose region page leads to
// the same campaign.
func TestBrowserFindCampaignByRegionThenMap(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	bg := context.Background()

	// A running campaign of a public organisation, in the kabupaten/kota
	// with the fewest of them, so that its region page lists it.
	rows, err := w.d.Query(bg, `SELECT c.slug, c.title, o.region_code FROM campaigns c JOIN organizations o ON o.id = c.org_id
		WHERE c.status = 'active' AND (c.ends_at IS NULL OR c.ends_at > ?) AND o.status NOT IN ('rejected', 'suspended')
		ORDER BY c.id`, time.Now().Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	type found struct{ slug, title, kab string }
	var list []found
	perKab := map[string]int{}
	for rows.Next() {
		var f found
		if err := rows.Scan(&f.slug, &f.title, &f.kab); err != nil {
			t.Fatal(err)
		}
		f.kab = f.kab[:5]
		perKab[f.kab]++
		list = append(list, f)
	}
	rows.Close()
	if len(list) == 0 {
		t.Fatal("the demo has no running campaign")
	}
	c := list[0]
	for _, f := range list {
		if perKab[f.kab] < perKab[c.kab] {
			c = f
		}
	}
	var kabName, provName string
	if err := w.d.QueryRow(bg, `SELECT name FROM regions WHERE code = ?`, c.kab).Scan(&kabName); err != nil {
		t.Fatal(err)
	}
	if err := w.d.QueryRow(bg, `SELECT name FROM regions WHERE code = ?`, c.kab[:2]).Scan(&provName); err != nil {
		t.Fatal(err)
	}
	campaignLink := `a[href="/galang-daya/` + c.slug + `"]`

	tab := phoneTab(t, ctx, false)
	// From the home page's search box to the search page, then the region
	// typed by name.
	run(t, tab, "home", chromedp.Navigate(w.ts.URL+"/"), chromedp.WaitVisible("#site-search-q", chromedp.ByQuery),
		chromedp.Submit("#site-search-q", chromedp.ByQuery), chromedp.WaitVisible("#search-wilayah", chromedp.ByQuery))
	run(t, tab, "type "+kabName, chromedp.SetValue("#search-wilayah", kabName, chromedp.ByQuery),
		chromedp.SetValue("#search-type", "campaign", chromedp.ByQuery),
		chromedp.Submit("#search-wilayah", chromedp.ByQuery), chromedp.WaitReady("body", chromedp.ByQuery))
	var choices int
	run(t, tab, "region choices", chromedp.Evaluate(`document.querySelectorAll("#region-choices a").length`, &choices))
	if choices > 0 {
		run(t, tab, "choose "+c.kab, chromedp.Click(`#region-choices a[href*="wilayah=`+c.kab+`"]`, chromedp.ByQuery),
			chromedp.WaitVisible("#search-region", chromedp.ByQuery))
	}
	var region string
	run(t, tab, "results", chromedp.WaitVisible("#search-results "+campaignLink, chromedp.ByQuery),
		chromedp.Text("#search-region", &region, chromedp.ByQuery))
	if !strings.Contains(region, kabName) {
		t.Errorf("searched within %q, want %s", region, kabName)
	}
	screenshot(t, tab, "find-search-360")

	// The same campaign from the map.
	tap := func(code string) {
		t.Helper()
		var box []float64
		run(t, tab, "find "+code, chromedp.WaitVisible(`svg.map a[data-code="`+code+`"] path`, chromedp.ByQuery),
			chromedp.Evaluate(`(() => { const p = document.querySelector('svg.map a[data-code="`+code+`"] path');
				p.scrollIntoView({block: "center"}); const r = p.getBoundingClientRect();
				return [r.left + r.width / 2, r.top + r.height / 2]; })()`, &box))
		run(t, tab, "tap "+code, chromedp.MouseClickXY(box[0], box[1]), chromedp.WaitVisible("h1", chromedp.ByQuery))
	}
	var h1 string
	run(t, tab, "the map", chromedp.Click(`nav a[href="/peta"]`, chromedp.ByQuery), chromedp.WaitVisible("svg.map", chromedp.ByQuery))
	tap(c.kab[:2])
	run(t, tab, "province page", chromedp.Text("h1", &h1, chromedp.ByQuery))
	if h1 != provName {
		t.Fatalf("tapping %s on the map led to %q", provName, h1)
	}
	run(t, tab, "province map", chromedp.Click(`a[href="/peta?wilayah=`+c.kab[:2]+`"]`, chromedp.ByQuery),
		chromedp.WaitVisible("svg.map", chromedp.ByQuery))
	screenshot(t, tab, "find-province-map-360")
	// A kota can be a few pixels across on a province's map; its row in
	// the table under the map is the way in then.
	var width float64
	run(t, tab, "size of "+c.kab, chromedp.Evaluate(`document.querySelector('svg.map a[data-code="`+c.kab+`"] path').getBoundingClientRect().width`, &width))
	if width >= 8 {
		tap(c.kab)
	} else {
		run(t, tab, "table row of "+c.kab, chromedp.Click("#tabel summary", chromedp.ByQuery),
			chromedp.Click(`#tabel a[href="/wilayah/`+c.kab+`"]`, chromedp.ByQuery), chromedp.WaitVisible("h1", chromedp.ByQuery))
	}
	run(t, tab, "kabupaten page", chromedp.Text("h1", &h1, chromedp.ByQuery))
	if h1 != kabName {
		t.Fatalf("the province map led to %q, want %s", h1, kabName)
	}
	var title string
	run(t, tab, "open the campaign", chromedp.Click(campaignLink, chromedp.ByQuery),
		chromedp.WaitVisible("h1", chromedp.ByQuery), chromedp.Text("h1", &title, chromedp.ByQuery))
	if strings.TrimSpace(title) != c.title {
		t.Errorf("the campaign page reads %q, want %q", title, c.title)
	}
	screenshot(t, tab, "find-campaign-360")
}
