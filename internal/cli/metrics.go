package cli

import (
	"log/slog"
	"net"
	"net/http"
	"time"

	"lokadaya/internal/metrics"
)

// metricsHandler serves the registry at /metrics and nothing else.
func metricsHandler(reg *metrics.Registry) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", reg.Handler())
	return mux
}

// serveMetrics listens on addr for Prometheus (--metrics-addr), an
// address inside the operator's network rather than the public one; an
// empty addr serves none.
func serveMetrics(addr string, reg *metrics.Registry, log *slog.Logger) (stop func(), err error) {
	if addr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: metricsHandler(reg), ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 120 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	log.Info("metrics served", "addr", ln.Addr().String())
	return func() { _ = srv.Close() }, nil
}
