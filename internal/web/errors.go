package web

import (
	"encoding/json"
	"errors"
	"lokadaya/internal/org"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
)

// errorPage renders the error page for status in the user's language.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, key string) {
	v := s.view(r, i18n.T(lang(r), "error."+key+".title"), map[string]string{"Key": key})
	s.render(w, r, status, "error", v)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, "404")
}

func (s *Server) forbidden(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusForbidden, "403")
}

// requireOMS refuses, with a page that says why, what only an OMS may do
// (the cycle, Galang Daya) to a government unit or another stakeholder.
func (s *Server) requireOMS(w http.ResponseWriter, r *http.Request, o *org.Organization) bool {
	if o.IsOMS() {
		return true
	}
	s.errorPage(w, r, http.StatusForbidden, "oms_only")
	return false
}

// tooMany answers 429; when Retry-After is set, the page says how many
// minutes to wait rather than "a few", which may be most of an hour.
func (s *Server) tooMany(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{"Key": "429"}
	if secs, err := strconv.Atoi(w.Header().Get("Retry-After")); err == nil && secs > 0 {
		data["Minutes"] = (secs + 59) / 60
	}
	s.render(w, r, http.StatusTooManyRequests, "error", s.view(r, i18n.T(lang(r), "error.429.title"), data))
}

// serverError logs err and shows a 500 page that leaks nothing of it.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("server error", "method", r.Method, "route", loggedRoute(r), "err", err)
	t, perr := s.templates.page("error")
	ok := perr == nil
	v := s.view(r, i18n.T(lang(r), "error.500.title"), map[string]string{"Key": "500"})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	if ok {
		_ = t.ExecuteTemplate(w, "layout.html", v)
	}
}

// fail answers a domain error: not found → 404, anything else → 500.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, db.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.serverError(w, r, err)
}

func (s *Server) csrfDenied(w http.ResponseWriter, r *http.Request) {
	v := s.view(r, i18n.T(lang(r), "error.403.title"), map[string]string{"Key": "403"})
	v.Flash = i18n.T(lang(r), "error.csrf")
	s.render(w, r, http.StatusForbidden, "error", v)
}

// apiError writes the API's error body: {"error":{"code","message"}}.
func apiError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// apiNotFound answers API paths that do not exist, in the API's own shape.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	apiError(w, http.StatusNotFound, "not_found", i18n.T(lang(r), "error.404.title"))
}
