package explore

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/search"
	"lokadaya/internal/web/kit"
)

// The query parameters of /cari and /api/v1/search.
const (
	paramQuery  = "q"
	paramType   = "type"
	paramRegion = "wilayah"
	paramIssue  = "issue"
	paramKind   = "kind"
	paramScheme = "scheme"
	paramStatus = "status"
	paramSort   = "sort"
	paramCursor = "cursor"
	paramLimit  = "limit"
)

// regionChoice is what a typed region resolved to: one region, several
// to choose from (the page lists them), or none.
type regionChoice struct {
	Region     *region.Region
	Label      string // with its parents, for the page
	Candidates []region.Hit
	ErrKey     string // i18n key when the text names no region
}

// maxRegionChoices is how many regions a page offers for an ambiguous name.
const maxRegionChoices = 8

// resolveRegion turns ?wilayah= into a region: a code as is, a name by the
// region search. A name several regions carry exactly ("bandung": Kota and
// Kabupaten Bandung) leaves the choice to the user; otherwise the best
// match is taken.
func (h *handlers) resolveRegion(ctx context.Context, text string) (regionChoice, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return regionChoice{}, nil
	}
	if code, ok := region.ParseCode(text); ok {
		reg, err := h.Regions.Get(ctx, code)
		if err != nil {
			return regionChoice{ErrKey: "search.err.region_unknown"}, nil
		}
		hits, err := h.Regions.Search(ctx, reg.Name, region.MaxResults)
		label := reg.Name
		if err == nil {
			for _, hit := range hits {
				if hit.Code == reg.Code {
					label = hit.Label()
				}
			}
		}
		return regionChoice{Region: &reg, Label: label}, nil
	}
	hits, err := h.Regions.Search(ctx, text, maxRegionChoices+1)
	switch {
	case errors.Is(err, region.ErrInvalid):
		return regionChoice{ErrKey: "search.err.region_unknown"}, nil
	case err != nil:
		return regionChoice{}, err
	case len(hits) == 0:
		return regionChoice{ErrKey: "search.err.region_unknown"}, nil
	}
	q, _ := region.NormalizeQuery(text)
	var exact []region.Hit
	for _, hit := range hits {
		n := strings.ToLower(hit.Name)
		if n == q || n == "kabupaten "+q || n == "kota "+q {
			exact = append(exact, hit)
		}
	}
	if len(exact) == 1 || (len(exact) == 0 && len(hits) == 1) {
		best := hits[0]
		if len(exact) == 1 {
			best = exact[0]
		}
		return regionChoice{Region: &best.Region, Label: best.Label()}, nil
	}
	if len(exact) > 1 {
		hits = exact
	}
	return regionChoice{Candidates: hits[:min(len(hits), maxRegionChoices)]}, nil
}

// searchForm is what /cari and the API read from the query string.
type searchForm struct {
	Params  search.Params
	Wilayah string // as typed
}

func readSearchForm(q url.Values) searchForm {
	get := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	limit, _ := strconv.Atoi(get(paramLimit))
	return searchForm{Wilayah: q.Get(paramRegion), Params: search.Params{
		Query: q.Get(paramQuery), Type: get(paramType), Issue: get(paramIssue), Kind: get(paramKind),
		Scheme: get(paramScheme), Status: get(paramStatus), Sort: get(paramSort), Cursor: get(paramCursor),
		Limit: min(max(limit, 0), search.MaxLimit)}}
}

// searchPage is the data of explore_search.html.
type searchPage struct {
	Form     searchForm
	Region   regionChoice
	Result   *search.Result
	Cards    map[string]*campaign.Card // the campaign hits' cards, by slug
	ErrorKey string                    // i18n key of what is wrong with the input
	NextURL  string
	// The choices offered.
	Types, Issues, Kinds, Schemes, Sorts, Statuses []string
}

// Browsing reports whether no words were searched.
func (p *searchPage) Browsing() bool { return p.Result != nil && len(p.Result.Terms) == 0 }

