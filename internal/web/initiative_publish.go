package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/validate"
)

// initiativePublish makes a draft public once it has a name, tagline,
// problem, category and at least one region; otherwise the form says what
// is missing.
func (s *Server) initiativePublish(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	i, ok := s.loadOrgInitiative(w, r, c)
	if !ok {
		return
	}
	err := s.initiativeStore().Publish(r.Context(), toolActor(c), i.ID)
	var ve validate.Errors
	if errors.As(err, &ve) {
		s.renderInitiativeForm(w, r, http.StatusUnprocessableEntity, c, i, i.Form(), ve)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.reindex(r.Context(), initiativeRef(i.ID))
	s.flash(w, "initiative.flash.published")
	redirect(w, r, "/inisiatif/"+i.Slug)
}

// initiativeUnpublish takes an initiative back to draft.
func (s *Server) initiativeUnpublish(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	i, ok := s.loadOrgInitiative(w, r, c)
	if !ok {
		return
	}
	if err := s.initiativeStore().Unpublish(r.Context(), toolActor(c), i.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.reindex(r.Context(), initiativeRef(i.ID))
	s.flash(w, "initiative.flash.unpublished")
	redirect(w, r, initiativesURL(c))
}
