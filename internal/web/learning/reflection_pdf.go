package learning

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/pdf"
	"lokadaya/internal/web/kit"
)

// sessionPDF downloads the session as a printable document: what the
// public sees once it is published, and what its people see before.
func (h *handlers) sessionPDF(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, nil)
	if !ok {
		return
	}
	p, err := h.loadSession(r.Context(), d)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	// Lay out the whole file first, so a failure is still a clean 500.
	var buf bytes.Buffer
	if _, err := sessionDocument(h.site.Lang(r), p, h.Now()).WriteTo(&buf); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	kit.WritePDF(w, buf.Bytes(), kit.PDF{Name: fmt.Sprintf("refleksi-%s-%d.pdf", d.Access.Org.Slug, d.Session.ID), Cache: "no-store"})
}

// sessionDocument lays the session out: plan, evidence, groups with
// their own inputs, outcome, self-assessment and action plan.
func sessionDocument(l i18n.Lang, p *sessionPage, now time.Time) *pdf.Document {
	s, o := p.Session, p.Access.Org
	doc := pdf.New(s.Title)
	doc.Created = now
	doc.SetFooter(i18n.T(l, "cycle.pdf.page"))
	doc.Heading(1, s.Title)
	doc.Meta(i18n.T(l, "reflection.field.org"), o.Name)
	doc.Meta(i18n.T(l, "reflection.field.held_on"), day(l, s.HeldOn))
	if s.Place != "" {
		doc.Meta(i18n.T(l, "reflection.field.place"), s.Place)
	}
	if s.Facilitator != "" {
		doc.Meta(i18n.T(l, "reflection.field.facilitator"), s.Facilitator)
	}
	doc.Meta(i18n.T(l, "reflection.field.period"), day(l, s.PeriodFrom)+" – "+day(l, s.PeriodTo))
	for _, i := range p.Initiatives {
		doc.Meta(i18n.T(l, "reflection.field.initiatives"), i.Name)
	}
	if s.Purpose != "" {
		doc.Paragraph(s.Purpose)
	}
	evidenceDocument(l, doc, p.Evidence)
	doc.Heading(2, i18n.T(l, "reflection.groups"))
	for _, g := range p.Groups {
		doc.Heading(3, g.Name+" — "+i18n.T(l, "reflection.group."+g.Kind))
		doc.Note(i18n.T(l, "reflection.group.count", g.Participants, g.Women))
		for _, in := range g.Inputs {
			doc.Paragraph(i18n.T(l, "reflection.input."+in.Kind) + ": " + in.Body)
		}
	}
	doc.Heading(2, i18n.T(l, "reflection.outcome"))
	for _, sec := range p.Findings {
		if len(sec.Items) == 0 {
			continue
		}
		doc.Heading(3, i18n.T(l, "reflection.finding."+sec.Kind))
		for _, f := range sec.Items {
			line := "• " + f.Title
			if f.AddressedTo != "" {
				line += " (" + i18n.T(l, "reflection.carry.to", f.AddressedTo) + ")"
			}
			doc.Paragraph(line)
			if f.Body != "" {
				doc.Note(f.Body)
			}
		}
	}
	if a := p.Assessment; a != nil && len(a.Sessions) > 0 {
		doc.Heading(2, i18n.T(l, "reflection.assess.heading"))
		last := len(a.Sessions) - 1
		for _, row := range a.Rows {
			if row.Scores[last] == 0 {
				continue
			}
			v := strconv.Itoa(row.Scores[last]) + "/5"
			if ch, ok := row.Change(); ok {
				v += " (" + fmt.Sprintf("%+d", ch) + ")"
			}
			doc.Meta(row.Area.Name, v)
		}
	}
	if len(p.Actions) > 0 {
		doc.Heading(2, i18n.T(l, "learning.actions"))
		for _, x := range p.Actions {
			doc.Paragraph("• " + x.What)
			doc.Note(i18n.T(l, "action.pdf.line", day(l, x.DueOn), i18n.T(l, "action.status."+x.Status), i18n.Rupiah(x.Budget)))
		}
	}
	return doc
}

