package web

import (
	"html/template"
	"net/http"

	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
	"lokadaya/internal/reflection"
	"lokadaya/internal/validate"
)

// questionView is one guiding question on a stage page with its answer.
type questionView struct {
	Key    string
	Text   string
	Answer *cycle.Answer
	HTML   template.HTML // the latest answer, rendered
	// Base is the version the edit form builds on; Draft is what the
	// writer typed when it must be shown again (a conflict, an error).
	Base  int
	Draft string
	// Theirs is the newer version that made the writer's save conflict.
	Theirs     *cycle.Answer
	TheirsHTML template.HTML
	Error      string // i18n key
}

// backOption is a stage the cycle may go back to from the current one.
type backOption struct {
	Number int
	Title  string
}

// cycleStagePage is the data of a stage page.
type cycleStagePage struct {
	Access      *cycleAccess
	Cycle       *cycle.Cycle
	Stage       *framework.Stage
	Title       string
	Narrative   []string
	Attitudes   []string
	Questions   []*questionView
	Attachments []cycle.Attachment
	Comments    []cycle.Comment
	Tools       []ToolLink
	BackTo      []backOption
	CanAdvance  bool
	NextTitle   string
	// Voice is the voice of the people served over the cycle (stage 5).
	Voice *cycleVoice
	// Reflection is stage 7's working tool: the latest reflection session
	// on the cycle (nil when none is planned) with its findings.
	Reflection *cycleReflection
}

// cycleReflection is the latest reflection session on a cycle and its
// outcome, for stage 7.
type cycleReflection struct {
	Session  *reflection.Session
	Findings []*reflection.Finding
	Open     int // open actions of its plan
}

// question returns the view of key on the page, or nil.
func (p *cycleStagePage) question(key string) *questionView {
	for _, q := range p.Questions {
		if q.Key == key {
			return q
		}
	}
	return nil
}

// cycleStage shows a stage: narrative, attitudes, guiding questions with
// their answers and edit forms, attachments, comments, tools and moves.
func (s *Server) cycleStage(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	st, ok := s.pathStage(w, r, c)
	if !ok {
		return
	}
	p, err := s.stagePage(r, a, c, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderStage(w, r, http.StatusOK, p, nil)
}

// stagePage gathers what a stage page shows.
func (s *Server) stagePage(r *http.Request, a *cycleAccess, c *cycle.Cycle, st *framework.Stage) (*cycleStagePage, error) {
	ctx, l, store := r.Context(), lang(r), s.cycleStore()
	latest, err := store.Latest(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	p := &cycleStagePage{Access: a, Cycle: c, Stage: st, Title: st.Title.In(l),
		Tools: stageTools(a.Org.Slug, c.Number, st.Number, a.Insider())}
	for _, t := range st.Narrative {
		p.Narrative = append(p.Narrative, t.In(l))
	}
	for _, t := range st.Attitudes {
		p.Attitudes = append(p.Attitudes, t.In(l))
	}
	for _, q := range st.Questions {
		qv := &questionView{Key: q.Key, Text: q.Text.In(l)}
		if ans, ok := latest[q.Key]; ok {
			qv.Answer, qv.HTML, qv.Base, qv.Draft = &ans, linkify(ans.Body), ans.Version, ans.Body
		}
		p.Questions = append(p.Questions, qv)
	}
	if p.Attachments, err = store.Attachments(ctx, c.ID, st.Number); err != nil {
		return nil, err
	}
	if p.Comments, err = store.Comments(ctx, c.ID, st.Number); err != nil {
		return nil, err
	}
	if st.Number == 5 {
		if p.Voice, err = s.loadCycleVoice(ctx, a.Org, c.ID); err != nil {
			return nil, err
		}
	}
	if st.Number == cycle.LastStage {
		if p.Reflection, err = s.loadCycleReflection(ctx, c); err != nil && err != db.ErrNotFound {
			return nil, err
		}
	}
	fw := c.Framework()
	if c.Open() && st.Number == c.CurrentStage {
		p.CanAdvance = st.Number < cycle.LastStage
		if next, ok := fw.Stage(st.Number + 1); ok {
			p.NextTitle = next.Title.In(l)
		}
		for _, b := range st.BackTo {
			if back, ok := fw.Stage(b); ok {
				p.BackTo = append(p.BackTo, backOption{Number: b, Title: back.Title.In(l)})
			}
		}
	}
	return p, nil
}

// renderStage writes a stage page; errs are the errors of the comment or
// back-move form that was sent, if any.
func (s *Server) renderStage(w http.ResponseWriter, r *http.Request, status int, p *cycleStagePage, errs validate.Errors) {
	title := i18n.T(lang(r), "cycle.stage.title", p.Stage.Number, p.Title)
	v := s.view(r, title, p)
	if errs != nil {
		v.Errors = errs
		v.Form = r.PostForm
	}
	s.render(w, r, status, "cycle_stage", v)
}
