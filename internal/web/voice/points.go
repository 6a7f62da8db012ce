package voice

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// servicePage is an initiative's service points and records.
type servicePage struct {
	*workspace
	Points  []*service.Point
	Regions map[string]string // region names by code
	Records []service.RecordLine
	Reach   service.Counts // all time
}

// initiativeService shows an initiative's service points and records to
// the organisation's people.
func (h *handlers) initiativeService(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	ctx := r.Context()
	points, err := h.Service.Points(ctx, ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &servicePage{workspace: ws, Points: points, Regions: map[string]string{}}
	if p.Records, err = h.Service.Records(ctx, ws.Initiative.ID, 50); err == nil {
		p.Reach, err = h.Service.Reach(ctx, ws.Initiative.ID, service.Period{})
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, pt := range points {
		if p.Regions[pt.RegionCode], err = h.regionName(r, pt.RegionCode); err != nil {
			h.site.ServerError(w, r, err)
			return
		}
	}
	h.site.Render(w, r, kit.Page{Name: "voice_service", Title: h.t(r, "voice.service.title", ws.Initiative.Name), Data: p})
}

// regionName is a region's name with its parents' ("Desa X, Kec. Y, …").
func (h *handlers) regionName(r *http.Request, code string) (string, error) {
	list, err := h.Regions.Ancestors(r.Context(), code)
	if err != nil {
		return "", err
	}
	names := make([]string, 0, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		names = append(names, list[i].Name)
	}
	return strings.Join(names, ", "), nil
}

// pointFormPage is the form of a new or changed service point.
type pointFormPage struct {
	*workspace
	Point  *service.Point // nil for a new one
	Picker any
	Action string
}

func (h *handlers) pointNew(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderPointForm(w, r, http.StatusOK, ws, nil, url.Values{}, nil)
}

func (h *handlers) pointCreate(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderPointForm(w, r, http.StatusOK, ws, nil, r.PostForm, nil)
		return
	}
	_, err := h.Service.CreatePoint(r.Context(), actor(ws.Access), ws.Access.Org.ID, ws.Initiative.ID,
		service.PointFromForm(r.PostForm))
	h.afterPointSave(w, r, ws, nil, err)
}

func (h *handlers) pointEdit(w http.ResponseWriter, r *http.Request) {
	ws, pt, ok := h.openPoint(w, r)
	if !ok {
		return
	}
	h.renderPointForm(w, r, http.StatusOK, ws, pt, pt.Form(), nil)
}

func (h *handlers) pointUpdate(w http.ResponseWriter, r *http.Request) {
	ws, pt, ok := h.openPoint(w, r)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderPointForm(w, r, http.StatusOK, ws, pt, r.PostForm, nil)
		return
	}
	err := h.Service.UpdatePoint(r.Context(), actor(ws.Access), pt, service.PointFromForm(r.PostForm))
	h.afterPointSave(w, r, ws, pt, err)
}

// afterPointSave goes back to the service page, or shows the form again
// with what is wrong.
func (h *handlers) afterPointSave(w http.ResponseWriter, r *http.Request, ws *workspace, pt *service.Point, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderPointForm(w, r, http.StatusUnprocessableEntity, ws, pt, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "voice.flash.point_saved")
		kit.Redirect(w, r, ws.URL())
	}
}

// openPoint opens the workspace for a writer and the point {code} of its
// initiative.
func (h *handlers) openPoint(w http.ResponseWriter, r *http.Request) (*workspace, *service.Point, bool) {
	return h.openPointFor(w, r, (*kit.Access).CanWrite)
}

// openPointFor opens the workspace for a caller allowed by may and the
// point {code} of its initiative; a point of another initiative is 404.
func (h *handlers) openPointFor(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*workspace, *service.Point, bool) {
	ws, ok := h.openWorkspace(w, r, may)
	if !ok {
		return nil, nil, false
	}
	pt, err := h.Service.PointByCode(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	if pt.InitiativeID != ws.Initiative.ID {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return ws, pt, true
}

func (h *handlers) renderPointForm(w http.ResponseWriter, r *http.Request, status int, ws *workspace,
	pt *service.Point, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &pointFormPage{workspace: ws, Point: pt, Picker: picker.View, Action: ws.URL() + "/titik/baru"}
	title := h.t(r, "voice.point.new")
	if pt != nil {
		p.Action, title = ws.URL()+"/titik/"+pt.Code+"/ubah", h.t(r, "voice.point.edit", pt.Name)
	}
	h.site.Render(w, r, kit.Page{Name: "voice_point_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

// actor is who acts, for the audit log.
func actor(a *kit.Access) service.Actor {
	id, name := a.Actor()
	return service.Actor{ID: id, Name: name}
}
