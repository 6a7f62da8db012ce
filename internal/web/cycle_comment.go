package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/cycle"
	"lokadaya/internal/validate"
)

// cycleComment adds an accompaniment comment to a stage. Writers of the
// organisation, coordinators of its hub and platform admins may comment.
func (s *Server) cycleComment(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	if !a.CanComment() {
		s.forbidden(w, r)
		return
	}
	st, ok := s.pathStage(w, r, c)
	if !ok {
		return
	}
	// limitForms has read the form (at most maxFormBytes).
	key := r.PostForm.Get("question")
	if key != "" {
		if _, qst, ok := c.Framework().Question(key); !ok || qst.Number != st.Number {
			key = ""
		}
	}
	_, err := s.cycleStore().AddComment(r.Context(), c.ID, st.Number, key, r.PostForm.Get("comment"), cycleActor(a))
	errs := validate.Errors{}
	switch {
	case err == nil:
		s.flash(w, "cycle.flash.commented")
		redirect(w, r, stageURL(a.Org.Slug, c.Number, st.Number)+"#komentar")
		return
	case errors.Is(err, cycle.ErrEmpty):
		errs.Add("comment", "form.required")
	case errors.Is(err, cycle.ErrTooLong):
		errs.Add("comment", "form.too_long")
	default:
		s.serverError(w, r, err)
		return
	}
	p, err := s.stagePage(r, a, c, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderStage(w, r, http.StatusUnprocessableEntity, p, errs)
}
