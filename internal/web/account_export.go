package web

import (
	"net/http"
)

// accountExport downloads, as JSON, everything Lokadaya holds about the
// logged-in person (right of access and portability, UU 27/2022).
func (s *Server) accountExport(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	e, err := s.accounts.Export(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="lokadaya-data-saya.json"`)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, e)
}
