package collab

import (
	"net/http"
	"strconv"

	"lokadaya/internal/planning"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// roundScorePage is a participant's scoring sheet: each proposal of the
// round, scored once on every criterion.
type roundScorePage struct {
	Round   *planning.Round
	Group   string
	Entries []*planning.Entry
	Scored  map[int64]bool
	Scores  []int
	// Failed is the proposal whose scores were refused, with Errors.
	Failed int64
}

// Left counts the proposals still to score.
func (d *roundScorePage) Left() int { return len(d.Entries) - len(d.Scored) }

// roundScoreForm is GET /perencanaan/{id}/nilai, for participants.
func (h *handlers) roundScoreForm(w http.ResponseWriter, r *http.Request) {
	h.renderScore(w, r, http.StatusOK, 0, nil)
}

func (h *handlers) renderScore(w http.ResponseWriter, r *http.Request, status int, failed int64, errs validate.Errors) {
	u, ok := h.site.RequireUser(w, r)
	if !ok {
		return
	}
	rd, ok := h.loadRound(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	group, err := h.Rounds.GroupOf(ctx, rd.ID, u.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if group == "" {
		h.site.Forbidden(w, r)
		return
	}
	if rd.Status != planning.StatusScoring {
		h.refused(w, r, rd, planning.ErrNotScoring)
		return
	}
	d := &roundScorePage{Round: rd, Group: group, Failed: failed, Scores: []int{1, 2, 3, 4, 5}}
	if d.Entries, err = h.Rounds.Entries(ctx, rd); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if d.Scored, err = h.Rounds.Scored(ctx, rd.ID, u.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	var form = r.PostForm
	h.site.Render(w, r, kit.Page{Name: "collab_round_score", Title: h.t(r, "round.score.title", rd.Title), Data: d,
		Status: status, Form: form, Errors: errs})
}

// roundScore is POST /perencanaan/{id}/nilai/{proposal}: score_CRITERION
// for every criterion.
func (h *handlers) roundScore(w http.ResponseWriter, r *http.Request) {
	u, ok := h.site.RequireUser(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	rd, ok := h.loadRound(w, r)
	if !ok {
		return
	}
	pid, err := strconv.ParseInt(r.PathValue("proposal"), 10, 64)
	if err != nil || pid <= 0 {
		h.site.NotFound(w, r)
		return
	}
	scores, errs := planning.ScoresFrom(r.PostForm, rd.Criteria)
	if len(errs) > 0 {
		h.renderScore(w, r, http.StatusUnprocessableEntity, pid, errs)
		return
	}
	err = h.Rounds.Score(r.Context(), rd, planning.Actor{ID: u.ID, Admin: u.IsAdmin}, pid, scores)
	if err == planning.ErrNotParticipant {
		h.site.Forbidden(w, r)
		return
	}
	if err != nil {
		h.refused(w, r, rd, err)
		return
	}
	h.site.Flash(w, "round.flash.scored")
	kit.Redirect(w, r, planning.Path(rd.ID)+"/nilai")
}

// roundYearPage records which of a year's planned proposals were funded.
type roundYearPage struct {
	Round *planning.Round
	Year  yearView
}

// roundYear loads the round and the {year} whose funding is recorded
// next; another year is 404.
func (h *handlers) roundYear(w http.ResponseWriter, r *http.Request) (*planning.Round, *roundPage, int, bool) {
	rd, ok := h.manageable(w, r)
	if !ok {
		return nil, nil, 0, false
	}
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || rd.Status != planning.StatusSettled {
		h.site.NotFound(w, r)
		return nil, nil, 0, false
	}
	d, err := h.roundData(r.Context(), r, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, nil, 0, false
	}
	if year != d.NextYear {
		h.site.NotFound(w, r)
		return nil, nil, 0, false
	}
	return rd, d, year, true
}

// roundYearForm is GET /perencanaan/{id}/tahun/{year}.
func (h *handlers) roundYearForm(w http.ResponseWriter, r *http.Request) {
	rd, d, year, ok := h.roundYear(w, r)
	if !ok {
		return
	}
	p := &roundYearPage{Round: rd}
	for _, y := range d.Years {
		if y.Year == year {
			p.Year = y
		}
	}
	h.site.Render(w, r, kit.Page{Name: "collab_round_year", Title: h.t(r, "round.year.title", year, rd.Title), Data: p})
}

// roundYearDecide is POST /perencanaan/{id}/tahun/{year}: funded=ID for
// each funded proposal; the rest move forward.
func (h *handlers) roundYearDecide(w http.ResponseWriter, r *http.Request) {
	rd, _, year, ok := h.roundYear(w, r)
	if !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	funded := map[int64]bool{}
	for _, v := range r.PostForm["funded"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			h.refused(w, r, rd, planning.ErrNotInRound)
			return
		}
		funded[id] = true
	}
	if err := h.Rounds.DecideYear(r.Context(), rd, year, funded, h.site.BaseURL()); err != nil {
		h.refused(w, r, rd, err)
		return
	}
	h.site.Flash(w, "round.flash.year_decided")
	kit.Redirect(w, r, planning.Path(rd.ID)+"#hasil")
}
