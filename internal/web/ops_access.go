package web

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// directLoopback reports whether r comes straight from this machine: a
// loopback peer and no proxy's forwarding headers. A reverse proxy on the
// same machine is a loopback peer too, but it says whom it forwards for.
func directLoopback(r *http.Request) bool {
	for _, h := range []string{"X-Forwarded-For", "X-Real-Ip", "Forwarded"} {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// bearerToken is the token of an "Authorization: Bearer …" header, or "".
func bearerToken(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// metricsAllowed reports whether r may read the metrics: from this
// machine, or anywhere with the configured LOKADAYA_METRICS_TOKEN.
func (s *Server) metricsAllowed(r *http.Request) bool {
	if directLoopback(r) {
		return true
	}
	want, got := s.cfg.MetricsToken, bearerToken(r)
	return want != "" && got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
