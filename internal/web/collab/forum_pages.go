package collab

import (
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/forum"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// forumListPage lists published forums of a region and below.
type forumListPage struct {
	Picker      any
	Region      string
	RegionLabel string
	Items       []*forumItem
	CanConvene  bool
}

type forumItem struct {
	*forum.Forum
	RegionLabel string
}

// forumList is GET /forum?wilayah=CODE (or the region picker's fields),
// public; ?usulan=ID lists the forums on a proposal, ?organisasi=ID an
// organisation's (all of them for its members).
func (h *handlers) forumList(w http.ResponseWriter, r *http.Request) {
	qs := r.URL.Query()
	if c := qs.Get("wilayah"); c != "" && qs.Get(region.FieldCode) == "" && qs.Get(region.FieldProv) == "" {
		qs.Set(region.FieldCode, c)
	}
	picker, err := h.site.RegionPicker(r, qs, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	d := &forumListPage{Picker: picker.View, Region: picker.Code, CanConvene: h.site.User(r) != nil}
	p := forum.ListParams{Region: d.Region}
	if n, err := strconv.ParseInt(qs.Get("usulan"), 10, 64); err == nil && n > 0 {
		p.ProposalID = n
	}
	if n, err := strconv.ParseInt(qs.Get("organisasi"), 10, 64); err == nil && n > 0 {
		p.OrgID = n
		if u := h.site.User(r); u != nil {
			role, err := h.Orgs.RoleOf(r.Context(), n, u.ID)
			p.All = err == nil && role != ""
		}
	}
	if d.Region != "" {
		d.RegionLabel = h.regionLabel(r.Context(), d.Region)
	}
	list, err := h.Forums.List(r.Context(), p)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, f := range list {
		d.Items = append(d.Items, &forumItem{Forum: f, RegionLabel: h.regionLabel(r.Context(), f.RegionCode)})
	}
	h.site.Render(w, r, kit.Page{Name: "collab_forum_list", Title: h.t(r, "forum.list_title"), Data: d})
}

// forumPage is a forum's page.
type forumPage struct {
	Forum       *forum.Forum
	RegionLabel string
	Proposal    string // the title of the proposal it is on
	Groups      []string
	Manages     bool
	Datasets    []citedDataset
}

// forumShow is GET /forum/{id}: public once published.
func (h *handlers) forumShow(w http.ResponseWriter, r *http.Request) {
	f, manages, ok := h.loadForum(w, r)
	if !ok {
		return
	}
	h.renderForum(w, r, f, manages, http.StatusOK, nil, nil)
}

func (h *handlers) renderForum(w http.ResponseWriter, r *http.Request, f *forum.Forum, manages bool, status int, form url.Values, errs validate.Errors) {
	ctx := r.Context()
	d := &forumPage{Forum: f, RegionLabel: h.regionLabel(ctx, f.RegionCode), Groups: forum.Groups, Manages: manages}
	if f.ProposalID != 0 {
		if p, err := h.Proposals.Get(ctx, f.ProposalID); err == nil {
			d.Proposal = p.Title
		}
	}
	var err error
	if d.Datasets, err = h.citedBy(ctx, forum.CiteForum, f.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_forum", Title: f.Title, Data: d, Status: status, Form: form, Errors: errs})
}

// forumFormPage is the form of a new or changed forum.
type forumFormPage struct {
	Forum    *forum.Forum
	Action   string
	Picker   any
	Orgs     []org.Organization
	Groups   []string
	Datasets []datasetChoice
}

// forumNew is GET /forum/baru (?usulan=ID puts it on a proposal, and in
// its region).
func (h *handlers) forumNew(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.site.RequireUser(w, r); !ok {
		return
	}
	form := url.Values{}
	if n, err := strconv.ParseInt(r.URL.Query().Get("usulan"), 10, 64); err == nil && n > 0 {
		if p, err := h.Proposals.Get(r.Context(), n); err == nil {
			form.Set("proposal", strconv.FormatInt(p.ID, 10))
			form.Set("issue", p.Title)
			form.Set("region", p.RegionCode)
		}
	}
	if c := r.URL.Query().Get("wilayah"); c != "" {
		form.Set("region", c)
	}
	h.renderForumForm(w, r, http.StatusOK, nil, form, nil)
}

func (h *handlers) forumCreate(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.site.RequireUser(w, r); !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderForumForm(w, r, http.StatusOK, nil, r.PostForm, nil)
		return
	}
	f, err := h.Forums.Create(r.Context(), forumActor(r, h.site), forum.ForumFromForm(r.PostForm))
	if errs, ok := fieldErrors(err); ok {
		h.renderForumForm(w, r, http.StatusUnprocessableEntity, nil, r.PostForm, errs)
		return
	}
	if key, ok := citeRefusal(err); ok {
		h.renderForumForm(w, r, http.StatusUnprocessableEntity, nil, r.PostForm, validate.Errors{"dataset": key})
		return
	}
	if err != nil {
		h.forumRefused(w, r, "/forum", err)
		return
	}
	h.site.Flash(w, "forum.flash.saved")
	kit.Redirect(w, r, forumPath(f.ID))
}

// manageForum loads the forum for one who manages it.
func (h *handlers) manageForum(w http.ResponseWriter, r *http.Request) (*forum.Forum, bool) {
	if _, ok := h.site.RequireUser(w, r); !ok {
		return nil, false
	}
	f, manages, ok := h.loadForum(w, r)
	if !ok {
		return nil, false
	}
	if !manages {
		h.site.Forbidden(w, r)
		return nil, false
	}
	return f, true
}

func (h *handlers) forumEdit(w http.ResponseWriter, r *http.Request) {
	f, ok := h.manageForum(w, r)
	if !ok {
		return
	}
	form := f.Form()
	cited, err := h.citedBy(r.Context(), forum.CiteForum, f.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	for _, id := range citedIDs(cited) {
		form.Add("dataset", strconv.FormatInt(id, 10))
	}
	h.renderForumForm(w, r, http.StatusOK, f, form, nil)
}

func (h *handlers) forumUpdate(w http.ResponseWriter, r *http.Request) {
	f, ok := h.manageForum(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderForumForm(w, r, http.StatusOK, f, r.PostForm, nil)
		return
	}
	err := h.Forums.Update(r.Context(), forumActor(r, h.site), f, forum.ForumFromForm(r.PostForm))
	if errs, ok := fieldErrors(err); ok {
		h.renderForumForm(w, r, http.StatusUnprocessableEntity, f, r.PostForm, errs)
		return
	}
	if key, ok := citeRefusal(err); ok {
		h.renderForumForm(w, r, http.StatusUnprocessableEntity, f, r.PostForm, validate.Errors{"dataset": key})
		return
	}
	if err != nil {
		h.forumRefused(w, r, forumPath(f.ID), err)
		return
	}
	h.site.Flash(w, "forum.flash.saved")
	kit.Redirect(w, r, forumPath(f.ID))
}

func (h *handlers) renderForumForm(w http.ResponseWriter, r *http.Request, status int, f *forum.Forum, form url.Values, errs validate.Errors) {
	picker, err := h.site.RegionPicker(r, form, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	d := &forumFormPage{Forum: f, Action: "/forum/baru", Picker: picker.View, Groups: forum.Groups}
	title := h.t(r, "forum.new")
	if f != nil {
		d.Action, title = forumPath(f.ID)+"/ubah", h.t(r, "forum.edit")
	} else if u := h.site.User(r); u != nil {
		// The organisations one may convene for: verified, where one edits.
		ms, err := h.Orgs.MembershipsOf(r.Context(), u.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		for _, m := range ms {
			if m.Org.Status == org.StatusVerified && m.Role.CanEditProfile() {
				d.Orgs = append(d.Orgs, m.Org)
			}
		}
	}
	var checked []int64
	for _, s := range form["dataset"] {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			checked = append(checked, n)
		}
	}
	if d.Datasets, err = h.datasetChoices(r.Context(), checked); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_forum_form", Title: title, Data: d, Status: status, Form: form, Errors: errs})
}

// teamCreate is POST /forum/{id}/tim: a team formed from the forum, by
// one who manages it.
func (h *handlers) teamCreate(w http.ResponseWriter, r *http.Request) {
	f, ok := h.manageForum(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	t, err := h.Forums.CreateTeam(r.Context(), forumActor(r, h.site), f, forum.TeamFromForm(r.PostForm))
	if errs, ok := fieldErrors(err); ok {
		h.renderForum(w, r, f, true, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	}
	if err != nil {
		h.forumRefused(w, r, forumPath(f.ID), err)
		return
	}
	h.site.Flash(w, "forum.flash.team_formed")
	kit.Redirect(w, r, teamPath(t.ID)+"/anggota")
}
