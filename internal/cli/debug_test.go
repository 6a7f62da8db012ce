package cli

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestDebugHandlerServesProfilesOnly(t *testing.T) {
	h := debugHandler()
	for _, tc := range []struct {
		path string
		want int
	}{
		{"/debug/pprof/", http.StatusOK},
		{"/debug/pprof/heap", http.StatusOK},
		{"/debug/pprof/goroutine?debug=1", http.StatusOK},
		{"/", http.StatusNotFound},
		{"/organisasi", http.StatusNotFound},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tc.path, nil))
		if rec.Code != tc.want {
			t.Errorf("%s: %d, want %d", tc.path, rec.Code, tc.want)
		}
	}
}
