package explore

import (
	"errors"
	"net/http"

	"lokadaya/internal/db"
	"lokadaya/internal/figures"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// apiFigures is a region's figures as the API gives them.
type apiFigures struct {
	Code                  string   `json:"code"`
	Name                  string   `json:"name"`
	Level                 string   `json:"level"`
	Organizations         int64    `json:"organizations"`
	Initiatives           int64    `json:"initiatives"`
	Campaigns             int64    `json:"campaigns"`
	MoneyConfirmed        int64    `json:"money_confirmed"`
	GoodsReceived         int64    `json:"goods_received"`
	VolunteerHours        float64  `json:"volunteer_hours"`
	OffersAgreed          int64    `json:"offers_agreed"`
	PeopleReached         int64    `json:"people_reached"`
	ComplaintsDecided     int64    `json:"complaints_decided"`
	ComplaintsOnTime      int64    `json:"complaints_on_time"`
	ComplaintsOnTimeShare *float64 `json:"complaints_on_time_share"`
}

func toAPIFigures(f figures.Figures) apiFigures {
	out := apiFigures{Code: f.Code, Name: f.Name, Level: f.Level, Organizations: f.Organizations,
		Initiatives: f.Initiatives, Campaigns: f.Campaigns, MoneyConfirmed: f.MoneyConfirmed,
		GoodsReceived: f.GoodsReceived, VolunteerHours: float64(f.VolunteerMinutes) / 60,
		OffersAgreed: f.OffersAgreed, PeopleReached: f.PeopleReached,
		ComplaintsDecided: f.ComplaintsDecided, ComplaintsOnTime: f.ComplaintsOnTime}
	if f.ComplaintsDecided > 0 {
		share := float64(f.ComplaintsOnTime) / float64(f.ComplaintsDecided)
		out.ComplaintsOnTimeShare = &share
	}
	return out
}

// apiHub is a hub covering a region.
type apiHub struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

// apiSummary is GET /api/v1/regions/{code}/summary.
type apiSummary struct {
	apiFigures
	Hubs     []apiHub     `json:"hubs"`
	Children []apiFigures `json:"children"`
}

// apiRegionSummary answers a region's figures, the hubs covering it and
// the same figures for each region directly within it.
func (h *handlers) apiRegionSummary(w http.ResponseWriter, r *http.Request) {
	l := h.site.Lang(r)
	code, ok := region.ParseCode(r.PathValue("code"))
	if !ok {
		kit.APIError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "region.api.bad_code"))
		return
	}
	ctx := r.Context()
	if _, err := h.Regions.Get(ctx, code); err != nil {
		if errors.Is(err, db.ErrNotFound) {
			kit.APIError(w, http.StatusNotFound, "not_found", i18n.T(l, "region.api.not_found"))
			return
		}
		h.apiFail(w, r, err)
		return
	}
	f, err := h.Figures.Region(ctx, code)
	if err != nil {
		h.apiFail(w, r, err)
		return
	}
	hubs, err := h.Hubs.HubsCovering(ctx, code)
	if err != nil {
		h.apiFail(w, r, err)
		return
	}
	children, err := h.Figures.Children(ctx, code)
	if err != nil {
		h.apiFail(w, r, err)
		return
	}
	out := apiSummary{apiFigures: toAPIFigures(f), Hubs: apiHubs(hubs), Children: make([]apiFigures, len(children))}
	for i, c := range children {
		out.Children[i] = toAPIFigures(c)
	}
	kit.JSON(w, http.StatusOK, out)
}

func apiHubs(hubs []*hub.Hub) []apiHub {
	out := make([]apiHub, len(hubs))
	for i, x := range hubs {
		out[i] = apiHub{Slug: x.Slug, Name: x.Name, URL: "/simpul/" + x.Slug}
	}
	return out
}

func (h *handlers) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	h.site.Log(r, err)
	kit.APIError(w, http.StatusInternalServerError, "internal", i18n.T(h.site.Lang(r), "error.500.title"))
}
