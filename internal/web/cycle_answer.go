package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"

	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
)

// cycleAnswerSave stores a new version of an answer. When someone saved in
// between, the page comes back with 409, their text beside the writer's,
// and the writer's text still in the form.
func (s *Server) cycleAnswerSave(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok || !s.requireCycleWrite(w, r, a) {
		return
	}
	st, ok := s.pathStage(w, r, c)
	if !ok {
		return
	}
	// limitForms has read the form (at most maxFormBytes).
	key := r.PathValue("key")
	body := r.PostForm.Get("body")
	base, err := strconv.Atoi(r.PostForm.Get("base_version"))
	if err != nil || base < 0 {
		base = 0
	}
	if _, qst, ok := c.Framework().Question(key); !ok || qst.Number != st.Number {
		s.notFound(w, r)
		return
	}
	_, err = s.cycleStore().SaveAnswer(r.Context(), c.ID, key, body, base, cycleActor(a))
	if err == nil {
		s.flash(w, "cycle.flash.answer_saved")
		redirect(w, r, stageURL(a.Org.Slug, c.Number, st.Number)+"#q-"+key)
		return
	}
	status, msg := http.StatusUnprocessableEntity, ""
	var conflict *cycle.ConflictError
	switch {
	case errors.As(err, &conflict):
		status, msg = http.StatusConflict, "cycle.answer.conflict"
	case errors.Is(err, cycle.ErrTooLong):
		msg = "cycle.answer.too_long"
	case errors.Is(err, cycle.ErrClosed):
		msg = "cycle.closed"
	default:
		s.serverError(w, r, err)
		return
	}
	p, err := s.stagePage(r, a, c, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q := p.question(key)
	q.Draft, q.Error = body, msg
	if conflict != nil {
		// The next save knowingly builds on their version.
		q.Theirs, q.TheirsHTML, q.Base = &conflict.Latest, linkify(conflict.Latest.Body), conflict.Latest.Version
	}
	s.renderStage(w, r, status, p, nil)
}

// cycleAnswerHistoryPage is the data of an answer's version history.
type cycleAnswerHistoryPage struct {
	Access   *cycleAccess
	Cycle    *cycle.Cycle
	Stage    int
	Question string
	Versions []answerVersionView
}

// answerVersionView is one version with its rendered text.
type answerVersionView struct {
	cycle.Answer
	HTML template.HTML
}

// cycleAnswerHistory lists every version of an answer with author and time.
func (s *Server) cycleAnswerHistory(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	st, ok := s.pathStage(w, r, c)
	if !ok {
		return
	}
	key := r.PathValue("key")
	q, qst, ok := c.Framework().Question(key)
	if !ok || qst.Number != st.Number {
		s.notFound(w, r)
		return
	}
	versions, err := s.cycleStore().History(r.Context(), c.ID, key)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &cycleAnswerHistoryPage{Access: a, Cycle: c, Stage: st.Number, Question: q.Text.In(lang(r))}
	for _, v := range versions {
		p.Versions = append(p.Versions, answerVersionView{Answer: v, HTML: linkify(v.Body)})
	}
	s.render(w, r, http.StatusOK, "cycle_history", s.view(r, i18n.T(lang(r), "cycle.history.title"), p))
}
