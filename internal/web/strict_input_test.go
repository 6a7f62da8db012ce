package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/web"
)

// postRaw posts body with contentType and an Idempotency-Key.
func postRaw(t *testing.T, u, contentType, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", u, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Idempotency-Key", "strict-key-000000000000001")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(answer)
}

// Every JSON endpoint reads its body one way only: application/json, one
// object, no key twice, nothing after it, within its size limit.
func TestStrictJSONEndpoints(t *testing.T) {
	w := newGatewayWorld(t)
	donate := w.ts.URL + "/api/v1/campaigns/" + w.campaign.Slug + "/donations"
	notify := w.ts.URL + notifyPath
	good := `{"amount":50000,"name":"Ani"}`
	for _, tc := range []struct {
		name, url, contentType, body string
		status                       int
		contains                     string
	}{
		{"text/plain", donate, "text/plain", good, 415, `"code":"unsupported_media_type"`},
		{"no content type", donate, "", good, 415, "application/json"},
		{"form content type", donate, "application/x-www-form-urlencoded", good, 415, "unsupported_media_type"},
		{"trailing object", donate, "application/json", good + `{"amount":1}`, 400, `"code":"trailing_data"`},
		{"trailing garbage", donate, "application/json", good + ` x`, 400, "trailing_data"},
		{"duplicate key", donate, "application/json", `{"amount":50000,"name":"Ani","amount":9000000}`, 400, `"code":"duplicate_key"`},
		{"unknown field", donate, "application/json", `{"amount":50000,"name":"Ani","status":"confirmed"}`, 400, `"code":"bad_request"`},
		{"too large", donate, "application/json", `{"amount":50000,"name":"Ani","message":"` + strings.Repeat("a", 70<<10) + `"}`, 413, `"code":"too_large"`},
		{"notify as text/plain", notify, "text/plain", string(signed("1", "settlement", "200", "50000.00", gatewayKey)), 415, "unsupported_media_type"},
		{"notify with two statuses", notify, "application/json",
			strings.Replace(string(signed("1", "pending", "200", "50000.00", gatewayKey)), `"transaction_status":"pending"`,
				`"transaction_status":"pending","transaction_status":"settlement"`, 1), 400, "bad_request"},
		{"charset allowed", donate, "application/json; charset=utf-8", good, 201, `"status":"pending"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := postRaw(t, tc.url, tc.contentType, tc.body)
			if status != tc.status || !strings.Contains(body, tc.contains) {
				t.Errorf("%d %s, want %d with %s", status, body, tc.status, tc.contains)
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 1 {
		t.Errorf("%d donations, want the one good request's", n)
	}
	// The message says what is wrong, in the caller's language.
	if _, body := postRaw(t, donate+"?lang=en", "application/json", `{"name":"a","name":"b"}`); !strings.Contains(body, `The key \"name\" appears more than once`) {
		t.Errorf("English message: %s", body)
	}
}

// A form body over the limit is refused with 413 and a page in the
// user's language, before any field is checked; a malformed one is 400.
func TestOversizedFormIs413(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	b := w.browser(t)
	huge := url.Values{"name": {strings.Repeat("a", 300<<10)}, "email": {"x@example.org"}, "password": {"sandi-cukup-panjang"}, "consent": {"1"}}
	check(t, "too large", b.post(t, "/daftar", huge), http.StatusRequestEntityTooLarge, "", "Isian terlalu besar", "256 KB")
	check(t, "too large in English", b.post(t, "/daftar?lang=en", huge), http.StatusRequestEntityTooLarge, "", "Form too large")
	if n := w.count(t, `SELECT COUNT(*) FROM users`); n != 0 {
		t.Errorf("%d accounts made from an oversized form", n)
	}
	// Just under the limit, the fields are checked as usual.
	long := url.Values{"name": {strings.Repeat("a", 200<<10)}, "email": {"x@example.org"}, "password": {"sandi-cukup-panjang"}, "consent": {"1"}}
	check(t, "long field", b.post(t, "/daftar", long), http.StatusUnprocessableEntity, "")
	req, _ := http.NewRequest("POST", w.ts.URL+"/masuk", strings.NewReader("email=%zz"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("malformed form: %d", res.StatusCode)
	}
}
