package learning

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/cycle"
	"lokadaya/internal/initiative"
	"lokadaya/internal/reflection"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// sessionListPage is the organisation's sessions and the changes they
// brought to its strategy.
type sessionListPage struct {
	Access   *kit.Access
	Sessions []*reflection.Session
	Strategy []reflection.StrategyChange
	Today    string
}

func (h *handlers) sessionList(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	list, err := h.Reflections.Sessions(ctx, a.Org.ID, !a.CanRead())
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	strategy, err := h.Reflections.StrategyChanges(ctx, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if !a.CanRead() {
		strategy = publicChanges(strategy, list)
	}
	h.site.Render(w, r, kit.Page{Name: "learning_reflection_list", Title: h.t(r, "reflection.list.title_of", a.Org.Name),
		Data: sessionListPage{Access: a, Sessions: list, Strategy: strategy}})
}

// publicChanges keeps the strategy changes of published sessions.
func publicChanges(all []reflection.StrategyChange, published []*reflection.Session) []reflection.StrategyChange {
	ok := map[int64]bool{}
	for _, s := range published {
		ok[s.ID] = true
	}
	var out []reflection.StrategyChange
	for _, c := range all {
		if ok[c.SessionID] {
			out = append(out, c)
		}
	}
	return out
}

// sessionFormPage is the plan of a session.
type sessionFormPage struct {
	Access      *kit.Access
	Session     *reflection.Session // nil for a new one
	Action      string
	Cycles      []cycle.Cycle
	Initiatives []*initiative.Initiative
	Chosen      map[string]bool
}

func (h *handlers) sessionNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	form := url.Values{}
	if c, err := h.Cycles.Current(r.Context(), a.Org.ID); err == nil {
		form.Set("cycle", strconv.FormatInt(c.ID, 10))
	}
	h.renderSessionForm(w, r, a, nil, form, nil)
}

func (h *handlers) sessionCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	in := sessionInput(r)
	s, err := h.Reflections.CreateSession(r.Context(), actor(a), a.Org.ID, in)
	if h.refused(w, r, err, func(errs validate.Errors) { h.renderSessionForm(w, r, a, nil, r.PostForm, errs) }) {
		return
	}
	h.site.Flash(w, "reflection.flash.planned")
	kit.Redirect(w, r, reflection.SessionPath(a.Org.Slug, s.ID))
}

func (h *handlers) sessionEdit(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	s := d.Session
	form := url.Values{"title": {s.Title}, "held_on": {s.HeldOn}, "place": {s.Place}, "facilitator": {s.Facilitator},
		"period_from": {s.PeriodFrom}, "period_to": {s.PeriodTo}, "purpose": {s.Purpose}}
	if s.CycleID != 0 {
		form.Set("cycle", strconv.FormatInt(s.CycleID, 10))
	}
	for _, id := range s.InitiativeIDs {
		form.Add("initiatives", strconv.FormatInt(id, 10))
	}
	h.renderSessionForm(w, r, d.Access, s, form, nil)
}

func (h *handlers) sessionUpdate(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	_, err := h.Reflections.UpdateSession(r.Context(), actor(d.Access), d.Session.ID, sessionInput(r))
	if h.refused(w, r, err, func(errs validate.Errors) { h.renderSessionForm(w, r, d.Access, d.Session, r.PostForm, errs) }) {
		return
	}
	h.site.Flash(w, "reflection.flash.saved")
	kit.Redirect(w, r, d.URL())
}

func sessionInput(r *http.Request) reflection.SessionInput {
	_ = r.ParseForm()
	f := r.PostForm
	in := reflection.SessionInput{Title: f.Get("title"), HeldOn: strings.TrimSpace(f.Get("held_on")),
		Place: strings.TrimSpace(f.Get("place")), Facilitator: strings.TrimSpace(f.Get("facilitator")),
		PeriodFrom: strings.TrimSpace(f.Get("period_from")), PeriodTo: strings.TrimSpace(f.Get("period_to")),
		Purpose: strings.TrimSpace(strings.ReplaceAll(f.Get("purpose"), "\r\n", "\n"))}
	in.CycleID, _ = strconv.ParseInt(f.Get("cycle"), 10, 64)
	for _, v := range f["initiatives"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			in.InitiativeIDs = append(in.InitiativeIDs, id)
		}
	}
	return in
}

func (h *handlers) renderSessionForm(w http.ResponseWriter, r *http.Request, a *kit.Access, s *reflection.Session,
	form url.Values, errs validate.Errors) {
	ctx := r.Context()
	cycles, err := h.Cycles.List(ctx, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	inits, err := h.orgInitiatives(ctx, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := sessionFormPage{Access: a, Session: s, Cycles: cycles, Initiatives: inits, Chosen: map[string]bool{},
		Action: "/organisasi/" + a.Org.Slug + "/refleksi/baru"}
	for _, v := range form["initiatives"] {
		p.Chosen[v] = true
	}
	title := h.t(r, "reflection.new.title")
	if s != nil {
		p.Action = reflection.SessionPath(a.Org.Slug, s.ID) + "/ubah"
		title = h.t(r, "reflection.edit.title", s.Title)
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.site.Render(w, r, kit.Page{Name: "learning_reflection_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

func (h *handlers) orgInitiatives(ctx context.Context, orgID int64) ([]*initiative.Initiative, error) {
	list, _, err := h.Initiatives.List(ctx, initiative.ListOptions{OrgID: orgID})
	return list, err
}

// refused handles a write's error: field errors re-render the form
// through again (422), anything else is a server or not-found page. It
// reports whether the write was refused.
func (h *handlers) refused(w http.ResponseWriter, r *http.Request, err error, again func(validate.Errors)) bool {
	if err == nil {
		return false
	}
	var errs validate.Errors
	if asErrors(err, &errs) {
		again(errs)
		return true
	}
	h.site.Fail(w, r, err)
	return true
}
