package collab

import (
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/org"
	"lokadaya/internal/planning"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// roundListPage is the public list of planning rounds.
type roundListPage struct {
	Items       []roundItem
	Region      string
	RegionLabel string
	NextURL     string
	CanConvene  bool
}

type roundItem struct {
	*planning.Round
	RegionLabel string
}

// roundList is GET /perencanaan?wilayah=CODE&setelah=ID: every round, or
// those of a region and the regions below it, newest first.
func (h *handlers) roundList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := &roundListPage{}
	if c := q.Get("wilayah"); c != "" {
		code, ok := region.ParseCode(c)
		if !ok {
			h.site.NotFound(w, r)
			return
		}
		d.Region, d.RegionLabel = code, h.regionLabel(r.Context(), code)
	}
	after, _ := strconv.ParseInt(q.Get("setelah"), 10, 64)
	list, next, err := h.Rounds.List(r.Context(), planning.ListOptions{Region: d.Region, After: after})
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, rd := range list {
		d.Items = append(d.Items, roundItem{Round: rd, RegionLabel: h.regionLabel(r.Context(), rd.RegionCode)})
	}
	if next > 0 {
		nq := url.Values{"setelah": {strconv.FormatInt(next, 10)}}
		if d.Region != "" {
			nq.Set("wilayah", d.Region)
		}
		d.NextURL = "/perencanaan?" + nq.Encode()
	}
	if u := h.site.User(r); u != nil {
		cs, err := h.conveners(r.Context(), u.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		d.CanConvene = len(cs) > 0
	}
	h.site.Render(w, r, kit.Page{Name: "collab_round_list", Title: h.t(r, "round.list.title"), Data: d})
}

// roundFormPage is the form of a new round.
type roundFormPage struct {
	Picker any
	Orgs   []org.Organization
}

// roundNew is GET /perencanaan/baru, for editors of a verified
// government office.
func (h *handlers) roundNew(w http.ResponseWriter, r *http.Request) {
	u, ok := h.site.RequireUser(w, r)
	if !ok {
		return
	}
	cs, err := h.conveners(r.Context(), u.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if len(cs) == 0 {
		h.site.Forbidden(w, r)
		return
	}
	form := url.Values{"first_year": {strconv.Itoa(h.Now().Year() + 1)}, "years": {"3"}}
	if code, ok := region.ParseCode(r.URL.Query().Get("wilayah")); ok {
		form.Set("region", code) // from a region's list of rounds
	} else if len(cs) == 1 {
		form.Set("region", cs[0].RegionCode)
	}
	h.renderRoundForm(w, r, cs, http.StatusOK, form, nil)
}

func (h *handlers) renderRoundForm(w http.ResponseWriter, r *http.Request, cs []org.Organization, status int, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_round_form", Title: h.t(r, "round.new.title"),
		Data: &roundFormPage{Picker: picker.View, Orgs: cs}, Status: status, Form: form, Errors: errs})
}

// roundCreate is POST /perencanaan/baru: the round is convened by one of
// the user's government offices, for its region or a region below it.
func (h *handlers) roundCreate(w http.ResponseWriter, r *http.Request) {
	u, ok := h.site.RequireUser(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	cs, err := h.conveners(r.Context(), u.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if len(cs) == 0 {
		h.site.Forbidden(w, r)
		return
	}
	picker, err := h.site.RegionPicker(r, r.PostForm, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderRoundForm(w, r, cs, http.StatusOK, r.PostForm, nil)
		return
	}
	orgID, _ := strconv.ParseInt(r.PostForm.Get("org"), 10, 64)
	var convener *org.Organization
	for i := range cs {
		if cs[i].ID == orgID {
			convener = &cs[i]
		}
	}
	in := planning.RoundFrom(r.PostForm, picker.Code, orgID)
	if convener == nil {
		in.OrgID = 0
	} else if picker.Code != "" && !within(picker.Code, convener.RegionCode) {
		// An office plans for its own region and those below it.
		h.renderRoundForm(w, r, cs, http.StatusUnprocessableEntity, r.PostForm, validate.Errors{"region": "round.err.region_outside"})
		return
	}
	rd, err := h.Rounds.Create(r.Context(), planning.Actor{ID: u.ID, Admin: u.IsAdmin}, in)
	if ve, ok := err.(validate.Errors); ok {
		h.renderRoundForm(w, r, cs, http.StatusUnprocessableEntity, r.PostForm, ve)
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "round.flash.created")
	kit.Redirect(w, r, planning.Path(rd.ID)+"/atur")
}
