package web

import (
	"net/http"

	"lokadaya/internal/i18n"
)

// hubMine sends a coordinator to their work: GET /simpul/saya redirects to
// the review queue of their hub, or lists their hubs when there are several.
func (s *Server) hubMine(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	hubs, err := s.hubs.HubsOf(r.Context(), u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	switch {
	case len(hubs) == 1:
		http.Redirect(w, r, "/simpul/"+hubs[0].Slug+"/tinjau", http.StatusSeeOther)
	case len(hubs) > 1:
		s.render(w, r, http.StatusOK, "hub_mine", s.view(r, i18n.T(lang(r), "hub.mine.title"), hubs))
	case u.IsAdmin:
		http.Redirect(w, r, "/admin", http.StatusSeeOther)
	default:
		s.forbidden(w, r)
	}
}
