package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/surplus"
)

// apiInitiativeOrg is the organisation behind an initiative.
type apiInitiativeOrg struct {
	Slug     string `json:"slug"`
	Name     string `json:"name"`
	Verified bool   `json:"verified"`
}

// apiInitiative is a published initiative with its product fields.
type apiInitiative struct {
	Slug               string           `json:"slug"`
	Name               string           `json:"name"`
	Tagline            string           `json:"tagline"`
	Category           string           `json:"category"`
	Organization       apiInitiativeOrg `json:"organization"`
	Problem            string           `json:"problem"`
	VisionLink         string           `json:"vision_link"`
	Framework          string           `json:"framework"`
	Advantages         string           `json:"advantages"`
	StakeholderScheme  string           `json:"stakeholder_scheme"`
	CommunicationSheet string           `json:"communication_sheet"`
	ExpectedResults    string           `json:"expected_results"`
	CostRecovery       string           `json:"cost_recovery"`
	Regions            []apiOrgRegion   `json:"regions"`
	LogoURL            *string          `json:"logo_url"`
	URL                string           `json:"url"`
	PublishedAt        *time.Time       `json:"published_at"`
	// Parent and Children link initiatives born from a surplus
	// allocation (published ones only).
	Parent   *apiInitiativeLink  `json:"parent"`
	Children []apiInitiativeLink `json:"children"`
}

// apiInitiativeLink is a related initiative: kind is the surplus
// allocation that created the child ("replikasi", "pemisahan"…, or "").
type apiInitiativeLink struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	URL  string `json:"url"`
}

// parseCursor reads a list cursor; anything but a positive id is "start".
func parseCursor(v string) int64 {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

func (s *Server) toAPIInitiative(r *http.Request, i *initiative.Initiative, o *org.Organization, fam surplus.Family) (apiInitiative, error) {
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	out := apiInitiative{Slug: i.Slug, Name: i.Name, Tagline: i.Tagline, Category: i.Category,
		Organization: apiInitiativeOrg{Slug: o.Slug, Name: o.Name, Verified: o.Verified()},
		Problem:      i.Problem, VisionLink: i.VisionLink, Framework: i.Framework, Advantages: i.Advantages,
		StakeholderScheme: i.StakeholderScheme, CommunicationSheet: i.CommunicationSheet,
		ExpectedResults: i.ExpectedResults, CostRecovery: i.CostRecovery, Regions: []apiOrgRegion{},
		URL: base + "/inisiatif/" + i.Slug, PublishedAt: i.PublishedAt}
	if i.LogoKey != "" {
		u := base + "/media/" + i.LogoKey
		out.LogoURL = &u
	}
	for _, code := range i.Regions {
		reg, err := s.regions.Get(r.Context(), code)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return out, err
		}
		out.Regions = append(out.Regions, apiOrgRegion{Code: code, Name: reg.Name})
	}
	parent, children := fam.Parent, fam.Children
	link := func(x surplus.Relative) apiInitiativeLink {
		return apiInitiativeLink{Slug: x.Slug, Name: x.Name, Kind: string(x.Kind), URL: base + "/inisiatif/" + x.Slug}
	}
	if parent != nil {
		l := link(*parent)
		out.Parent = &l
	}
	out.Children = []apiInitiativeLink{}
	for _, c := range children {
		out.Children = append(out.Children, link(c))
	}
	return out, nil
}

// apiInitiatives lists published initiatives, newest first:
// ?region=CODE (served there or anywhere under it), ?category=KEY, ?cursor=….
func (s *Server) apiInitiatives(w http.ResponseWriter, r *http.Request) {
	l, q := lang(r), r.URL.Query()
	opt := initiative.ListOptions{PublishedOnly: true, Limit: 50}
	if v := q.Get("region"); v != "" {
		code, ok := region.ParseCode(v)
		if !ok {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "initiative.api.bad_region"))
			return
		}
		opt.Region = code
	}
	if v := q.Get("category"); v != "" {
		if !initiative.ValidCategory(v) {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "initiative.api.bad_category"))
			return
		}
		opt.Category = v
	}
	if v := q.Get("cursor"); v != "" {
		if opt.After = parseCursor(v); opt.After == 0 {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "initiative.api.bad_cursor"))
			return
		}
	}
	list, next, err := s.initiativeStore().List(r.Context(), opt)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	// The organisations and lineages of the whole page, a query each.
	ids, orgIDs := make([]int64, len(list)), make([]int64, len(list))
	for k, i := range list {
		ids[k], orgIDs[k] = i.ID, i.OrgID
	}
	orgs, err := s.orgs.ByIDs(r.Context(), orgIDs)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	families, err := surplus.Lineages(r.Context(), s.db, ids, true)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	items := make([]apiInitiative, 0, len(list))
	for _, i := range list {
		o := orgs[i.OrgID]
		if o == nil {
			s.apiOrgInternal(w, r, fmt.Errorf("initiative %d: organisation %d: %w", i.ID, i.OrgID, db.ErrNotFound))
			return
		}
		item, err := s.toAPIInitiative(r, i, o, families[i.ID])
		if err != nil {
			s.apiOrgInternal(w, r, err)
			return
		}
		items = append(items, item)
	}
	writePage(w, items, next)
}

// apiInitiative is one published initiative; drafts do not exist here.
func (s *Server) apiInitiative(w http.ResponseWriter, r *http.Request) {
	i, err := s.initiativeStore().BySlug(r.Context(), r.PathValue("slug"))
	var o *org.Organization
	if err == nil {
		o, err = s.orgs.ByID(r.Context(), i.OrgID)
	}
	if errors.Is(err, db.ErrNotFound) || (err == nil && (!i.Published() || orgHidden(o))) {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(lang(r), "initiative.api.not_found"))
		return
	}
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	families, err := surplus.Lineages(r.Context(), s.db, []int64{i.ID}, true)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	out, err := s.toAPIInitiative(r, i, o, families[i.ID])
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