// Filtered reports whether a filter other than the words is set, so the
// page opens its filter box.
func (p *searchPage) Filtered() bool {
	f := p.Form.Params
	return p.Form.Wilayah != "" || f.Type != "" || f.Issue != "" || f.Kind != "" || f.Scheme != "" || f.Status != "" || f.Sort != ""
}

// search is the search page: GET /cari.
func (h *handlers) search(w http.ResponseWriter, r *http.Request) {
	lang := h.site.Lang(r)
	form := readSearchForm(r.URL.Query())
	p := &searchPage{Form: form, Types: h.Search.Types(), Issues: org.FocusIssues, Kinds: campaign.Kinds,
		Schemes: campaign.Schemes(), Sorts: search.Sorts, Statuses: []string{search.StatusActive, search.StatusEnded}}
	status := http.StatusOK
	res, choice, errKey, err := h.run(r, form)
	switch {
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	case errKey != "":
		p.ErrorKey, status = errKey, http.StatusBadRequest
	}
	p.Region, p.Result = choice, res
	if res != nil {
		if p.Cards, err = h.cards(r.Context(), res.Hits); err != nil {
			h.site.ServerError(w, r, err)
			return
		}
	}
	if res != nil && res.Next != "" {
		next := r.URL.Query()
		next.Set(paramCursor, res.Next)
		p.NextURL = "/cari?" + next.Encode()
	}
	title := i18n.T(lang, "search.title")
	if t := strings.TrimSpace(form.Params.Query); t != "" && errKey == "" {
		title = i18n.T(lang, "search.title_for", t)
	}
	h.site.Render(w, r, kit.Page{Name: "explore_search", Title: title, Data: p, Status: status})
}

// run resolves the region and searches. errKey names bad input; err is
// a server failure.
func (h *handlers) run(r *http.Request, form searchForm) (*search.Result, regionChoice, string, error) {
	ctx := r.Context()
	if err := h.Search.Ready(ctx); err != nil {
		return nil, regionChoice{}, "", err
	}
	if len(form.Wilayah) > region.MaxQueryLen*2 {
		return nil, regionChoice{}, "search.err.region_unknown", nil
	}
	choice, err := h.resolveRegion(ctx, form.Wilayah)
	if err != nil {
		return nil, choice, "", err
	}
	if choice.ErrKey != "" {
		return nil, choice, choice.ErrKey, nil
	}
	params := form.Params
	if choice.Region != nil {
		params.Region = choice.Region.Code
	}
	if params.Type != "" && !slices.Contains(h.Search.Types(), params.Type) {
		return nil, choice, search.ErrBadFilter.Key, nil
	}
	res, err := h.Search.Search(ctx, params)
	var ie *search.InputError
	if errors.As(err, &ie) {
		return nil, choice, ie.Key, nil
	}
	return res, choice, "", err
}

// WithRegion is this search's address with ?wilayah= set to code (none
// when ""), from the first page.
func (p *searchPage) WithRegion(code string) string {
	q := url.Values{}
	f := p.Form.Params
	for k, v := range map[string]string{paramQuery: f.Query, paramType: f.Type, paramIssue: f.Issue, paramKind: f.Kind,
		paramScheme: f.Scheme, paramStatus: f.Status, paramSort: f.Sort, paramRegion: code} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return "/cari"
	}
	return "/cari?" + q.Encode()
}

// cards loads the shared campaign cards of a page's campaign hits, so
// they look as they do everywhere else. A campaign gone since the index
// was read is left out (its hit shows as a plain line).
func (h *handlers) cards(ctx context.Context, hits []search.Hit) (map[string]*campaign.Card, error) {
	var list []*campaign.Campaign
	for _, hit := range hits {
		if hit.Type != search.TypeCampaign {
			continue
		}
		c, err := h.Campaigns.ByID(ctx, hit.ID)
		if errors.Is(err, db.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	cards, err := h.Campaigns.Cards(ctx, list)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*campaign.Card, len(cards))
	for i := range cards {
		out[cards[i].Slug] = &cards[i]
	}
	return out, nil
}
