package learning

import (
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/reflection"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// prefixed renames the fields of errs for an inline form whose fields
// carry a prefix (group_name…), so several forms share one page.
func prefixed(errs validate.Errors, prefix string) validate.Errors {
	out := validate.Errors{}
	for f, k := range errs {
		out[prefix+f] = k
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func atoi64(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n
}

func text(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }

// inline answers an inline form of the session page: back to the page at
// anchor when saved, the page again with the errors when refused.
func (h *handlers) inline(w http.ResponseWriter, r *http.Request, d *sessionDesk, err error, form, prefix string,
	group int64, anchor, flash string) {
	if h.refused(w, r, err, func(errs validate.Errors) {
		h.renderSession(w, r, d, form, group, r.PostForm, prefixed(errs, prefix))
	}) {
		return
	}
	if flash != "" {
		h.site.Flash(w, flash)
	}
	kit.Redirect(w, r, d.URL()+anchor)
}

func (h *handlers) groupAdd(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	f := r.PostForm
	in := reflection.GroupInput{Kind: f.Get("group_kind"), Name: f.Get("group_name"), Participants: atoi(f.Get("group_participants")),
		Women: atoi(f.Get("group_women")), SatOn: strings.TrimSpace(f.Get("group_sat_on"))}
	if n := strings.TrimSpace(f.Get("group_participants")); n != "" && atoi(n) == 0 && n != "0" {
		in.Participants = -1 // not a number: refused as such
	}
	_, err := h.Reflections.AddGroup(r.Context(), actor(d.Access), d.Session.ID, in)
	h.inline(w, r, d, err, "group", "group_", 0, "#kelompok", "reflection.flash.group")
}

func (h *handlers) inputAdd(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	gid := pathID(r, "gid")
	err := h.Reflections.AddInput(r.Context(), actor(d.Access), d.Session.ID, gid, r.PostForm.Get("input_kind"), r.PostForm.Get("input_body"))
	h.inline(w, r, d, err, "input", "input_", gid, "#kelompok-"+strconv.FormatInt(gid, 10), "")
}

func (h *handlers) inputRemove(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Reflections.RemoveInput(r.Context(), actor(d.Access), d.Session.ID, pathID(r, "iid"))
	h.inline(w, r, d, err, "input", "input_", 0, "#kelompok", "reflection.flash.input_removed")
}

func (h *handlers) findingAdd(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	f := r.PostForm
	in := reflection.FindingInput{Kind: f.Get("finding_kind"), Title: f.Get("finding_title"), Body: text(f.Get("finding_body")),
		AddressedTo: f.Get("finding_addressed_to"), GroupID: atoi64(f.Get("finding_group"))}
	_, err := h.Reflections.AddFinding(r.Context(), actor(d.Access), d.Session.ID, in)
	h.inline(w, r, d, err, "finding", "finding_", 0, "#temuan", "reflection.flash.finding")
}

func (h *handlers) findingRemove(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Reflections.RemoveFinding(r.Context(), actor(d.Access), d.Session.ID, pathID(r, "fid"))
	h.inline(w, r, d, err, "finding", "finding_", 0, "#temuan", "reflection.flash.finding_removed")
}

// findingInitiative opens the draft initiative of a "new initiative"
// finding in the organisation's next open cycle.
func (h *handlers) findingInitiative(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	p := &sessionPage{sessionDesk: d}
	if err := h.loadCycles(r.Context(), p); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if p.Next == nil {
		h.renderSession(w, r, d, "finding", 0, nil, validate.Errors{"finding_cycle": "reflection.err.no_next_cycle"})
		return
	}
	fid := pathID(r, "fid")
	if !h.findingOf(w, r, d, fid) {
		return
	}
	_, err := h.Reflections.OpenInitiative(r.Context(), actor(d.Access), fid, p.Next.ID)
	h.inline(w, r, d, err, "finding", "finding_", 0, "#temuan", "reflection.flash.initiative_opened")
}

// findingOf checks the finding belongs to the session (404 otherwise).
func (h *handlers) findingOf(w http.ResponseWriter, r *http.Request, d *sessionDesk, fid int64) bool {
	list, err := h.Reflections.Findings(r.Context(), d.Session.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return false
	}
	for _, f := range list {
		if f.ID == fid {
			return true
		}
	}
	h.site.NotFound(w, r)
	return false
}

func (h *handlers) sessionHeld(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Reflections.MarkHeld(r.Context(), actor(d.Access), d.Session.ID)
	h.inline(w, r, d, err, "status", "", 0, "", "reflection.flash.held")
}

func (h *handlers) sessionPublish(w http.ResponseWriter, r *http.Request) { h.setPublished(w, r, true) }

func (h *handlers) sessionUnpublish(w http.ResponseWriter, r *http.Request) {
	h.setPublished(w, r, false)
}

func (h *handlers) setPublished(w http.ResponseWriter, r *http.Request, publish bool) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Reflections.SetPublished(r.Context(), actor(d.Access), d.Session.ID, publish)
	if err == nil {
		// The session is saved; its lessons follow, and a failure
		// there is logged and mended by publishing again.
		if lerr := h.Reflections.SyncLessons(r.Context(), h.Lessons, actor(d.Access), d.Access.Org, d.Session, publish); lerr != nil {
			h.site.Log(r, lerr)
		}
	}
	flash := "reflection.flash.unpublished"
	if publish {
		flash = "reflection.flash.published"
	}
	h.inline(w, r, d, err, "status", "", 0, "", flash)
}

func (h *handlers) actionAdd(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	in := actionInput(r, "action_")
	_, err := h.Reflections.AddAction(r.Context(), actor(d.Access), d.Access.Org.ID, d.Session.ID, in)
	h.inline(w, r, d, err, "action", "action_", 0, "#aksi", "reflection.flash.action")
}

// actionInput reads an action's form; prefix is "action_" on the
// session page and "" on the action's own page.
func actionInput(r *http.Request, prefix string) reflection.ActionInput {
	_ = r.ParseForm()
	f := r.PostForm
	in := reflection.ActionInput{What: f.Get(prefix + "what"), OwnerID: atoi64(f.Get(prefix + "owner")),
		DueOn: strings.TrimSpace(f.Get(prefix + "due_on")), IndicatorID: atoi64(f.Get(prefix + "indicator")),
		FindingID: atoi64(f.Get(prefix + "finding")), Status: f.Get(prefix + "status"), Note: text(f.Get(prefix + "note"))}
	if raw := strings.TrimSpace(f.Get(prefix + "budget")); raw != "" {
		b, err := cycletool.ParseRupiah(raw)
		if err != nil {
			b = -1 // refused as a bad budget
		}
		in.Budget = b
	}
	return in
}
