package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// orgInvite invites someone by e-mail to join with a role.
func (s *Server) orgInvite(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManage)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.renderMembers(w, r, http.StatusBadRequest, a, r.PostForm, validate.Errors{"email": "form.invalid"})
		return
	}
	email := account.NormalizeEmail(r.PostForm.Get("email"))
	role := org.Role(r.PostForm.Get("role"))
	errs := validate.Errors{}
	if !validate.Email(email) {
		errs.Add("email", "org.err.email")
	}
	if !role.Valid() || role == org.RoleOwner {
		errs.Add("role", "org.err.role")
	}
	if len(errs) == 0 {
		member, err := s.isMemberByEmail(r.Context(), a.Org.ID, email)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if member {
			errs.Add("email", "org.err.already_member")
		}
	}
	if len(errs) > 0 {
		s.renderMembers(w, r, http.StatusUnprocessableEntity, a, r.PostForm, errs)
		return
	}
	err := s.db.InTx(r.Context(), func(tx *db.Tx) error {
		token, inv, err := s.orgs.Invite(r.Context(), tx, a.Org.ID, a.User.ID, email, role)
		if err != nil {
			return err
		}
		return s.sendInvitation(r.Context(), tx, lang(r), a.Org, a.User, inv, token)
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "org.flash.invited")
	redirect(w, r, membersURL(a.Org))
}

// isMemberByEmail reports whether the account registered with email
// already belongs to the organisation.
func (s *Server) isMemberByEmail(ctx context.Context, orgID int64, email string) (bool, error) {
	u, err := s.accounts.ByEmail(ctx, email)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	_, err = s.orgs.RoleOf(ctx, orgID, u.ID)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// sendInvitation queues the invitation e-mail in the transaction that
// records the invitation, so neither exists without the other. It is
// written in the inviter's language.
func (s *Server) sendInvitation(ctx context.Context, q db.Querier, l i18n.Lang, o *org.Organization,
	inviter *account.User, inv *org.Invitation, token string) error {
	link := strings.TrimRight(s.cfg.BaseURL, "/") + "/undangan/" + token
	role := i18n.T(l, "org.role."+string(inv.Role))
	return mail.Queue(ctx, q, mail.Message{
		To:      inv.Email,
		Subject: i18n.T(l, "org.mail.invite.subject", o.Name),
		Text:    i18n.T(l, "org.mail.invite.body", inviter.Name, o.Name, role, link),
	})
}
