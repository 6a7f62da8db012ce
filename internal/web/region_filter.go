package web

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// regionFilterChoices is how many regions a name offers to choose from.
const regionFilterChoices = 10

// regionFilter is the region filter of a public list (campaigns,
// initiatives): a region at any level chosen by name — typed, then picked
// among the regions of that name when there are several — or the region
// already chosen with the address of the list without it.
type regionFilter struct {
	Lang    i18n.Lang
	Region  *region.Region
	Query   string       // the name typed, when no region is chosen yet
	Choices []region.Hit // regions of that name to pick from
	Problem string       // i18n key of why the name found nothing
	AllURL  string
	path    string
	keep    url.Values
}

// T translates for the region-filter template.
func (f *regionFilter) T(key string, args ...any) string { return i18n.T(f.Lang, key, args...) }

// ChoiceURL is the list filtered by one of the choices.
func (f *regionFilter) ChoiceURL(code string) string {
	q := url.Values{}
	for k, v := range f.keep {
		q[k] = v
	}
	q.Set("wilayah", code)
	return f.path + "?" + q.Encode()
}

// regionFilterFor reads ?wilayah=, a region code or a name, and prepares
// the filter: a code or a name only one region bears chooses it; a name
// several bear lists them to choose from. keep are the other filters,
// kept by the links.
func (s *Server) regionFilterFor(r *http.Request, path string, keep url.Values) (*regionFilter, error) {
	f := &regionFilter{Lang: lang(r), AllURL: path, path: path, keep: keep}
	if len(keep) > 0 {
		f.AllURL += "?" + keep.Encode()
	}
	typed := r.URL.Query().Get("wilayah")
	if code, ok := region.ParseCode(typed); ok {
		if reg, err := s.regions.Get(r.Context(), code); err == nil {
			f.Region = &reg
			return f, nil
		}
	}
	if typed == "" {
		return f, nil
	}
	f.Query = typed
	hits, err := s.regions.Search(r.Context(), typed, regionFilterChoices)
	switch {
	case errors.Is(err, region.ErrInvalid):
		f.Problem = "region.filter.too_short"
		return f, nil
	case err != nil:
		return nil, err
	case len(hits) == 0:
		f.Problem = "region.filter.none"
	case len(hits) == 1:
		f.Region, f.Query = &hits[0].Region, ""
	default:
		f.Choices = hits
	}
	return f, nil
}
