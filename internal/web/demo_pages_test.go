package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// demoCrawlStart are where the formatting crawl starts: the home page, the
// dashboard and the showcase organisation's cycles (where the demo answers
// are).
var demoCrawlStart = []string{"/", "/dasbor", "/organisasi/terang-kampung/siklus/1/tahap/1", "/organisasi/terang-kampung/siklus/2",
	"/organisasi/terang-kampung/siklus/bandingkan?a=1&b=2"}

// TestDemoPagesHaveNoFormattingErrors follows every link of the demo, in
// Indonesian and English, as a visitor, the showcase organisation's owner
// and viewer, a hub coordinator and the platform admin, and fails on fmt's
// complaints ("%!(EXTRA …)", "%!d(string=…)" …), a stored day or region
// code shown as text, or a server error on any page.
func TestDemoPagesHaveNoFormattingErrors(t *testing.T) {
	w, srv := newDemoServer(t)
	match := routeMatcher(srv)
	for _, role := range []string{"anon", "owner", "viewer", "coordinator", "platform"} {
		for _, lang := range []string{"id", "en"} {
			caller := role + " " + lang
			w.cookies[caller] = strings.TrimPrefix(w.cookies[role]+"; lang="+lang, "; ")
			n := 0
			crawlSite(t, w, caller, demoCrawlStart, match, func(page crawledPage) {
				n++
				if page.res.status >= 500 {
					t.Errorf("%s: GET %s = %d", caller, page.path, page.res.status)
				}
				if !strings.HasPrefix(page.res.header.Get("Content-Type"), "text/") {
					return
				}
				body := page.res.body
				if i := strings.Index(body, "%!"); i >= 0 {
					t.Errorf("%s: GET %s shows a formatting error: %q", caller, page.path, body[max(0, i-80):min(len(body), i+80)])
				}
				if strings.HasPrefix(page.res.header.Get("Content-Type"), "text/html") {
					for _, code := range shownCodes(body) {
						t.Errorf("%s: GET %s shows people a code: %q", caller, page.path, code)
					}
				}
			})
			if n < 40 {
				t.Errorf("%s: only %d pages reached", caller, n)
			}
		}
	}
}

var (
	// pageHidden is what people do not read on a page: scripts, styles,
	// form fields' values and the tags with their attributes.
	pageHidden = regexp.MustCompile(`(?s)<(script|style|textarea|option)\b.*?</(script|style|textarea|option)>|<[^>]*>`)
	// storedDate is a stored day (2025-03-14) or month (2025-03), not part
	// of a file name (catatan-layanan-2025-03.csv) or an address.
	storedDate = regexp.MustCompile(`(?:^|[^-\w/.])(\d{4}-\d{2}(?:-\d{2})?)\b`)
	// bracketedRegion is a Kemendagri region code in brackets: "(32.73)".
	bracketedRegion = regexp.MustCompile(`\(\d{2}(\.\d{2,4})*\)`)
)

// shownCodes are the stored days, months and region codes a page shows
// as text.
func shownCodes(body string) []string {
	text := html.UnescapeString(pageHidden.ReplaceAllString(body, " "))
	codes := bracketedRegion.FindAllString(text, -1)
	for _, m := range storedDate.FindAllStringSubmatch(text, -1) {
		codes = append(codes, m[1])
	}
	return codes
}
