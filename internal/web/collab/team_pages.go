package collab

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/forum"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// teamPage is a team's public page: members by side, the plan with its
// cited datasets, the reviews and the sittings.
type teamPage struct {
	*teamAccess
	Sides    []string
	Datasets []citedDataset
	// Choices are the catalogue's datasets for those who manage the plan.
	Choices []datasetChoice
}

// teamShow is GET /tim/{id}.
func (h *handlers) teamShow(w http.ResponseWriter, r *http.Request) {
	a, ok := h.loadTeam(w, r)
	if !ok {
		return
	}
	h.renderTeam(w, r, a, http.StatusOK, nil, nil)
}

func (h *handlers) renderTeam(w http.ResponseWriter, r *http.Request, a *teamAccess, status int, form url.Values, errs validate.Errors) {
	d := &teamPage{teamAccess: a, Sides: forum.MemberSides}
	var err error
	if d.Datasets, err = h.citedBy(r.Context(), forum.CiteTeamPlan, a.Team.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if a.Manages {
		if d.Choices, err = h.datasetChoices(r.Context(), citedIDs(d.Datasets)); err != nil {
			h.site.ServerError(w, r, err)
			return
		}
	}
	h.site.Render(w, r, kit.Page{Name: "collab_team", Title: a.Team.Name, Data: d, Status: status, Form: form, Errors: errs})
}

// membersPage is the form of a team's members.
type membersPage struct {
	*teamAccess
	Sides, Roles []string
}

// teamMembers is GET /tim/{id}/anggota, for those who manage the team.
func (h *handlers) teamMembers(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok {
		return
	}
	h.renderMembers(w, r, a, http.StatusOK, url.Values{"side": {forum.SidePemerintah}, "role": {forum.RoleMember}}, nil)
}

func (h *handlers) renderMembers(w http.ResponseWriter, r *http.Request, a *teamAccess, status int, form url.Values, errs validate.Errors) {
	d := &membersPage{teamAccess: a, Sides: forum.MemberSides, Roles: forum.Roles}
	h.site.Render(w, r, kit.Page{Name: "collab_team_members", Title: h.t(r, "team.members_title", a.Team.Name), Data: d,
		Status: status, Form: form, Errors: errs})
}

// teamMemberSave is POST /tim/{id}/anggota: a person by the e-mail of
// their account, their side, role and organisation (as written, or
// their first organisation on the platform when left empty).
func (h *handlers) teamMemberSave(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	ctx := r.Context()
	in := forum.MemberInput{Side: r.PostForm.Get("side"), Role: r.PostForm.Get("role"), OrgName: strings.TrimSpace(r.PostForm.Get("org_name"))}
	if u, err := h.Accounts.ByEmail(ctx, strings.TrimSpace(r.PostForm.Get("email"))); err == nil {
		in.UserID = u.ID
		ms, err := h.Orgs.MembershipsOf(ctx, u.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		for _, m := range ms {
			if in.OrgName == "" || strings.EqualFold(in.OrgName, m.Org.Name) {
				in.OrgID, in.OrgName = m.Org.ID, ""
				break
			}
		}
	} else if !errors.Is(err, db.ErrNotFound) {
		h.site.ServerError(w, r, err)
		return
	}
	err := h.Forums.SaveMember(ctx, forumActor(r, h.site), a.Team, in)
	if errs, ok := fieldErrors(err); ok {
		h.renderMembers(w, r, a, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	}
	if err != nil {
		h.forumRefused(w, r, teamPath(a.Team.ID), err)
		return
	}
	h.site.Flash(w, "team.flash.member_saved")
	kit.Redirect(w, r, teamPath(a.Team.ID)+"/anggota")
}

// teamMemberRemove is POST /tim/{id}/anggota/{user}/hapus.
func (h *handlers) teamMemberRemove(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok {
		return
	}
	back := teamPath(a.Team.ID) + "/anggota"
	if err := h.Forums.RemoveMember(r.Context(), forumActor(r, h.site), a.Team, pathID(r, "user")); err != nil {
		h.forumRefused(w, r, back, err)
		return
	}
	h.site.Flash(w, "team.flash.member_removed")
	kit.Redirect(w, r, back)
}

// activityPage is the form of a plan activity.
type activityPage struct {
	*teamAccess
	Activity *forum.Activity // nil for a new one
	Action   string
	Statuses []string
	Datasets []datasetChoice
}

func (h *handlers) activityNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok {
		return
	}
	h.renderActivity(w, r, a, nil, http.StatusOK, url.Values{"status": {forum.Statuses[0]}}, nil)
}

func (h *handlers) activityCreate(w http.ResponseWriter, r *http.Request) {
	h.saveActivity(w, r, false)
}
func (h *handlers) activityUpdate(w http.ResponseWriter, r *http.Request) { h.saveActivity(w, r, true) }

// activityOf is the {aid} activity of the team, or a 404.
func (h *handlers) activityOf(w http.ResponseWriter, r *http.Request, a *teamAccess) (*forum.Activity, bool) {
	act := a.Team.Activity(pathID(r, "aid"))
	if act == nil {
		h.site.NotFound(w, r)
	}
	return act, act != nil
}

func (h *handlers) activityEdit(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok {
		return
	}
	act, ok := h.activityOf(w, r, a)
	if !ok {
		return
	}
	h.renderActivity(w, r, a, act, http.StatusOK, act.Form(), nil)
}

func (h *handlers) saveActivity(w http.ResponseWriter, r *http.Request, existing bool) {
	a, ok := h.teamFor(w, r, manages)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	var act *forum.Activity
	var id int64
	if existing {
		if act, ok = h.activityOf(w, r, a); !ok {
			return
		}
		id = act.ID
	}
	_, err := h.Forums.SaveActivity(r.Context(), forumActor(r, h.site), a.Team, id, forum.ActivityFromForm(r.PostForm))
	if errs, ok := fieldErrors(err); ok {
		h.renderActivity(w, r, a, act, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	}
	if key, ok := citeRefusal(err); ok {
		h.renderActivity(w, r, a, act, http.StatusUnprocessableEntity, r.PostForm, validate.Errors{"dataset": key})
		return
	}
	if err != nil {
		h.forumRefused(w, r, teamPath(a.Team.ID), err)
		return
	}
	h.site.Flash(w, "team.flash.activity_saved")
	kit.Redirect(w, r, teamPath(a.Team.ID)+"#rencana")
}

func (h *handlers) renderActivity(w http.ResponseWriter, r *http.Request, a *teamAccess, act *forum.Activity, status int, form url.Values, errs validate.Errors) {
	d := &activityPage{teamAccess: a, Activity: act, Action: teamPath(a.Team.ID) + "/kegiatan/baru", Statuses: forum.Statuses}
	title := h.t(r, "team.activity_new")
	if act != nil {
		d.Action, title = teamPath(a.Team.ID)+"/kegiatan/"+strconv.FormatInt(act.ID, 10), h.t(r, "team.activity_edit")
	}
	var checked []int64
	for _, s := range form["dataset"] {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			checked = append(checked, n)
		}
	}
	var err error
	if d.Datasets, err = h.datasetChoices(r.Context(), checked); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_team_activity", Title: title, Data: d, Status: status, Form: form, Errors: errs})
}

// teamCite is POST /tim/{id}/data: the datasets the plan cites, ticked
// in the picker, replacing those it cited.
func (h *handlers) teamCite(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	var ids []int64
	for _, s := range r.PostForm["dataset"] {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			ids = append(ids, n)
		}
	}
	err := h.Forums.SetPlanCitations(r.Context(), forumActor(r, h.site), a.Team, ids)
	if key, ok := citeRefusal(err); ok {
		h.renderTeam(w, r, a, http.StatusUnprocessableEntity, r.PostForm, validate.Errors{"dataset": key})
		return
	}
	if err != nil {
		h.forumRefused(w, r, teamPath(a.Team.ID), err)
		return
	}
	h.site.Flash(w, "team.flash.cited")
	kit.Redirect(w, r, teamPath(a.Team.ID)+"#data")
}

// reviewSchedule is POST /tim/{id}/tinjauan with due_on.
func (h *handlers) reviewSchedule(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, manages)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	err := h.Forums.ScheduleReview(r.Context(), forumActor(r, h.site), a.Team, r.PostForm.Get("due_on"))
	if errs, ok := fieldErrors(err); ok {
		h.renderTeam(w, r, a, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	}
	if err != nil {
		h.forumRefused(w, r, teamPath(a.Team.ID), err)
		return
	}
	h.site.Flash(w, "team.flash.review_scheduled")
	kit.Redirect(w, r, teamPath(a.Team.ID)+"#tinjauan")
}

// reviewPage is the form of a review's progress notes.
type reviewPage struct {
	*teamAccess
	Review *forum.Review
}

func (h *handlers) reviewOf(w http.ResponseWriter, r *http.Request, a *teamAccess) (*forum.Review, bool) {
	rv := a.Team.Review(pathID(r, "rid"))
	if rv == nil {
		h.site.NotFound(w, r)
	}
	return rv, rv != nil
}

// reviewForm is GET /tim/{id}/tinjauan/{rid}, for team members.
func (h *handlers) reviewForm(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, isMember)
	if !ok {
		return
	}
	rv, ok := h.reviewOf(w, r, a)
	if !ok {
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_team_review", Title: h.t(r, "team.review_title", a.Team.Name),
		Data: &reviewPage{teamAccess: a, Review: rv}})
}

