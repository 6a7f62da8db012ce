package web

import (
	"context"
	"net/http"
	"time"
)

// healthz answers while the process runs.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz answers 200 only while the database answers, so a load balancer
// stops sending traffic to an instance that lost it.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.PingContext(ctx); err != nil {
		s.log.Warn("readyz: database unreachable", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("database unreachable\n"))
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// metricsPage writes the Prometheus exposition for an allowed scraper
// (see metricsAllowed); everyone else gets 403. With an internal
// listener for them (--metrics-addr) it is not found here.
func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.MetricsElsewhere {
		http.NotFound(w, r)
		return
	}
	if !s.metricsAllowed(r) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte("metrics are served to this machine or with the LOKADAYA_METRICS_TOKEN bearer token\n"))
		return
	}
	s.metrics.Handler().ServeHTTP(w, r)
}
