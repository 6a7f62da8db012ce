package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/pdf"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// cyclePrintPDF is the printable cycle as a PDF file the organisation can
// send round before a meeting: the same content as cyclePrint, in the
// caller's language, read under the same rules.
func (s *Server) cyclePrintPDF(w http.ResponseWriter, r *http.Request) {
	a, c, ok := s.loadCycle(w, r)
	if !ok {
		return
	}
	p, err := s.cyclePrintData(r, a, c)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// Lay out the whole file first, so a failure is still a clean 500.
	var buf bytes.Buffer
	if _, err := cyclePDF(lang(r), p, db.Now()).WriteTo(&buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	kit.WritePDF(w, buf.Bytes(), kit.PDF{Name: "siklus-" + a.Org.Slug + "-" + strconv.Itoa(c.Number) + ".pdf", Cache: "no-store"})
}

// cyclePDF lays out the printable cycle p as a document.
func cyclePDF(l i18n.Lang, p *cyclePrintPage, now time.Time) *pdf.Document {
	c, o := p.Cycle, p.Access.Org
	zone := region.Zone(o.RegionCode)
	doc := pdf.New(i18n.T(l, "cycle.overview.title", c.Number, o.Name))
	doc.Created = now
	doc.SetFooter(i18n.T(l, "cycle.pdf.page"))
	doc.Heading(1, doc.Title)
	doc.Meta(i18n.T(l, "cycle.pdf.organisation"), o.Name)
	doc.Meta(i18n.T(l, "cycle.pdf.cycle"), strconv.Itoa(c.Number))
	doc.Meta(i18n.T(l, "cycle.pdf.status"), i18n.T(l, "cycle.status."+c.Status))
	doc.Meta(i18n.T(l, "cycle.pdf.edition"), c.FrameworkVersion)
	doc.Meta(i18n.T(l, "cycle.pdf.opened"), i18n.Date(l, c.OpenedAt, zone))
	if c.ClosedAt != nil {
		doc.Meta(i18n.T(l, "cycle.pdf.closed"), i18n.Date(l, *c.ClosedAt, zone))
	}
	if c.Open() {
		doc.Meta(i18n.T(l, "cycle.pdf.current"), p.Titles[c.CurrentStage])
	}
	doc.Note(i18n.T(l, "cycle.pdf.printed", i18n.DateTime(l, now, zone)))
	for _, st := range p.Stages {
		doc.Rule()
		doc.Heading(2, i18n.T(l, "cycle.pdf.stage", st.Number, st.Title))
		if len(st.Questions) == 0 {
			doc.Paragraph(i18n.T(l, "cycle.stage.no_questions"))
		}
		for _, q := range st.Questions {
			doc.Heading(3, q.Text)
			if q.Answer == nil || !q.Answer.Answered() {
				doc.Note(i18n.T(l, "cycle.answer.none"))
				continue
			}
			doc.Paragraph(q.Answer.Body)
			doc.Note(i18n.T(l, "cycle.answer.by", q.Answer.Version, q.Answer.AuthorName, i18n.DateTime(l, q.Answer.CreatedAt, zone)))
		}
	}
	doc.Rule()
	doc.Heading(2, i18n.T(l, "cycle.timeline"))
	for _, m := range p.Moves {
		doc.Paragraph(i18n.DateTime(l, m.At, zone) + " — " + moveText(l, m, p.Titles) + " · " + m.ActorName)
		if m.Reason != "" {
			doc.Note("“" + m.Reason + "”")
		}
	}
	return doc
}

// moveText describes a stage move as the timeline partial does.
func moveText(l i18n.Lang, m cycle.Move, titles map[int]string) string {
	switch m.Kind {
	case cycle.KindOpen:
		return i18n.T(l, "cycle.move.open")
	case cycle.KindClose:
		return i18n.T(l, "cycle.move.close")
	case cycle.KindBack:
		return i18n.T(l, "cycle.move.back", m.From, titles[m.From], m.To, titles[m.To])
	}
	return i18n.T(l, "cycle.move.advance", m.From, titles[m.From], m.To, titles[m.To])
}
