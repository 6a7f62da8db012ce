package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
	"lokadaya/internal/web"
)

// hrefs finds the links of a page.
var hrefs = regexp.MustCompile(`href="(/[^"#]*)`)

// TestDemoPagesHaveNoFormattingErrors follows every link of the demo, in
// Indonesian and English, as a visitor, the showcase organisation's owner
// and the platform admin, and fails on fmt's complaints ("%!(EXTRA …)",
// "%!d(string=…)" …) or a server error on any page.
func TestDemoPagesHaveNoFormattingErrors(t *testing.T) {
	ts, session, _ := demoServer(t)
	for _, who := range []string{"", "pemilik@lokadaya.test", "admin@lokadaya.test"} {
		cookie := ""
		if who != "" {
			cookie = session(who) + "; "
		}
		for _, lang := range []string{"id", "en"} {
			n := crawlDemo(t, ts.URL, cookie+"lang="+lang, who+" "+lang)
			if n < 40 {
				t.Errorf("%s %s: only %d pages reached", who, lang, n)
			}
		}
	}
}

// demoServer serves the demo data; session signs a demo person in and
// returns the cookie.
func demoServer(t *testing.T) (ts *httptest.Server, session func(email string) string, d *db.DB) {
	t.Helper()
	ctx := context.Background()
	d = dbtest.Open(t)
	if _, err := demo.Load(ctx, d); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{BaseURL: "http://example.test", Demo: true, UploadsDir: t.TempDir()}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts = httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	accounts := &account.Store{DB: d}
	return ts, func(email string) string {
		t.Helper()
		u, err := accounts.ByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		token, err := accounts.CreateSession(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		return "lokadaya_session=" + token
	}, d
}

// crawlDemo visits up to 500 pages reachable from the home page, the
// dashboard and the showcase organisation's cycles (where the demo answers
// are), and returns how many it checked.
func crawlDemo(t *testing.T, base, cookie, who string) int {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	queue := []string{"/", "/dasbor", "/organisasi/terang-kampung/siklus/1/tahap/1", "/organisasi/terang-kampung/siklus/2",
		"/organisasi/terang-kampung/siklus/bandingkan?a=1&b=2"}
	seen, perPath := map[string]bool{}, map[string]int{}
	checked := 0
	for len(queue) > 0 && checked < 500 {
		p := queue[0]
		queue = queue[1:]
		req, _ := http.NewRequest(http.MethodGet, base+p, nil)
		req.Header.Set("Cookie", cookie)
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		checked++
		if res.StatusCode >= 500 {
			t.Errorf("%s: GET %s = %d", who, p, res.StatusCode)
		}
		if i := strings.Index(string(body), "%!"); i >= 0 {
			t.Errorf("%s: GET %s shows a formatting error: %q", who, p, string(body[max(0, i-80):min(len(body), i+80)]))
		}
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range hrefs.FindAllStringSubmatch(string(body), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(link)
			if err != nil || seen[link] || skipCrawl(u.Path) || perPath[u.Path] >= 3 {
				continue
			}
			seen[link] = true
			perPath[u.Path]++
			queue = append(queue, link)
		}
	}
	return checked
}

// skipCrawl leaves out files, downloads and what changes state on GET.
func skipCrawl(path string) bool {
	for _, prefix := range []string{"/static/", "/media/", "/berkas/", "/keluar", "/sandbox/"} {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	for _, ext := range []string{".pdf", ".csv", ".xlsx", ".ics", ".png", ".jpg", ".svg", ".json", ".ico", ".xml"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}
