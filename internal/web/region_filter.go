package web

import (
	"net/http"
	"net/url"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// regionFilter is the region filter of a public list (campaigns,
// initiatives): a province chosen by name, or the region already chosen
// with the address of the list without it.
type regionFilter struct {
	Lang      i18n.Lang
	Region    *region.Region
	Provinces []region.Region
	AllURL    string
}

// T translates for the region-filter template.
func (f *regionFilter) T(key string, args ...any) string { return i18n.T(f.Lang, key, args...) }

// regionFilterFor reads ?wilayah= (a region code; unknown ones are
// ignored) and prepares the filter. keep are the other filters, kept by
// the link back to every region.
func (s *Server) regionFilterFor(r *http.Request, path string, keep url.Values) (*regionFilter, error) {
	f := &regionFilter{Lang: lang(r), AllURL: path}
	if len(keep) > 0 {
		f.AllURL += "?" + keep.Encode()
	}
	if code, ok := region.ParseCode(r.URL.Query().Get("wilayah")); ok {
		if reg, err := s.regions.Get(r.Context(), code); err == nil {
			f.Region = &reg
			return f, nil
		}
	}
	var err error
	f.Provinces, err = s.regions.Children(r.Context(), "")
	return f, err
}
