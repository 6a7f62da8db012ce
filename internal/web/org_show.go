package web

import (
	"errors"
	"lokadaya/internal/campaign"
	"net/http"

	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// orgProfile is the data of the public profile page.
type orgProfile struct {
	Access *orgAccess
	Org    *org.Organization
	// Regions is the chain from the province down to the desa/kelurahan.
	Regions []region.Region
	NPWP    string
	// Initiatives are the organisation's published initiatives.
	Initiatives []*initiative.Initiative
	// Campaigns are its running public campaigns, newest first (a few).
	Campaigns []campaign.Card
	// CycleReader: the caller may open the development-cycle workspace
	// (members, platform admins, coordinators of the region's hub).
	CycleReader bool
	// LedgerEntries and LedgerHead are the open books' length and head
	// hash; 0 and "" when it has none.
	LedgerEntries int64
	LedgerHead    string
	// Hidden: the organisation is rejected or suspended, and its open
	// data and the books' public check answer 404 to everyone.
	Hidden bool
	// RequestedDocs names, for insiders, the legal documents the last
	// review asked for while changes are needed; "" otherwise.
	RequestedDocs string
}

// orgShowCampaigns is how many running campaigns an organisation's page
// shows.
const orgShowCampaigns = 6

// orgShow is an organisation's public profile. Rejected and suspended
// organisations are shown only to their members, platform admins and the
// coordinators of a hub covering them (see loadOrg).
func (s *Server) orgShow(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	chain, err := s.regions.Ancestors(r.Context(), a.Org.RegionCode)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	p := &orgProfile{Access: a, Org: a.Org, Regions: chain, Hidden: orgHidden(a.Org)}
	if a.Insider() {
		// A 16-digit NPWP may be a person's NIK: only insiders see it.
		p.NPWP = org.FormatNPWP(a.Org.NPWP)
		p.CycleReader = true
		if a.Org.Status == org.StatusNeedsChanges {
			docs, err := s.hubs.RequestedDocuments(r.Context(), a.Org.ID)
			if err != nil {
				s.serverError(w, r, err)
				return
			}
			p.RequestedDocs = docNames(lang(r), docs)
		}
	} else if a.Reviewer {
		p.CycleReader = true
	} else if a.User != nil {
		if p.CycleReader, err = s.hubs.IsCoordinatorFor(r.Context(), a.User.ID, a.Org.RegionCode); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if p.Initiatives, _, err = s.initiativeStore().List(r.Context(),
		initiative.ListOptions{OrgID: a.Org.ID, PublishedOnly: true}); err != nil {
		s.serverError(w, r, err)
		return
	}
	if a.Reviewer {
		// The campaigns' pages and the books' public check are closed to
		// a reviewer of a hidden organisation: no links to them.
		s.render(w, r, http.StatusOK, "org_show", s.view(r, a.Org.Name, p))
		return
	}
	if p.Campaigns, _, err = s.campaignStore().CardList(r.Context(), campaign.ListOptions{OrgID: a.Org.ID,
		PublicOnly: true, Status: campaign.StatusActive, Limit: orgShowCampaigns}); err != nil {
		s.serverError(w, r, err)
		return
	}
	if seq, head, err := ledger.Head(r.Context(), s.db, a.Org.ID); err != nil {
		s.serverError(w, r, err)
		return
	} else if seq > 0 {
		p.LedgerEntries, p.LedgerHead = seq, head
	}
	s.render(w, r, http.StatusOK, "org_show", s.view(r, a.Org.Name, p))
}
