package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
)

// cycleListPage is the data of an organisation's list of cycles.
type cycleListPage struct {
	Access *cycleAccess
	Cycles []cycle.Cycle
}

// cycleList lists the organisation's cycles, newest first, with the form
// that starts cycle 1 when there is none.
func (s *Server) cycleList(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadCycleAccess(w, r)
	if !ok {
		return
	}
	cs, err := s.cycleStore().List(r.Context(), a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := i18n.T(lang(r), "cycle.list.title", a.Org.Name)
	s.render(w, r, http.StatusOK, "cycle_list", s.view(r, title, &cycleListPage{Access: a, Cycles: cs}))
}

// cycleStart opens cycle 1 and goes to its overview.
func (s *Server) cycleStart(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadCycleAccess(w, r)
	if !ok || !s.requireCycleWrite(w, r, a) || !s.requireOMS(w, r, a.Org) {
		return
	}
	c, err := s.cycleStore().Start(r.Context(), a.Org.ID, cycleActor(a))
	if errors.Is(err, cycle.ErrExists) {
		s.flash(w, "cycle.flash.exists")
		redirect(w, r, workspaceURL(a.Org.Slug))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "cycle.flash.started")
	redirect(w, r, cycleURL(a.Org.Slug, c.Number))
}
