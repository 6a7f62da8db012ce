package web

import (
	"net/http"

	"lokadaya/internal/hub"
)

// hubPage is what the public hub page shows.
type hubPage struct {
	Hub       *hub.Hub
	Members   []orgRow
	CanReview bool
}

// hubShow is a hub's public page: GET /simpul/{slug}.
func (s *Server) hubShow(w http.ResponseWriter, r *http.Request) {
	h, ok := s.hubBySlug(w, r)
	if !ok {
		return
	}
	members, err := s.hubs.VerifiedMembers(r.Context(), h.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows, err := s.orgRows(r, members)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	canReview, err := s.canReviewHub(r.Context(), currentUser(r), h)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "hub_show", s.view(r, h.Name, hubPage{Hub: h, Members: rows, CanReview: canReview}))
}
