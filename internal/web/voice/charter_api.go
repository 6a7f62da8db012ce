package voice

import (
	"errors"
	"net/http"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/web/kit"
)

// charterJSON is a point's current signed charter in the API.
type charterJSON struct {
	Code              string `json:"code"`
	Point             string `json:"point"`
	Initiative        string `json:"initiative"`
	Organization      string `json:"organization"`
	Version           int    `json:"version"`
	Service           string `json:"service"`
	Requirements      string `json:"requirements"`
	Procedure         string `json:"procedure"`
	TimeToServe       string `json:"time_to_serve"`
	Cost              int64  `json:"cost"`
	Free              bool   `json:"free"`
	ComplaintChannels string `json:"complaint_channels"`
	Rights            string `json:"rights"`
	Obligations       string `json:"obligations"`
	SignedBy          string `json:"signed_by"`
	SignerRole        string `json:"signer_role"`
	SignedOn          string `json:"signed_on"`
	FeedbackURL       string `json:"feedback_url"`
	PosterURL         string `json:"poster_url"`
}

// apiCharter is GET /api/v1/service-points/{code}/charter: the current
// signed charter of a point of a published initiative.
func (h *handlers) apiCharter(w http.ResponseWriter, r *http.Request) {
	c, err := h.loadCharter(r, strings.ToUpper(r.PathValue("code")))
	if errors.Is(err, db.ErrNotFound) || err == nil && !c.public() {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "charter.api.none"))
		return
	}
	if err != nil {
		h.apiServerError(w, r, err)
		return
	}
	base := strings.TrimRight(h.site.BaseURL(), "/")
	ch := c.Charter
	kit.JSON(w, http.StatusOK, charterJSON{Code: c.Point.Code, Point: c.Point.Name, Initiative: c.Initiative.Slug,
		Organization: c.Org.Slug, Version: ch.Version, Service: ch.Service, Requirements: ch.Requirements,
		Procedure: ch.Procedure, TimeToServe: ch.TimeToServe, Cost: ch.Cost, Free: ch.Free(),
		ComplaintChannels: ch.ComplaintChannels, Rights: ch.Rights, Obligations: ch.Obligations,
		SignedBy: ch.SignerName, SignerRole: ch.SignerRole, SignedOn: ch.SignedOn,
		FeedbackURL: base + feedbackPath(c.Point.Code), PosterURL: base + publicCharterURL(c.Point.Code) + ".pdf"})
}

// loadCharter loads the point with code, its initiative, organisation
// and current signed charter, whoever may see them; db.ErrNotFound when
// one is missing.
func (h *handlers) loadCharter(r *http.Request, code string) (*publicCharter, error) {
	ctx := r.Context()
	p := &publicCharter{}
	var err error
	if p.Point, err = h.Service.PointByCode(ctx, code); err != nil {
		return nil, err
	}
	if p.Initiative, err = h.Initiatives.ByID(ctx, p.Point.InitiativeID); err != nil {
		return nil, err
	}
	if p.Org, err = h.Orgs.ByID(ctx, p.Point.OrgID); err != nil {
		return nil, err
	}
	if p.Charter, err = h.Charters.Current(ctx, p.Point.ID); err != nil {
		return nil, err
	}
	return p, nil
}

// public reports whether anyone may see the charter: its initiative is
// published and its organisation not hidden.
func (p *publicCharter) public() bool {
	return p.Initiative.Published() && !(&kit.Access{Org: p.Org}).Hidden()
}
