package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
)

type ctxKey int

const (
	ctxUser ctxKey = iota
	ctxLang
	ctxRoute
)

const (
	sessionCookie = "lokadaya_session"
	langCookie    = "lang"
)

// currentUser is the logged-in user, or nil.
func currentUser(r *http.Request) *account.User {
	u, _ := r.Context().Value(ctxUser).(*account.User)
	return u
}

// lang is the interface language of the request.
func lang(r *http.Request) i18n.Lang {
	l, ok := r.Context().Value(ctxLang).(i18n.Lang)
	if !ok {
		return i18n.ID
	}
	return l
}

// withLang picks the language: ?lang= (remembered in a cookie), then the
// cookie, then the logged-in user's preference, then Indonesian.
func (s *Server) withLang(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := i18n.ID
		if q := r.URL.Query().Get("lang"); q != "" {
			l = i18n.Parse(q)
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(l), Path: "/",
				MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isTLS(r, s.cfg.TrustProxy)})
		} else if c, err := r.Cookie(langCookie); err == nil {
			l = i18n.Parse(c.Value)
		} else if u := currentUser(r); u != nil {
			l = i18n.Parse(u.Locale)
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxLang, l)))
	})
}

// withUser loads the logged-in user from the session cookie.
func (s *Server) withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		u, err := s.accounts.UserBySession(r.Context(), c.Value)
		if err != nil {
			if !errors.Is(err, db.ErrNotFound) {
				s.log.Error("session lookup", "err", err)
			}
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxUser, u)))
	})
}

// setSession starts a login cookie for token; clearSession ends it.
func (s *Server) setSession(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: isTLS(r, s.cfg.TrustProxy), MaxAge: int(account.SessionTTL.Seconds())})
}

func (s *Server) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: isTLS(r, s.cfg.TrustProxy), MaxAge: -1})
}

func isTLS(r *http.Request, trustProxy bool) bool {
	return r.TLS != nil || (trustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}

// clientIP is the address rate limits count by: behind a trusted proxy
// the first X-Forwarded-For address, else the connection's; an IPv6
// address as its /64 network (see countedAs).
func clientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			ip, _, _ := strings.Cut(f, ",")
			return countedAs(strings.TrimSpace(ip))
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return countedAs(r.RemoteAddr)
	}
	return countedAs(host)
}

// countedAs is the network an address is counted as: an IPv4 address
// itself, an IPv6 one its /64. One subscriber (a home, a phone) is
// usually given a whole /64 and may use any address in it, so counting
// IPv6 addresses one by one would let anyone step around every limit.
// What does not parse is counted as it is.
func countedAs(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is4() {
		return a.String()
	}
	p, err := a.WithZone("").Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}

// contentSecurityPolicy allows nothing inline and nothing from elsewhere.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

func securityHeaders(next http.Handler, trustProxy bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if isTLS(r, trustProxy) {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs each request and feeds the metrics, labelled by the route
// pattern rather than the raw path so that series stay few.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		route := "unmatched"
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), ctxRoute, &route)))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.observed(r.Method, route, sw.status, time.Since(start))
	})
}

// observed counts and logs an answered request.
func (s *Server) observed(method, route string, status int, d time.Duration) {
	s.metrics.Observe(method, route, status, d)
	// The route pattern, never the path: paths carry tokens
	// (/atur-sandi/{token}, /donasi/{token}) that must not reach logs.
	s.log.Info("request", "method", method, "route", route, "status", status, "ms", d.Milliseconds())
}

func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.serverError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// loggedRoute names r's route for a log line: its pattern (such as
// "GET /donasi/{token}"), never the path with the token in it.
func loggedRoute(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	if p, ok := r.Context().Value(ctxRoute).(*string); ok && *p != "" {
		return *p
	}
	return "unmatched"
}

// routed records the matched route pattern for observe; the mux sets
// r.Pattern only on the request it hands to the handler.
func routed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if p, ok := r.Context().Value(ctxRoute).(*string); ok {
			*p = r.Pattern
		}
		h(w, r)
	}
}
