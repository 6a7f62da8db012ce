package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// scrape reads r the way Prometheus does.
func scrape(t *testing.T, r *Registry) string {
	t.Helper()
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return string(body)
}

func TestExposition(t *testing.T) {
	r := New(nil)
	r.Observe("GET", "GET /", 200, 30*time.Millisecond)
	r.Observe("GET", "GET /", 200, 2*time.Second)
	r.DonationCreated("transfer")
	r.DonationCreated("transfer")
	r.DonationCreated("qris")
	r.DonationConfirmed("transfer", 90*time.Minute)
	r.MailSent()
	r.MailFailed()
	r.MailSent()
	out := scrape(t, r)
	for _, want := range []string{
		`lokadaya_http_requests_total{method="GET",route="GET /",status="200"} 2`,
		`lokadaya_http_request_duration_seconds_bucket{method="GET",route="GET /",le="0.05"} 1`,
		`lokadaya_http_request_duration_seconds_bucket{method="GET",route="GET /",le="+Inf"} 2`,
		`lokadaya_http_request_duration_seconds_count{method="GET",route="GET /"} 2`,
		`lokadaya_donations_created_total{method="transfer"} 2`,
		`lokadaya_donations_created_total{method="qris"} 1`,
		`lokadaya_donations_confirmed_total{method="transfer"} 1`,
		`lokadaya_donation_confirmation_seconds_bucket{method="transfer",le="3600"} 0`,
		`lokadaya_donation_confirmation_seconds_bucket{method="transfer",le="14400"} 1`,
		`lokadaya_donation_confirmation_seconds_sum{method="transfer"} 5400`,
		`lokadaya_mail_sent_total 2`,
		`lokadaya_mail_failed_total 1`,
		// The runtime and process collectors.
		`go_goroutines `,
		`go_memstats_heap_alloc_bytes `,
		`go_gc_duration_seconds`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

// A client's invented method or status does not add a series of its own.
func TestUnknownMethodsShareOneSeries(t *testing.T) {
	r := New(nil)
	for _, m := range []string{"BREW", "XYZZY", "get", "POST"} {
		r.Observe(m, "unmatched", 405, time.Millisecond)
	}
	r.Observe("GET", "unmatched", 1234, time.Millisecond)
	out := scrape(t, r)
	for _, want := range []string{
		`lokadaya_http_requests_total{method="OTHER",route="unmatched",status="405"} 3`,
		`lokadaya_http_requests_total{method="POST",route="unmatched",status="405"} 1`,
		`lokadaya_http_requests_total{method="GET",route="unmatched",status="0"} 1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "BREW") || strings.Contains(out, "XYZZY") || strings.Contains(out, "1234") {
		t.Errorf("an invented method or status has its own series:\n%s", out)
	}
}
