package explore

import (
	"net/http"
	"net/url"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/figures"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// homeCards is how many campaigns each list of the home page shows.
const homeCards = 4

// regionCookie remembers, without an account, the region a visitor
// chose on the home page: a region code, nothing personal.
const regionCookie = "wilayah"

// homePage feeds explore_home.html.
type homePage struct {
	Figures       figures.Figures
	ActiveRegions int64           // kabupaten/kota with activity
	Ending        []campaign.Card // running campaigns, nearest deadline first
	Region        *region.Region  // the visitor's region, when chosen
	Near          []campaign.Card // running campaigns there
	Picker        any             // the region picker, when choosing
}

// home is GET /: what the platform moves, campaigns ending soon and
// campaigns near the visitor's region, with the ways in.
func (h *handlers) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &homePage{}
	var err error
	if p.Figures, err = h.Figures.Country(ctx); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if p.ActiveRegions, err = h.Figures.ActiveRegions(ctx, figures.DepthKabupaten); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if p.Ending, _, err = h.Campaigns.CardList(ctx, campaign.ListOptions{PublicOnly: true, Status: campaign.StatusActive,
		EndingFirst: true, Limit: homeCards}); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	q := r.URL.Query()
	code := ""
	if c, err := r.Cookie(regionCookie); err == nil {
		code, _ = region.ParseCode(c.Value)
	}
	form := url.Values{region.FieldCode: {code}} // changing: start from the region chosen
	switch {
	case q.Has("pilih") || kit.Refreshing(q):
		form = q
		picker, err := h.site.RegionPicker(r, q, false)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		if picker.Code != "" && !kit.Refreshing(q) {
			code = picker.Code
			http.SetCookie(w, &http.Cookie{Name: regionCookie, Value: code, Path: "/",
				MaxAge: int(365 * 24 * time.Hour / time.Second), HttpOnly: true, SameSite: http.SameSiteLaxMode,
				Secure: r.TLS != nil})
		} else {
			code = ""
		}
	case q.Has("ganti"):
		code = ""
	}
	if code != "" {
		if reg, err := h.Regions.Get(ctx, code); err == nil {
			p.Region = &reg
		}
	}
	if p.Region != nil {
		if p.Near, _, err = h.Campaigns.CardList(ctx, campaign.ListOptions{PublicOnly: true, Status: campaign.StatusActive,
			Region: p.Region.Code, Limit: homeCards}); err != nil {
			h.site.ServerError(w, r, err)
			return
		}
	} else {
		picker, err := h.site.RegionPicker(r, form, false)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		p.Picker = picker.View
	}
	h.site.Render(w, r, kit.Page{Name: "explore_home", Data: p})
}
