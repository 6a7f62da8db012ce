package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var chosenFigure = regexp.MustCompile(`<option value="(organisasi|inisiatif|kampanye|dana|barang|jam-relawan|keahlian-kemitraan|penerima)" selected>`)

// FuzzMapQuery feeds arbitrary map parameters to /peta and /peta.svg:
// whatever comes in, the answer is the map (the defaults standing in for
// what is unknown) or 404 for a province that does not exist, never a
// server error, and the figure chosen is always one the page offers.
func FuzzMapQuery(f *testing.F) {
	f.Add("provinsi", "", "organisasi")
	f.Add("kabupaten", "32", "dana")
	f.Add("kabupaten", "", "<script>")
	f.Add("x", " 95 ", "penerima")
	f.Add("", "32.73", "")
	f.Add("", "\xff", "\x00")
	s := fuzzServer(f)
	h := s.Handler()
	f.Fuzz(func(t *testing.T, level, within, figure string) {
		q := url.Values{"tingkat": {level}, "wilayah": {within}, "angka": {figure}}.Encode()
		for _, path := range []string{"/peta?", "/peta.svg?"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path+q, nil))
			switch rec.Code {
			case http.StatusOK:
				body := rec.Body.String()
				if !strings.Contains(body, `<a href="/wilayah/`) {
					t.Fatalf("%s%s: no map", path, q)
				}
				if path == "/peta?" && !chosenFigure.MatchString(body) {
					t.Fatalf("%s%s: no figure chosen", path, q)
				}
			case http.StatusNotFound:
			default:
				t.Fatalf("%s%s answers %d", path, q, rec.Code)
			}
		}
	})
}
