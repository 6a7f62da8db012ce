package voice

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/charter"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// charterPage is a service point's charter as its organisation's people
// see it: the newest version, the one the public sees, and every version.
type charterPage struct {
	*workspace
	Point   *service.Point
	Latest  *charter.Charter // nil before the first version
	Public  *charter.Charter // the newest signed version, or nil
	History []*charter.Charter
}

// Shown is the version the page shows: the newest, or the one asked for.
func (p *charterPage) Shown() *charter.Charter { return p.Latest }

// PointURL is the point's charter page in the organisation's side.
func (p *charterPage) PointURL() string { return p.URL() + "/titik/" + p.Point.Code + "/maklumat" }

// ComplaintURL is the public complaint form for the point's initiative,
// which the charter's pledge links to.
func (p *charterPage) ComplaintURL() string {
	return complaintFormURL(p.Access.Org.Slug, p.Initiative.Slug)
}

// PublicURL is the point's public charter page.
func (p *charterPage) PublicURL() string { return publicCharterURL(p.Point.Code) }

func publicCharterURL(code string) string { return "/layanan/" + code + "/maklumat" }

// openCharterPoint opens the workspace for a caller allowed by may and the
// point {code} of its initiative.
func (h *handlers) openCharterPoint(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*charterPage, bool) {
	ws, pt, ok := h.openPointFor(w, r, may)
	if !ok {
		return nil, false
	}
	return &charterPage{workspace: ws, Point: pt}, true
}

// charterShow is a point's charter with its history. Members, hub
// coordinators and platform admins read it.
func (h *handlers) charterShow(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openCharterPoint(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	var err error
	if p.History, err = h.Charters.History(r.Context(), p.Point.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, c := range p.History {
		if p.Latest == nil {
			p.Latest = c
		}
		if p.Public == nil && c.Signed() {
			p.Public = c
		}
	}
	h.site.Render(w, r, kit.Page{Name: "voice_charter", Title: h.t(r, "charter.title_of", p.Point.Name), Data: p})
}

// charterVersion shows one version, as it was saved.
func (h *handlers) charterVersion(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openCharterPoint(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n <= 0 {
		h.site.NotFound(w, r)
		return
	}
	if p.Latest, err = h.Charters.Version(r.Context(), p.Point.ID, n); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_charter_version", Title: h.t(r, "charter.version_title", p.Point.Name, n), Data: p})
}

// charterEdit is the form of the next version, filled in with the newest.
func (h *handlers) charterEdit(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openCharterPoint(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	latest, err := h.Charters.Latest(r.Context(), p.Point.ID)
	form := url.Values{"cost_kind": {charter.CostFree}}
	switch {
	case err == nil:
		form = latest.Form()
	case !errors.Is(err, db.ErrNotFound):
		h.site.ServerError(w, r, err)
		return
	}
	h.renderCharterForm(w, r, http.StatusOK, p, form, nil)
}

// charterSave stores the form as the point's next version.
func (h *handlers) charterSave(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openCharterPoint(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	a := p.Access
	id, name := a.Actor()
	_, err := h.Charters.Save(r.Context(), charter.Actor{ID: id, Name: name}, p.Point, region.Zone(a.Org.RegionCode),
		charter.FromForm(r.PostForm))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderCharterForm(w, r, http.StatusUnprocessableEntity, p, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "charter.flash.saved")
		kit.Redirect(w, r, p.PointURL())
	}
}

func (h *handlers) renderCharterForm(w http.ResponseWriter, r *http.Request, status int, p *charterPage,
	form url.Values, errs validate.Errors) {
	h.site.Render(w, r, kit.Page{Name: "voice_charter_form", Title: h.t(r, "charter.edit", p.Point.Name), Data: p,
		Status: status, Form: form, Errors: errs})
}

// charterRoutes registers the service charter's pages: the organisation's
// side under the point, the public page and poster under /layanan/{code}.
func charterRoutes(mux kit.Router, h *handlers) {
	point := "/organisasi/{slug}/layanan/{islug}/titik/{code}/maklumat"
	mux.HandleFunc("GET "+point, h.charterShow)
	mux.HandleFunc("GET "+point+"/ubah", h.charterEdit)
	mux.HandleFunc("POST "+point+"/ubah", h.charterSave)
	mux.HandleFunc("GET "+point+"/versi/{n}", h.charterVersion)
	mux.HandleFunc("GET /layanan/{code}/maklumat", h.charterPublic)
	mux.HandleFunc("GET /layanan/{code}/maklumat.pdf", h.charterPoster)
	mux.HandleFunc("GET /layanan/{code}/maklumat/qr.png", h.charterQR)
	mux.HandleFunc("GET /api/v1/service-points/{code}/charter", h.apiCharter)
}
