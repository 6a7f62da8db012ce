package web

import (
	"html/template"
	"net/http"

	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
)

// printQuestion is a question with its rendered answer.
type printQuestion struct {
	Text   string
	Answer *cycle.Answer
	HTML   template.HTML
}

// printStage is one stage of the printable cycle.
type printStage struct {
	Number    int
	Title     string
	Questions []printQuestion
}

// cyclePrintPage is the data of the printable cycle.
type cyclePrintPage struct {
	Access *cycleAccess
	Cycle  *cycle.Cycle
	Stages []printStage
	Moves  []cycle.Move
	Titles map[int]string
}

// cyclePrint is the whole cycle on one page for the organisation's
// meetings; the print stylesheet hides the site's chrome, so the browser's
// "Save as PDF" makes a clean document (cetak.pdf is the server's own PDF).
func (s *Server) cyclePrint(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	p, err := s.cyclePrintData(r, a, c)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := i18n.T(lang(r), "cycle.overview.title", c.Number, a.Org.Name)
	s.render(w, r, http.StatusOK, "cycle_print", s.view(r, title, p))
}

// cyclePrintData loads what the printable cycle shows, in the caller's
// language: every stage's questions with their latest answers, and the
// moves. The printable page and its PDF share it.
func (s *Server) cyclePrintData(r *http.Request, a *cycleAccess, c *cycle.Cycle) (*cyclePrintPage, error) {
	store := s.cycleStore()
	latest, err := store.Latest(r.Context(), c.ID)
	if err != nil {
		return nil, err
	}
	moves, err := store.Timeline(r.Context(), c.ID)
	if err != nil {
		return nil, err
	}
	l, fw := lang(r), c.Framework()
	p := &cyclePrintPage{Access: a, Cycle: c, Moves: moves, Titles: stageTitles(fw, l)}
	for _, st := range fw.Stages {
		ps := printStage{Number: st.Number, Title: st.Title.In(l)}
		for _, q := range st.Questions {
			pq := printQuestion{Text: q.Text.In(l)}
			if ans, ok := latest[q.Key]; ok {
				pq.Answer, pq.HTML = &ans, linkify(ans.Body)
			}
			ps.Questions = append(ps.Questions, pq)
		}
		p.Stages = append(p.Stages, ps)
	}
	return p, nil
}
