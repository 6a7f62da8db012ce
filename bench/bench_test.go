// Package bench holds Lokadaya's benchmarks: the cost of the pages and API
// calls people use most, on a real migrated SQLite database. Run them with
// bench/run.sh, which also prints page weights and, when wrk is installed,
// a short load test against a running server.
package bench

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
	"lokadaya/internal/web"
)

func benchServer(b *testing.B) http.Handler {
	b.Helper()
	d := dbtest.Open(b)
	if _, err := demo.Load(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{BaseURL: "http://bench.test"}, d, slog.New(slog.DiscardHandler))
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

func BenchmarkOrganisationDirectory(b *testing.B) { benchGet(b, benchServer(b), "/organisasi") }

func BenchmarkOrganisationsInProvinceAPI(b *testing.B) {
	benchGet(b, benchServer(b), "/api/v1/organizations?region=35")
}

func BenchmarkRegionChildrenAPI(b *testing.B) {
	benchGet(b, benchServer(b), "/api/v1/regions?parent=32.73.01")
}

func BenchmarkRegionSearch(b *testing.B) { benchGet(b, benchServer(b), "/wilayah?q=sukamaju") }
