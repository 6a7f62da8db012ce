package voice

import (
	"bytes"
	"errors"
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// importPage is the upload form of records with the past imports.
type importPage struct {
	*workspace
	Points  []*service.Point
	Columns []string
	History []*service.Import
}

// previewPage is an import's preview, or what it recorded.
type previewPage struct {
	*workspace
	*service.Preview
	Columns []string
}

// StaleDays is after how many days a preview never confirmed is thrown
// away.
func (p *previewPage) StaleDays() int { return int(service.StaleAfter.Hours() / 24) }

func (h *handlers) importForm(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderImportForm(w, r, http.StatusOK, ws, "")
}

func (h *handlers) renderImportForm(w http.ResponseWriter, r *http.Request, status int, ws *workspace, fileError string) {
	ctx := r.Context()
	points, err := h.Service.Points(ctx, ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	history, err := h.Service.Imports(ctx, ws.Initiative.ID, 20)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	page := kit.Page{Name: "voice_import", Title: h.t(r, "voice.import.title"), Status: status,
		Data: &importPage{workspace: ws, Points: points, Columns: service.Columns(), History: history}}
	if fileError != "" {
		page.Errors = validate.Errors{"berkas": fileError}
	}
	h.site.Render(w, r, page)
}

// importUpload reads the uploaded file and keeps it as a pending import,
// then shows its preview; no record is written yet.
func (h *handlers) importUpload(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	data, name, err := kit.ReadFile(w, r, "berkas", service.MaxFileSize)
	switch {
	case errors.Is(err, kit.ErrTooLarge):
		h.renderImportForm(w, r, http.StatusRequestEntityTooLarge, ws, "service.err.file_large")
		return
	case err != nil:
		h.renderImportForm(w, r, http.StatusUnprocessableEntity, ws, "voice.import.err.file")
		return
	}
	imp, err := h.Service.Upload(r.Context(), actor(ws.Access), ws.Access.Org.ID, ws.Initiative.ID, name, data)
	var fe *service.FileError
	var dup *service.DuplicateError
	switch {
	case errors.As(err, &fe):
		h.renderImportMessage(w, r, ws, i18n.T(h.site.Lang(r), fe.Key, fe.Args...))
	case errors.As(err, &dup):
		h.renderImportMessage(w, r, ws, i18n.T(h.site.Lang(r), "voice.import.err.duplicate",
			i18n.Date(h.site.Lang(r), dup.At, region.Zone(ws.Access.Org.RegionCode))))
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		kit.Redirect(w, r, ws.URL()+"/impor/"+imp.ID)
	}
}

// renderImportMessage refuses a file with a message that has arguments,
// shown as the file field's error.
func (h *handlers) renderImportMessage(w http.ResponseWriter, r *http.Request, ws *workspace, msg string) {
	h.renderImportForm(w, r, http.StatusUnprocessableEntity, ws, msg)
}

func (h *handlers) importShow(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	imp, err := h.Service.GetImport(r.Context(), ws.Initiative.ID, r.PathValue("id"))
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	p, err := h.Service.Preview(r.Context(), imp, h.today(ws))
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_import_preview", Title: h.t(r, "voice.import.preview"),
		Data: &previewPage{workspace: ws, Preview: p, Columns: service.Columns()}})
}

// importConfirm writes the rows of a pending import, checked afresh. A
// second confirmation, or the same file again, writes nothing.
func (h *handlers) importConfirm(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	id := r.PathValue("id")
	_, err := h.Service.Confirm(r.Context(), actor(ws.Access), ws.Initiative.ID, id, h.today(ws))
	var dup *service.DuplicateError
	switch {
	case errors.Is(err, service.ErrConfirmed):
		h.site.Flash(w, "voice.flash.import_already")
	case errors.As(err, &dup):
		h.site.Flash(w, "voice.flash.import_duplicate")
	case errors.Is(err, service.ErrRowErrors):
		h.site.Flash(w, "voice.flash.import_errors")
	case err != nil:
		h.site.Fail(w, r, err)
		return
	default:
		h.site.Flash(w, "voice.flash.import_confirmed")
	}
	kit.Redirect(w, r, ws.URL()+"/impor/"+id)
}

// importTemplate serves the empty template, CSV or XLSX.
func (h *handlers) importTemplate(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite); !ok {
		return
	}
	var buf bytes.Buffer
	var err error
	hd := w.Header()
	switch r.PathValue("format") {
	case "templat.csv":
		err = service.TemplateCSV(&buf)
		hd.Set("Content-Type", "text/csv; charset=utf-8")
	case "templat.xlsx":
		err = service.TemplateXLSX(&buf)
		hd.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	default:
		h.site.NotFound(w, r)
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	hd.Set("Content-Disposition", `attachment; filename="catatan-layanan-`+r.PathValue("format")[len("templat."):]+`"`)
	hd.Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(buf.Bytes())
}
