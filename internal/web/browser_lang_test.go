package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserLanguageSwitch(t *testing.T) {
	ctx := newBrowser(t)
	ts := foundationServer(t)
	var heading, lang string
	err := chromedp.Run(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Text("h1", &heading, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(heading, "Dukung layanan lokal") {
		t.Fatalf("Indonesian heading = %q", heading)
	}
	err = chromedp.Run(ctx,
		chromedp.Click(`a[hreflang="en"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`a[hreflang="id"]`, chromedp.ByQuery),
		chromedp.Text("h1", &heading, chromedp.ByQuery),
		chromedp.Navigate(ts.URL+"/tidak-ada"),
		chromedp.AttributeValue("html", "lang", &lang, nil, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(heading, "Support local services") || lang != "en" {
		t.Errorf("after switching: heading %q, lang %q; the choice should stick", heading, lang)
	}
}
