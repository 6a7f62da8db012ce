package voice

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/web/kit"
)

// feedbackStaffPage is an initiative's feedback as its people see it:
// the public tallies per point and per month, the notes waiting for
// moderation, the flagged bursts and the paper boxes typed in.
type feedbackStaffPage struct {
	*workspace
	Points  []*service.Point
	ByID    map[int64]*service.Point
	Tallies map[int64]feedback.Tally // per point, the last trendMonths months
	Total   feedback.Tally
	Months  []monthRow
	Notes   []*feedback.Vote
	Bursts  []*feedback.Burst
	Papers  []*feedback.Paper
}

// CanModerate reports whether the caller may show or hide notes and
// type in paper tallies: those who record the organisation's work.
func (p *feedbackStaffPage) CanModerate() bool { return p.Access.CanWrite() }

// CanDecideBursts reports whether the caller may count or discard a
// flagged burst, which changes the public figures: owners and admins.
func (p *feedbackStaffPage) CanDecideBursts() bool { return p.Access.CanManage() }

// URL is the page's address.
func (p *feedbackStaffPage) URL() string { return feedbackURL(p.workspace) }

// ServiceURL is the initiative's service page, which the page's URL hides.
func (p *feedbackStaffPage) ServiceURL() string { return p.workspace.URL() }

func feedbackURL(ws *workspace) string { return ws.URL() + "/umpan-balik" }

// feedbackStaff shows the initiative's feedback to its people (members,
// hub coordinators, platform admins).
func (h *handlers) feedbackStaff(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	if err := h.renderFeedbackStaff(w, r, ws); err != nil {
		h.site.ServerError(w, r, err)
	}
}

func (h *handlers) renderFeedbackStaff(w http.ResponseWriter, r *http.Request, ws *workspace) error {
	ctx := r.Context()
	id := ws.Initiative.ID
	p := &feedbackStaffPage{workspace: ws, ByID: map[int64]*service.Point{}}
	var err error
	if p.Points, err = h.Service.Points(ctx, id); err != nil {
		return err
	}
	for _, pt := range p.Points {
		p.ByID[pt.ID] = pt
	}
	today := h.Feedback.TodayIn(orgZone(ws))
	months, err := h.Feedback.Monthly(ctx, feedback.Scope{InitiativeID: id}, today, trendMonths)
	if err != nil {
		return err
	}
	lang := h.site.Lang(r)
	for i := len(months) - 1; i >= 0; i-- {
		p.Total = p.Total.Plus(months[i].Tally)
		p.Months = append(p.Months, monthRow{Label: monthLabel(lang, months[i].Month), Tally: months[i].Tally})
	}
	if p.Tallies, err = h.Feedback.PointTallies(ctx, id, feedback.Range{From: months[0].Month + "-01", To: today}); err != nil {
		return err
	}
	if p.Notes, err = h.Feedback.WaitingNotes(ctx, id); err != nil {
		return err
	}
	if p.Bursts, err = h.Feedback.Bursts(ctx, id); err != nil {
		return err
	}
	if p.Papers, err = h.Feedback.Papers(ctx, id); err != nil {
		return err
	}
	h.site.Render(w, r, kit.Page{Name: "voice_feedback_staff", Title: h.t(r, "feedback.staff.title", ws.Initiative.Name), Data: p})
	return nil
}

// feedbackModerate shows (keputusan=tampil) or hides (sembunyikan) a
// waiting note; owners, admins and editors decide.
func (h *handlers) feedbackModerate(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	decision := r.PostForm.Get("keputusan")
	if err != nil || (decision != "tampil" && decision != "sembunyikan") {
		h.site.NotFound(w, r)
		return
	}
	if err := h.Feedback.Moderate(r.Context(), feedbackActor(ws), ws.Initiative.ID, id, decision == "tampil"); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "feedback.flash.note_"+decision)
	kit.Redirect(w, r, feedbackURL(ws)+"#catatan")
}

// feedbackBurst counts (keputusan=terima) or discards (buang) a flagged
// burst; owners and admins decide.
func (h *handlers) feedbackBurst(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanManage)
	if !ok {
		return
	}
	f := r.PostForm
	pointID, err := strconv.ParseInt(f.Get("titik"), 10, 64)
	decision := f.Get("keputusan")
	if err != nil || (decision != "terima" && decision != "buang") {
		h.site.NotFound(w, r)
		return
	}
	_, err = h.Feedback.DecideBurst(r.Context(), feedbackActor(ws), ws.Initiative.ID, pointID, f.Get("hari"), f.Get("sumber"), decision == "terima")
	switch {
	case errors.Is(err, db.ErrNotFound):
		// Decided already (another tab, another person): nothing to do.
		h.site.Flash(w, "feedback.flash.burst_gone")
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	default:
		h.site.Flash(w, "feedback.flash.burst_"+decision)
	}
	kit.Redirect(w, r, feedbackURL(ws)+"#lonjakan")
}

func feedbackActor(a *workspace) feedback.Actor {
	id, name := a.Access.Actor()
	return feedback.Actor{ID: id, Name: name}
}

// orgZone is the organisation's time zone, for "today" and its months.
func orgZone(ws *workspace) *time.Location { return region.Zone(ws.Access.Org.RegionCode) }
