package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// apiOrgRegion names an organisation's desa/kelurahan.
type apiOrgRegion struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// apiOrg is an organisation in a list.
type apiOrg struct {
	Slug        string       `json:"slug"`
	Name        string       `json:"name"`
	Kind        string       `json:"kind"`
	LegalForm   string       `json:"legal_form"`
	Region      apiOrgRegion `json:"region"`
	Verified    bool         `json:"verified"`
	FocusIssues []string     `json:"focus_issues"`
	URL         string       `json:"url"`
}

// apiOrgProfile is the public profile: no member data and no NPWP, which
// may be a person's NIK.
type apiOrgProfile struct {
	apiOrg
	Status      org.Status     `json:"status"`
	Regions     []apiOrgRegion `json:"region_chain"`
	AktaNumber  string         `json:"akta_number"`
	SKAHU       string         `json:"sk_ahu"`
	FoundedYear *int           `json:"founded_year"`
	Vision      string         `json:"vision"`
	Mission     string         `json:"mission"`
	Email       string         `json:"email"`
	Phone       string         `json:"phone"`
	Website     string         `json:"website"`
	LogoURL     *string        `json:"logo_url"`
	VerifiedAt  *time.Time     `json:"verified_at"`
	CreatedAt   time.Time      `json:"created_at"`
}

func (s *Server) toAPIOrg(r *http.Request, o *org.Organization) (apiOrg, error) {
	reg, err := s.regions.Get(r.Context(), o.RegionCode)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return apiOrg{}, err
	}
	issues := o.FocusIssues
	if issues == nil {
		issues = []string{}
	}
	return apiOrg{Slug: o.Slug, Name: o.Name, Kind: string(o.Kind), LegalForm: o.LegalForm,
		Region: apiOrgRegion{Code: o.RegionCode, Name: reg.Name}, Verified: o.Verified(),
		FocusIssues: issues, URL: strings.TrimRight(s.cfg.BaseURL, "/") + orgURL(o)}, nil
}

// apiOrganizations lists public organisations, newest first:
// ?region=CODE (everything under it), ?q=NAME, ?verified=true,
// ?kind=oms|pemerintah|opd|…, ?cursor=….
func (s *Server) apiOrganizations(w http.ResponseWriter, r *http.Request) {
	l, q := lang(r), r.URL.Query()
	opt := org.ListOptions{PublicOnly: true, Query: q.Get("q"), VerifiedOnly: q.Get("verified") == "true", Limit: 50}
	if k := q.Get("kind"); k != "" {
		if opt.Kinds = org.KindsOf(k); opt.Kinds == nil {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "org.err.kind"))
			return
		}
	}
	if len(opt.Query) > 100 {
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "org.api.bad_query"))
		return
	}
	if v := q.Get("region"); v != "" {
		code, ok := region.ParseCode(v)
		if !ok {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "org.api.bad_region"))
			return
		}
		if _, err := s.regions.Get(r.Context(), code); errors.Is(err, db.ErrNotFound) {
			apiError(w, http.StatusNotFound, "not_found", i18n.T(l, "org.api.unknown_region"))
			return
		} else if err != nil {
			s.apiOrgInternal(w, r, err)
			return
		}
		opt.Region = code
	}
	if v := q.Get("cursor"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "org.api.bad_cursor"))
			return
		}
		opt.After = n
	}
	list, next, err := s.orgs.List(r.Context(), opt)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	items := make([]apiOrg, 0, len(list))
	for i := range list {
		item, err := s.toAPIOrg(r, &list[i])
		if err != nil {
			s.apiOrgInternal(w, r, err)
			return
		}
		items = append(items, item)
	}
	writePage(w, items, next)
}

// apiOrganization is one public profile; hidden organisations do not exist here.
func (s *Server) apiOrganization(w http.ResponseWriter, r *http.Request) {
	o, err := s.orgs.BySlug(r.Context(), r.PathValue("slug"))
	if errors.Is(err, db.ErrNotFound) || (err == nil && orgHidden(o)) {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(lang(r), "org.api.not_found"))
		return
	}
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	base, err := s.toAPIOrg(r, o)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	p := apiOrgProfile{apiOrg: base, Status: o.Status, Regions: []apiOrgRegion{}, AktaNumber: o.AktaNumber,
		SKAHU: o.SKAHU, Vision: o.Vision, Mission: o.Mission, Email: o.Email, Phone: o.Phone,
		Website: o.Website, VerifiedAt: o.VerifiedAt, CreatedAt: o.CreatedAt}
	if o.FoundedYear > 0 {
		p.FoundedYear = &o.FoundedYear
	}
	if o.LogoKey != "" {
		u := strings.TrimRight(s.cfg.BaseURL, "/") + "/media/" + o.LogoKey
		p.LogoURL = &u
	}
	chain, err := s.regions.Ancestors(r.Context(), o.RegionCode)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		s.apiOrgInternal(w, r, err)
		return
	}
	for _, reg := range chain {
		p.Regions = append(p.Regions, apiOrgRegion{Code: reg.Code, Name: reg.Name})
	}
	writeJSON(w, http.StatusOK, p)
}

// apiOrgInternal logs err and answers the API's 500 without details.
func (s *Server) apiOrgInternal(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("api error", "method", r.Method, "route", loggedRoute(r), "err", err)
	apiError(w, http.StatusInternalServerError, "internal", i18n.T(lang(r), "error.500.title"))
}
