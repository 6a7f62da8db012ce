package opendata

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/dataset"
	"lokadaya/internal/i18n"
	od "lokadaya/internal/opendata"
	"lokadaya/internal/web/kit"
)

// catalogueColumn is one line of a data dictionary on the page.
type catalogueColumn struct {
	Name, Type, Unit, Meaning string
}

// catalogueLink is one download.
type catalogueLink struct {
	Format, URL string
}

// catalogueDataset is one data set on the page.
type catalogueDataset struct {
	Name, Title, Description string
	Columns                  []catalogueColumn
	Links                    []catalogueLink
	Spatial                  bool
}

// cataloguePage feeds opendata_catalogue.html.
type cataloguePage struct {
	Publisher *od.Publisher
	Licence   od.Licence
	Default   od.Licence
	Datasets  []catalogueDataset
	Region    string
	RegionURL string
	// Search is the name typed to find an organisation's data, Found
	// the organisations it finds.
	Search string
	Found  []*od.Publisher
	// Published are the datasets organisations published (a page of
	// them, from ?dari=); More is the next page's address, "" at the end.
	Published []*dataset.Dataset
	More      string
}

// foundMax is how many organisations a name search lists.
const foundMax = 20

// publishedPage is how many published datasets the catalogue lists a page.
const publishedPage = 30

// datasetURL is the download address of a data set, for one organisation
// or all (p nil).
func datasetURL(ds *od.Dataset, f od.Format, p *od.Publisher) string {
	u := "/data/" + ds.Name + "." + f.Ext
	if p != nil {
		u += "?organisasi=" + url.QueryEscape(p.Slug)
	}
	return u
}

// catalogue lists the data sets with their dictionaries, licence and
// downloads; ?organisasi= narrows them to one organisation.
func (h *handlers) catalogue(w http.ResponseWriter, r *http.Request) {
	p, ok := h.publisher(w, r)
	if !ok {
		return
	}
	lang := h.site.Lang(r)
	def, _ := od.LicenceByID(od.DefaultLicence)
	page := cataloguePage{Publisher: p, Licence: def, Default: def, Region: od.RegionAttribution.In(lang),
		RegionURL: od.RegionLicenceURL}
	if p != nil {
		page.Licence, _ = od.LicenceByID(p.Licence)
	}
	if q := strings.TrimSpace(strings.ToValidUTF8(r.URL.Query().Get("cari"), "")); q != "" {
		if len(q) > 100 {
			q = strings.ToValidUTF8(q[:100], "")
		}
		found, _, err := h.Data.Publishers(r.Context(), q, 0, foundMax)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		page.Search, page.Found = q, found
	}
	for _, ds := range od.Datasets {
		c := catalogueDataset{Name: ds.Name, Title: text(lang, ds.Title), Description: text(lang, ds.Description), Spatial: ds.Spatial}
		for _, col := range ds.Columns {
			c.Columns = append(c.Columns, catalogueColumn{Name: col.Name, Type: string(col.Type), Unit: col.Unit, Meaning: text(lang, col.Meaning)})
		}
		for _, f := range od.Formats {
			c.Links = append(c.Links, catalogueLink{Format: f.Name, URL: datasetURL(ds, f, p)})
		}
		page.Datasets = append(page.Datasets, c)
	}
	filter := dataset.Filter{OrgID: orgID(p), Cursor: r.URL.Query().Get("dari"), Limit: publishedPage}
	list, next, err := h.Datasets.Published(r.Context(), filter)
	if errors.Is(err, dataset.ErrBadCursor) {
		h.site.NotFound(w, r)
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	page.Published = list
	if next != "" {
		q := url.Values{"dari": {next}}
		if p != nil {
			q.Set("organisasi", p.Slug)
		}
		page.More = "/data?" + q.Encode() + "#terbitan"
	}
	title := i18n.T(lang, "opendata.title")
	if p != nil {
		title = i18n.T(lang, "opendata.org_title", p.Name)
	}
	h.site.Render(w, r, kit.Page{Name: "opendata_catalogue", Title: title, Data: page})
}
