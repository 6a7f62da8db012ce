package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/account"
	"lokadaya/internal/i18n"
)

// deleteView is the deletion page, listing the organisations that block
// it, if any, before the user types their password.
func (s *Server) deleteView(r *http.Request, u *account.User) (*View, error) {
	orgs, err := account.SoleOwnerOf(r.Context(), s.db, u.ID)
	if err != nil {
		return nil, err
	}
	return s.view(r, i18n.T(lang(r), "account.delete.title"), map[string]any{"SoleOwnerOf": orgs}), nil
}

// accountDeleteForm asks for the password before erasing the account.
func (s *Server) accountDeleteForm(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	v, err := s.deleteView(r, u)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "account_delete", v)
}

// accountDelete erases the account when the password matches and no
// organisation would be left without an owner, then logs out.
func (s *Server) accountDelete(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r)
		return
	}
	v, err := s.deleteView(r, u)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	match, err := account.CheckPassword(u.PasswordHash, r.PostForm.Get("password"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !match {
		v.Errors.Add("password", "account.err.password_wrong")
		s.render(w, r, http.StatusUnprocessableEntity, "account_delete", v)
		return
	}
	orgs, err := s.accounts.Delete(r.Context(), u.ID)
	if errors.Is(err, account.ErrSoleOwner) {
		v.Data = map[string]any{"SoleOwnerOf": orgs}
		s.render(w, r, http.StatusConflict, "account_delete", v)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("account deleted", "user_id", u.ID)
	s.clearSession(w, r)
	s.flash(w, "account.flash.deleted")
	redirect(w, r, "/")
}
