package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/bankimport"
)

// donationImportDiscard throws away a pending statement import and its
// file, for a money manager who does not want to confirm it.
func (s *Server) donationImportDiscard(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	id := r.PathValue("id")
	err := s.importStore().Discard(r.Context(), a.Org.ID, id, importActor(a))
	switch {
	case errors.Is(err, bankimport.ErrConfirmed):
		s.flash(w, "bankimport.flash.discard_confirmed")
		redirect(w, r, importURL(a)+"/"+id)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	s.flash(w, "bankimport.flash.discarded")
	redirect(w, r, importURL(a))
}
