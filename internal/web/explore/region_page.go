package explore

import (
	"lokadaya/internal/proposal"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"lokadaya/internal/campaign"
	"lokadaya/internal/figures"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// regionCampaigns is how many running campaigns a region page shows.
const regionCampaigns = 6

// regionPage feeds explore_region.html.
type regionPage struct {
	Region   region.Region
	Parents  []region.Region // province first, without Region itself
	Zone     string          // WIB, WITA or WIT
	Figures  figures.Figures
	Hubs     []*hub.Hub
	Cards    []campaign.Card // running campaigns of the region
	More     bool            // more campaigns than Cards
	Children []figures.Figures
	Sort     string // the children table's column (see childColumns)
	Desc     bool
	// Adopted are the region's proposals OMS took up, newest first.
	Adopted []proposal.Adoption
}

// childColumns are the children table's sortable columns, by the key
// ?urut= takes, with the figure each sorts by.
var childColumns = map[string]func(f figures.Figures) int64{
	"oms":        func(f figures.Figures) int64 { return f.Organizations },
	"inisiatif":  func(f figures.Figures) int64 { return f.Initiatives },
	"kampanye":   func(f figures.Figures) int64 { return f.Campaigns },
	"dana":       func(f figures.Figures) int64 { return f.MoneyConfirmed },
	"barang":     func(f figures.Figures) int64 { return f.GoodsReceived },
	"jam":        func(f figures.Figures) int64 { return f.VolunteerMinutes },
	"tawaran":    func(f figures.Figures) int64 { return f.OffersAgreed },
	"terjangkau": func(f figures.Figures) int64 { return f.PeopleReached },
	"pengaduan": func(f figures.Figures) int64 {
		if p, ok := f.OnTimePermille(); ok {
			return p
		}
		return -1 // no complaint decided sorts below 0 %
	},
}

// Columns are the figure columns of the children table, in order.
func (p *regionPage) Columns() []string {
	return []string{"oms", "inisiatif", "kampanye", "dana", "barang", "jam", "tawaran", "terjangkau", "pengaduan"}
}

// SortURL is the address that sorts the children table by col: first
// descending (the most first), again for ascending; "nama" sorts by name.
func (p *regionPage) SortURL(col string) string {
	q := url.Values{}
	q.Set("urut", col)
	if col == p.Sort && p.Desc == (col != "nama") {
		q.Set("arah", map[bool]string{true: "naik", false: "turun"}[col != "nama"])
	}
	return p.pagePath() + "?" + q.Encode() + "#wilayah-di-dalamnya"
}

// Country reports whether the page is the whole country's (/wilayah).
func (p *regionPage) Country() bool { return p.Region.Code == "" }

func (p *regionPage) pagePath() string {
	if p.Country() {
		return "/wilayah"
	}
	return "/wilayah/" + p.Region.Code
}

// ListURL is the address of the list behind a figure: path narrowed to
// the region (nothing for the country), then the other filters, query.
func (p *regionPage) ListURL(path, query string) string {
	if !p.Country() {
		query = strings.TrimSuffix("wilayah="+url.QueryEscape(p.Region.Code)+"&"+query, "&")
	}
	if query == "" {
		return path
	}
	return path + "?" + query
}

// FigureURL is the list behind a figure of what campaigns gathered
// (money, goods, time, offers): every campaign with a need of kind, the
// ended ones too, of the OMS based in the region, as the figure counts.
func (p *regionPage) FigureURL(kind string) string {
	q := "jenis=" + url.QueryEscape(kind) + "&tampil=semua"
	if !p.Country() {
		q = "asal=oms&" + q
	}
	return p.ListURL("/galang-daya", q)
}

// CampaignsURL is the list behind the running-campaigns figure: the
// campaigns of the OMS based in the region (asal=oms), as the figure
// counts them, rather than every campaign serving the region.
func (p *regionPage) CampaignsURL() string {
	if p.Country() {
		return "/galang-daya"
	}
	return p.ListURL("/galang-daya", "asal=oms")
}

// AriaSort is the aria-sort value of a column header.
func (p *regionPage) AriaSort(col string) string {
	if col != p.Sort {
		return "none"
	}
	if p.Desc {
		return "descending"
	}
	return "ascending"
}

// sortChildren orders the table by ?urut= and ?arah=.
func (p *regionPage) sortChildren(q url.Values) {
	p.Sort, p.Desc = "nama", false
	key, ok := childColumns[q.Get("urut")]
	if ok {
		p.Sort, p.Desc = q.Get("urut"), q.Get("arah") != "naik"
	} else if q.Get("urut") == "nama" && q.Get("arah") == "turun" {
		p.Desc = true
	}
	slices.SortStableFunc(p.Children, func(a, b figures.Figures) int {
		c := strings.Compare(a.Name, b.Name)
		if key != nil {
			c = compare(key(a), key(b))
		}
		if p.Desc {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(a.Name, b.Name)
		}
		return c
	})
}

func compare(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// region is GET /wilayah/{code}: where a region lies, what happens there,
// its running campaigns and the same figures for each region within it.
func (h *handlers) region(w http.ResponseWriter, r *http.Request) {
	chain, err := h.Regions.Ancestors(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	reg := chain[len(chain)-1]
	p := &regionPage{Region: reg, Parents: chain[:len(chain)-1], Zone: region.Zone(reg.Code).String()}
	if p.Hubs, err = h.Hubs.HubsCovering(r.Context(), reg.Code); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if p.Adopted, err = h.Proposals.AdoptionsIn(r.Context(), reg.Code, regionCampaigns); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.renderRegion(w, r, p)
}

// Country serves the country's page, GET /wilayah without a search: the
// figures of Indonesia, its running campaigns and the same figures for
// each province.
func Country(site kit.Site, stores Stores) http.HandlerFunc {
	h := &handlers{site: site, Stores: stores}
	return func(w http.ResponseWriter, r *http.Request) {
		name := i18n.T(site.Lang(r), "region.page.indonesia")
		h.renderRegion(w, r, &regionPage{Region: region.Region{Name: name}})
	}
}

// renderRegion reads the figures, campaigns and children of p's region
// and renders its page.
func (h *handlers) renderRegion(w http.ResponseWriter, r *http.Request, p *regionPage) {
	ctx := r.Context()
	code := p.Region.Code
	var err error
	if p.Figures, err = h.Figures.Region(ctx, code); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	var next int64
	if p.Cards, next, err = h.Campaigns.CardList(ctx, campaign.ListOptions{PublicOnly: true, Status: campaign.StatusActive,
		Region: code, Limit: regionCampaigns}); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p.More = next != 0
	if p.Children, err = h.Figures.Children(ctx, code); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p.sortChildren(r.URL.Query())
	h.site.Render(w, r, kit.Page{Name: "explore_region", Title: p.Region.Name, Data: p})
}
