package voice

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/region"
	"lokadaya/internal/report"
	"lokadaya/internal/web/kit"
)

// logPage is the public log of an organisation or an initiative.
type logPage struct {
	Access     *kit.Access
	Initiative *initiative.Initiative // nil: the organisation's log
	Entries    []complaint.PublicEntry
	Figures    complaint.Figures
	OnTime     string // the share answered on time, "" when none is decided
	Median     string // the median time to the first answer, "" when none
	Next       int64
	Path       string
}

// Waited is how long an entry's first answer took, as people say it.
func (p logPage) Waited(l i18n.Lang, e complaint.PublicEntry) string {
	if d, ok := e.TimeToFirstAnswer(); ok {
		return i18n.DaysHours(l, d)
	}
	return ""
}

func (h *complaintHandlers) orgLog(w http.ResponseWriter, r *http.Request) {
	a, ok := h.publicOrg(w, r)
	if !ok {
		return
	}
	h.renderLog(w, r, a, nil, complaint.PublicLogPath(a.Org.Slug))
}

func (h *complaintHandlers) initiativeLog(w http.ResponseWriter, r *http.Request) {
	i, a, ok := h.publicInitiative(w, r)
	if !ok {
		return
	}
	h.renderLog(w, r, a, i, complaint.InitiativeLogPath(i.Slug))
}

// publicInitiative loads the published {slug} initiative and its
// organisation (see openPublicInitiative).
func (h *complaintHandlers) publicInitiative(w http.ResponseWriter, r *http.Request) (*initiative.Initiative, *kit.Access, bool) {
	return kit.PublicInitiative(h.site, h.Initiatives, h.Orgs, w, r)
}

func logFilter(r *http.Request, orgID int64, i *initiative.Initiative) complaint.LogFilter {
	f := complaint.LogFilter{OrgID: orgID}
	if i != nil {
		f.InitiativeID = i.ID
	}
	f.Before, _ = strconv.ParseInt(r.URL.Query().Get("sebelum"), 10, 64)
	return f
}

func (h *complaintHandlers) renderLog(w http.ResponseWriter, r *http.Request, a *kit.Access, i *initiative.Initiative, path string) {
	ctx, l := r.Context(), h.site.Lang(r)
	f := logFilter(r, a.Org.ID, i)
	entries, next, err := h.Complaints.PublicLog(ctx, f)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	figures, err := h.Complaints.Figures(ctx, f)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := logPage{Access: a, Initiative: i, Entries: entries, Figures: figures, Next: next, Path: path}
	if permille, ok := figures.OnTimePermille(); ok {
		p.OnTime = i18n.Percent(l, permille)
	}
	if figures.Answered > 0 {
		p.Median = i18n.DaysHours(l, figures.MedianFirstAnswer)
	}
	title := h.t(r, "complaint.log.title_of", a.Org.Name)
	if i != nil {
		title = h.t(r, "complaint.log.title_of", i.Name)
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_log", Title: title, Data: p})
}

// The columns of complaintExportRows that hold times (received_at to
// first_answer_at) and numbers (hours_to_first_answer to rating).
const (
	complaintFirstTime   = 5
	complaintFirstNumber = 8
	complaintLastNumber  = 13
)

// exportRows are the public log as a table, personal data removed: the
// same fields the public page shows, times in the organisation's zone.
func complaintExportRows(l i18n.Lang, entries []complaint.PublicEntry, zone *time.Location) [][]string {
	rows := [][]string{{"ref", "category", "channel", "status", "initiative", "received_at", "due_at",
		"first_answer_at", "hours_to_first_answer", "late", "overdue", "escalated", "reopened", "rating", "text", "answers"}}
	stamp := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(zone).Format("2006-01-02 15:04")
	}
	yes := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	for _, e := range entries {
		hours := ""
		if d, ok := e.TimeToFirstAnswer(); ok {
			hours = strconv.FormatFloat(d.Hours(), 'f', 1, 64)
		}
		answers := ""
		for _, a := range e.Answers {
			if a.Kind == complaint.EventAnswer && a.Text != "" {
				if answers != "" {
					answers += "\n"
				}
				answers += a.Text
			}
		}
		rating := ""
		if e.Rating > 0 {
			rating = strconv.Itoa(e.Rating)
		}
		received, due := e.ReceivedAt, e.DueAt
		rows = append(rows, []string{e.Ref, i18n.T(l, "complaint.category."+e.Category), e.Channel, e.Status,
			e.InitiativeName, stamp(&received), stamp(&due), stamp(e.FirstAnswerAt), hours, yes(e.Late), yes(e.Overdue),
			yes(e.Escalated), yes(e.Reopened), rating, e.Text, answers})
	}
	return rows
}

// allEntries reads the whole public log, page by page.
func (h *complaintHandlers) allEntries(r *http.Request, orgID int64) ([]complaint.PublicEntry, error) {
	var all []complaint.PublicEntry
	f := complaint.LogFilter{OrgID: orgID, Limit: 200}
	for {
		page, next, err := h.Complaints.PublicLog(r.Context(), f)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if next == 0 {
			return all, nil
		}
		f.Before = next
	}
}

// orgLogEntries loads the {slug} organisation's whole public log, or
// answers and returns false.
func (h *complaintHandlers) orgLogEntries(w http.ResponseWriter, r *http.Request) (*kit.Access, [][]string, bool) {
	a, ok := h.publicOrg(w, r)
	if !ok {
		return nil, nil, false
	}
	entries, err := h.allEntries(r, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, nil, false
	}
	return a, complaintExportRows(h.site.Lang(r), entries, region.Zone(a.Org.RegionCode)), true
}

func (h *complaintHandlers) orgLogCSV(w http.ResponseWriter, r *http.Request) {
	a, rows, ok := h.orgLogEntries(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="pengaduan-`+a.Org.Slug+`.csv"`)
	cw := csv.NewWriter(w)
	for _, row := range rows {
		for i := range row {
			row[i] = report.SafeCell(row[i])
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

// orgLogXLSX is the same table as a spreadsheet: the times are dates, the
// hours, flags and ratings numbers, the rest texts as written.
func (h *complaintHandlers) orgLogXLSX(w http.ResponseWriter, r *http.Request) {
	a, rows, ok := h.orgLogEntries(w, r)
	if !ok {
		return
	}
	table := make([][]report.Cell, len(rows))
	for i, row := range rows {
		for j, v := range row {
			switch {
			case i > 0 && j >= complaintFirstTime && j < complaintFirstNumber:
				table[i] = append(table[i], report.AutoCell(v, false))
			case i > 0 && j >= complaintFirstNumber && j <= complaintLastNumber:
				table[i] = append(table[i], report.AutoCell(v, true))
			default:
				table[i] = append(table[i], report.TextCell(v))
			}
		}
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="pengaduan-`+a.Org.Slug+`.xlsx"`)
	if err := report.WriteTableXLSX(w, h.t(r, "voice.sheet.complaints"), table); err != nil {
		h.site.ServerError(w, r, err)
	}
}
