package web

import (
	"errors"
	"net/http"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/region"
)

// orgDashboardPage is a member's dashboard of one organisation: what waits
// for them, with counts, and a link to every page their role may open.
type orgDashboardPage struct {
	Access  *orgAccess
	Waiting *orgWaiting
	// Campaigns are the drafts and active campaigns, and ended ones where
	// something still waits, newest first, with what waits in each.
	Campaigns      []dashCampaign
	Drafts, Active int
	// Cycle is the newest development cycle (nil before the first one);
	// StageTitle names its current stage.
	Cycle      *cycle.Cycle
	StageTitle string
	// RequestedDocs names the legal documents the reviewer asked for, when
	// the caller sends the changes.
	RequestedDocs string
	// OpenActions and OverdueActions count the action plan's open items
	// and those past their due day.
	OpenActions, OverdueActions int
}

// dashCampaign is a campaign with its pledges, sign-ups and offers waiting.
type dashCampaign struct {
	*campaign.Campaign
	Pledges, Volunteers, Offers int
}

// CanMarkGoods reports whether the caller records goods received.
func (p *orgDashboardPage) CanMarkGoods() bool { return goodsMark(p.Access) }

// CanAnswerOffers reports whether the caller answers offers and decides
// volunteers' sign-ups for the organisation.
func (p *orgDashboardPage) CanAnswerOffers() bool { return offerWrite(p.Access) }

// CanWriteCycle reports whether the caller answers in the cycle.
func (p *orgDashboardPage) CanWriteCycle() bool {
	return (&cycleAccess{orgAccess: p.Access}).CanWrite()
}

// Nothing reports whether nothing waits for the caller.
func (p *orgDashboardPage) Nothing() bool { return waitingFor(p.Access, p.Waiting) == 0 }

// waitingFor counts what waits for the caller: only what their role can act on.
func waitingFor(a *orgAccess, w *orgWaiting) int {
	n := 0
	if w.Changes && a.CanEdit() {
		n++
	}
	if a.CanManageMoney() {
		n += w.Donations + w.Imports
	}
	if a.CanDecideExpenses() {
		n += w.Expenses
	}
	if goodsMark(a) {
		n += total(w.Pledges)
	}
	if offerWrite(a) {
		n += total(w.Volunteers) + total(w.Offers)
	}
	return n
}

// orgDashboardURL is an organisation's dashboard for its members.
func orgDashboardURL(o *org.Organization) string { return orgURL(o) + "/dasbor" }

// orgDashboard shows a member (or a platform admin) the organisation's
// dashboard: GET /organisasi/{slug}/dasbor.
func (s *Server) orgDashboard(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).Insider)
	if !ok {
		return
	}
	ctx := r.Context()
	p := &orgDashboardPage{Access: a}
	var err error
	if p.Waiting, err = s.orgWaitingCounts(ctx, a.Org, a.User.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Waiting.Changes && a.CanEdit() {
		docs, err := s.hubs.RequestedDocuments(ctx, a.Org.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.RequestedDocs = docNames(lang(r), docs)
	}
	today := time.Now().In(region.Zone(a.Org.RegionCode)).Format(time.DateOnly)
	if s.cfg.Clock != nil {
		today = s.cfg.Clock().In(region.Zone(a.Org.RegionCode)).Format(time.DateOnly)
	}
	if p.OpenActions, p.OverdueActions, err = (&reflection.Store{DB: s.db}).OpenCounts(ctx, a.Org.ID, today); err != nil {
		s.serverError(w, r, err)
		return
	}
	list, _, err := s.campaignStore().List(ctx, campaign.ListOptions{OrgID: a.Org.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, c := range list {
		dc := dashCampaign{Campaign: c, Pledges: p.Waiting.Pledges[c.ID],
			Volunteers: p.Waiting.Volunteers[c.ID], Offers: p.Waiting.Offers[c.ID]}
		switch c.Status {
		case campaign.StatusDraft:
			p.Drafts++
		case campaign.StatusActive:
			p.Active++
		default:
			// An ended campaign is listed while something still waits in it.
			if dc.Pledges+dc.Volunteers+dc.Offers == 0 {
				continue
			}
		}
		p.Campaigns = append(p.Campaigns, dc)
	}
	p.Cycle, err = s.cycleStore().Current(ctx, a.Org.ID)
	switch {
	case err == nil:
		if st, ok := p.Cycle.Framework().Stage(p.Cycle.CurrentStage); ok {
			p.StageTitle = st.Title.In(lang(r))
		}
	case errors.Is(err, db.ErrNotFound):
		p.Cycle = nil
	default:
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "org_dashboard", s.view(r, a.Org.Name, p))
}
