package metrics

import (
	"strings"
	"testing"
	"time"
)

func TestExposition(t *testing.T) {
	r := New(nil)
	r.Observe("GET", "GET /", 200, 30*time.Millisecond)
	r.Observe("GET", "GET /", 200, 2*time.Second)
	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`lokadaya_http_requests_total{method="GET",route="GET /",status="200"} 2`,
		`lokadaya_http_request_duration_seconds_bucket{route="GET /",le="0.05"} 1`,
		`lokadaya_http_request_duration_seconds_bucket{route="GET /",le="+Inf"} 2`,
		`lokadaya_http_request_duration_seconds_count{route="GET /"} 2`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

// A client's invented method does not add a series of its own.
func TestUnknownMethodsShareOneSeries(t *testing.T) {
	r := New(nil)
	for _, m := range []string{"BREW", "XYZZY", "get", "POST"} {
		r.Observe(m, "unmatched", 405, time.Millisecond)
	}
	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`lokadaya_http_requests_total{method="OTHER",route="unmatched",status="405"} 3`,
		`lokadaya_http_requests_total{method="POST",route="unmatched",status="405"} 1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "BREW") || strings.Contains(out, "XYZZY") {
		t.Errorf("an invented method has its own series:\n%s", out)
	}
}
