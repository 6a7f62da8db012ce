package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/migrations"
	"lokadaya/internal/region"
)

// fuzzServer builds one server for a whole fuzz run on its own migrated
// SQLite file: dbtest hands out databases per *testing.T, and a fuzz
// target's body must not pay for a fresh copy on every input.
func fuzzServer(f *testing.F) *Server {
	f.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite:"+f.TempDir()+"/fuzz.db")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx, migrations.All()); err != nil {
		f.Fatal(err)
	}
	s, err := New(Config{}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		f.Fatal(err)
	}
	return s
}

// FuzzRegionPicker feeds arbitrary picker fields: whatever comes in, the
// chosen code must be empty or a real region whose chain the selects show.
func FuzzRegionPicker(f *testing.F) {
	f.Add("32", "32.73", "32.73.01", "32.73.01.1001", "")
	f.Add("", "", "", "", "51.71")
	f.Add("33", "32.73", "", "", "x")
	f.Add(" 32 ", "32.73 ", "", "", "")
	s := fuzzServer(f)
	f.Fuzz(func(t *testing.T, prov, kab, kec, desa, whole string) {
		form := url.Values{"region_prov": {prov}, "region_kab": {kab}, "region_kec": {kec}, "region_desa": {desa}, "region": {whole}}
		p, err := s.regionPicker(context.Background(), i18n.ID, form, true)
		if err != nil {
			t.Fatal(err)
		}
		if p.Code == "" {
			return
		}
		ok, err := s.regions.Valid(context.Background(), p.Code)
		if err != nil || !ok {
			t.Fatalf("picker chose %q, not a region", p.Code)
		}
		if p.Levels[region.Depth(p.Code)-1].Selected != p.Code {
			t.Fatalf("picker chose %q but its select shows %+v", p.Code, p.Levels)
		}
	})
}

// FuzzAPIRegions sends arbitrary query strings to the list endpoint: the
// answer is always JSON with 200, 400 or 404, never a server error.
func FuzzAPIRegions(f *testing.F) {
	for _, q := range []string{"", "parent=32", "q=bandung", "q=a", "q=bandung&limit=5", "parent=%00", "q=%25%25&limit=-1"} {
		f.Add(q)
	}
	h := fuzzServer(f).Handler()
	f.Fuzz(func(t *testing.T, rawQuery string) {
		req := httptest.NewRequest("GET", "/api/v1/regions", nil)
		req.URL.RawQuery = rawQuery
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusNotFound:
		default:
			t.Fatalf("?%s → %d", rawQuery, rec.Code)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("?%s → not JSON: %s", rawQuery, rec.Body.String())
		}
	})
}
