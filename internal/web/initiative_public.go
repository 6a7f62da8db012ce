package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/surplus"
	"lokadaya/internal/survey"
)

// initiativeIndexPage lists published initiatives.
type initiativeIndexPage struct {
	Items      []initiativeCard
	Categories []string
	Region     *region.Region // the ?wilayah filter, when valid
	Filter     *regionFilter
	Category   string
	Next       int64
}

// initiativeCard is an initiative with its organisation.
type initiativeCard struct {
	*initiative.Initiative
	Org *org.Organization
}

// initiativeShowPage is an initiative's public page.
type initiativeShowPage struct {
	initiativeCard
	Regions []region.Region
	// Draft is true when an insider looks at an unpublished initiative.
	Draft   bool
	EditURL string
	// Parent and Children: the published initiatives it was born from
	// and gave rise to (stage 6 surplus allocations).
	Parent   *surplus.Relative
	Children []surplus.Relative
	// Campaigns are the initiative's published campaigns (active first,
	// then ended), newest first within each.
	Campaigns []campaign.Card
	// Charters are the service points with a signed service charter.
	Charters []charterLink
	// Satisfaction is the latest survey round with an index, nil when none.
	Satisfaction *survey.Result
	// Feedback is the red / yellow / green feedback of its service
	// points; nil when it has none.
	Feedback *initiativeFeedback
}

// initiativeIndex lists published initiatives: ?wilayah=CODE (served
// there or anywhere under it), ?kategori=KEY, ?setelah=cursor.
func (s *Server) initiativeIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := &initiativeIndexPage{Categories: initiative.Categories()}
	opt := initiative.ListOptions{PublishedOnly: true, Limit: 30}
	keep := url.Values{}
	if k := q.Get("kategori"); initiative.ValidCategory(k) {
		p.Category, opt.Category = k, k
		keep.Set("kategori", k)
	}
	var err error
	if p.Filter, err = s.regionFilterFor(r, "/inisiatif", keep); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Region = p.Filter.Region; p.Region != nil {
		opt.Region = p.Region.Code
	}
	opt.After = parseCursor(q.Get("setelah"))
	list, next, err := s.initiativeStore().List(r.Context(), opt)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Next = next
	ids := make([]int64, len(list))
	for n, i := range list {
		ids[n] = i.OrgID
	}
	orgs, err := s.orgs.ByIDs(r.Context(), ids)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, i := range list {
		o, ok := orgs[i.OrgID]
		if !ok {
			s.serverError(w, r, fmt.Errorf("initiative %d: organisation %d: %w", i.ID, i.OrgID, db.ErrNotFound))
			return
		}
		p.Items = append(p.Items, initiativeCard{Initiative: i, Org: o})
	}
	s.render(w, r, http.StatusOK, "initiative_index", s.view(r, i18n.T(lang(r), "initiative.index.title"), p))
}

// initiativeShow is an initiative's public page; a draft (or the
// initiative of a hidden organisation) is 404 except to those who may
// read the organisation's cycle.
func (s *Server) initiativeShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	i, err := s.initiativeStore().BySlug(ctx, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, i.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &initiativeShowPage{initiativeCard: initiativeCard{Initiative: i, Org: o}}
	if !i.Published() || orgHidden(o) {
		ok, err := s.mayReadCycle(r, o)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if !ok {
			s.notFound(w, r)
			return
		}
		p.Draft = !i.Published()
	}
	for _, code := range i.Regions {
		reg, err := s.regions.Get(ctx, code)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
		if err == nil {
			p.Regions = append(p.Regions, reg)
		}
	}
	if p.Parent, p.Children, err = surplus.Lineage(ctx, s.db, i.ID, true); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Campaigns, err = s.publishedCampaigns(r, i.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Satisfaction, err = s.latestIKM(ctx, i.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Charters, err = s.signedCharters(ctx, i.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Feedback, err = s.initiativeFeedbackOf(ctx, i, o); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "initiative_show", s.view(r, i.Name, p))
}

// publishedCampaigns lists the initiative's published campaigns, the
// running ones first.
func (s *Server) publishedCampaigns(r *http.Request, initiativeID int64) ([]campaign.Card, error) {
	store := s.campaignStore()
	list, _, err := store.List(r.Context(), campaign.ListOptions{InitiativeID: initiativeID, PublicOnly: true})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(list, func(a, b *campaign.Campaign) int {
		switch {
		case a.Open() == b.Open():
			return 0
		case a.Open():
			return -1
		}
		return 1
	})
	return store.Cards(r.Context(), list)
}

// mayReadCycle reports whether the caller may read the organisation's
// cycle workspace (members, coordinators of its hub, platform admins).
func (s *Server) mayReadCycle(r *http.Request, o *org.Organization) (bool, error) {
	u := currentUser(r)
	if u == nil {
		return false, nil
	}
	if u.IsAdmin {
		return true, nil
	}
	if _, err := s.orgs.RoleOf(r.Context(), o.ID, u.ID); err == nil {
		return true, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return false, err
	}
	return s.hubs.IsCoordinatorFor(r.Context(), u.ID, o.RegionCode)
}
