package web

import (
	"net/http"

	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
)

// queuePage is what the review queue shows.
type queuePage struct {
	Hub  *hub.Hub
	Orgs []orgRow
	// TurnedAway are the rejected and suspended organisations of the hub.
	TurnedAway []orgRow
}

// hubQueue is a hub's review queue: GET /simpul/{slug}/tinjau, for its
// coordinators and platform admins.
func (s *Server) hubQueue(w http.ResponseWriter, r *http.Request) {
	_, h, ok := s.hubReviewer(w, r)
	if !ok {
		return
	}
	orgs, err := s.hubs.ReviewQueue(r.Context(), h.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	away, err := s.hubs.TurnedAway(r.Context(), h.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := queuePage{Hub: h}
	if p.Orgs, err = s.orgRows(r, orgs); err == nil {
		p.TurnedAway, err = s.orgRows(r, away)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "hub_queue", s.view(r, i18n.T(lang(r), "hub.queue.title", h.Name), p))
}
