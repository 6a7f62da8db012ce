package collab

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/proposal"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// listPage is the public list of proposals.
type listPage struct {
	Picker      any
	Region      string
	RegionLabel string
	Order       string
	Items       []*listItem
	NextURL     string
	// NewestURL and SupportedURL switch the order, the filter kept.
	NewestURL, SupportedURL string
	ErrorKey                string
}

type listItem struct {
	*proposal.Proposal
	RegionLabel string
}

// list is GET /usulan?wilayah=CODE&urut=baru|dukungan&cursor=, or the
// region picker's fields: proposals of a region and those below it.
func (h *handlers) list(w http.ResponseWriter, r *http.Request) {
	qs := r.URL.Query()
	if w := qs.Get("wilayah"); w != "" && qs.Get(region.FieldCode) == "" && qs.Get(region.FieldProv) == "" {
		qs.Set(region.FieldCode, w)
	}
	picker, err := h.site.RegionPicker(r, qs, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	order := proposal.OrderNewest
	if qs.Get("urut") == proposal.OrderSupported {
		order = proposal.OrderSupported
	}
	p := &listPage{Picker: picker.View, Region: picker.Code, Order: order}
	if p.Region != "" {
		p.RegionLabel = h.regionLabel(r.Context(), p.Region)
	}
	link := func(order, cursor string) string {
		v := url.Values{}
		if p.Region != "" {
			v.Set("wilayah", p.Region)
		}
		if order != proposal.OrderNewest {
			v.Set("urut", order)
		}
		if cursor != "" {
			v.Set("cursor", cursor)
		}
		if len(v) == 0 {
			return "/usulan"
		}
		return "/usulan?" + v.Encode()
	}
	p.NewestURL, p.SupportedURL = link(proposal.OrderNewest, ""), link(proposal.OrderSupported, "")
	status := http.StatusOK
	items, next, err := h.Proposals.List(r.Context(), proposal.ListParams{Region: p.Region, Order: order, Cursor: qs.Get("cursor")})
	switch {
	case errors.Is(err, proposal.ErrBadCursor):
		p.ErrorKey, status = "proposal.err.cursor", http.StatusBadRequest
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	}
	for _, it := range items {
		p.Items = append(p.Items, &listItem{Proposal: it, RegionLabel: h.regionLabel(r.Context(), it.RegionCode)})
	}
	if next != "" {
		p.NextURL = link(order, next)
	}
	h.site.Render(w, r, kit.Page{Name: "collab_proposal_list", Title: h.t(r, "proposal.list_title"), Data: p, Status: status})
}
