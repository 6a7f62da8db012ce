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
