package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

func (s *Server) campaignStore() *campaign.Store { return &campaign.Store{DB: s.db} }

// campaignCtx is a campaign of the organisation in the path, with the
// caller's rights there.
type campaignCtx struct {
	Access   *orgAccess
	Campaign *campaign.Campaign
}

// Zone is the organisation's local time zone.
func (c *campaignCtx) Zone() *time.Location { return region.Zone(c.Access.Org.RegionCode) }

// ManageURL is the address of the campaign's edit page.
func (c *campaignCtx) ManageURL() string { return campaignManageURL(c.Access, c.Campaign) }

// campaignsURL is the organisation's list of campaigns.
func campaignsURL(a *orgAccess) string { return orgURL(a.Org) + "/galang-daya" }

func campaignManageURL(a *orgAccess, c *campaign.Campaign) string {
	return campaignsURL(a) + "/" + c.Slug + "/ubah"
}

// campaignPublicURL is the campaign's public page.
func campaignPublicURL(c *campaign.Campaign) string { return "/galang-daya/" + c.Slug }

// campaignWrite may create and change the organisation's campaigns.
func campaignWrite(a *orgAccess) bool { return a.CanEdit() }

// campaignRead may see the organisation's campaign pages and figures.
func campaignRead(a *orgAccess) bool { return a.Insider() }

// campaignActor is the caller as a campaign actor, for the audit log.
func campaignActor(a *orgAccess) campaign.Actor {
	return campaign.Actor{ID: a.User.ID, Name: a.User.Name}
}

// loadCampaign loads the organisation in {slug} for a caller allowed by
// may, and its campaign in {cslug}: 404 when the campaign is another's.
func (s *Server) loadCampaign(w http.ResponseWriter, r *http.Request, may func(*orgAccess) bool) (*campaignCtx, bool) {
	a, ok := s.orgFor(w, r, may)
	if !ok {
		return nil, false
	}
	c, err := s.campaignStore().BySlug(r.Context(), r.PathValue("cslug"))
	if err == nil && c.OrgID != a.Org.ID {
		err = errNotOrgs
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return &campaignCtx{Access: a, Campaign: c}, true
}

// publicNeed loads the campaign in {cslug}, its organisation and its need
// in {need} of one of kinds: 404 unless the public may see the campaign
// and the need is one of them. Every public support page starts here.
func (s *Server) publicNeed(w http.ResponseWriter, r *http.Request, kinds ...string) (*campaign.Campaign, *org.Organization, *campaign.Need, bool) {
	ctx := r.Context()
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("cslug"))
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, nil, false
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, nil, false
	}
	n, ok := findNeed(c, r.PathValue("need"), kinds...)
	if !ok || !c.Public() || orgHidden(o) {
		s.notFound(w, r)
		return nil, nil, nil, false
	}
	s.countNeedVisit(r, c, o)
	return c, o, n, true
}

// findNeed is the need of c whose id is in raw, when its kind is one of
// kinds.
func findNeed(c *campaign.Campaign, raw string, kinds ...string) (*campaign.Need, bool) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return nil, false
	}
	for i := range c.Needs {
		if n := &c.Needs[i]; n.ID == id && slices.Contains(kinds, n.Kind) {
			return n, true
		}
	}
	return nil, false
}

// parseCampaignForm parses a urlencoded or multipart form; false when the
// body is not a form (400 already written).
func (s *Server) parseCampaignForm(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return nil, false
	}
	return r.PostForm, true
}

// needProgress is a need with how much of it is filled.
type needProgress struct {
	campaign.Need
	Fulfilled    int64
	CampaignSlug string
}

// supportPaths are where the public supports each kind of need; money is
// given in the donation section of the campaign page itself.
var supportPaths = map[string]string{
	campaign.KindDana:      "#donasi",
	campaign.KindBarang:    "/barang/",
	campaign.KindRelawan:   "/relawan/",
	campaign.KindKeahlian:  "/tawaran/",
	campaign.KindKemitraan: "/tawaran/",
	campaign.KindAdvokasi:  "/petisi/",
}

// SupportURL is the page where the public supports this need.
func (n needProgress) SupportURL() string {
	p := supportPaths[n.Kind]
	if p == "" || p[0] == '#' {
		return p
	}
	return "/galang-daya/" + n.CampaignSlug + p + strconv.FormatInt(n.ID, 10)
}

// Percent is the share filled, 0–100.
func (n needProgress) Percent() int {
	if n.Target <= 0 {
		return 0
	}
	return int(min(n.Fulfilled*100/n.Target, 100))
}

// progress pairs each need of c with its fulfilment.
func (s *Server) progress(ctx context.Context, c *campaign.Campaign) ([]needProgress, error) {
	done, err := s.campaignStore().FulfilledAll(ctx, c.Needs)
	if err != nil {
		return nil, err
	}
	out := make([]needProgress, 0, len(c.Needs))
	for _, n := range c.Needs {
		out = append(out, needProgress{Need: n, Fulfilled: done[n.ID], CampaignSlug: c.Slug})
	}
	return out, nil
}

// initiativeCampaigns lists the campaigns of each initiative, for the
// stage 4 review.
func (s *Server) initiativeCampaigns(ctx context.Context, list []*initiative.Initiative) (map[int64][]*campaign.Campaign, error) {
	out := map[int64][]*campaign.Campaign{}
	for _, i := range list {
		cs, _, err := s.campaignStore().List(ctx, campaign.ListOptions{InitiativeID: i.ID})
		if err != nil {
			return nil, err
		}
		out[i.ID] = cs
	}
	return out, nil
}
