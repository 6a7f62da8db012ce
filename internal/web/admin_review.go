package web

import (
	"net/http"

	"lokadaya/internal/hub"
)

// adminReviewTarget loads the organisation a platform admin reviews. Any
// organisation may be reviewed this way, whether or not a hub covers it.
func (s *Server) adminReviewTarget(w http.ResponseWriter, r *http.Request) (*reviewPage, hub.Actor, bool) {
	u, ok := s.requireAdmin(w, r)
	if !ok {
		return nil, hub.Actor{}, false
	}
	o, err := s.hubs.OrgBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return nil, hub.Actor{}, false
	}
	p, err := s.reviewPage(r, nil, o)
	if err != nil {
		s.serverError(w, r, err)
		return nil, hub.Actor{}, false
	}
	return p, actorOf(u), true
}

// adminReview shows an organisation to a platform admin with the same
// review page hub coordinators use: GET /admin/organisasi/{slug}/tinjau.
func (s *Server) adminReview(w http.ResponseWriter, r *http.Request) {
	if p, _, ok := s.adminReviewTarget(w, r); ok {
		s.showReview(w, r, p)
	}
}

// adminDecideReview records a platform admin's verification decision:
// POST /admin/organisasi/{slug}/tinjau.
func (s *Server) adminDecideReview(w http.ResponseWriter, r *http.Request) {
	if p, actor, ok := s.adminReviewTarget(w, r); ok {
		s.decideReview(w, r, p, actor)
	}
}
