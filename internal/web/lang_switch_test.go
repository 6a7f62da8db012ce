package web_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// switchLink is the layout's link to the page in the other language.
var switchLink = regexp.MustCompile(`<a href="([^"]*)" lang="en" hreflang="en">`)

// A page answering a form has no address of its own: its language switch
// reloads the page the form was sent from (or the home page when the
// browser did not say), never the form's POST address, which a GET finds
// missing.
func TestLanguageSwitchAfterAFormError(t *testing.T) {
	w := newDonationWorld(t)
	tests := []struct {
		name    string
		referer string
		want    string
	}{
		{"from the campaign page", w.ts.URL + w.page() + "?tab=donasi", w.page() + "?lang=en&tab=donasi"},
		{"no referer", "", "/?lang=en"},
		{"from another site", "https://elsewhere.example/galang-daya/x", "/?lang=en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"amount_custom": {"seratus"}, "name": {"Siti"}, "token": {w.formToken(t)}}
			req, err := http.NewRequest(http.MethodPost, w.ts.URL+w.page()+"/donasi", strings.NewReader(form.Encode()))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tt.referer != "" {
				req.Header.Set("Referer", tt.referer)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			m := switchLink.FindSubmatch(body)
			if res.StatusCode != http.StatusUnprocessableEntity || m == nil {
				t.Fatalf("%d, switch link found: %v", res.StatusCode, m != nil)
			}
			got := html.UnescapeString(string(m[1]))
			if got != tt.want {
				t.Fatalf("switch to English goes to %q, want %q", got, tt.want)
			}
			if page := w.get(t, "anon", got); page.status != http.StatusOK {
				t.Errorf("GET %s: %d", got, page.status)
			}
		})
	}
}
