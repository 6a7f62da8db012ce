package web

import (
	"net/http"
	"net/url"

	"lokadaya/internal/account"
)

// requireUser returns the logged-in user, or sends the browser to the login
// page (coming back here afterwards) and returns false.
func (s *Server) requireUser(w http.ResponseWriter, r *http.Request) (*account.User, bool) {
	u := currentUser(r)
	if u != nil {
		return u, true
	}
	next := r.URL.RequestURI()
	if r.Method != http.MethodGet {
		next = r.URL.Path
	}
	http.Redirect(w, r, "/masuk?next="+url.QueryEscape(next), http.StatusSeeOther)
	return nil, false
}

// requireAdmin lets platform admins through and answers 403 to everyone else.
func (s *Server) requireAdmin(w http.ResponseWriter, r *http.Request) (*account.User, bool) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return nil, false
	}
	if !u.IsAdmin {
		s.forbidden(w, r)
		return nil, false
	}
	return u, true
}
