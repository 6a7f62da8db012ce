package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/web/explore"
)

// regionSearchData feeds region_search.html.
type regionSearchData struct {
	Query     string
	Searched  bool // a valid query was run
	TooShort  bool // a query was given but is unusable
	Hits      []region.Hit
	More      bool // the results were cut at the limit
	Provinces []region.Region
}

// regionSearchLimit is how many hits the page shows.
const regionSearchLimit = 30

// regionSearch is GET /wilayah: a search by name (?q=) or, without a
// query, the country's page (explore.Country): its figures and those of
// each province.
func (s *Server) regionSearch(w http.ResponseWriter, r *http.Request) {
	data := &regionSearchData{Query: r.URL.Query().Get("q")}
	if !r.URL.Query().Has("q") {
		explore.Country(areaSite{s}, s.exploreStores())(w, r)
		return
	}
	if data.Query != "" {
		// Ask for one more than shown, to know whether the list was cut.
		hits, err := s.regions.Search(r.Context(), data.Query, regionSearchLimit+1)
		switch {
		case errors.Is(err, region.ErrInvalid):
			data.TooShort = true
		case err != nil:
			s.serverError(w, r, err)
			return
		default:
			data.Searched = true
			data.More = len(hits) > regionSearchLimit
			data.Hits = hits[:min(len(hits), regionSearchLimit)]
		}
	}
	if !data.Searched {
		provinces, err := s.regions.Children(r.Context(), "")
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		data.Provinces = provinces
	}
	s.render(w, r, http.StatusOK, "region_search", s.view(r, i18n.T(lang(r), "region.search.title"), data))
}
