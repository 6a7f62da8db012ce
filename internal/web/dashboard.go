package web

import (
	"context"
	"net/http"

	"lokadaya/internal/account"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
)

// dashboardPage is the data of the logged-in user's dashboard: their
// organisations, the hubs they coordinate and, for platform admins, the
// administration, each with what waits for them.
type dashboardPage struct {
	Memberships []membershipCard
	Invitations []org.Invitation
	Hubs        []hubCard
	Admin       bool
	// AdminWaiting counts the organisations waiting for a decision.
	AdminWaiting int
}

// membershipCard is one of the user's organisations with the number of
// things waiting for them there.
type membershipCard struct {
	org.Membership
	Waiting int
}

// hubCard is a hub the user coordinates with its review queue's length.
type hubCard struct {
	*hub.Hub
	Queue int
}

// dashboard leads the user to everything they do: GET /dasbor.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	p, err := s.dashboardData(r.Context(), u)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dashboard", s.view(r, i18n.T(lang(r), "org.dashboard.title"), p))
}

func (s *Server) dashboardData(ctx context.Context, u *account.User) (*dashboardPage, error) {
	ms, err := s.orgs.MembershipsOf(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	invs, err := s.orgs.InvitationsFor(ctx, u.Email)
	if err != nil {
		return nil, err
	}
	p := &dashboardPage{Admin: u.IsAdmin}
	// Invitations to organisations the user already joined are noise.
	member := map[int64]bool{}
	for _, m := range ms {
		member[m.Org.ID] = true
		counts, err := s.orgWaitingCounts(ctx, &m.Org, u.ID)
		if err != nil {
			return nil, err
		}
		a := &orgAccess{Org: &m.Org, User: u, Role: m.Role}
		p.Memberships = append(p.Memberships, membershipCard{Membership: m, Waiting: waitingFor(a, counts)})
	}
	for _, inv := range invs {
		if !member[inv.OrgID] {
			p.Invitations = append(p.Invitations, inv)
		}
	}
	hubs, err := s.hubs.HubsOf(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	for _, h := range hubs {
		queue, err := s.hubs.ReviewQueue(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		p.Hubs = append(p.Hubs, hubCard{Hub: h, Queue: len(queue)})
	}
	if u.IsAdmin {
		counts, err := s.hubs.StatusCounts(ctx)
		if err != nil {
			return nil, err
		}
		p.AdminWaiting = counts[org.StatusPending] + counts[org.StatusNeedsChanges]
	}
	return p, nil
}

// landing is where a user goes after logging in without a page to return
// to: the dashboard of their one organisation when that is all they do,
// else the dashboard that lists their organisations, hubs and
// administration.
func (s *Server) landing(ctx context.Context, u *account.User) string {
	if u.IsAdmin {
		return "/dasbor"
	}
	ms, err := s.orgs.MembershipsOf(ctx, u.ID)
	if err != nil || len(ms) != 1 {
		return "/dasbor"
	}
	if hubs, err := s.hubs.HubsOf(ctx, u.ID); err != nil || len(hubs) > 0 {
		return "/dasbor"
	}
	return orgDashboardURL(&ms[0].Org)
}
