package collab

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/proposal"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// apiProposal is a proposal as the API gives it.
type apiProposal struct {
	ID            int64                `json:"id"`
	Kind          string               `json:"kind"`
	Title         string               `json:"title"`
	What          string               `json:"what"`
	RegionCode    string               `json:"region_code"`
	Where         string               `json:"where"`
	Beneficiaries string               `json:"beneficiaries"`
	Count         *int64               `json:"beneficiaries_count"`
	Cost          *int64               `json:"cost"`
	Status        string               `json:"status"`
	Proposer      string               `json:"proposer"`
	CreatedAt     string               `json:"created_at"`
	Supporters    int                  `json:"supporters"`
	Organizations []proposal.Supporter `json:"organizations"`
	Evidence      []apiEvidence        `json:"evidence"`
	MergedInto    *int64               `json:"merged_into"`
	// RankHistory is the proposal's ranks in planning rounds, oldest
	// first; empty until rounds exist.
	RankHistory []any `json:"rank_history"`
}

type apiEvidence struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

func toAPI(p *proposal.Proposal) apiProposal {
	a := apiProposal{ID: p.ID, Kind: p.Kind, Title: p.Title, What: p.What, RegionCode: p.RegionCode, Where: p.Where,
		Beneficiaries: p.Beneficiaries, Count: p.Count, Cost: p.Cost, Status: p.Status,
		Proposer: p.ProposerName, CreatedAt: p.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), Supporters: p.Supporters,
		Organizations: p.Organizations, Evidence: []apiEvidence{}, RankHistory: []any{}}
	if a.Organizations == nil {
		a.Organizations = []proposal.Supporter{}
	}
	for _, e := range p.Evidence {
		a.Evidence = append(a.Evidence, apiEvidence{Label: e.Label, URL: e.URL})
	}
	if p.Merged() {
		m := p.MergedInto
		a.MergedInto = &m
	}
	return a
}

// apiList is GET /api/v1/proposals?region=&cursor=&order=: the open
// proposals of a region and those below it (all when no region), newest
// first or most supported (order=dukungan), paged.
func (h *handlers) apiList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	code := q.Get("region")
	if code != "" {
		c, ok := region.ParseCode(code)
		if !ok {
			kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "proposal.err.region_code"))
			return
		}
		code = c
	}
	list, next, err := h.Proposals.List(r.Context(), proposal.ListParams{Region: code, Order: q.Get("order"), Cursor: q.Get("cursor")})
	if errors.Is(err, proposal.ErrBadCursor) {
		kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "proposal.err.cursor"))
		return
	}
	if err != nil {
		h.site.Log(r, err)
		kit.APIError(w, http.StatusInternalServerError, "internal", h.t(r, "error.500.title"))
		return
	}
	items := make([]apiProposal, 0, len(list))
	for _, p := range list {
		p.Organizations = nil // the list carries counts; a proposal's own call names them
		items = append(items, toAPI(p))
	}
	body := map[string]any{"items": items, "next": nil}
	if next != "" {
		body["next"] = next
	}
	kit.JSON(w, http.StatusOK, body)
}

// apiGet is GET /api/v1/proposals/{id}.
func (h *handlers) apiGet(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "proposal.err.not_found"))
		return
	}
	p, err := h.Proposals.Get(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "proposal.err.not_found"))
		return
	}
	if err != nil {
		h.site.Log(r, err)
		kit.APIError(w, http.StatusInternalServerError, "internal", h.t(r, "error.500.title"))
		return
	}
	kit.JSON(w, http.StatusOK, toAPI(p))
}
