package learning

import (
	"errors"
	"net/http"

	"lokadaya/internal/commitment"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/web/kit"
)

// apiCommitment is a published commitment as the API gives it: the
// official's name and office as stated, never who recorded it nor who
// from the organisation followed it up.
type apiCommitment struct {
	ID           int64         `json:"id"`
	Organization string        `json:"organization"`
	Who          string        `json:"who"`
	Position     string        `json:"position"`
	Office       string        `json:"office"`
	Kind         string        `json:"kind"`
	Level        string        `json:"level"`
	What         string        `json:"what"`
	MadeOn       string        `json:"made_on"`
	Event        string        `json:"event"`
	Place        string        `json:"place"`
	Due          string        `json:"due"`
	Evidence     string        `json:"evidence"`
	EvidenceURL  string        `json:"evidence_url"`
	RegionCode   string        `json:"region_code"`
	Status       string        `json:"status"`
	FollowUps    []apiFollowUp `json:"follow_ups"`
}

type apiFollowUp struct {
	Date   string `json:"date"`
	Action string `json:"action"`
	Status string `json:"status"`
}

func commitmentToAPI(c *commitment.Commitment, orgSlug string) apiCommitment {
	out := apiCommitment{ID: c.ID, Organization: orgSlug, Who: c.Who, Position: c.Position, Office: c.Office, Kind: c.Kind,
		Level: c.Level, What: c.What, MadeOn: c.MadeOn, Event: c.Event, Place: c.Place, Due: c.DueOn, Evidence: c.Evidence,
		EvidenceURL: c.EvidenceURL, RegionCode: c.RegionCode, Status: c.Status, FollowUps: []apiFollowUp{}}
	for _, f := range c.FollowUps {
		out.FollowUps = append(out.FollowUps, apiFollowUp{Date: f.DoneOn, Action: f.Action, Status: f.Status})
	}
	return out
}

// apiOrgCommitments lists an organisation's published commitments, for
// every caller: the API never shows unpublished ones.
func (h *handlers) apiOrgCommitments(w http.ResponseWriter, r *http.Request) {
	l := h.site.Lang(r)
	o, err := h.Orgs.BySlug(r.Context(), r.PathValue("slug"))
	if err == nil {
		a, aerr := h.site.AccessTo(r, o)
		if aerr != nil {
			err = aerr
		} else if a.Hidden() {
			o = nil
		}
	}
	if o == nil || err != nil {
		h.commitmentAPINotFound(w, r, l, err)
		return
	}
	list, err := h.Commitments.List(r.Context(), o.ID, true)
	if err != nil {
		h.commitmentAPIFail(w, r, l, err)
		return
	}
	items := make([]apiCommitment, 0, len(list))
	for _, c := range list {
		items = append(items, commitmentToAPI(c, o.Slug))
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiRegionCommitments lists the published commitments of a region and
// the regions under it.
func (h *handlers) apiRegionCommitments(w http.ResponseWriter, r *http.Request) {
	l := h.site.Lang(r)
	reg, err := h.Regions.Get(r.Context(), r.PathValue("code"))
	if err != nil {
		h.commitmentAPINotFound(w, r, l, err)
		return
	}
	list, orgs, err := h.Commitments.InRegion(r.Context(), reg.Code)
	if err != nil {
		h.commitmentAPIFail(w, r, l, err)
		return
	}
	items := make([]apiCommitment, 0, len(list))
	for _, c := range list {
		items = append(items, commitmentToAPI(c, orgs[c.OrgID].Slug))
	}
	kit.JSON(w, http.StatusOK, map[string]any{"region": reg.Code, "items": items})
}

// apiNotFound answers 404, or 500 when err is something else than a
// missing record.
func (h *handlers) commitmentAPINotFound(w http.ResponseWriter, r *http.Request, l i18n.Lang, err error) {
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		h.commitmentAPIFail(w, r, l, err)
		return
	}
	kit.APIError(w, http.StatusNotFound, "not_found", i18n.T(l, "commitment.api.not_found"))
}

func (h *handlers) commitmentAPIFail(w http.ResponseWriter, r *http.Request, l i18n.Lang, err error) {
	h.site.Log(r, err)
	kit.APIError(w, http.StatusInternalServerError, "internal", i18n.T(l, "commitment.api.internal"))
}
