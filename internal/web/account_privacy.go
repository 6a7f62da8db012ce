package web

import (
	"net/http"

	"lokadaya/internal/i18n"
)

// privacy is the privacy notice (UU 27/2022): purpose, data kept, rights,
// retention and contact.
func (s *Server) privacy(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "privacy", s.view(r, i18n.T(lang(r), "account.privacy.title"), nil))
}
