package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// orgDirectory is the data of the public directory page.
type orgDirectory struct {
	Items     []orgCard
	Query     string
	Verified  bool
	Kind      string // the kind filter: a kind, "pemerintah" or ""
	Kinds     []string
	Region    *region.Region // the region filter, when one is set
	Provinces []region.Region
	NextURL   string
}

// orgCard is one organisation in a list, with its region named.
type orgCard struct {
	Org    org.Organization
	Region string
}

// orgList is the public directory: search by name, filter by region
// (?wilayah=CODE matches everything under it) and verified status, pages
// by cursor (?setelah=ID).
func (s *Server) orgList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := &orgDirectory{Query: strings.TrimSpace(q.Get("q")), Verified: q.Get("terverifikasi") == "1"}
	if len([]rune(d.Query)) > 100 {
		d.Query = string([]rune(d.Query)[:100])
	}
	opt := org.ListOptions{Query: d.Query, VerifiedOnly: d.Verified, PublicOnly: true, Limit: 20}
	d.Kinds = directoryKinds()
	if opt.Kinds = org.KindsOf(q.Get("jenis")); opt.Kinds != nil {
		d.Kind = q.Get("jenis")
	}
	if code := strings.TrimSpace(q.Get("wilayah")); code != "" {
		reg, err := s.regions.Get(r.Context(), code)
		if errors.Is(err, db.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		d.Region, opt.Region = &reg, reg.Code
	}
	opt.After, _ = strconv.ParseInt(q.Get("setelah"), 10, 64)
	list, next, err := s.orgs.List(r.Context(), opt)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Items, err = s.orgCards(r, list); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Provinces, err = s.regions.Children(r.Context(), ""); err != nil {
		s.serverError(w, r, err)
		return
	}
	if next > 0 {
		nq := url.Values{}
		for _, k := range []string{"q", "wilayah", "terverifikasi", "jenis"} {
			if v := q.Get(k); v != "" {
				nq.Set(k, v)
			}
		}
		nq.Set("setelah", strconv.FormatInt(next, 10))
		d.NextURL = "/organisasi?" + nq.Encode()
	}
	s.render(w, r, http.StatusOK, "org_list", s.view(r, "", d))
}

// directoryKinds are the directory's kind filters: OMS, government as a
// whole, then the other stakeholders.
func directoryKinds() []string {
	return []string{string(org.KindOMS), org.GroupGovernment, string(org.KindBusiness),
		string(org.KindAcademia), string(org.KindMedia), string(org.KindResidents)}
}

// orgCards names each organisation's kabupaten/kota and province.
func (s *Server) orgCards(r *http.Request, list []org.Organization) ([]orgCard, error) {
	cards := make([]orgCard, 0, len(list))
	for _, o := range list {
		label, err := s.regionLabel(r, o.RegionCode)
		if err != nil {
			return nil, err
		}
		cards = append(cards, orgCard{Org: o, Region: label})
	}
	return cards, nil
}

// regionLabel names a region by its kabupaten/kota and province, which is
// how people place an organisation: "Kota Bandung, Jawa Barat".
func (s *Server) regionLabel(r *http.Request, code string) (string, error) {
	chain, err := s.regions.Ancestors(r.Context(), code)
	if errors.Is(err, db.ErrNotFound) {
		return code, nil
	}
	if err != nil {
		return "", err
	}
	var parts []string
	for i := min(len(chain), 2) - 1; i >= 0; i-- {
		parts = append(parts, chain[i].Name)
	}
	return strings.Join(parts, ", "), nil
}
