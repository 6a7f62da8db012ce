package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// forgotForm asks for the address to send a reset link to.
func (s *Server) forgotForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "auth_forgot", s.view(r, i18n.T(lang(r), "account.forgot.title"), nil))
}

// forgot queues a reset link when the address has an account. The answer
// is the same either way, so the form does not reveal who is registered.
func (s *Server) forgot(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r)
		return
	}
	email := account.NormalizeEmail(r.PostForm.Get("email"))
	if !validate.Email(email) {
		v := s.view(r, i18n.T(lang(r), "account.forgot.title"), nil)
		v.Form.Set("email", email)
		v.Errors.Add("email", "account.err.email")
		s.render(w, r, http.StatusUnprocessableEntity, "auth_forgot", v)
		return
	}
	if !s.allow(w, r, s.limits.reset, "reset:ip:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	u, err := s.accounts.ByEmail(r.Context(), email)
	due := false
	if err == nil {
		due, err = s.resetMailDue(r, email)
	}
	switch {
	case errors.Is(err, db.ErrNotFound):
	case err != nil:
		s.serverError(w, r, err)
		return
	case due:
		if err := s.db.InTx(r.Context(), func(tx *db.Tx) error { return s.queueReset(r.Context(), r, tx, u) }); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.flash(w, "account.flash.reset_sent")
	redirect(w, r, "/lupa-sandi")
}

// resetMailDue reports whether a reset e-mail may go to email now, and
// counts it when it may. A known device of the account always may, so its
// owner can reset from there whatever strangers do; other browsers share a
// cap of a few e-mails an hour per address, so that strangers cannot flood
// the inbox. The requester is never told: the page reads the same, and a
// request over the cap issues no new link, so the one in the newest e-mail
// stays good.
func (s *Server) resetMailDue(r *http.Request, email string) (bool, error) {
	known, err := s.knownDevice(r, email)
	if err != nil || known {
		return known, err
	}
	key := "reset:email:" + email
	over, err := s.limits.resetMail.Over(r.Context(), key)
	if err != nil || over {
		return false, err
	}
	return true, s.limits.resetMail.Record(r.Context(), key)
}

// resetForm asks for a new password when the link is still good.
func (s *Server) resetForm(w http.ResponseWriter, r *http.Request) {
	if _, err := s.accounts.CheckToken(r.Context(), r.PathValue("token"), account.PurposeReset); err != nil {
		s.tokenFailed(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "auth_reset", s.resetView(r))
}

func (s *Server) resetView(r *http.Request) *View {
	return s.view(r, i18n.T(lang(r), "account.reset.title"), map[string]string{"Token": r.PathValue("token")})
}

// reset sets the new password, ends every session and logs this browser
// in afresh.
func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r)
		return
	}
	token := r.PathValue("token")
	userID, err := s.accounts.CheckToken(r.Context(), token, account.PurposeReset)
	if err != nil {
		s.tokenFailed(w, r, err)
		return
	}
	u, err := s.accounts.ByID(r.Context(), userID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	password := r.PostForm.Get("password")
	e := validate.Errors{}
	checkNewPassword(e, "password", password, u.Email)
	if password != r.PostForm.Get("password_confirm") {
		e.Add("password_confirm", "account.err.password_mismatch")
	}
	if len(e) > 0 {
		v := s.resetView(r)
		v.Errors = e
		s.render(w, r, http.StatusUnprocessableEntity, "auth_reset", v)
		return
	}
	if _, err := s.accounts.ResetPassword(r.Context(), token, password); err != nil {
		s.tokenFailed(w, r, err)
		return
	}
	// The reset forgot every known device; this browser proved the
	// e-mail is the owner's, so it becomes the first known one again.
	if err := s.startSession(w, r, u); err == nil {
		err = s.rememberDevice(w, r, u)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "account.flash.reset_done")
	redirect(w, r, "/akun")
}

// tokenFailed explains a dead link, or reports a real failure.
func (s *Server) tokenFailed(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, account.ErrTokenInvalid) {
		s.accountMessage(w, r, http.StatusGone, "account.err.link_title", "account.err.link")
		return
	}
	s.serverError(w, r, err)
}
