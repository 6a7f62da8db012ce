package web

import (
	"net/http"

	"lokadaya/internal/cycle"
	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
)

// stageProgress is one stage in a cycle's progress list.
type stageProgress struct {
	Stage      *framework.Stage
	Current    bool
	Done       bool
	Iterations int
	Answered   int
}

// cycleOverviewPage is the data of a cycle's overview.
type cycleOverviewPage struct {
	Access  *cycleAccess
	Cycle   *cycle.Cycle
	Stages  []stageProgress
	Moves   []cycle.Move
	Titles  map[int]string // stage number → title in the page's language
	CanNext bool           // "Menggeser Titik Tolak" is offered
	Error   string         // why the last move was refused
}

// cycleOverview shows the seven stages with the current one, how often each
// was entered, and the timeline of every move.
func (s *Server) cycleOverview(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	s.renderOverview(w, r, http.StatusOK, a, c, "")
}

func (s *Server) renderOverview(w http.ResponseWriter, r *http.Request, status int, a *cycleAccess, c *cycle.Cycle, msg string) {
	ctx := r.Context()
	st := s.cycleStore()
	counts, err := st.IterationCounts(ctx, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	moves, err := st.Timeline(ctx, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	latest, err := st.Latest(ctx, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fw := c.Framework()
	p := &cycleOverviewPage{Access: a, Cycle: c, Moves: moves, Titles: stageTitles(fw, lang(r)), Error: msg,
		CanNext: a.CanWrite() && c.Open() && c.CurrentStage == cycle.LastStage}
	for i := range fw.Stages {
		stg := &fw.Stages[i]
		n := 0
		for _, q := range stg.Questions {
			if ans, ok := latest[q.Key]; ok && ans.Answered() {
				n++
			}
		}
		p.Stages = append(p.Stages, stageProgress{Stage: stg, Current: c.Open() && stg.Number == c.CurrentStage,
			Done: stg.Number < c.CurrentStage || !c.Open(), Iterations: counts[stg.Number], Answered: n})
	}
	title := i18n.T(lang(r), "cycle.overview.title", c.Number, a.Org.Name)
	s.render(w, r, status, "cycle_overview", s.view(r, title, p))
}

// stageTitles maps stage numbers to their titles in lang.
func stageTitles(fw *framework.Framework, l i18n.Lang) map[int]string {
	out := map[int]string{}
	for _, st := range fw.Stages {
		out[st.Number] = st.Title.In(l)
	}
	return out
}
