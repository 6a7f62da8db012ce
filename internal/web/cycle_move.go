package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
	"lokadaya/internal/reflection"
	"lokadaya/internal/validate"
)

// moveFrom checks the stage the form was sent from is still the current
// one, so a form sent twice (or after someone else moved) moves nothing.
func (s *Server) moveFrom(w http.ResponseWriter, r *http.Request, a *cycleAccess, c *cycle.Cycle) bool {
	if from, err := strconv.Atoi(r.PostFormValue("from")); err == nil && from != c.CurrentStage {
		s.flash(w, "cycle.flash.moved")
		redirect(w, r, cycleURL(a.Org.Slug, c.Number))
		return false
	}
	return true
}

// cycleAdvance moves the cycle on to the next stage.
func (s *Server) cycleAdvance(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok || !s.requireCycleWrite(w, r, a) || !s.moveFrom(w, r, a, c) {
		return
	}
	next, err := s.cycleStore().Advance(r.Context(), c.ID, cycleActor(a))
	var nr *cycle.NotReadyError
	switch {
	case err == nil:
		s.flash(w, "cycle.flash.advanced")
		redirect(w, r, stageURL(a.Org.Slug, next.Number, next.CurrentStage))
	case errors.As(err, &nr):
		s.renderOverview(w, r, http.StatusUnprocessableEntity, a, c, i18n.T(lang(r), "cycle.advance.missing", nr.Missing(), nr.Required))
	case errors.Is(err, cycle.ErrLastStage):
		s.renderOverview(w, r, http.StatusUnprocessableEntity, a, c, i18n.T(lang(r), "cycle.advance.last"))
	case errors.Is(err, cycle.ErrClosed):
		s.renderOverview(w, r, http.StatusUnprocessableEntity, a, c, i18n.T(lang(r), "cycle.closed"))
	case errors.Is(err, cycle.ErrMoved):
		s.flash(w, "cycle.flash.moved")
		redirect(w, r, cycleURL(a.Org.Slug, c.Number))
	default:
		s.serverError(w, r, err)
	}
}

// cycleBack returns the cycle to an earlier stage with a reason.
func (s *Server) cycleBack(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok || !s.requireCycleWrite(w, r, a) || !s.moveFrom(w, r, a, c) {
		return
	}
	to, _ := strconv.Atoi(r.PostFormValue("to"))
	back, err := s.cycleStore().GoBack(r.Context(), c.ID, to, r.PostFormValue("reason"), cycleActor(a))
	errs := validate.Errors{}
	switch {
	case err == nil:
		s.flash(w, "cycle.flash.back")
		// #main: the form's own fragment (#langkah) would carry over.
		redirect(w, r, stageURL(a.Org.Slug, back.Number, back.CurrentStage)+"#main")
		return
	case errors.Is(err, cycle.ErrReasonRequired):
		errs.Add("reason", "cycle.back.reason_required")
	case errors.Is(err, cycle.ErrTooLong):
		errs.Add("reason", "form.too_long")
	case errors.Is(err, cycle.ErrBackNotAllowed):
		errs.Add("to", "cycle.back.not_allowed")
	case errors.Is(err, cycle.ErrClosed):
		errs.Add("to", "cycle.closed")
	case errors.Is(err, cycle.ErrMoved):
		s.flash(w, "cycle.flash.moved")
		redirect(w, r, cycleURL(a.Org.Slug, c.Number))
		return
	default:
		s.serverError(w, r, err)
		return
	}
	st, _ := c.Framework().Stage(c.CurrentStage)
	p, perr := s.stagePage(r, a, c, st)
	if perr != nil {
		s.serverError(w, r, perr)
		return
	}
	s.renderStage(w, r, http.StatusUnprocessableEntity, p, errs)
}

// cycleNext is "Menggeser Titik Tolak": it closes this cycle and opens the
// next, prefilled with this cycle's answers.
func (s *Server) cycleNext(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok || !s.requireCycleWrite(w, r, a) {
		return
	}
	if !c.Open() {
		s.renderOverview(w, r, http.StatusUnprocessableEntity, a, c, i18n.T(lang(r), "cycle.closed"))
		return
	}
	next, err := s.cycleStore().NextCycle(r.Context(), a.Org.ID, cycleActor(a))
	var nr *cycle.NotReadyError
	switch {
	case err == nil:
		s.flash(w, s.startFromReflection(r, a, c.ID, next))
		redirect(w, r, cycleURL(a.Org.Slug, next.Number))
	case errors.As(err, &nr):
		s.renderOverview(w, r, http.StatusUnprocessableEntity, a, c, i18n.T(lang(r), "cycle.advance.missing", nr.Missing(), nr.Required))
	case errors.Is(err, cycle.ErrNotLastStage):
		s.renderOverview(w, r, http.StatusUnprocessableEntity, a, c, i18n.T(lang(r), "cycle.next.not_last"))
	case errors.Is(err, cycle.ErrMoved), errors.Is(err, cycle.ErrClosed):
		s.flash(w, "cycle.flash.moved")
		redirect(w, r, workspaceURL(a.Org.Slug))
	default:
		s.serverError(w, r, err)
	}
}

// startFromReflection starts the new cycle from the latest reflection
// held for the one it closed (reflection.StartNextCycle) and returns the
// flash to show. The cycle is open either way: a failure here is logged
// and the organisation can open the drafts from the session's page.
func (s *Server) startFromReflection(r *http.Request, a *cycleAccess, from int64, next *cycle.Cycle) string {
	actor := cycleActor(a)
	store := &reflection.Store{DB: s.db, Now: s.pages.now}
	sess, _, err := store.StartNextCycle(r.Context(), reflection.Actor{ID: actor.ID, Name: actor.Name}, s.cycleStore(), a.Org.ID, from, next)
	if err != nil {
		s.log.Error("next cycle not started from the reflection", "org", a.Org.ID, "err", err)
		return "cycle.flash.next"
	}
	if sess != nil {
		return "cycle.flash.next_from_reflection"
	}
	return "cycle.flash.next"
}
