package web

import (
	"net/http"
	"net/url"
	"strings"
)

// backURL turns a path into an address for the browser that sent r, to
// come back to this site after leaving it (the gateway's finish page, a
// payment page on this site): the configured public address when the
// request came to it, else the address the browser used.
//
// Why trusting the request's Host is safe here and not in absURL: such an
// address only ever goes back to the browser that sent the request, so a
// forged Host can only send the forger astray. Addresses given to anyone
// else — e-mailed links, the gateway's notification address, share links —
// always use the configured public address (absURL).
func (s *Server) backURL(r *http.Request, path string) string {
	base := strings.TrimSuffix(s.cfg.BaseURL, "/")
	if base == "" || !sameHost(base, r.Host) {
		scheme := "http"
		if isTLS(r, s.cfg.TrustProxy) {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return base + path
}

// sameHost reports whether base (an absolute address) names host, a
// request's Host header; host names compare case-insensitively.
func sameHost(base, host string) bool {
	u, err := url.Parse(base)
	return err == nil && strings.EqualFold(u.Host, host)
}
