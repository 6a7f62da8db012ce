package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzAPIOrganizations feeds arbitrary query parameters: the answer is
// always JSON with a 200, 400 or 404, never a server error.
func FuzzAPIOrganizations(f *testing.F) {
	s := fuzzServer(f)
	h := s.Handler()
	f.Add("32.73", "", "taman", "true")
	f.Add("abc", "-1", "%_\\", "")
	f.Add("", "9223372036854775807", "", "false")
	f.Fuzz(func(t *testing.T, region, cursor, q, verified string) {
		v := url.Values{"region": {region}, "cursor": {cursor}, "q": {q}, "verified": {verified}}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/organizations?"+v.Encode(), nil))
		switch rec.Code {
		case 200, 400, 404:
		default:
			t.Fatalf("%v: status %d", v, rec.Code)
		}
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%v: not JSON: %v", v, err)
		}
	})
}
