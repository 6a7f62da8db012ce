package voice

import (
	"net/http"
	"time"

	"lokadaya/internal/initiative"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// reachPage is an initiative's public reach: the people served per month
// and in total, within a period.
type reachPage struct {
	Initiative *initiative.Initiative
	Access     *kit.Access
	Period     service.Period
	Total      service.Counts
	Months     []service.MonthReach
	Points     []*service.Point
	AgeBands   []string
	Groups     []string
}

// ExportQuery is the shown period as the query of the reach downloads.
func (p *reachPage) ExportQuery() string { return exportQuery(p.Period) }

// openPublicInitiative loads the initiative {slug} for the public
// (kit.PublicInitiative).
func (h *handlers) openPublicInitiative(w http.ResponseWriter, r *http.Request) (*initiative.Initiative, *kit.Access, bool) {
	return kit.PublicInitiative(h.site, h.Initiatives, h.Orgs, w, r)
}

// parsePeriod reads ?from=&to= (YYYY-MM-DD, either may be left out).
func parsePeriod(r *http.Request) (service.Period, validate.Errors) {
	q := r.URL.Query()
	var p service.Period
	e := validate.Errors{}
	for _, f := range []struct {
		name string
		into *string
	}{{"from", &p.From}, {"to", &p.To}} {
		v := q.Get(f.name)
		if v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			e.Add(f.name, "report.err.date")
			continue
		}
		*f.into = v
	}
	if len(e) == 0 && p.From != "" && p.To != "" && p.To < p.From {
		e.Add("to", "report.err.order")
	}
	return p, e
}

// reachShow is the public reach page of an initiative.
func (h *handlers) reachShow(w http.ResponseWriter, r *http.Request) {
	i, a, ok := h.openPublicInitiative(w, r)
	if !ok {
		return
	}
	period, errs := parsePeriod(r)
	status := http.StatusOK
	if len(errs) > 0 {
		period, status = service.Period{}, http.StatusUnprocessableEntity
	}
	ctx := r.Context()
	p := &reachPage{Initiative: i, Access: a, Period: period, AgeBands: service.AgeBands, Groups: service.VulnerableGroups}
	var err error
	if p.Total, err = h.Service.Reach(ctx, i.ID, period); err == nil {
		if p.Months, err = h.Service.ReachByMonth(ctx, i.ID, period); err == nil {
			p.Points, err = h.Service.Points(ctx, i.ID)
		}
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_reach", Title: h.t(r, "voice.reach.title", i.Name), Data: p,
		Status: status, Form: r.URL.Query(), Errors: errs})
}

// apiServicePoints lists an initiative's service points.
func (h *handlers) apiServicePoints(w http.ResponseWriter, r *http.Request) {
	i, ok := h.apiInitiative(w, r)
	if !ok {
		return
	}
	points, err := h.Service.Points(r.Context(), i.ID)
	if err != nil {
		h.apiServerError(w, r, err)
		return
	}
	type item struct {
		Code       string   `json:"code"`
		Name       string   `json:"name"`
		RegionCode string   `json:"region_code"`
		Address    string   `json:"address"`
		Hours      string   `json:"hours"`
		Latitude   *float64 `json:"latitude"`
		Longitude  *float64 `json:"longitude"`
	}
	items := []item{}
	for _, p := range points {
		items = append(items, item{p.Code, p.Name, p.RegionCode, p.Address, p.Hours, p.Latitude, p.Longitude})
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiReach is an initiative's reach within ?from=&to=.
func (h *handlers) apiReach(w http.ResponseWriter, r *http.Request) {
	i, ok := h.apiInitiative(w, r)
	if !ok {
		return
	}
	period, ok := h.apiPeriod(w, r)
	if !ok {
		return
	}
	c, err := h.Service.Reach(r.Context(), i.ID, period)
	if err != nil {
		h.apiServerError(w, r, err)
		return
	}
	ages := map[string]int64{}
	for j, band := range service.AgeBands {
		ages[band] = c.Ages[j]
	}
	groups := map[string]int64{}
	for _, g := range service.VulnerableGroups {
		groups[g] = c.Groups[g]
	}
	kit.JSON(w, http.StatusOK, map[string]any{"from": period.From, "to": period.To, "total": c.Total,
		"by_sex": map[string]int64{"L": c.Male, "P": c.Female}, "by_age": ages, "disability": c.Disability,
		"vulnerable_groups": groups})
}

// apiPeriod reads ?from=&to= for the API, answering 400 when a day is
// wrong.
func (h *handlers) apiPeriod(w http.ResponseWriter, r *http.Request) (service.Period, bool) {
	period, errs := parsePeriod(r)
	for _, f := range []string{"from", "to"} {
		if k, bad := errs[f]; bad {
			kit.APIError(w, http.StatusBadRequest, "bad_"+f, h.t(r, k))
			return period, false
		}
	}
	return period, true
}

// apiInitiative loads a published initiative of a public organisation
// for the API, answering 404 in the API's shape otherwise.
func (h *handlers) apiInitiative(w http.ResponseWriter, r *http.Request) (*initiative.Initiative, bool) {
	i, err := h.Initiatives.BySlug(r.Context(), r.PathValue("slug"))
	if err == nil && i.Published() {
		o, err := h.Orgs.ByID(r.Context(), i.OrgID)
		if err == nil && !(&kit.Access{Org: o}).Hidden() {
			return i, true
		}
	}
	kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "voice.api.no_initiative"))
	return nil, false
}

func (h *handlers) apiServerError(w http.ResponseWriter, r *http.Request, err error) {
	kit.APIServerError(h.site, w, r, err)
}
