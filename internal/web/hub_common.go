package web

import (
	"context"
	"net/http"

	"lokadaya/internal/account"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
)

// actorOf turns the logged-in user into the hub package's actor.
func actorOf(u *account.User) hub.Actor {
	return hub.Actor{ID: u.ID, Name: u.Name, IsAdmin: u.IsAdmin}
}

// canReviewHub reports whether u may open the hub's review queue: its
// coordinators and platform admins.
func (s *Server) canReviewHub(ctx context.Context, u *account.User, h *hub.Hub) (bool, error) {
	if u == nil {
		return false, nil
	}
	if u.IsAdmin {
		return true, nil
	}
	return s.hubs.IsCoordinatorOf(ctx, u.ID, h.ID)
}

// orgRow is an organisation as listed on hub and admin pages.
type orgRow struct {
	*org.Organization
	Region      string
	StatusLabel string
	StatusClass string
}

func statusLabel(l i18n.Lang, st org.Status) string { return i18n.T(l, "hub.status."+string(st)) }

func statusClass(st org.Status) string {
	switch st {
	case org.StatusVerified:
		return "verified"
	case org.StatusNeedsChanges, org.StatusRejected, org.StatusSuspended:
		return "warn"
	}
	return ""
}

// orgRows labels organisations with their region and status for r's language.
func (s *Server) orgRows(r *http.Request, orgs []*org.Organization) ([]orgRow, error) {
	rows := make([]orgRow, 0, len(orgs))
	for _, o := range orgs {
		label, err := s.hubs.RegionLabel(r.Context(), o.RegionCode)
		if err != nil {
			return nil, err
		}
		rows = append(rows, orgRow{Organization: o, Region: label,
			StatusLabel: statusLabel(lang(r), o.Status), StatusClass: statusClass(o.Status)})
	}
	return rows, nil
}

// hubBySlug loads the hub named in the path, answering 404 itself.
func (s *Server) hubBySlug(w http.ResponseWriter, r *http.Request) (*hub.Hub, bool) {
	h, err := s.hubs.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return h, true
}

// hubReviewer loads the hub and checks that the logged-in user may review
// for it: anonymous visitors go to the login page, others get 403.
func (s *Server) hubReviewer(w http.ResponseWriter, r *http.Request) (*account.User, *hub.Hub, bool) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return nil, nil, false
	}
	h, ok := s.hubBySlug(w, r)
	if !ok {
		return nil, nil, false
	}
	allowed, err := s.canReviewHub(r.Context(), u, h)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	if !allowed {
		s.forbidden(w, r)
		return nil, nil, false
	}
	return u, h, true
}
