package kit

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// badRequestSite is a Site that only answers BadRequest, as the web
// package's does: the 400 page.
type badRequestSite struct{ Site }

func (badRequestSite) BadRequest(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
}

func TestParseForm(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		ok         bool
		status     int
	}{
		{"a form", "what=Posyandu&budget=5000000", true, http.StatusOK},
		{"empty", "", true, http.StatusOK},
		{"a broken escape", "what=%zz", false, http.StatusBadRequest},
		{"too large", "what=" + strings.Repeat("a", maxForm), false, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(tc.body))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			w := httptest.NewRecorder()
			if ok := ParseForm(badRequestSite{}, w, r); ok != tc.ok || w.Code != tc.status {
				t.Errorf("ok %v, status %d; want %v, %d", ok, w.Code, tc.ok, tc.status)
			}
			if tc.ok && r.PostForm.Get("what") != map[string]string{"a form": "Posyandu"}[tc.name] {
				t.Errorf("what = %q", r.PostForm.Get("what"))
			}
		})
	}
}
