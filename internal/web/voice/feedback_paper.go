package voice

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// paperFormPage is the form to type in the tally of a paper box.
type paperFormPage struct {
	*workspace
	Points []*service.Point
	Action string
	Today  string
}

// paperNew shows the paper box form to those who record (owners, admins,
// editors).
func (h *handlers) paperNew(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	form := url.Values{"counted_on": {h.Feedback.TodayIn(orgZone(ws))}, "point": {r.URL.Query().Get("titik")}}
	h.renderPaperForm(w, r, http.StatusOK, ws, form, nil)
}

// paperCreate records a paper box's tally, or shows the form again with
// what is wrong.
func (h *handlers) paperCreate(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	in := feedback.PaperFromForm(r.PostForm)
	pt, err := h.Service.PointByCode(r.Context(), strings.ToUpper(in.Point))
	if errors.Is(err, db.ErrNotFound) || err == nil && pt.InitiativeID != ws.Initiative.ID {
		h.renderPaperForm(w, r, http.StatusUnprocessableEntity, ws, r.PostForm, validate.Errors{"point": "feedback.err.point"})
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	_, err = h.Feedback.AddPaper(r.Context(), feedbackActor(ws), pt, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderPaperForm(w, r, http.StatusUnprocessableEntity, ws, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "feedback.flash.paper_saved")
		kit.Redirect(w, r, feedbackURL(ws)+"#kertas")
	}
}

func (h *handlers) renderPaperForm(w http.ResponseWriter, r *http.Request, status int, ws *workspace, form url.Values, errs validate.Errors) {
	points, err := h.Service.Points(r.Context(), ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &paperFormPage{workspace: ws, Points: points, Action: feedbackURL(ws) + "/kertas/baru",
		Today: h.Feedback.TodayIn(orgZone(ws))}
	h.site.Render(w, r, kit.Page{Name: "voice_feedback_paper", Title: h.t(r, "feedback.paper.title"), Data: p,
		Status: status, Form: form, Errors: errs})
}

// paperDelete removes a paper tally typed in by mistake; the audit log
// keeps what it said.
func (h *handlers) paperDelete(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return
	}
	if err := h.Feedback.DeletePaper(r.Context(), feedbackActor(ws), ws.Initiative.ID, id); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "feedback.flash.paper_deleted")
	kit.Redirect(w, r, feedbackURL(ws)+"#kertas")
}
