package voice

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// openRecord loads the record {id} of the workspace's initiative for a
// writer; a record of another initiative is 404.
func (h *handlers) openRecord(w http.ResponseWriter, r *http.Request) (*workspace, *service.RecordLine, bool) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	rec, err := h.Service.Record(r.Context(), ws.Initiative.ID, id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	return ws, rec, true
}

func recordURL(ws *workspace, id int64) string {
	return ws.URL() + "/catatan/" + strconv.FormatInt(id, 10)
}

// recordEdit shows a record in its form, to correct or delete it.
func (h *handlers) recordEdit(w http.ResponseWriter, r *http.Request) {
	ws, rec, ok := h.openRecord(w, r)
	if !ok {
		return
	}
	h.renderRecordEdit(w, r, http.StatusOK, ws, rec, nil)
}

// recordUpdate corrects a record: the same checks as a new one.
func (h *handlers) recordUpdate(w http.ResponseWriter, r *http.Request) {
	ws, rec, ok := h.openRecord(w, r)
	if !ok {
		return
	}
	c, errs, err := h.checkRecord(r, ws)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if len(errs) > 0 {
		h.renderRecordEdit(w, r, http.StatusUnprocessableEntity, ws, rec, errs)
		return
	}
	err = h.Service.UpdateRecord(r.Context(), actor(ws.Access), ws.Initiative.ID, rec.ID, c)
	switch {
	case errors.Is(err, service.ErrPoint):
		h.renderRecordEdit(w, r, http.StatusUnprocessableEntity, ws, rec, validate.Errors{service.FieldPoint: "service.err.point"})
		return
	case err != nil:
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "voice.flash.record_corrected")
	kit.Redirect(w, r, ws.URL()+"#catatan")
}

// recordDelete removes a record; the audit log keeps its figures.
func (h *handlers) recordDelete(w http.ResponseWriter, r *http.Request) {
	ws, rec, ok := h.openRecord(w, r)
	if !ok {
		return
	}
	err := h.Service.DeleteRecord(r.Context(), actor(ws.Access), ws.Initiative.ID, rec.ID)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "voice.flash.record_deleted")
	kit.Redirect(w, r, ws.URL()+"#catatan")
}

func (h *handlers) renderRecordEdit(w http.ResponseWriter, r *http.Request, status int, ws *workspace,
	rec *service.RecordLine, errs validate.Errors) {
	form := rec.Form()
	if errs != nil {
		form = r.PostForm
	}
	h.renderRecordPage(w, r, status, ws, &recordFormPage{Record: rec, Action: recordURL(ws, rec.ID) + "/ubah"},
		h.t(r, "voice.record.edit"), form, errs)
}

// importDiscard throws away a pending import and its file.
func (h *handlers) importDiscard(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	id := r.PathValue("id")
	err := h.Service.DiscardImport(r.Context(), actor(ws.Access), ws.Initiative.ID, id)
	switch {
	case errors.Is(err, service.ErrConfirmed):
		h.site.Flash(w, "voice.flash.import_already")
		kit.Redirect(w, r, ws.URL()+"/impor/"+id)
		return
	case err != nil && !errors.Is(err, db.ErrNotFound):
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "voice.flash.import_discarded")
	kit.Redirect(w, r, ws.URL()+"/impor")
}
