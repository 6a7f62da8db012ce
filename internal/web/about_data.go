package web

import (
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// aboutDataRow is one line of the counts table.
type aboutDataRow struct {
	Label string // i18n key
	Count int
	Sub   bool // a breakdown of the row above
}

// aboutDataData feeds about_data.html.
type aboutDataData struct {
	Rows []aboutDataRow
}

// aboutData is GET /tentang-data: where the region data comes from, its
// licence, how many regions of each level the database holds, and
// Lokadaya's open-data note. The counts are read, not written down, so the
// page stays true after a new edition is loaded.
func (s *Server) aboutData(w http.ResponseWriter, r *http.Request) {
	counts, err := s.regions.CountByLevel(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := &aboutDataData{Rows: []aboutDataRow{
		{"region.level.provinsi", counts[region.Provinsi], false},
		{"region.about.kabkota", counts[region.Kabupaten] + counts[region.Kota], false},
		{"region.level.kabupaten", counts[region.Kabupaten], true},
		{"region.level.kota", counts[region.Kota], true},
		{"region.level.kecamatan", counts[region.Kecamatan], false},
		{"region.about.desakel", counts[region.Desa] + counts[region.Kelurahan], false},
		{"region.level.desa", counts[region.Desa], true},
		{"region.level.kelurahan", counts[region.Kelurahan], true},
	}}
	s.render(w, r, http.StatusOK, "about_data", s.view(r, i18n.T(lang(r), "region.about.title"), data))
}
