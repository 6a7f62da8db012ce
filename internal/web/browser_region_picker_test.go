package web_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/web"
)

// TestBrowserRegionPicker checks the enhancement: choosing a level fills the
// next select from the API at once, and the refresh button goes away.
func TestBrowserRegionPicker(t *testing.T) {
	ctx := newBrowser(t)
	srv, err := web.New(web.Config{}, dbtest.Open(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/picker", web.RegionPickerTestPage(srv))
	mux.Handle("/", srv.Handler())
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)

	choose := func(sel, value string) chromedp.Action {
		return chromedp.Evaluate(`(function(){var s=document.querySelector("`+sel+`");s.value="`+value+`";`+
			`s.dispatchEvent(new Event("change"));return true})()`, nil)
	}
	var refreshHidden, kecHidden bool
	var kabOptions, kecOptions int
	err = chromedp.Run(ctx,
		chromedp.Navigate(ts.URL+"/picker"),
		chromedp.WaitReady("#region_prov", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("[data-region-refresh]").hidden`, &refreshHidden),
		choose("#region_prov", "32"),
		chromedp.WaitVisible("#region_kab", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#region_kab").options.length`, &kabOptions),
		choose("#region_kab", "32.73"),
		chromedp.WaitVisible("#region_kec", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#region_kec").options.length`, &kecOptions),
		// Changing the province again clears and hides the levels below.
		choose("#region_prov", "33"),
		chromedp.Poll(`document.querySelector('#region_kab option[value="33.01"]') !== null`, nil),
		chromedp.Evaluate(`document.querySelector("#region_kec").parentNode.hidden`, &kecHidden),
		// Leave the page so that nothing is still written to the profile
		// directory when the test removes it.
		chromedp.Navigate("about:blank"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !refreshHidden {
		t.Error("refresh button still shown with JavaScript on")
	}
	if kabOptions != 28 || kecOptions != 31 { // the choices plus "— Pilih —"
		t.Errorf("options: kabupaten %d, kecamatan %d", kabOptions, kecOptions)
	}
	if !kecHidden {
		t.Error("kecamatan not hidden after the province changed")
	}
}
