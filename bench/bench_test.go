// Package bench holds Lokadaya's benchmarks: the cost of the pages and API
// calls people use most, on a real migrated SQLite database. Run them with
// bench/run.sh, which also prints page weights and, when wrk is installed,
// a short load test against a running server.
package bench

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/web"
)

func benchServer(b *testing.B) http.Handler {
	b.Helper()
	srv, err := web.New(web.Config{BaseURL: "http://bench.test"}, dbtest.Open(b), slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	return srv.Handler()
}

func benchGet(b *testing.B, h http.Handler, path string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s = %d", path, rec.Code)
		}
	}
}

func BenchmarkHomePage(b *testing.B) { benchGet(b, benchServer(b), "/") }
