package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// apiDonate posts a donation to the API with key as its Idempotency-Key.
func (w *donationWorld) apiDonate(t *testing.T, key, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", w.ts.URL+"/api/v1/campaigns/"+w.campaign.Slug+"/donations", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

func TestAPIDonationIdempotency(t *testing.T) {
	w := newDonationWorld(t)
	const key = "6f1c1a0e-7f4e-4e55-9a51-1f2b3c4d5e6f"
	body := `{"amount":50000,"name":"Ani","message":"Semangat!"}`

	status, first := w.apiDonate(t, key, body)
	if status != http.StatusCreated || first["amount"] != float64(50000) || first["total_to_pay"].(float64) <= 50000 ||
		first["method"] != "transfer" || first["status"] != "pending" {
		t.Fatalf("first call: %d %v", status, first)
	}
	// Retries — sequential and concurrent — return the same donation.
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			status, again := w.apiDonate(t, key, body)
			if status != http.StatusOK || again["id"] != first["id"] || again["total_to_pay"] != first["total_to_pay"] {
				t.Errorf("retry: %d %v, want 200 with donation %v", status, again, first["id"])
			}
		})
	}
	wg.Wait()
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 1 {
		t.Errorf("%d donations after retries, want 1", n)
	}

	for _, tc := range []struct {
		name, key, body string
		status          int
		code            string
	}{
		{"no key", "", body, http.StatusBadRequest, "idempotency_key"},
		{"short key", "abc", body, http.StatusBadRequest, "idempotency_key"},
		{"key reused for another gift", key, `{"amount":75000,"name":"Ani"}`, http.StatusUnprocessableEntity, "idempotency_key_reused"},
		{"not JSON", "a-fresh-key-000000000001", `amount=5`, http.StatusBadRequest, "bad_request"},
		{"unknown field", "a-fresh-key-000000000002", `{"amount":50000,"rupiah":1}`, http.StatusBadRequest, "bad_request"},
		{"below the minimum", "a-fresh-key-000000000003", `{"amount":500,"name":"Ani"}`, http.StatusUnprocessableEntity, "invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out := w.apiDonate(t, tc.key, tc.body)
			e, _ := out["error"].(map[string]any)
			if status != tc.status || e == nil || e["code"] != tc.code {
				t.Errorf("%d %v, want %d %s", status, out, tc.status, tc.code)
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 1 {
		t.Errorf("%d donations after refused calls, want 1", n)
	}
}
