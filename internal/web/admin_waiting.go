package web

import (
	"net/http"
	"strings"

	"lokadaya/internal/hub"
	"lokadaya/internal/org"
)

// adminWaitingLimit bounds the organisations the admin home lists as
// waiting; the full lists are on the admin's organisation pages.
const adminWaitingLimit = 200

// waitingProvince is one province on the admin home: its organisations
// waiting for a decision and the hubs that cover it.
type waitingProvince struct {
	code   string
	Name   string
	Hubs   []string // hubs covering the whole province
	Partly []string // hubs covering part of it
	Orgs   []waitingOrg
}

// waitingOrg is an organisation waiting for a decision; Covered is false
// when no hub covers its region, so only a platform admin can review it.
type waitingOrg struct {
	orgRow
	Covered bool
}

// fillWaiting adds the organisations waiting for review, by province, and
// the provinces no hub covers.
func (s *Server) fillWaiting(r *http.Request, p *adminHomePage) error {
	provinces, err := s.hubs.ProvinceCoverage(r.Context())
	if err != nil {
		return err
	}
	byCode := map[string]hub.ProvinceCover{}
	for _, pc := range provinces {
		byCode[pc.Code] = pc
		switch {
		case pc.Uncovered():
			p.Uncovered = append(p.Uncovered, pc.Name)
		case len(pc.Hubs) == 0:
			p.Partly = append(p.Partly, pc.Name)
		}
	}
	waiting, err := s.hubs.AwaitingReview(r.Context(), adminWaitingLimit+1)
	if err != nil {
		return err
	}
	if len(waiting) > adminWaitingLimit {
		waiting, p.WaitingCut = waiting[:adminWaitingLimit], true
	}
	for _, a := range waiting {
		rows, err := s.orgRows(r, []*org.Organization{a.Org})
		if err != nil {
			return err
		}
		code, _, _ := strings.Cut(a.Org.RegionCode, ".")
		if n := len(p.Waiting); n == 0 || p.Waiting[n-1].code != code {
			pc := byCode[code]
			p.Waiting = append(p.Waiting, waitingProvince{code: code, Name: pc.Name, Hubs: pc.Hubs, Partly: pc.Partly})
		}
		last := &p.Waiting[len(p.Waiting)-1]
		last.Orgs = append(last.Orgs, waitingOrg{orgRow: rows[0], Covered: a.Covered})
	}
	return nil
}
