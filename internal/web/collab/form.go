package collab

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/dataset"
	"lokadaya/internal/proposal"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// formPage is the form of a new or changed proposal.
type formPage struct {
	Proposal *proposal.Proposal // nil for a new one
	Action   string
	Picker   any
	Kinds    []string
	// Datasets are the catalogue's published datasets to cite.
	Datasets []datasetChoice
}

// newForm is GET /usulan/baru (signed in; ?wilayah=CODE preselects the
// region, as the region page's link does).
func (h *handlers) newForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.site.RequireUser(w, r); !ok {
		return
	}
	form := url.Values{"kind": {proposal.KindActivity}}
	if c := r.URL.Query().Get("wilayah"); c != "" {
		form.Set("region", c)
	}
	h.renderForm(w, r, http.StatusOK, nil, form, nil)
}

func (h *handlers) create(w http.ResponseWriter, r *http.Request) {
	u, ok := h.site.RequireUser(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderForm(w, r, http.StatusOK, nil, r.PostForm, nil)
		return
	}
	if !h.site.AllowClient(w, r, h.CreateLimit, "usulan") || !h.allowUser(w, r, u.ID) {
		return
	}
	p, err := h.Proposals.Create(r.Context(), actor(r, h.site), proposal.FromForm(r.PostForm))
	h.afterSave(w, r, nil, p, err)
}

// allowUser counts a new proposal against the user's own limit, so one
// account cannot flood the list from many addresses.
func (h *handlers) allowUser(w http.ResponseWriter, r *http.Request, userID int64) bool {
	ok, err := h.UserLimit.Allow(r.Context(), "usulan-user:"+strconv.FormatInt(userID, 10))
	if err != nil {
		h.site.ServerError(w, r, err)
		return false
	}
	if !ok {
		h.site.TooMany(w, r)
	}
	return ok
}

// openOwn loads the {id} proposal for its proposer while they may change
// it; anyone else, or once others support it, is 403.
func (h *handlers) openOwn(w http.ResponseWriter, r *http.Request) (*proposal.Proposal, bool) {
	u, ok := h.site.RequireUser(w, r)
	if !ok {
		return nil, false
	}
	p, ok := h.load(w, r)
	if !ok {
		return nil, false
	}
	can, err := h.Proposals.Editable(r.Context(), p, u.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, false
	}
	if !can {
		h.site.Forbidden(w, r)
		return nil, false
	}
	return p, true
}

func (h *handlers) editForm(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openOwn(w, r)
	if !ok {
		return
	}
	form := p.Form()
	if h.Datasets != nil {
		cited, err := h.Datasets.CitedIDs(r.Context(), proposal.CiteKind, p.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		for _, id := range cited {
			form.Add("dataset", strconv.FormatInt(id, 10))
		}
	}
	h.renderForm(w, r, http.StatusOK, p, form, nil)
}

func (h *handlers) update(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openOwn(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderForm(w, r, http.StatusOK, p, r.PostForm, nil)
		return
	}
	err := h.Proposals.Update(r.Context(), actor(r, h.site), p, proposal.FromForm(r.PostForm))
	h.afterSave(w, r, p, p, err)
}

// afterSave goes to the proposal's page, or shows the form again with the
// user's input and what is wrong with it.
func (h *handlers) afterSave(w http.ResponseWriter, r *http.Request, old, p *proposal.Proposal, err error) {
	var errs validate.Errors
	if errors.As(err, &errs) {
		h.renderForm(w, r, http.StatusUnprocessableEntity, old, r.PostForm, errs)
		return
	}
	if errors.Is(err, dataset.ErrNotPublished) {
		// A dataset ticked was withdrawn meanwhile: nothing was written.
		h.renderForm(w, r, http.StatusUnprocessableEntity, old, r.PostForm, validate.Errors{"dataset": "dataset.err.not_published"})
		return
	}
	if ref, ok := validate.Refused(err); ok {
		h.site.Flash(w, ref.Key)
		kit.Redirect(w, r, path(old.ID))
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "proposal.flash.saved")
	kit.Redirect(w, r, path(p.ID))
}

func (h *handlers) renderForm(w http.ResponseWriter, r *http.Request, status int, p *proposal.Proposal, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	var checked []int64
	for _, v := range form["dataset"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			checked = append(checked, id)
		}
	}
	choices, err := h.datasetChoices(r.Context(), checked)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	d := &formPage{Proposal: p, Action: "/usulan/baru", Picker: picker.View, Kinds: proposal.Kinds, Datasets: choices}
	title := h.t(r, "proposal.new")
	if p != nil {
		d.Action, title = path(p.ID)+"/ubah", h.t(r, "proposal.edit")
	}
	h.site.Render(w, r, kit.Page{Name: "collab_proposal_form", Title: title, Data: d, Status: status, Form: form, Errors: errs})
}
