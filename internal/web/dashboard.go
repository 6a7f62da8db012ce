package web

import (
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
)

// dashboardPage is the data of the logged-in user's dashboard.
type dashboardPage struct {
	Memberships []org.Membership
	Invitations []org.Invitation
}

// dashboard lists the user's organisations with their role and status, and
// the invitations waiting for them.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	ms, err := s.orgs.MembershipsOf(r.Context(), u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	invs, err := s.orgs.InvitationsFor(r.Context(), u.Email)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// Invitations to organisations the user already joined are noise.
	member := map[int64]bool{}
	for _, m := range ms {
		member[m.Org.ID] = true
	}
	p := &dashboardPage{Memberships: ms}
	for _, inv := range invs {
		if !member[inv.OrgID] {
			p.Invitations = append(p.Invitations, inv)
		}
	}
	s.render(w, r, http.StatusOK, "dashboard", s.view(r, i18n.T(lang(r), "org.dashboard.title"), p))
}
