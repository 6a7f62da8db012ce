package learning

import (
	"net/http"
	"strconv"

	"lokadaya/internal/cadre"
	"lokadaya/internal/web/kit"
)

// cadreRoutes registers the pages of the cadre register. The register is
// personal data: only the organisation's people read it (never the
// public, never the API), its writers change, export and erase it.
func (h *handlers) cadreRoutes(mux kit.Router) {
	mux.HandleFunc("GET /organisasi/{slug}/kader", h.cadreList)
	mux.HandleFunc("GET /organisasi/{slug}/kader.csv", h.cadreRegisterExport)
	mux.HandleFunc("GET /organisasi/{slug}/kader.xlsx", h.cadreRegisterExport)
	mux.HandleFunc("GET /organisasi/{slug}/kader/baru", h.cadreNew)
	mux.HandleFunc("POST /organisasi/{slug}/kader/baru", h.cadreCreate)
	mux.HandleFunc("GET /organisasi/{slug}/kader/{id}", h.cadreDetail)
	mux.HandleFunc("GET /organisasi/{slug}/kader/{id}/ubah", h.cadreEdit)
	mux.HandleFunc("POST /organisasi/{slug}/kader/{id}/ubah", h.cadreUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/kader/{id}/pelatihan", h.cadreTrainingCreate)
	mux.HandleFunc("POST /organisasi/{slug}/kader/{id}/kegiatan", h.cadreActivityCreate)
	mux.HandleFunc("POST /organisasi/{slug}/kader/{id}/{kind}/{item}/hapus", h.cadreItemDelete)
	mux.HandleFunc("GET /organisasi/{slug}/kader/{id}/data.json", h.cadreExport)
	mux.HandleFunc("GET /organisasi/{slug}/kader/{id}/hapus", h.cadreEraseConfirm)
	mux.HandleFunc("POST /organisasi/{slug}/kader/{id}/hapus", h.cadreErase)
}

// cadreListPage is the register with its counts by area and level.
type cadreListPage struct {
	Access  *kit.Access
	Base    string
	Cadres  []*cadre.Cadre
	Counts  []cadre.AreaCount
	Levels  []string
	Regions map[string]string
}

func (h *handlers) cadreList(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.Cadres.List(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &cadreListPage{Access: a, Base: "/organisasi/" + a.Org.Slug, Cadres: list, Counts: cadre.CountByArea(list),
		Levels: cadre.Levels, Regions: map[string]string{}}
	codes := []string{}
	for _, c := range list {
		codes = append(codes, c.RegionCode)
	}
	for _, row := range p.Counts {
		codes = append(codes, row.Code)
	}
	if err := h.cadreRegionNames(r, p.Regions, codes); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_cadre_list", Title: h.t(r, "cadre.title_of", a.Org.Name), Data: p})
}

// cadreRegionNames adds the short names of codes to names.
func (h *handlers) cadreRegionNames(r *http.Request, names map[string]string, codes []string) error {
	for _, code := range codes {
		if code == "" || names[code] != "" {
			continue
		}
		reg, err := h.Regions.Get(r.Context(), code)
		if err != nil {
			return err
		}
		names[code] = reg.ShortName()
	}
	return nil
}

// cadreLevels is the number of active cadres of the organisation by
// level: the one figure of the register public pages may show.
func (h *handlers) cadreLevels(r *http.Request, orgID int64) (map[string]int, []string, error) {
	list, err := h.Cadres.List(r.Context(), orgID)
	if err != nil {
		return nil, nil, err
	}
	return cadre.CountByLevel(list), cadre.Levels, nil
}

// openCadre loads the organisation for a caller allowed by may and its
// cadre {id}; a cadre of another organisation is 404.
func (h *handlers) openCadre(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*kit.Access, *cadre.Cadre, bool) {
	a, ok := h.site.Org(w, r, may)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	c, err := h.Cadres.Get(r.Context(), a.Org.ID, id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	return a, c, true
}

func cadreURL(a *kit.Access, c *cadre.Cadre) string {
	return "/organisasi/" + a.Org.Slug + "/kader/" + strconv.FormatInt(c.ID, 10)
}

// cadreActor is who acts, for the audit log.
func cadreActor(a *kit.Access) cadre.Actor {
	id, name := a.Actor()
	return cadre.Actor{ID: id, Name: name}
}
