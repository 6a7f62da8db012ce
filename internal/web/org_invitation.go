package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
)

// invitationPage is the data of the invitation page.
type invitationPage struct {
	Invitation *org.Invitation
	// Problem is the i18n key of why the invitation cannot be accepted.
	Problem string
}

// invitationProblem says why u cannot accept inv now, as an i18n key and
// a status, or "" when they can.
func invitationProblem(inv *org.Invitation, u *account.User) (string, int) {
	switch {
	case inv.AcceptedAt != nil:
		return "org.invite.used", http.StatusGone
	case inv.Expired(db.Now()):
		return "org.invite.expired", http.StatusGone
	case account.NormalizeEmail(u.Email) != inv.Email:
		return "org.invite.wrong_user", http.StatusForbidden
	}
	return "", http.StatusOK
}

// invitationShow asks the logged-in invitee to confirm joining.
func (s *Server) invitationShow(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	inv, err := s.orgs.InvitationByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	problem, status := invitationProblem(inv, u)
	s.renderInvitation(w, r, status, inv, problem)
}

// invitationAccept joins the organisation as the invitation says.
func (s *Server) invitationAccept(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	inv, err := s.orgs.Accept(r.Context(), r.PathValue("token"), u)
	switch {
	case err == nil:
		s.flash(w, "org.flash.joined")
		redirect(w, r, "/organisasi/"+inv.OrgSlug)
	case errors.Is(err, org.ErrAlreadyMember):
		s.renderInvitation(w, r, http.StatusConflict, inv, "org.invite.already_member")
	case errors.Is(err, org.ErrInvitationUsed), errors.Is(err, org.ErrInvitationExpired),
		errors.Is(err, org.ErrWrongInvitee):
		problem, status := invitationProblem(inv, u)
		if problem == "" { // used by a concurrent request between the checks
			problem, status = "org.invite.used", http.StatusGone
		}
		s.renderInvitation(w, r, status, inv, problem)
	default:
		s.fail(w, r, err)
	}
}

func (s *Server) renderInvitation(w http.ResponseWriter, r *http.Request, status int, inv *org.Invitation, problem string) {
	v := s.view(r, i18n.T(lang(r), "org.invite.title", inv.OrgName), &invitationPage{Invitation: inv, Problem: problem})
	s.render(w, r, status, "org_invitation", v)
}