// reviewRecord is POST /tim/{id}/tinjauan/{rid} with note_<activity id>.
func (h *handlers) reviewRecord(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, isMember)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	rv, ok := h.reviewOf(w, r, a)
	if !ok {
		return
	}
	notes := map[int64]string{}
	for _, act := range a.Team.Activities {
		notes[act.ID] = r.PostForm.Get("note_" + strconv.FormatInt(act.ID, 10))
	}
	err := h.Forums.RecordReview(r.Context(), forumActor(r, h.site), a.Team, rv.ID, notes)
	if errs, ok := fieldErrors(err); ok {
		h.site.Render(w, r, kit.Page{Name: "collab_team_review", Title: h.t(r, "team.review_title", a.Team.Name),
			Data: &reviewPage{teamAccess: a, Review: rv}, Status: http.StatusUnprocessableEntity, Form: r.PostForm, Errors: errs})
		return
	}
	if err != nil {
		h.forumRefused(w, r, teamPath(a.Team.ID), err)
		return
	}
	h.site.Flash(w, "team.flash.review_recorded")
	kit.Redirect(w, r, teamPath(a.Team.ID)+"#tinjauan")
}

// sittingPage is the form of a reflection sitting.
type sittingPage struct {
	*teamAccess
	Sides     []string
	Questions []string
	Scores    []int
}

