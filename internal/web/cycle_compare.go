package web

import (
	"html/template"
	"net/http"
	"strconv"

	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
)

// compareRowView is a question with both cycles' answers rendered.
type compareRowView struct {
	Question string
	A, B     *cycle.Answer
	AHTML    template.HTML
	BHTML    template.HTML
	Same     bool
}

// compareStageView is one stage of the comparison.
type compareStageView struct {
	Number int
	Title  string
	Rows   []compareRowView
}

// cycleComparePage is the data of the side-by-side comparison.
type cycleComparePage struct {
	Access *cycleAccess
	Cycles []cycle.Cycle
	A, B   *cycle.Cycle
	Stages []compareStageView
	// Indicators are the initiatives' indicators of both cycles.
	Indicators []compareIndicatorRow
}

// cycleCompare shows two cycles' answers side by side (?a=1&b=2).
func (s *Server) cycleCompare(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadCycleAccess(w, r)
	if !ok {
		return
	}
	store := s.cycleStore()
	all, err := store.List(r.Context(), a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &cycleComparePage{Access: a, Cycles: all}
	title := i18n.T(lang(r), "cycle.compare.title")
	na, errA := strconv.Atoi(r.URL.Query().Get("a"))
	nb, errB := strconv.Atoi(r.URL.Query().Get("b"))
	if errA != nil || errB != nil {
		// No choice yet: the page offers the form only.
		s.render(w, r, http.StatusOK, "cycle_compare", s.view(r, title, p))
		return
	}
	ca, cb, stages, err := store.Compare(r.Context(), a.Org.ID, na, nb)
	if err != nil {
		s.cycleFail(w, r, err)
		return
	}
	p.A, p.B = ca, cb
	l := lang(r)
	for _, st := range stages {
		sv := compareStageView{Number: st.Stage.Number, Title: st.Stage.Title.In(l)}
		for _, row := range st.Rows {
			rv := compareRowView{Question: row.Question.Text.In(l), A: row.A, B: row.B}
			if row.A != nil {
				rv.AHTML = linkify(row.A.Body)
			}
			if row.B != nil {
				rv.BHTML = linkify(row.B.Body)
			}
			rv.Same = row.A != nil && row.B != nil && row.A.Body == row.B.Body
			sv.Rows = append(sv.Rows, rv)
		}
		p.Stages = append(p.Stages, sv)
	}
	if p.Indicators, err = s.compareIndicators(r.Context(), l, a.Org.ID, ca, cb); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "cycle_compare", s.view(r, title, p))
}
