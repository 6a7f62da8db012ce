// Package metrics holds the series Lokadaya exports to Prometheus, on the
// Prometheus client library: Go runtime and process collectors, HTTP
// requests by route pattern, the database pool, the job queue, mail and
// the platform's own counters (donations, complaint deadlines). Each
// Registry is its own prometheus.Registry rather than the library's global
// one, so that several servers in one process (tests) keep apart.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"lokadaya/internal/db"
)

// Registry holds the series of one process.
type Registry struct {
	reg *prometheus.Registry

	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec

	donationsCreated   *prometheus.CounterVec
	donationsConfirmed *prometheus.CounterVec
	confirmLatency     *prometheus.HistogramVec

	mailSent, mailFailed prometheus.Counter
}

// New returns a registry with every series of Lokadaya; d, when not nil,
// feeds the pool statistics and the series read from the database at
// scrape time (job queue, complaint deadlines).
func New(d *db.DB) *Registry {
	r := &Registry{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lokadaya_http_requests_total",
			Help: "HTTP requests by method, route pattern and status.",
		}, []string{"method", "route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lokadaya_http_request_duration_seconds",
			Help:    "HTTP request latency by method and route pattern.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
		}, []string{"method", "route"}),
		donationsCreated: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lokadaya_donations_created_total",
			Help: "Donations created, by method (transfer, qris, gateway).",
		}, []string{"method"}),
		donationsConfirmed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lokadaya_donations_confirmed_total",
			Help: "Donations confirmed, by method.",
		}, []string{"method"}),
		// A gateway confirms in seconds, a treasurer checking the bank
		// statement in hours or days: the buckets span both.
		confirmLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lokadaya_donation_confirmation_seconds",
			Help:    "Time from a donation's creation to its confirmation, by method.",
			Buckets: []float64{10, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 86400, 3 * 86400, 7 * 86400},
		}, []string{"method"}),
		mailSent: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lokadaya_mail_sent_total",
			Help: "E-mail messages handed to the mail server (or the log without one).",
		}),
		mailFailed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lokadaya_mail_failed_total",
			Help: "Attempts to send an e-mail message that failed.",
		}),
	}
	r.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		r.requests, r.latency,
		r.donationsCreated, r.donationsConfirmed, r.confirmLatency,
		r.mailSent, r.mailFailed,
	)
	if d != nil {
		r.reg.MustRegister(collectors.NewDBStatsCollector(d.DB, "lokadaya"), &queueCollector{db: d}, &complaintCollector{db: d})
	}
	return r
}

// Gatherer is the registry to read, e.g. in tests.
func (r *Registry) Gatherer() prometheus.Gatherer { return r.reg }

// Handler serves the registry in the exposition format.
func (r *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(r.reg, promhttp.HandlerOpts{Registry: r.reg})
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
// set (the route patterns); the method and status are bounded here.
func (r *Registry) Observe(method, route string, status int, d time.Duration) {
	if status < 100 || status > 599 {
		status = 0
	}
	m := methodLabel(method)
	r.requests.WithLabelValues(m, route, strconv.Itoa(status)).Inc()
	r.latency.WithLabelValues(m, route).Observe(d.Seconds())
}

// DonationCreated counts a donation created with method.
func (r *Registry) DonationCreated(method string) {
	r.donationsCreated.WithLabelValues(method).Inc()
}

// DonationConfirmed counts a donation confirmed with method, waited
// created → confirmed.
func (r *Registry) DonationConfirmed(method string, waited time.Duration) {
	r.donationsConfirmed.WithLabelValues(method).Inc()
	r.confirmLatency.WithLabelValues(method).Observe(max(waited, 0).Seconds())
}

// MailSent counts a message sent.
func (r *Registry) MailSent() { r.mailSent.Inc() }

// MailFailed counts a failed attempt to send one.
func (r *Registry) MailFailed() { r.mailFailed.Inc() }