// sittingForm is GET /tim/{id}/sesi, for team members.
func (h *handlers) sittingForm(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, isMember)
	if !ok {
		return
	}
	h.renderSitting(w, r, a, http.StatusOK, url.Values{"side": {a.Me.Side}}, nil)
}

func (h *handlers) renderSitting(w http.ResponseWriter, r *http.Request, a *teamAccess, status int, form url.Values, errs validate.Errors) {
	d := &sittingPage{teamAccess: a, Sides: []string{a.Me.Side, forum.SideBersama}, Questions: forum.Questions, Scores: []int{1, 2, 3, 4, 5}}
	h.site.Render(w, r, kit.Page{Name: "collab_team_sitting", Title: h.t(r, "team.sitting_title", a.Team.Name), Data: d,
		Status: status, Form: form, Errors: errs})
}

// sittingRecord is POST /tim/{id}/sesi.
func (h *handlers) sittingRecord(w http.ResponseWriter, r *http.Request) {
	a, ok := h.teamFor(w, r, isMember)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	_, err := h.Forums.RecordSitting(r.Context(), forumActor(r, h.site), a.Team, forum.SittingFromForm(r.PostForm))
	if errs, ok := fieldErrors(err); ok {
		h.renderSitting(w, r, a, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	}
	if ref, ok := validate.Refused(err); ok && !errorsIsForbidden(err) {
		h.renderSitting(w, r, a, http.StatusConflict, r.PostForm, validate.Errors{"side": ref.Key})
		return
	}
	if err != nil {
		h.forumRefused(w, r, teamPath(a.Team.ID), err)
		return
	}
	h.site.Flash(w, "team.flash.sitting_recorded")
	kit.Redirect(w, r, teamPath(a.Team.ID)+"/iklim")
}

func errorsIsForbidden(err error) bool {
	ref, _ := validate.Refused(err)
	return ref == forum.ErrNotAllowed || ref == forum.ErrNotMember
}

// climatePage compares the sittings' assessments side by side.
type climatePage struct {
	*teamAccess
	Questions []string
}

// Score is a sitting's score of a question, 0 when none.
func (d *climatePage) Score(s *forum.Sitting, q string) int { return s.Scores[q] }

// climate is GET /tim/{id}/iklim, public with the team.
func (h *handlers) climate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.loadTeam(w, r)
	if !ok {
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_team_climate", Title: h.t(r, "team.climate_title", a.Team.Name),
		Data: &climatePage{teamAccess: a, Questions: forum.Questions}})
}

// planExport is GET /tim/{id}/rencana.csv and .xlsx: the plan as a table.
func (h *handlers) planExport(w http.ResponseWriter, r *http.Request) {
	a, ok := h.loadTeam(w, r)
	if !ok {
		return
	}
	format := "csv"
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		format = "xlsx"
	}
	t := func(k string) string { return h.t(r, k) }
	table := [][]string{{t("team.col.what"), t("team.col.owner"), t("team.col.starts"), t("team.col.due"),
		t("team.col.indicator"), t("team.col.datasets"), t("team.col.status"), t("team.col.budget")}}
	for _, act := range a.Team.Activities {
		table = append(table, []string{act.What, act.OwnerName, act.StartsOn, act.DueOn, act.Indicator, act.Datasets,
			t("team.status." + act.Status), strconv.FormatInt(act.Budget, 10)})
	}
	kit.WriteTable(h.site, w, r, format, "rencana-tim-"+strconv.FormatInt(a.Team.ID, 10), h.t(r, "team.plan"), table, 7)
}
