package opendata

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
)

// A package is what CKAN calls a data set and DCAT a dcat:Dataset: one
// per published data set for the whole platform ("lokadaya-kampanye"),
// and one per publishing organisation ("oms-{slug}") holding all of its
// data sets as resources.
type pkg struct {
	Name, Title, Notes string
	// Owner is the CKAN organisation: "lokadaya" or the OMS's slug.
	Owner     string
	Publisher *od.Publisher // nil for the platform's packages
	Licence   od.Licence
	Created   time.Time
	Modified  time.Time
	Keywords  []string
	// Region is the Kemendagri code the package covers; "" for the country.
	Region    string
	Landing   string
	Resources []resource
}

type resource struct {
	ID, Name, Description string
	Format                od.Format
	URL                   string
}

// platformOrg is the CKAN organisation of the platform's own packages.
const platformOrg = "lokadaya"

const (
	platformPrefix = "lokadaya-"
	orgPrefix      = "oms-"
)

// otherOpen is what CKAN calls a mix of open licences; each row of a
// platform-wide file names its organisation's licence.
var otherOpen = od.Licence{ID: "other-open", Title: "Other (Open)", CKAN: "other-open"}

// platformLicence is the licence of the platform-wide files: the one
// every publisher uses, or "other (open)" when they differ.
func (h *handlers) platformLicence(ctx context.Context) (od.Licence, error) {
	ids, err := h.Data.LicencesInUse(ctx)
	if err != nil {
		return od.Licence{}, err
	}
	switch len(ids) {
	case 0:
		l, _ := od.LicenceByID(od.DefaultLicence)
		return l, nil
	case 1:
		l, _ := od.LicenceByID(ids[0])
		return l, nil
	}
	l := otherOpen
	l.URL = h.site.BaseURL() + "/data"
	return l, nil
}

func (h *handlers) platformPackage(ctx context.Context, ds *od.Dataset, lang i18n.Lang, licence od.Licence) (pkg, error) {
	st, err := h.Data.Stamp(ctx, ds, 0)
	if err != nil {
		return pkg{}, err
	}
	base := h.site.BaseURL()
	p := pkg{Name: platformPrefix + ds.Name, Title: ds.Title.In(lang), Notes: ds.Description.In(lang),
		Owner: platformOrg, Licence: licence, Created: st.Modified, Modified: st.Modified, Keywords: ds.Keywords,
		Landing: base + "/data#" + ds.Name}
	for _, f := range od.Formats {
		p.Resources = append(p.Resources, resource{ID: p.Name + "-" + f.Ext, Name: ds.Title.In(lang) + " (" + f.Name + ")",
			Description: ds.Description.In(lang), Format: f, URL: base + datasetURL(ds, f, nil)})
	}
	return p, nil
}

func (h *handlers) orgPackage(ctx context.Context, pub *od.Publisher, lang i18n.Lang) (pkg, error) {
	last, err := h.Data.LastChange(ctx, pub.ID)
	if err != nil {
		return pkg{}, err
	}
	base := h.site.BaseURL()
	licence, _ := od.LicenceByID(pub.Licence)
	p := pkg{Name: orgPrefix + pub.Slug, Title: i18n.T(lang, "opendata.org_title", pub.Name),
		Notes: i18n.T(lang, "opendata.org_notes", pub.Name), Owner: pub.Slug, Publisher: pub, Licence: licence,
		Created: pub.CreatedAt, Modified: last, Keywords: []string{"oms", "galang-daya", "buku-terbuka"},
		Region: pub.RegionCode, Landing: base + "/data?organisasi=" + url.QueryEscape(pub.Slug)}
	for _, ds := range od.Datasets {
		for _, f := range od.Formats {
			p.Resources = append(p.Resources, resource{ID: p.Name + "-" + ds.Name + "-" + f.Ext,
				Name: ds.Title.In(lang) + " (" + f.Name + ")", Description: ds.Description.In(lang), Format: f,
				URL: base + datasetURL(ds, f, pub)})
		}
	}
	return p, nil
}

// findPackage loads a package by its name; db.ErrNotFound when none.
func (h *handlers) findPackage(ctx context.Context, name string, lang i18n.Lang) (pkg, error) {
	if rest, ok := strings.CutPrefix(name, platformPrefix); ok {
		if ds := od.ByName(rest); ds != nil {
			l, err := h.platformLicence(ctx)
			if err != nil {
				return pkg{}, err
			}
			return h.platformPackage(ctx, ds, lang, l)
		}
	}
	if slug, ok := strings.CutPrefix(name, orgPrefix); ok && slug != "" {
		pub, err := h.Data.PublisherBySlug(ctx, slug)
		if err != nil {
			return pkg{}, err
		}
		return h.orgPackage(ctx, pub, lang)
	}
	return pkg{}, db.ErrNotFound
}

// packageQuery selects packages: q matches titles, descriptions and names
// (every word, any case); org keeps one CKAN organisation's.
type packageQuery struct {
	Q, Org        string
	Start, Rows   int
	WithResources bool
}

// matches reports whether every word of q is in one of texts.
func matches(q string, texts ...string) bool {
	all := strings.ToLower(strings.Join(texts, " "))
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}

// searchPackages returns the page of packages q selects and how many it
// selects in all: the platform's first, then the organisations' by slug.
func (h *handlers) searchPackages(ctx context.Context, q packageQuery, lang i18n.Lang) ([]pkg, int, error) {
	var platform []*od.Dataset
	if q.Org == "" || q.Org == platformOrg {
		for _, ds := range od.Datasets {
			if matches(q.Q, platformPrefix+ds.Name, ds.Title.ID, ds.Title.EN, ds.Description.ID, ds.Description.EN, strings.Join(ds.Keywords, " ")) {
				platform = append(platform, ds)
			}
		}
	}
	var out []pkg
	if q.Start < len(platform) && q.Rows > 0 {
		l, err := h.platformLicence(ctx)
		if err != nil {
			return nil, 0, err
		}
		for _, ds := range platform[q.Start:min(len(platform), q.Start+q.Rows)] {
			p, err := h.platformPackage(ctx, ds, lang, l)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, p)
		}
	}
	if q.Org == platformOrg {
		return out, len(platform), nil
	}
	offset := max(0, q.Start-len(platform))
	limit := q.Rows - len(out)
	var pubs []*od.Publisher
	var total int
	var err error
	if q.Org != "" {
		pub, perr := h.Data.PublisherBySlug(ctx, q.Org)
		if perr != nil && !errors.Is(perr, db.ErrNotFound) {
			return nil, 0, perr
		}
		if perr == nil && matches(q.Q, orgPrefix+pub.Slug, pub.Name, i18n.T(lang, "opendata.org_title", pub.Name)) {
			total = 1
			if offset == 0 && limit > 0 {
				pubs = []*od.Publisher{pub}
			}
		}
	} else {
		pubs, total, err = h.Data.Publishers(ctx, orgSearchText(q.Q), offset, limit)
		if err != nil {
			return nil, 0, err
		}
	}
	for _, pub := range pubs {
		p, err := h.orgPackage(ctx, pub, lang)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, len(platform) + total, nil
}

// orgSearchText is what an organisation's name or slug must contain for
// its package to match q: the words of q that are not about open data in
// general ("data", "terbuka", "open"), which every package title holds.
func orgSearchText(q string) string {
	var keep []string
	for _, w := range strings.Fields(q) {
		switch strings.ToLower(w) {
		case "data", "terbuka", "open", "oms":
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}
