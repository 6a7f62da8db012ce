package kit

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

// sample is a request body an API handler would decode.
type sample struct {
	Name   string `json:"name"`
	Amount int64  `json:"amount"`
}

// decode runs DecodeJSON on body as a handler would, and returns what it
// decoded, its answer's status and error code.
func decode(body, contentType string, limit int64) (sample, bool, int, string) {
	r := httptest.NewRequest(http.MethodPost, "/api/v1/x", strings.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	w := httptest.NewRecorder()
	var v sample
	ok := DecodeJSON(w, r, i18n.ID, limit, &v)
	var answer struct {
		Error struct{ Code, Message string }
	}
	_ = json.Unmarshal(w.Body.Bytes(), &answer)
	return v, ok, w.Code, answer.Error.Code
}

func TestDecodeJSON(t *testing.T) {
	for _, tc := range []struct {
		name, body, contentType string
		ok                      bool
		status                  int
		code                    string
	}{
		{"an object", `{"name":"Ani","amount":50000}`, "application/json", true, 200, ""},
		{"with a charset", `{"name":"Ani"}`, "application/json; charset=utf-8", true, 200, ""},
		{"not JSON", `name=Ani`, "application/x-www-form-urlencoded", false, 415, "unsupported_media_type"},
		{"too large", `{"name":"` + strings.Repeat("a", 2048) + `"}`, "application/json", false, 413, "too_large"},
		{"a key twice", `{"name":"Ani","name":"Budi"}`, "application/json", false, 400, "duplicate_key"},
		{"something after", `{"name":"Ani"} {}`, "application/json", false, 400, "trailing_data"},
		{"an unknown field", `{"nama":"Ani"}`, "application/json", false, 400, "bad_request"},
		{"a wrong type", `{"amount":"lima"}`, "application/json", false, 400, "bad_request"},
		{"broken", `{"name":`, "application/json", false, 400, "bad_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ok, status, code := decode(tc.body, tc.contentType, 1024)
			if ok != tc.ok || (!ok && (status != tc.status || code != tc.code)) {
				t.Errorf("ok %v, %d %q; want %v, %d %q", ok, status, code, tc.ok, tc.status, tc.code)
			}
		})
	}
}

// FuzzDecodeJSON: any body either decodes or is answered with a JSON
// error in the user's language, never a panic or a 200 with an error.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"name":"Ani","amount":50000}`, `{"name":"Ani","name":"B"}`, `{} {}`, `{"amount":1e99}`, `[]`, `null`, "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		_, ok, status, code := decode(body, "application/json", 1024)
		if ok != (status == http.StatusOK) || (!ok && code == "") {
			t.Fatalf("%q: ok %v, status %d, code %q", body, ok, status, code)
		}
	})
}
