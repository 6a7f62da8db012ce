package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/i18n"
)

// safeNext returns next when it is a path on this site, "" otherwise, so
// that the login form cannot be used to send people elsewhere.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\\r\n\t") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return ""
	}
	return next
}

// loginForm shows the login form; ?next= is where to go afterwards.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	v := s.view(r, i18n.T(lang(r), "account.login.title"), nil)
	v.Form.Set("next", safeNext(r.URL.Query().Get("next")))
	s.render(w, r, http.StatusOK, "auth_login", v)
}

// login checks the credentials and starts a session. Attempts are limited
// per client address. Failed attempts on one account from browsers that
// are not its known devices hold back further attempts from such
// browsers only: a stranger guessing cannot lock the owner out of the
// browsers they use, and elsewhere the owner can still get in through a
// password reset by e-mail.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r)
		return
	}
	email := account.NormalizeEmail(r.PostForm.Get("email"))
	next := safeNext(r.PostForm.Get("next"))
	v := s.view(r, i18n.T(lang(r), "account.login.title"), nil)
	v.Form.Set("email", email)
	v.Form.Set("next", next)
	if !s.allow(w, r, s.limits.login, "login:ip:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	known, err := s.knownDevice(r, email)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	failKey := "login:fail:" + email
	if !known && !s.loginNotHeld(w, r, v, failKey) {
		return
	}
	u, err := s.accounts.Authenticate(r.Context(), email, r.PostForm.Get("password"))
	if errors.Is(err, account.ErrBadCredentials) {
		s.loginFailed(w, r, v, known, failKey)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.startSession(w, r, u); err != nil {
		s.serverError(w, r, err)
		return
	}
	if !known {
		if err := s.rememberDevice(w, r, u); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if next == "" {
		next = s.landing(r.Context(), u)
	}
	s.flash(w, "account.flash.logged_in")
	redirect(w, r, next)
}

// logout ends the session behind the cookie.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.accounts.DeleteSession(r.Context(), c.Value); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.clearSession(w, r)
	s.flash(w, "account.flash.logged_out")
	redirect(w, r, "/")
}