func evidenceDocument(l i18n.Lang, doc *pdf.Document, e *evidence) {
	if e == nil {
		return
	}
	doc.Heading(2, i18n.T(l, "reflection.evidence"))
	for _, it := range e.Items() {
		doc.Heading(3, it.Name)
		doc.Meta(i18n.T(l, "voicesum.served"), i18n.Number(it.Reach.Total))
		if f := it.Feedback; f != nil {
			doc.Meta(i18n.T(l, "voicesum.ratings"), i18n.T(l, "voicesum.ratings_value", i18n.Number(f.Hijau), i18n.Number(f.Kuning), i18n.Number(f.Merah)))
		}
		if c := it.Complaints; c != nil {
			doc.Meta(i18n.T(l, "voicesum.complaints_label"), i18n.T(l, "voicesum.complaints_value", c.Received, c.OnTime, c.Decided, c.Overdue, c.Escalated))
		}
		if m := it.MedianAnswer(l); m != "" {
			doc.Meta(i18n.T(l, "complaint.figures.median"), m)
		}
		if s := it.Satisfaction; s != nil && s.HasIKM {
			doc.Meta(i18n.T(l, "voicesum.ikm_label"), i18n.Decimal(l, s.IKM, 2)+" ("+s.Grade+")")
		}
	}
	if len(e.Indicators) > 0 {
		doc.Heading(3, i18n.T(l, "reflection.indicators"))
		for _, ind := range e.Indicators {
			v := "–"
			if ind.Latest != nil {
				v = ind.Latest.Value.Format(l) + " (" + ind.LatestPeriod(l) + ")"
			}
			v += " / " + ind.Target.Format(l) + " " + ind.Unit
			if ind.Percent != "" {
				v += " · " + ind.Percent
			}
			doc.Meta(ind.Name, v)
		}
	}
	doc.Heading(3, i18n.T(l, "reflection.books"))
	doc.Meta(i18n.T(l, "reflection.books.in"), i18n.Rupiah(e.Books.In))
	doc.Meta(i18n.T(l, "reflection.books.out"), i18n.Rupiah(e.Books.Out))
}

// day writes a stored day as people read it.
func day(l i18n.Lang, s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return i18n.Date(l, t, time.UTC)
}

// sessionExport downloads what the session recorded as a table
// (refleksi.csv or refleksi.xlsx): each group's inputs as the group gave
// them, then the findings, one row each.
func (h *handlers) sessionExport(w http.ResponseWriter, r *http.Request) {
	format := map[string]string{"refleksi.csv": "csv", "refleksi.xlsx": "xlsx"}[r.PathValue("file")]
	if format == "" {
		h.site.NotFound(w, r)
		return
	}
	d, ok := h.openSession(w, r, nil)
	if !ok {
		return
	}
	p, err := h.loadSession(r.Context(), d)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	table := [][]string{{h.t(r, "reflection.export.part"), h.t(r, "reflection.export.kind"), h.t(r, "reflection.export.group"),
		h.t(r, "reflection.export.text"), h.t(r, "reflection.finding.addressed_to")}}
	for _, g := range p.Groups {
		for _, in := range g.Inputs {
			table = append(table, []string{h.t(r, "reflection.input.body"), h.t(r, "reflection.input."+in.Kind), g.Name, in.Body, ""})
		}
	}
	for _, sec := range p.Findings {
		for _, f := range sec.Items {
			text := f.Title
			if f.Body != "" {
				text += " — " + f.Body
			}
			table = append(table, []string{h.t(r, "reflection.finding.title"), h.t(r, "reflection.finding."+f.Kind),
				p.GroupName(f.GroupID), text, f.AddressedTo})
		}
	}
	kit.WriteTable(h.site, w, r, format, fmt.Sprintf("refleksi-%s-%d", d.Access.Org.Slug, d.Session.ID), h.t(r, "learning.reflections"), table, 99)
}
