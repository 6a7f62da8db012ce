package collab

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/planning"
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
	// first.
	RankHistory []apiRank `json:"rank_history"`
	// Datasets are the catalogue datasets it cites.
	Datasets []apiDataset `json:"datasets"`
	// AdoptedBy are the OMS that took the proposal up and what was
	// mobilised through it; only on a single proposal.
	AdoptedBy []apiAdoption `json:"adopted_by,omitempty"`
}

// apiAdoption is a proposal taken up by an OMS as an initiative or a
// campaign (its slug), with the money, donors and people reached through it.
type apiAdoption struct {
	Organization apiOrg `json:"organization"`
	As           string `json:"as"`
	Slug         string `json:"slug"`
	Title        string `json:"title"`
	Public       bool   `json:"public"`
	Money        int64  `json:"money_confirmed"`
	Donors       int64  `json:"donors"`
	People       int64  `json:"people_reached"`
}

// apiRank is one step of a proposal's rank history: ranked (and planned
// for to_year), funded (in to_year) or moved forward (from_year → to_year,
// null when beyond the round) and why.
type apiRank struct {
	Round    int64   `json:"round"`
	Event    string  `json:"event"`
	Rank     int     `json:"rank"`
	Score    float64 `json:"score"`
	FromYear *int    `json:"from_year"`
	ToYear   *int    `json:"to_year"`
	Reason   string  `json:"reason"`
	At       string  `json:"at"`
}

func ranksToAPI(events []planning.Event) []apiRank {
	out := make([]apiRank, 0, len(events))
	year := func(y int) *int {
		if y == 0 {
			return nil
		}
		return &y
	}
	for _, e := range events {
		out = append(out, apiRank{Round: e.RoundID, Event: e.Event, Rank: e.Rank, Score: points(e.Score),
			FromYear: year(e.From), ToYear: year(e.To), Reason: e.Reason, At: e.At.Format("2006-01-02T15:04:05Z")})
	}
	return out
}

type apiEvidence struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

func toAPI(p *proposal.Proposal) apiProposal {
	a := apiProposal{ID: p.ID, Kind: p.Kind, Title: p.Title, What: p.What, RegionCode: p.RegionCode, Where: p.Where,
		Beneficiaries: p.Beneficiaries, Count: p.Count, Cost: p.Cost, Status: p.Status,
		Proposer: p.ProposerName, CreatedAt: p.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), Supporters: p.Supporters,
		Organizations: p.Organizations, Evidence: []apiEvidence{}, RankHistory: []apiRank{}, Datasets: []apiDataset{}}
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
		kit.APIServerError(h.site, w, r, err)
		return
	}
	items := make([]apiProposal, 0, len(list))
	for _, p := range list {
		p.Organizations = nil // the list carries counts; a proposal's own call names them
		a := toAPI(p)
		if a.Datasets, err = h.apiCited(r, p.ID); err != nil {
			kit.APIServerError(h.site, w, r, err)
			return
		}
		items = append(items, a)
	}
	kit.JSONPage(w, items, next)
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
		kit.APIServerError(h.site, w, r, err)
		return
	}
	a := toAPI(p)
	hist, err := h.Rounds.History(r.Context(), p.ID)
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	a.RankHistory = ranksToAPI(hist)
	adopted, err := h.Proposals.Adoptions(r.Context(), p.ID)
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	a.AdoptedBy = []apiAdoption{}
	for _, x := range adopted {
		ad := apiAdoption{Organization: apiOrg{Slug: x.OrgSlug, Name: x.OrgName}, As: x.As, Public: x.Public,
			Money: x.Money, Donors: x.Donors, People: x.People}
		if x.Public {
			ad.Slug, ad.Title = x.Slug, x.Title
		}
		a.AdoptedBy = append(a.AdoptedBy, ad)
	}
	if a.Datasets, err = h.apiCited(r, p.ID); err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	kit.JSON(w, http.StatusOK, a)
}

// apiCited are the catalogue datasets a proposal cites, as the API gives
// them: id, title and the dataset's page.
func (h *handlers) apiCited(r *http.Request, id int64) ([]apiDataset, error) {
	cited, err := h.citedBy(r.Context(), proposal.CiteKind, id)
	if err != nil {
		return nil, err
	}
	out := make([]apiDataset, 0, len(cited))
	for _, d := range cited {
		out = append(out, apiDataset{ID: d.ID, Title: d.Title, URL: h.site.BaseURL() + d.Path})
	}
	return out, nil
}
