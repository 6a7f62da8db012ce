package voice

import (
	"errors"
	"net/http"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// publicNotes is how many shown notes a public page lists.
const publicNotes = 20

// monthRow is a month of the public tally, with its label.
type monthRow struct {
	Label string
	feedback.Tally
}

// pointPublicPage is a service point's public page.
type pointPublicPage struct {
	*publicPoint
	Region string
	Total  feedback.Tally // the last trendMonths months
	Months []monthRow
	Notes  []*feedback.Vote
	// HasCharter: the point has a signed service charter to link to.
	HasCharter bool
}

// pointPublic is a service point's public page: where and when it
// serves, the way to give feedback, the tallies of the last months with
// their trend, and the notes staff showed.
func (h *handlers) pointPublic(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicPoint(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	page := &pointPublicPage{publicPoint: p}
	var err error
	if page.Region, err = h.regionName(r, p.Point.RegionCode); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	scope := feedback.Scope{PointID: p.Point.ID}
	months, err := h.Feedback.Monthly(ctx, scope, h.Feedback.Today(p.Point), trendMonths)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	lang := h.site.Lang(r)
	for i := len(months) - 1; i >= 0; i-- { // the latest month first
		page.Total = page.Total.Plus(months[i].Tally)
		page.Months = append(page.Months, monthRow{Label: monthLabel(lang, months[i].Month), Tally: months[i].Tally})
	}
	if page.Notes, err = h.Feedback.PublicNotes(ctx, scope, publicNotes); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	_, err = h.Charters.Current(ctx, p.Point.ID)
	if page.HasCharter = err == nil; err != nil && !errors.Is(err, db.ErrNotFound) {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_point_public", Title: p.Point.Name, Data: page})
}

// pointTrend is the SVG trend of a point's tallies.
func (h *handlers) pointTrend(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicPoint(w, r)
	if !ok {
		return
	}
	h.trend(w, r, feedback.Scope{PointID: p.Point.ID}, h.Feedback.Today(p.Point))
}

// initiativeTrend is the SVG trend of the tallies of every point of a
// published initiative.
func (h *handlers) initiativeTrend(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	i, err := h.Initiatives.BySlug(ctx, r.PathValue("slug"))
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	o, err := h.Orgs.ByID(ctx, i.OrgID)
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	if !i.Published() || hiddenOrg(o.Status) {
		h.site.NotFound(w, r)
		return
	}
	h.trend(w, r, feedback.Scope{InitiativeID: i.ID}, h.Feedback.TodayIn(region.Zone(o.RegionCode)))
}

func (h *handlers) trend(w http.ResponseWriter, r *http.Request, sc feedback.Scope, today string) {
	months, err := h.Feedback.Monthly(r.Context(), sc, today, trendMonths)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	writeSVG(w, trendSVG(h.site.Lang(r), months, h.t(r, "feedback.trend.title", trendMonths)))
}

// apiPointFeedback is the public tally of a point:
// GET /api/v1/service-points/{code}/feedback?from=YYYY-MM-DD&to=YYYY-MM-DD,
// either end optional → {"merah","kuning","hijau","total"}.
func (h *handlers) apiPointFeedback(w http.ResponseWriter, r *http.Request) {
	lang := h.site.Lang(r)
	p, err := h.publicPointOf(r.Context(), r.PathValue("code"))
	switch {
	case errors.Is(err, db.ErrNotFound):
		kit.APIError(w, http.StatusNotFound, "not_found", i18n.T(lang, "feedback.api.not_found"))
		return
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	}
	q := r.URL.Query()
	rng := feedback.Range{From: q.Get("from"), To: q.Get("to")}
	for _, d := range []string{rng.From, rng.To} {
		if _, perr := time.Parse(time.DateOnly, d); d != "" && perr != nil {
			kit.APIError(w, http.StatusBadRequest, "bad_request", i18n.T(lang, "feedback.api.bad_date"))
			return
		}
	}
	if rng.From != "" && rng.To != "" && rng.To < rng.From {
		kit.APIError(w, http.StatusBadRequest, "bad_request", i18n.T(lang, "feedback.api.bad_range"))
		return
	}
	t, err := h.Feedback.Tally(r.Context(), feedback.Scope{PointID: p.Point.ID}, rng)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	kit.JSON(w, http.StatusOK, map[string]int64{"merah": t.Merah, "kuning": t.Kuning, "hijau": t.Hijau, "total": t.Total()})
}
