package web_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/web"
)

// /metrics answers this machine, or anyone with the configured bearer
// token; everyone else, a proxy's client included, gets 403.
func TestMetricsAccess(t *testing.T) {
	d := dbtest.Open(t)
	for _, tc := range []struct {
		name, token, remote, auth, forwarded string
		status                               int
	}{
		{"remote without a token", "", "203.0.113.7:4000", "", "", 403},
		{"remote, none configured", "", "203.0.113.7:4000", "Bearer ", "", 403},
		{"remote with a wrong token", "rahasia-metrik", "203.0.113.7:4000", "Bearer salah", "", 403},
		{"remote with the token", "rahasia-metrik", "203.0.113.7:4000", "Bearer rahasia-metrik", "", 200},
		{"token as basic auth", "rahasia-metrik", "203.0.113.7:4000", "Basic rahasia-metrik", "", 403},
		{"loopback", "", "127.0.0.1:5000", "", "", 200},
		{"loopback IPv6", "", "[::1]:5000", "", "", 200},
		{"through a local proxy", "", "127.0.0.1:5000", "", "198.51.100.2", 403},
		{"through a local proxy with the token", "rahasia-metrik", "127.0.0.1:5000", "Bearer rahasia-metrik", "198.51.100.2", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, err := web.New(web.Config{MetricsToken: tc.token, TrustProxy: true}, d, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest("GET", "/metrics", nil)
			req.RemoteAddr = tc.remote
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			if tc.forwarded != "" {
				req.Header.Set("X-Forwarded-For", tc.forwarded)
			}
			rec := httptest.NewRecorder()
			srv.Handler().ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if has := strings.Contains(rec.Body.String(), "go_goroutines"); has != (tc.status == 200) {
				t.Errorf("series shown: %v with status %d", has, rec.Code)
			}
		})
	}
}

// With an internal listener for the metrics (--metrics-addr), the public
// handler has no /metrics, not even for this machine or the token.
func TestMetricsElsewhereNotServed(t *testing.T) {
	srv, err := web.New(web.Config{MetricsToken: "rahasia-metrik", MetricsElsewhere: true}, dbtest.Open(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.RemoteAddr = "127.0.0.1:5000"
	req.Header.Set("Authorization", "Bearer rahasia-metrik")
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "go_goroutines") {
		t.Errorf("/metrics served on the public handler: %d", rec.Code)
	}
}

// Invented HTTP methods are counted together as OTHER.
func TestMetricsBoundMethods(t *testing.T) {
	srv, err := web.New(web.Config{}, dbtest.Open(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	for _, m := range []string{"BREW", "FOO1", "FOO2"} {
		req := httptest.NewRequest(m, "/", nil)
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.RemoteAddr = "127.0.0.1:5000"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	out := rec.Body.String()
	if !strings.Contains(out, `method="OTHER"`) || strings.Contains(out, "BREW") || strings.Contains(out, "FOO1") {
		t.Errorf("methods not bounded:\n%s", out)
	}
	if n := strings.Count(out, `lokadaya_http_requests_total{method="OTHER"`); n != 1 {
		t.Errorf("%d OTHER series, want 1", n)
	}
}

// The access log names routes, never paths: tokens in links such as
// /atur-sandi/{token} stay out of it.
func TestAccessLogHasNoTokens(t *testing.T) {
	var logged strings.Builder
	srv, err := web.New(web.Config{}, dbtest.Open(t), slog.New(slog.NewJSONHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	const secret = "tokenRahasia0123456789abcdef"
	for _, path := range []string{"/atur-sandi/", "/donasi/", "/undangan/", "/verifikasi/", "/tawaran/", "/janji-barang/",
		"/kabar/berhenti/", "/petisi/verifikasi/", "/tidak-ada/"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path+secret+"?lang=en", nil))
	}
	out := logged.String()
	if strings.Contains(out, secret) {
		t.Errorf("a token reached the log:\n%s", out)
	}
	for _, want := range []string{`"route":"GET /atur-sandi/{token}"`, `"route":"GET /donasi/{token}"`, `"route":"GET /undangan/{token}"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
}
