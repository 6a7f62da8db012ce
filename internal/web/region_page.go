package web

import (
	"net/http"

	"lokadaya/internal/region"
)

// regionPageData feeds region.html. Features that report on a region
// (organisations, initiatives, support mobilised) add their fields here.
type regionPageData struct {
	Region   region.Region
	Parents  []region.Region // province first, without Region itself
	Children []region.Region
	Zone     string // WIB, WITA or WIT
}

// regionPage is GET /wilayah/{code}: a region with where it lies and what
// lies in it.
func (s *Server) regionPage(w http.ResponseWriter, r *http.Request) {
	chain, err := s.regions.Ancestors(r.Context(), r.PathValue("code"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	reg := chain[len(chain)-1]
	children, err := s.regions.Children(r.Context(), reg.Code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := &regionPageData{Region: reg, Parents: chain[:len(chain)-1], Children: children,
		Zone: region.Zone(reg.Code).String()}
	s.render(w, r, http.StatusOK, "region", s.view(r, reg.Name, data))
}
