package web

import (
	"net/http"

	"lokadaya/internal/i18n"
)

// hubList is the public list of hubs: GET /simpul.
func (s *Server) hubList(w http.ResponseWriter, r *http.Request) {
	hubs, err := s.hubs.List(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "hub_list", s.view(r, i18n.T(lang(r), "hub.list.title"), hubs))
}
