package collab

import (
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/planning"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// roundSetupPage is where a round's conveners agree its rules and keep
// its participant list.
type roundSetupPage struct {
	Round        *planning.Round
	StageRows    []int
	CriteriaRows []int
	Years        []int
	Participants []planning.Participant
	Groups       []string
	Locked       bool // scoring opened: the rules are fixed
}

// roundSetupForm is GET /perencanaan/{id}/atur.
func (h *handlers) roundSetupForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.manageable(w, r)
	if !ok {
		return
	}
	h.renderSetup(w, r, rd, http.StatusOK, rd.Form(), nil)
}

func (h *handlers) renderSetup(w http.ResponseWriter, r *http.Request, rd *planning.Round, status int, form url.Values, errs validate.Errors) {
	ps, err := h.Rounds.Participants(r.Context(), rd.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	d := &roundSetupPage{Round: rd, Participants: ps, Groups: planning.Groups, Locked: rd.Status != planning.StatusSetup}
	d.StageRows = rows(len(rd.Stages)+2, planning.MaxStages)
	d.CriteriaRows = rows(len(rd.Criteria)+2, planning.MaxCriteria)
	for y := rd.FirstYear; y <= rd.LastYear(); y++ {
		d.Years = append(d.Years, y)
	}
	h.site.Render(w, r, kit.Page{Name: "collab_round_setup", Title: h.t(r, "round.setup.title", rd.Title), Data: d,
		Status: status, Form: form, Errors: errs})
}

// rows numbers n form rows, at least 4 and at most limit.
func rows(n, limit int) []int {
	n = min(max(n, 4), limit)
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// roundSetupSave is POST /perencanaan/{id}/atur.
func (h *handlers) roundSetupSave(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.manageable(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	setup, errs := planning.SetupFrom(r.PostForm, rd)
	err := h.Rounds.SaveSetup(r.Context(), rd, setup, errs)
	if ve, ok := err.(validate.Errors); ok {
		h.renderSetup(w, r, rd, http.StatusUnprocessableEntity, r.PostForm, ve)
		return
	}
	if err != nil {
		h.refused(w, r, rd, err)
		return
	}
	h.site.Flash(w, "round.flash.saved")
	kit.Redirect(w, r, planning.Path(rd.ID)+"/atur")
}

// roundParticipantAdd is POST /perencanaan/{id}/peserta: email, group.
func (h *handlers) roundParticipantAdd(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.manageable(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	err := h.Rounds.AddParticipant(r.Context(), rd, r.PostForm.Get("email"), r.PostForm.Get("group"))
	if ref, ok := validate.Refused(err); ok {
		h.renderSetup(w, r, rd, http.StatusUnprocessableEntity, mergeForm(rd.Form(), r.PostForm),
			validate.Errors{"email": ref.Key})
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, "round.flash.participant")
	kit.Redirect(w, r, planning.Path(rd.ID)+"/atur#peserta")
}

// mergeForm keeps the setup's values and adds what was typed in the
// participant form.
func mergeForm(base, typed url.Values) url.Values {
	for _, k := range []string{"email", "group"} {
		base.Set(k, typed.Get(k))
	}
	return base
}

// roundParticipantRemove is POST /perencanaan/{id}/peserta/{user}/hapus.
func (h *handlers) roundParticipantRemove(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.manageable(w, r)
	if !ok {
		return
	}
	uid, err := strconv.ParseInt(r.PathValue("user"), 10, 64)
	if err != nil || uid <= 0 {
		h.site.NotFound(w, r)
		return
	}
	if err := h.Rounds.RemoveParticipant(r.Context(), rd, uid); err != nil {
		h.refused(w, r, rd, err)
		return
	}
	h.site.Flash(w, "round.flash.participant_removed")
	kit.Redirect(w, r, planning.Path(rd.ID)+"/atur#peserta")
}

// roundOpen is POST /perencanaan/{id}/buka: the rules are fixed and the
// region's open proposals enter the round.
func (h *handlers) roundOpen(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.manageable(w, r)
	if !ok {
		return
	}
	if err := h.Rounds.OpenScoring(r.Context(), rd); err != nil {
		h.refused(w, r, rd, err)
		return
	}
	h.site.Flash(w, "round.flash.opened")
	kit.Redirect(w, r, planning.Path(rd.ID))
}

// roundSettle is POST /perencanaan/{id}/tetapkan: rank and periodise.
func (h *handlers) roundSettle(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.manageable(w, r)
	if !ok {
		return
	}
	if err := h.Rounds.Settle(r.Context(), rd, h.site.BaseURL()); err != nil {
		h.refused(w, r, rd, err)
		return
	}
	h.site.Flash(w, "round.flash.settled")
	kit.Redirect(w, r, planning.Path(rd.ID)+"#hasil")
}
