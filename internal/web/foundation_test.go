package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/web"
)

// foundationServer starts the whole application on a fresh database.
func foundationServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv, err := web.New(web.Config{BaseURL: "http://example.test"}, dbtest.Open(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func TestFoundationPages(t *testing.T) {
	ts := foundationServer(t)
	for _, tc := range []struct {
		name, path, cookie string
		status             int
		contains           string
	}{
		{"home in Indonesian", "/", "", 200, "Dukung layanan lokal"},
		{"home in English by query", "/?lang=en", "", 200, "Support local services"},
		{"home in English by cookie", "/", "lang=en", 200, "Support local services"},
		{"404 in Indonesian", "/tidak-ada", "", 404, "Halaman tidak ditemukan"},
		{"404 in English", "/tidak-ada?lang=en", "", 404, "Page not found"},
		{"unknown API path answers JSON", "/api/v1/nothing", "", 404, `{"error":{"code":"not_found"`},
		{"healthz", "/healthz", "", 200, "ok"},
		{"readyz", "/readyz", "", 200, "ready"},
		{"static css", "/static/style.css", "", 200, "--accent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", ts.URL+tc.path, nil)
			if tc.cookie != "" {
				req.Header.Set("Cookie", tc.cookie)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tc.status || !strings.Contains(string(body), tc.contains) {
				t.Errorf("GET %s = %d, want %d containing %q", tc.path, res.StatusCode, tc.status, tc.contains)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := foundationServer(t)
	res, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for header, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	} {
		if got := res.Header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"frame-ancestors 'none'", "script-src 'self'", "default-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	if res.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS sent over plain HTTP")
	}
}

func TestHSTSBehindTLSProxy(t *testing.T) {
	srv, err := web.New(web.Config{TrustProxy: true}, dbtest.Open(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	if !strings.HasPrefix(rec.Header().Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("no HSTS behind a TLS proxy: %v", rec.Header())
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	ts := foundationServer(t)
	req, _ := http.NewRequest("POST", ts.URL+"/keluar", strings.NewReader(""))
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "tidak berasal dari situs ini") {
		t.Errorf("cross-site POST = %d, want 403 with a translated message", res.StatusCode)
	}
}

func TestMetricsCountRequests(t *testing.T) {
	ts := foundationServer(t)
	for range 3 {
		res, err := http.Get(ts.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	res, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{
		`lokadaya_http_requests_total{method="GET",route="GET /healthz",status="200"} 3`,
		`go_sql_open_connections{db_name="lokadaya"}`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// firstViewBudget is the most a page's first view may weigh, compressed,
// with its stylesheet and script (user images aside): what a server can
// send in its first round trip (TCP's initial window of ten segments),
// so that a slow 3G phone shows the page after one.
const firstViewBudget = 14 * 1024

// kabupatenMapBudget is the weight allowed to the map of all 514
// kabupaten/kota: never a first view, it is drawn only when asked for
// from the provinces' map (/peta).
const kabupatenMapBudget = 40 * 1024

func TestFirstViewWeight(t *testing.T) {
	ts := foundationServer(t)
	pages := []string{"/", "/tidak-ada", "/galang-daya", "/organisasi", "/inisiatif", "/simpul", "/wilayah",
		"/wilayah?q=bandung", "/wilayah/32", "/cari?q=air", "/data", "/tentang-data", "/masuk", "/daftar",
		"/organisasi/baru", "/privasi", "/peta", "/peta?wilayah=32", "/peta?wilayah=94"}
	assets := []string{"/static/style.css", "/static/app.js"}
	assetBytes := 0
	for _, a := range assets {
		assetBytes += gzippedSize(t, ts.URL+a)
	}
	weigh := func(p string, budget int) {
		t.Helper()
		total := gzippedSize(t, ts.URL+p) + assetBytes
		t.Logf("%s: %d bytes", p, total)
		if total > budget {
			t.Errorf("first view of %s weighs %d bytes compressed, budget %d", p, total, budget)
		}
	}
	for _, p := range pages {
		weigh(p, firstViewBudget)
	}
	weigh("/peta?tingkat=kabupaten", kabupatenMapBudget)
}

func gzippedSize(t *testing.T, url string) int {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.Header.Get("Content-Encoding") != "gzip" {
		if len(raw) >= 1024 { // shorter answers go out as they are (gzipMinSize)
			t.Errorf("%s: %d bytes not compressed", url, len(raw))
		}
		return len(raw)
	}
	zr, err := gzip.NewReader(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatalf("%s: bad gzip: %v", url, err)
	}
	if _, err := io.ReadAll(zr); err != nil {
		t.Fatalf("%s: bad gzip: %v", url, err)
	}
	return len(raw)
}

// TestStaticFilesCompressedOnce: the stylesheet and script come
// compressed, once, at the best level, and unpack to the very file a
// client without gzip gets, with the same type.
func TestStaticFilesCompressedOnce(t *testing.T) {
	ts := foundationServer(t)
	for _, name := range []string{"/static/style.css", "/static/app.js", "/static/favicon.svg"} {
		plain, err := http.Get(ts.URL + name + "?v=1")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := io.ReadAll(plain.Body)
		plain.Body.Close()
		req, _ := http.NewRequest("GET", ts.URL+name+"?v=1", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		packed, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != plain.Header.Get("Content-Type") ||
			res.Header.Get("Cache-Control") != plain.Header.Get("Cache-Control") {
			t.Errorf("%s: headers %v, plain %v", name, res.Header, plain.Header)
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, _ := io.ReadAll(zr)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: unpacks to %d bytes, the file has %d", name, len(got), len(want))
		}
		var best bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&best, gzip.BestCompression)
		zw.Write(want)
		zw.Close()
		if len(packed) > best.Len() {
			t.Errorf("%s: %d bytes compressed, %d at the best level", name, len(packed), best.Len())
		}
	}
}
