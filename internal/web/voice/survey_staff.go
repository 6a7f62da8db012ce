package voice

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/survey"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// orgToday is today in the organisation's zone, YYYY-MM-DD.
func orgToday(a *kit.Access) string {
	return time.Now().In(region.Zone(a.Org.RegionCode)).Format(time.DateOnly)
}

// surveyListPage is an initiative's survey rounds with their trend.
type surveyListPage struct {
	*workspace
	Rounds []survey.Summary
	Trend  *trendChart
}

// surveyList shows the initiative's rounds, newest first, with the IKM
// trend. Members, hub coordinators and platform admins read it.
func (h *handlers) surveyList(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	sums, err := h.summaries(r.Context(), ws.Initiative.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &surveyListPage{workspace: ws, Trend: newTrend(sums)}
	for i := len(sums) - 1; i >= 0; i-- {
		p.Rounds = append(p.Rounds, sums[i])
	}
	h.site.Render(w, r, kit.Page{Name: "voice_survey_list", Title: h.t(r, "survey.list.title", ws.Initiative.Name), Data: p})
}

// roundFormPage is the form of a new or changed round.
type roundFormPage struct {
	*workspace
	Round  *survey.Round
	Action string
}

func (h *handlers) roundNew(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderRoundForm(w, r, http.StatusOK, ws, nil, url.Values{}, nil)
}

func (h *handlers) roundCreate(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.openWorkspace(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	rd, err := h.Survey.CreateRound(r.Context(), surveyActor(ws.Access), ws.Access.Org.ID, ws.Initiative.ID,
		survey.RoundFromForm(r.PostForm), orgToday(ws.Access))
	h.afterRoundSave(w, r, ws, rd, nil, err)
}

func (h *handlers) roundEdit(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderRoundForm(w, r, http.StatusOK, ws, rd, rd.Form(), nil)
}

func (h *handlers) roundUpdate(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	err := h.Survey.UpdateRound(r.Context(), surveyActor(ws.Access), rd, survey.RoundFromForm(r.PostForm), orgToday(ws.Access))
	h.afterRoundSave(w, r, ws, rd, rd, err)
}

// afterRoundSave goes to the round's page, or shows the form again.
func (h *handlers) afterRoundSave(w http.ResponseWriter, r *http.Request, ws *workspace, saved, editing *survey.Round, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderRoundForm(w, r, http.StatusUnprocessableEntity, ws, editing, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "survey.flash.round_saved")
		kit.Redirect(w, r, ws.RoundURL(saved))
	}
}

func (h *handlers) renderRoundForm(w http.ResponseWriter, r *http.Request, status int, ws *workspace,
	rd *survey.Round, form url.Values, errs validate.Errors) {
	p := &roundFormPage{workspace: ws, Round: rd, Action: ws.SurveyURL() + "/baru"}
	title := h.t(r, "survey.round.new")
	if rd != nil {
		p.Action, title = ws.RoundURL(rd)+"/ubah", h.t(r, "survey.round.edit")
	}
	h.site.Render(w, r, kit.Page{Name: "voice_survey_round_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

// roundPage is one round: its figures, profile and responses.
type roundPage struct {
	*workspace
	survey.Summary
	Elements  []elementRow
	Profile   map[string]map[string]int
	Responses []*survey.Response
	PublicURL string
	QRURL     string
}

// elementRow is one element's line in the results table.
type elementRow struct {
	Key       string
	Average   float64
	Converted float64 // the average × 25
	Grade     string
	Answered  bool
}

func elementRows(res *survey.Result) []elementRow {
	avgs := res.Averages()
	rows := make([]elementRow, survey.NumElements)
	for i, key := range survey.Elements {
		rows[i] = elementRow{Key: key, Grade: res.ElementGrade(i), Answered: res.Average(i) != nil}
		if rows[i].Answered {
			rows[i].Average = avgs[i]
			rows[i].Converted = res.Converted(i)
		}
	}
	return rows
}

// roundShow shows a round to the organisation's readers.
func (h *handlers) roundShow(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	ctx := r.Context()
	sum, err := h.summaryOf(ctx, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &roundPage{workspace: ws, Summary: sum, Elements: elementRows(sum.Result),
		PublicURL: h.site.BaseURL() + questionnaireURL(rd), QRURL: questionnaireURL(rd) + "/qr.png"}
	if p.Profile, err = h.Survey.ProfileCounts(ctx, rd.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if p.Responses, err = h.Survey.Responses(ctx, rd.ID, 50); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_survey_round", Title: rd.Title, Data: p})
}

// roundSetOpen opens or closes the public questionnaire ("open" = 1 or 0).
func (h *handlers) roundSetOpen(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	open := r.PostForm.Get("open") == "1"
	if err := h.Survey.SetOpen(r.Context(), surveyActor(ws.Access), rd, open); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, map[bool]string{true: "survey.flash.opened", false: "survey.flash.closed"}[open])
	kit.Redirect(w, r, ws.RoundURL(rd))
}

// paperPage is the form a paper questionnaire is typed into.
type paperPage struct {
	*workspace
	Round *survey.Round
	Token string
	questions
}

func (h *handlers) paperForm(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderPaper(w, r, http.StatusOK, ws, rd, url.Values{}, nil)
}

// paperSave records a typed-in questionnaire and opens an empty form for
// the next sheet.
func (h *handlers) paperSave(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	_, err := h.Survey.EnterPaper(r.Context(), surveyActor(ws.Access), rd, survey.ResponseFromForm(r.PostForm))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderPaper(w, r, http.StatusUnprocessableEntity, ws, rd, r.PostForm, errs)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "survey.flash.paper_saved")
		kit.Redirect(w, r, ws.RoundURL(rd)+"/kertas")
	}
}

func (h *handlers) renderPaper(w http.ResponseWriter, r *http.Request, status int, ws *workspace, rd *survey.Round,
	form url.Values, errs validate.Errors) {
	p := &paperPage{workspace: ws, Round: rd, Token: form.Get("token"), questions: newQuestions(true)}
	if p.Token == "" || errs["token"] != "" {
		p.Token = newToken()
	}
	h.site.Render(w, r, kit.Page{Name: "voice_survey_paper", Title: h.t(r, "survey.paper.title", rd.Title), Data: p,
		Status: status, Form: form, Errors: errs})
}

// responseDelete removes a response typed in by mistake, with a reason.
func (h *handlers) responseDelete(w http.ResponseWriter, r *http.Request) {
	ws, rd, ok := h.openRound(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("rid"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return
	}
	err = h.Survey.DeleteResponse(r.Context(), surveyActor(ws.Access), rd, id, r.PostForm.Get("reason"))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.site.Flash(w, "survey.flash.reason_needed")
	case errors.Is(err, db.ErrNotFound):
		h.site.NotFound(w, r)
		return
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	default:
		h.site.Flash(w, "survey.flash.response_deleted")
	}
	kit.Redirect(w, r, ws.RoundURL(rd)+"#jawaban")
}
