// Package metrics keeps request counters and latency histograms and writes
// them in the Prometheus text exposition format. It is small on purpose: the
// handful of series Lokadaya exports do not need a client library.
package metrics

import (
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
)

// buckets are the latency histogram's upper bounds in seconds.
var buckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type series struct {
	count  uint64
	sum    float64
	bucket []uint64
}

// Registry holds the HTTP series of one process.
type Registry struct {
	mu       sync.Mutex
	requests map[[3]string]uint64 // method, route, status
	latency  map[string]*series   // route
	DB       *sql.DB
}

// New returns an empty registry reporting pool statistics for pool.
func New(pool *sql.DB) *Registry {
	return &Registry{requests: map[[3]string]uint64{}, latency: map[string]*series{}, DB: pool}
}

// knownMethods are the HTTP methods counted by name; any other method a
// client invents is counted as OTHER, so clients cannot add series.
var knownMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true,
	"DELETE": true, "OPTIONS": true, "CONNECT": true, "TRACE": true,
}

// methodLabel is method when it is a known HTTP method, else OTHER.
func methodLabel(method string) string {
	if knownMethods[method] {
		return method
	}
	return "OTHER"
}

// Observe records one finished request. route must come from a bounded
// set (the route patterns); the method is bounded here.
func (r *Registry) Observe(method, route string, status int, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests[[3]string{methodLabel(method), route, fmt.Sprint(status)}]++
	s := r.latency[route]
	if s == nil {
		s = &series{bucket: make([]uint64, len(buckets))}
		r.latency[route] = s
	}
	sec := d.Seconds()
	s.count++
	s.sum += sec
	for i, b := range buckets {
		if sec <= b {
			s.bucket[i]++
		}
	}
}

// WriteTo writes every series in the text exposition format.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	r.mu.Lock()
	b.WriteString("# HELP lokadaya_http_requests_total HTTP requests by method, route and status.\n")
	b.WriteString("# TYPE lokadaya_http_requests_total counter\n")
	keys := make([][3]string, 0, len(r.requests))
	for k := range r.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return strings.Join(keys[i][:], " ") < strings.Join(keys[j][:], " ") })
	for _, k := range keys {
		fmt.Fprintf(&b, "lokadaya_http_requests_total{method=%q,route=%q,status=%q} %d\n", k[0], k[1], k[2], r.requests[k])
	}
	b.WriteString("# HELP lokadaya_http_request_duration_seconds HTTP request latency by route.\n")
	b.WriteString("# TYPE lokadaya_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(r.latency))
	for k := range r.latency {
		routes = append(routes, k)
	}
	sort.Strings(routes)
	for _, route := range routes {
		s := r.latency[route]
		for i, ub := range buckets {
			fmt.Fprintf(&b, "lokadaya_http_request_duration_seconds_bucket{route=%q,le=\"%g\"} %d\n", route, ub, s.bucket[i])
		}
		fmt.Fprintf(&b, "lokadaya_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, s.count)
		fmt.Fprintf(&b, "lokadaya_http_request_duration_seconds_sum{route=%q} %g\n", route, s.sum)
		fmt.Fprintf(&b, "lokadaya_http_request_duration_seconds_count{route=%q} %d\n", route, s.count)
	}
	r.mu.Unlock()
	if r.DB != nil {
		st := r.DB.Stats()
		for _, g := range []struct {
			name, help string
			v          int64
		}{
			{"lokadaya_db_open_connections", "Open database connections.", int64(st.OpenConnections)},
			{"lokadaya_db_in_use_connections", "Database connections in use.", int64(st.InUse)},
			{"lokadaya_db_idle_connections", "Idle database connections.", int64(st.Idle)},
			{"lokadaya_db_max_open_connections", "Maximum open database connections.", int64(st.MaxOpenConnections)},
			{"lokadaya_db_wait_count_total", "Waits for a database connection.", st.WaitCount},
		} {
			kind := "gauge"
			if strings.HasSuffix(g.name, "_total") {
				kind = "counter"
			}
			fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %d\n", g.name, g.help, g.name, kind, g.name, g.v)
		}
		fmt.Fprintf(&b, "# HELP lokadaya_db_wait_seconds_total Time spent waiting for a database connection.\n"+
			"# TYPE lokadaya_db_wait_seconds_total counter\nlokadaya_db_wait_seconds_total %g\n", st.WaitDuration.Seconds())
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
