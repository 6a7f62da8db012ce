package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
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
	m, err := s.campaignStore().MoneyProgress(ctx, c)
	if err != nil {
		return apiCampaign{}, err
	}
	done, err := s.campaignStore().FulfilledAll(ctx, c.Needs)
	if err != nil {
		return apiCampaign{}, err
	}
	return s.apiCampaignOf(c, apiInitiativeOrg{Slug: card.Org.Slug, Name: card.Org.Name, Verified: card.Org.Verified()},
		apiCampaignInit{Slug: card.Initiative.Slug, Name: card.Initiative.Name}, m, done), nil
}

// apiCampaignOf is a campaign whose organisation, initiative, money and
// needs' progress (done, by need id) are known.
func (s *Server) apiCampaignOf(c *campaign.Campaign, o apiInitiativeOrg, i apiCampaignInit, m campaign.Money,
	done map[int64]int64) apiCampaign {
	out := apiCampaign{Slug: c.Slug, Title: c.Title, Status: c.Status, Scheme: c.Scheme, StartsAt: c.StartsAt,
		EndsAt: c.EndsAt, Organization: o, Initiative: i, Needs: []apiNeed{},
		Money: apiMoney{Target: m.Target, Confirmed: m.Confirmed, Pending: m.Pending, Donors: m.Donors},
		URL:   strings.TrimRight(s.cfg.BaseURL, "/") + campaignPublicURL(c)}
	for _, n := range c.Needs {
		out.Needs = append(out.Needs, apiNeed{ID: n.ID, Kind: n.Kind, Title: n.Title, Target: n.Target, Unit: n.Unit,
			Fulfilled: done[n.ID]})
	}
	return out
}

// apiCampaignList is a page of campaigns for the API: the organisations,
// initiatives, money and needs' progress of the whole page are read in
// one query each instead of several per campaign.
func (s *Server) apiCampaignList(ctx context.Context, list []*campaign.Campaign) ([]apiCampaign, error) {
	cards, err := s.campaignStore().Cards(ctx, list)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(list))
	var needs []campaign.Need
	for i, c := range list {
		ids[i] = c.ID
		needs = append(needs, c.Needs...)
	}
	money, err := donation.CampaignsMoney(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	done, err := s.campaignStore().FulfilledAll(ctx, needs)
	if err != nil {
		return nil, err
	}
	items := make([]apiCampaign, 0, len(list))
	for i, c := range list {
		k, m := cards[i], money[c.ID]
		items = append(items, s.apiCampaignOf(c, apiInitiativeOrg{Slug: k.OrgSlug, Name: k.OrgName, Verified: k.OrgVerified},
			apiCampaignInit{Slug: k.InitiativeSlug, Name: k.InitiativeName},
			campaign.Money{Target: c.MoneyTarget(), Confirmed: m.Confirmed, Pending: m.Pending, Donors: m.Donors}, done))
	}
	return items, nil
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
	items, err := s.apiCampaignList(r.Context(), list)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
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
