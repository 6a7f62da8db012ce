package learning

import (
	"net/http"
	"strconv"

	"lokadaya/internal/indicator"
	"lokadaya/internal/initiative"
	"lokadaya/internal/web/kit"
)

// indicatorRoutes registers the pages and API of the indicators.
func (h *handlers) indicatorRoutes(mux kit.Router) {
	mux.HandleFunc("GET /organisasi/{slug}/indikator", h.indicatorOrg)
	mux.HandleFunc("GET /organisasi/{slug}/indikator/{islug}", h.indicatorList)
	mux.HandleFunc("GET /organisasi/{slug}/indikator/{islug}/baru", h.indicatorNew)
	mux.HandleFunc("POST /organisasi/{slug}/indikator/{islug}/baru", h.indicatorCreate)
	mux.HandleFunc("GET /organisasi/{slug}/indikator/{islug}/butir/{id}/ubah", h.indicatorEdit)
	mux.HandleFunc("POST /organisasi/{slug}/indikator/{islug}/butir/{id}/ubah", h.indicatorUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/indikator/{islug}/butir/{id}/hapus", h.indicatorDelete)
	mux.HandleFunc("GET /organisasi/{slug}/indikator/{islug}/butir/{id}/capaian", h.actualNew)
	mux.HandleFunc("POST /organisasi/{slug}/indikator/{islug}/butir/{id}/capaian", h.actualCreate)
	mux.HandleFunc("GET /organisasi/{slug}/indikator/{islug}/capaian/{id}", h.actualEdit)
	mux.HandleFunc("POST /organisasi/{slug}/indikator/{islug}/capaian/{id}", h.actualUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/indikator/{islug}/capaian/{id}/hapus", h.actualDelete)
	mux.HandleFunc("GET /inisiatif/{slug}/hasil", h.resultsInitiative)
	mux.HandleFunc("GET /organisasi/{slug}/hasil", h.resultsOrg)
	mux.HandleFunc("GET /inisiatif/{slug}/hasil.csv", h.resultsExport)
	mux.HandleFunc("GET /inisiatif/{slug}/hasil.xlsx", h.resultsExport)
	mux.HandleFunc("GET /api/v1/initiatives/{slug}/indicators", h.indicatorsAPI)
}

// indicatorOrgPage lists the organisation's initiatives with their
// indicators, for its people.
type indicatorOrgPage struct {
	Access      *kit.Access
	Base        string
	Initiatives []*initiativeResults
}

func (h *handlers) indicatorOrg(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	inits, _, err := h.Initiatives.List(r.Context(), initiative.ListOptions{OrgID: a.Org.ID})
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	list, err := h.Indicators.ForOrg(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_indicator_org", Title: h.t(r, "indicator.title_of", a.Org.Name),
		Data: indicatorOrgPage{Access: a, Base: "/organisasi/" + a.Org.Slug,
			Initiatives: groupByInitiative(h.site.Lang(r), inits, list, true)}})
}

// indicatorWorkspace is an initiative of the organisation opened by its
// people.
type indicatorWorkspace struct {
	Access     *kit.Access
	Initiative *initiative.Initiative
}

// URL is the initiative's indicator page.
func (ws *indicatorWorkspace) URL() string {
	return "/organisasi/" + ws.Access.Org.Slug + "/indikator/" + ws.Initiative.Slug
}

// open loads the organisation {slug} for a caller allowed by may and its
// initiative {islug}; another organisation's initiative is 404.
func (h *handlers) open(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*indicatorWorkspace, bool) {
	a, i, ok := kit.OrgInitiative(h.site, h.Initiatives, w, r, may)
	if !ok {
		return nil, false
	}
	return &indicatorWorkspace{Access: a, Initiative: i}, true
}

// openIndicator opens the workspace and its indicator {id}.
func (h *handlers) openIndicator(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*indicatorWorkspace, *indicator.Indicator, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return h.openIndicatorID(w, r, may, id)
}

// openIndicatorID opens the workspace and its indicator id; another
// initiative's is 404.
func (h *handlers) openIndicatorID(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool, id int64) (*indicatorWorkspace, *indicator.Indicator, bool) {
	ws, ok := h.open(w, r, may)
	if !ok {
		return nil, nil, false
	}
	ind, err := h.Indicators.ByID(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	if ind.InitiativeID != ws.Initiative.ID {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return ws, ind, true
}

// indicatorListPage is an initiative's indicators with their actuals.
type indicatorListPage struct {
	*indicatorWorkspace
	Indicators []*indicatorView
}

func (h *handlers) indicatorList(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.open(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.Indicators.ForInitiative(r.Context(), ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &indicatorListPage{indicatorWorkspace: ws}
	for _, ind := range list {
		p.Indicators = append(p.Indicators, newIndicatorView(h.site.Lang(r), ind))
	}
	h.site.Render(w, r, kit.Page{Name: "learning_indicator_list", Title: h.t(r, "indicator.list_of", ws.Initiative.Name), Data: p})
}

// indicatorActor is who acts, for the audit log.
func indicatorActor(a *kit.Access) indicator.Actor {
	id, name := a.Actor()
	return indicator.Actor{ID: id, Name: name}
}
