package web

import "net/http"

// routes registers every route of the application. Each handler checks the
// caller's rights itself (see auth.go); this table is the map of the site.
func (s *Server) routes(mux *http.ServeMux) {
	handle := func(pattern string, h http.HandlerFunc) { mux.HandleFunc(pattern, routed(h)) }

	// Operations.
	handle("GET /healthz", s.healthz)
	handle("GET /readyz", s.readyz)
	handle("GET /metrics", s.metricsPage)
	mux.Handle("GET /static/", staticHandler())

	// Public pages.
	handle("GET /{$}", s.home)
	handle("/", s.notFound)
}
