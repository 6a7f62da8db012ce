package learning

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/commitment"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// commitmentFormPage is the form of a new or changed commitment.
type commitmentFormPage struct {
	Access *kit.Access
	Base   string
	C      *commitment.Commitment // nil for a new one
	Picker any
	Action string
	Kinds  []string
	Levels []string
}

func (h *handlers) commitmentNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderCommitmentForm(w, r, http.StatusOK, a, nil, url.Values{"made_on": {h.Commitments.Today(a.Org.RegionCode)}}, nil)
}

func (h *handlers) commitmentCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderCommitmentForm(w, r, http.StatusOK, a, nil, r.PostForm, nil)
		return
	}
	c, err := h.Commitments.Create(r.Context(), commitmentActor(a), a.Org.ID, a.Org.RegionCode, commitment.FromForm(r.PostForm))
	h.afterCommitmentSave(w, r, a, c, nil, err)
}

func (h *handlers) commitmentEdit(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCommitmentToWrite(w, r)
	if !ok {
		return
	}
	h.renderCommitmentForm(w, r, http.StatusOK, a, c, c.Form(), nil)
}

func (h *handlers) commitmentUpdate(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCommitmentToWrite(w, r)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderCommitmentForm(w, r, http.StatusOK, a, c, r.PostForm, nil)
		return
	}
	err := h.Commitments.Update(r.Context(), commitmentActor(a), c, a.Org.RegionCode, commitment.FromForm(r.PostForm))
	h.afterCommitmentSave(w, r, a, c, c, err)
}

// afterCommitmentSave goes to the commitment's page, or shows the form
// again with what is wrong.
func (h *handlers) afterCommitmentSave(w http.ResponseWriter, r *http.Request, a *kit.Access, saved, editing *commitment.Commitment, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderCommitmentForm(w, r, http.StatusUnprocessableEntity, a, editing, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "commitment.flash.saved")
		kit.Redirect(w, r, commitmentURL(a, saved))
	}
}

func commitmentURL(a *kit.Access, c *commitment.Commitment) string {
	return "/organisasi/" + a.Org.Slug + "/janji/" + strconv.FormatInt(c.ID, 10)
}

func (h *handlers) renderCommitmentForm(w http.ResponseWriter, r *http.Request, status int, a *kit.Access,
	c *commitment.Commitment, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	base := "/organisasi/" + a.Org.Slug
	p := &commitmentFormPage{Access: a, Base: base, C: c, Picker: picker.View, Action: base + "/janji/baru",
		Kinds: commitment.Kinds, Levels: commitment.Levels}
	title := h.t(r, "commitment.new")
	if c != nil {
		p.Action, title = commitmentURL(a, c)+"/ubah", h.t(r, "commitment.edit", c.Who)
	}
	h.site.Render(w, r, kit.Page{Name: "learning_commitment_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

func (h *handlers) commitmentDelete(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCommitmentToWrite(w, r)
	if !ok {
		return
	}
	if err := h.Commitments.Delete(r.Context(), commitmentActor(a), c); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "commitment.flash.deleted")
	kit.Redirect(w, r, "/organisasi/"+a.Org.Slug+"/janji")
}

func (h *handlers) followUpCreate(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCommitmentToWrite(w, r)
	if !ok {
		return
	}
	err := h.Commitments.AddFollowUp(r.Context(), commitmentActor(a), c, a.Org.RegionCode, commitment.FollowUpFromForm(r.PostForm))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderCommitment(w, r, http.StatusUnprocessableEntity, a, c, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "commitment.flash.follow_up")
		kit.Redirect(w, r, commitmentURL(a, c)+"#tindak-lanjut")
	}
}

func (h *handlers) followUpDelete(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCommitmentToWrite(w, r)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return
	}
	if err := h.Commitments.DeleteFollowUp(r.Context(), commitmentActor(a), c, id); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "commitment.flash.follow_up_deleted")
	kit.Redirect(w, r, commitmentURL(a, c)+"#tindak-lanjut")
}

// commitmentActor is who acts, for the audit log.
func commitmentActor(a *kit.Access) commitment.Actor {
	id, name := a.Actor()
	return commitment.Actor{ID: id, Name: name}
}
