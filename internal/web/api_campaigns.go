package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// apiCampaign is a public campaign with its needs and money.
type apiCampaign struct {
	Slug         string           `json:"slug"`
	Title        string           `json:"title"`
	Status       string           `json:"status"`
	Scheme       string           `json:"scheme"`
	StartsAt     *time.Time       `json:"starts_at"`
	EndsAt       *time.Time       `json:"ends_at"`
	Organization apiInitiativeOrg `json:"organization"`
	Initiative   apiCampaignInit  `json:"initiative"`
	Needs        []apiNeed        `json:"needs"`
	Money        apiMoney         `json:"money"`
	URL          string           `json:"url"`
}

type apiCampaignInit struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type apiNeed struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	Target    int64  `json:"target"`
	Unit      string `json:"unit"`
	Fulfilled int64  `json:"fulfilled"`
}

type apiMoney struct {
	Target    int64 `json:"target"`
	Confirmed int64 `json:"confirmed"`
	Pending   int64 `json:"pending"`
	Donors    int64 `json:"donors"`
}

func (s *Server) toAPICampaign(ctx context.Context, c *campaign.Campaign) (apiCampaign, error) {
	card, err := s.campaignCard(ctx, c)
	if err != nil {
		return apiCampaign{}, err
	}
	needs, err := s.progress(ctx, c)
	if err != nil {
		return apiCampaign{}, err
	}
	m, err := s.campaignStore().MoneyProgress(ctx, c)
	if err != nil {
		return apiCampaign{}, err
	}
	out := apiCampaign{Slug: c.Slug, Title: c.Title, Status: c.Status, Scheme: c.Scheme, StartsAt: c.StartsAt,
		EndsAt: c.EndsAt, Organization: apiInitiativeOrg{Slug: card.Org.Slug, Name: card.Org.Name, Verified: card.Org.Verified()},
		Initiative: apiCampaignInit{Slug: card.Initiative.Slug, Name: card.Initiative.Name}, Needs: []apiNeed{},
		Money: apiMoney{Target: m.Target, Confirmed: m.Confirmed, Pending: m.Pending, Donors: m.Donors},
		URL:   strings.TrimRight(s.cfg.BaseURL, "/") + campaignPublicURL(c)}
	for _, n := range needs {
		out.Needs = append(out.Needs, apiNeed{ID: n.ID, Kind: n.Kind, Title: n.Title, Target: n.Target, Unit: n.Unit,
			Fulfilled: n.Fulfilled})
	}
	return out, nil
}

// apiCampaigns lists public campaigns, newest first: ?status=active|ended
// (active when absent), ?region=CODE, ?cursor=….
func (s *Server) apiCampaigns(w http.ResponseWriter, r *http.Request) {
	l, q := lang(r), r.URL.Query()
	opt := campaign.ListOptions{PublicOnly: true, Status: campaign.StatusActive, Limit: 50}
	switch v := q.Get("status"); v {
	case "", campaign.StatusActive:
	case campaign.StatusEnded:
		opt.Status = v
	default:
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "campaign.api.bad_status"))
		return
	}
	if v := q.Get("region"); v != "" {
		code, ok := region.ParseCode(v)
		if !ok {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "campaign.api.bad_region"))
			return
		}
		opt.Region = code
	}
	if v := q.Get("cursor"); v != "" {
		if opt.After = parseCursor(v); opt.After == 0 {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "campaign.api.bad_cursor"))
			return
		}
	}
	list, next, err := s.campaignStore().List(r.Context(), opt)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	items := make([]apiCampaign, 0, len(list))
	for _, c := range list {
		item, err := s.toAPICampaign(r.Context(), c)
		if err != nil {
			s.apiOrgInternal(w, r, err)
			return
		}
		items = append(items, item)
	}
	writePage(w, items, next)
}

// apiCampaign is one public campaign; drafts and cancelled ones do not
// exist here.
func (s *Server) apiCampaign(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("slug"))
	if err == nil {
		err = s.campaignPublicErr(ctx, c)
	}
	if errors.Is(err, db.ErrNotFound) {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(lang(r), "campaign.api.not_found"))
		return
	}
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	out, err := s.toAPICampaign(ctx, c)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// campaignPublicErr is db.ErrNotFound unless the public may see c.
func (s *Server) campaignPublicErr(ctx context.Context, c *campaign.Campaign) error {
	if !c.Public() {
		return db.ErrNotFound
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		return err
	}
	if orgHidden(o) {
		return db.ErrNotFound
	}
	return nil
}
