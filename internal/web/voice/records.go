package voice

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// recordFormPage is the form of a new record of service.
type recordFormPage struct {
	*workspace
	// Record is the record corrected, nil for a new one; Action is where
	// the form goes.
	Record   *service.RecordLine
	Action   string
	Points   []*service.Point
	Types    []string
	Sexes    []string // form fields of the counts by sex
	Ages     []string // form fields of the age bands
	AgeBands []string
	Groups   []string
	Today    string
}

// GroupField is the form field of a vulnerable group, for the template.
func (p *recordFormPage) GroupField(g string) string { return service.GroupField(g) }

// today is the organisation's local day, the last a record may have.
func (h *handlers) today(ws *workspace) string {
	return h.Service.Today(region.Zone(ws.Access.Org.RegionCode))
}

func (h *handlers) recordNew(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	form := url.Values{service.FieldDate: {h.today(ws)}, service.FieldPoint: {r.URL.Query().Get("titik")}}
	h.renderRecordForm(w, r, http.StatusOK, ws, form, nil)
}

// checkRecord checks the posted record form against the initiative's
// points and the organisation's today.
func (h *handlers) checkRecord(r *http.Request, ws *workspace) (*service.Checked, validate.Errors, error) {
	points, err := h.Service.Points(r.Context(), ws.Initiative.ID)
	if err != nil {
		return nil, nil, err
	}
	c, errs := service.RecordFromForm(r.PostForm).Check(h.today(ws), service.PointsByCode(points))
	return c, errs, nil
}

func (h *handlers) recordCreate(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	ctx := r.Context()
	c, errs, err := h.checkRecord(r, ws)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if len(errs) > 0 {
		h.renderRecordForm(w, r, http.StatusUnprocessableEntity, ws, r.PostForm, errs)
		return
	}
	_, err = h.Service.AddRecord(ctx, actor(ws.Access), ws.Access.Org.ID, ws.Initiative.ID, c)
	if errors.Is(err, service.ErrPoint) {
		h.renderRecordForm(w, r, http.StatusUnprocessableEntity, ws, r.PostForm, validate.Errors{service.FieldPoint: "service.err.point"})
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "voice.flash.record_saved")
	kit.Redirect(w, r, ws.URL()+"#catatan")
}

func (h *handlers) renderRecordForm(w http.ResponseWriter, r *http.Request, status int, ws *workspace, form url.Values, errs validate.Errors) {
	h.renderRecordPage(w, r, status, ws, &recordFormPage{Action: ws.URL() + "/catatan/baru"}, h.t(r, "voice.record.new"), form, errs)
}

// renderRecordPage fills in p, the form of a new or a corrected record,
// and renders it.
func (h *handlers) renderRecordPage(w http.ResponseWriter, r *http.Request, status int, ws *workspace, p *recordFormPage,
	title string, form url.Values, errs validate.Errors) {
	ctx := r.Context()
	points, err := h.Service.Points(ctx, ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	types, err := h.Service.ServiceTypes(ctx, ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p.workspace, p.Points, p.Types, p.Today = ws, points, types, h.today(ws)
	p.Sexes, p.Ages, p.AgeBands, p.Groups = []string{service.FieldMale, service.FieldFemale}, service.AgeFields,
		service.AgeBands, service.VulnerableGroups
	h.site.Render(w, r, kit.Page{Name: "voice_record_form", Title: title, Data: p,
		Status: status, Form: form, Errors: errs})
}
