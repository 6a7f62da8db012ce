package learning

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/indicator"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// actionListPage is the organisation's action plan.
type actionListPage struct {
	Access          *kit.Access
	Actions         []*reflection.Action
	Sessions        map[int64]*reflection.Session
	Today           string
	Open, Overdue   int
	Budget          int64 // of the open actions
	Done, Cancelled int
}

func (h *handlers) actionList(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	ctx := r.Context()
	list, err := h.Reflections.Actions(ctx, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	sessions, err := h.Reflections.Sessions(ctx, a.Org.ID, false)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := actionListPage{Access: a, Actions: list, Sessions: map[int64]*reflection.Session{}, Today: h.today(a)}
	for _, s := range sessions {
		p.Sessions[s.ID] = s
	}
	for _, x := range list {
		switch {
		case x.Open():
			p.Open++
			p.Budget += x.Budget
			if x.Overdue(p.Today) {
				p.Overdue++
			}
		case x.Status == reflection.ActionDone:
			p.Done++
		default:
			p.Cancelled++
		}
	}
	h.site.Render(w, r, kit.Page{Name: "learning_action_list", Title: h.t(r, "action.list.title_of", a.Org.Name), Data: p})
}

func (h *handlers) today(a *kit.Access) string {
	return h.Now().In(region.Zone(a.Org.RegionCode)).Format(time.DateOnly)
}

// actionFormPage is one action's own form: its status above all.
type actionFormPage struct {
	Access     *kit.Access
	Action     *reflection.Action
	Members    []org.Member
	Indicators []*indicator.Indicator
}

func (h *handlers) openAction(w http.ResponseWriter, r *http.Request) (*kit.Access, *reflection.Action, bool) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return nil, nil, false
	}
	x, err := h.Reflections.Action(r.Context(), a.Org.ID, pathID(r, "id"))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	return a, x, true
}

func (h *handlers) actionEdit(w http.ResponseWriter, r *http.Request) {
	a, x, ok := h.openAction(w, r)
	if !ok {
		return
	}
	form := url.Values{"what": {x.What}, "owner": {strconv.FormatInt(x.OwnerID, 10)}, "due_on": {x.DueOn},
		"budget": {strconv.FormatInt(x.Budget, 10)}, "status": {x.Status}, "note": {x.Note}}
	if x.IndicatorID != 0 {
		form.Set("indicator", strconv.FormatInt(x.IndicatorID, 10))
	}
	h.renderAction(w, r, a, x, form, nil)
}

func (h *handlers) actionUpdate(w http.ResponseWriter, r *http.Request) {
	a, x, ok := h.openAction(w, r)
	if !ok {
		return
	}
	err := h.Reflections.UpdateAction(r.Context(), actor(a), a.Org.ID, x.ID, actionInput(r, ""))
	if h.refused(w, r, err, func(errs validate.Errors) { h.renderAction(w, r, a, x, r.PostForm, errs) }) {
		return
	}
	h.site.Flash(w, "reflection.flash.action_saved")
	kit.Redirect(w, r, reflection.ActionsPath(a.Org.Slug))
}

func (h *handlers) renderAction(w http.ResponseWriter, r *http.Request, a *kit.Access, x *reflection.Action, form url.Values, errs validate.Errors) {
	members, err := h.Orgs.Members(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	inds, err := h.Indicators.ForOrg(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.site.Render(w, r, kit.Page{Name: "learning_action_form", Title: h.t(r, "action.edit.title"),
		Data: actionFormPage{Access: a, Action: x, Members: members, Indicators: inds}, Status: status, Form: form, Errors: errs})
}

// actionExport downloads the action plan (rencana-aksi.csv or .xlsx) for
// the organisation's people.
func (h *handlers) actionExport(w http.ResponseWriter, r *http.Request) {
	format := map[string]string{"rencana-aksi.csv": "csv", "rencana-aksi.xlsx": "xlsx"}[r.PathValue("file")]
	if format == "" {
		h.site.NotFound(w, r)
		return
	}
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.Reflections.Actions(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	table := [][]string{{h.t(r, "action.field.what"), h.t(r, "action.field.owner"), h.t(r, "action.field.due_on"),
		h.t(r, "action.field.status"), h.t(r, "action.field.budget"), h.t(r, "action.field.note")}}
	for _, x := range list {
		table = append(table, []string{x.What, x.OwnerName, x.DueOn, h.t(r, "action.status."+x.Status),
			strconv.FormatInt(x.Budget, 10), x.Note})
	}
	kit.WriteTable(h.site, w, r, format, "rencana-aksi-"+a.Org.Slug, h.t(r, "learning.actions"), table, 4)
}

// Statuses are the choices of an action's status.
func (actionFormPage) Statuses() []string { return reflection.ActionStatuses }
