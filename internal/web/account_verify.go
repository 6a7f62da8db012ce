package web

import (
	"net/http"

	"lokadaya/internal/db"
)

// verifyEmail uses the link from the verification e-mail.
func (s *Server) verifyEmail(w http.ResponseWriter, r *http.Request) {
	if _, err := s.accounts.Verify(r.Context(), r.PathValue("token")); err != nil {
		s.tokenFailed(w, r, err)
		return
	}
	s.flash(w, "account.flash.verified")
	if currentUser(r) != nil {
		redirect(w, r, "/akun")
		return
	}
	redirect(w, r, "/masuk")
}

// resendVerification sends a fresh verification link to the logged-in
// user; earlier links stop working. It shares the reset limit, per user.
func (s *Server) resendVerification(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	if u.Verified() {
		s.flash(w, "account.flash.already")
		redirect(w, r, "/akun")
		return
	}
	if !s.allow(w, r, s.limits.reset, "verify:user:"+itoa(u.ID)) {
		return
	}
	if err := s.db.InTx(r.Context(), func(tx *db.Tx) error { return s.queueVerification(r.Context(), r, tx, u) }); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "account.flash.resent")
	redirect(w, r, "/akun")
}
