package voice

import (
	"context"
	"errors"
	"net/http"

	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/qris"
	"lokadaya/internal/survey"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// publicInitiative loads a published initiative of a visible organisation
// by slug; anything else is 404 to the public.
func (h *handlers) publicInitiative(w http.ResponseWriter, r *http.Request, slug string) (*initiative.Initiative, *org.Organization, bool) {
	i, o, err := h.findPublic(r.Context(), slug)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	return i, o, true
}

// findPublic loads a published initiative by slug and its organisation:
// db.ErrNotFound unless both are public.
func (h *handlers) findPublic(ctx context.Context, slug string) (*initiative.Initiative, *org.Organization, error) {
	i, err := h.Initiatives.BySlug(ctx, slug)
	if err != nil {
		return nil, nil, err
	}
	o, err := h.Orgs.ByID(ctx, i.OrgID)
	if err != nil {
		return nil, nil, err
	}
	if !i.Published() || o.Status == org.StatusRejected || o.Status == org.StatusSuspended {
		return nil, nil, db.ErrNotFound
	}
	return i, o, nil
}

// questionnairePage is the public questionnaire of a round.
type questionnairePage struct {
	Round      *survey.Round
	Initiative *initiative.Initiative
	Org        *org.Organization
	Token      string
	Sent       bool
	questions
}

// openQuestionnaire loads the round {code} of a published initiative.
func (h *handlers) openQuestionnaire(w http.ResponseWriter, r *http.Request) (*questionnairePage, bool) {
	rd, err := h.Survey.RoundByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	i, err := h.Initiatives.ByID(r.Context(), rd.InitiativeID)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	i, o, ok := h.publicInitiative(w, r, i.Slug)
	if !ok {
		return nil, false
	}
	return &questionnairePage{Round: rd, Initiative: i, Org: o, questions: newQuestions(false)}, true
}

// questionnaire shows the nine questions, no account needed.
func (h *handlers) questionnaire(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openQuestionnaire(w, r)
	if !ok {
		return
	}
	p.Token = newToken()
	p.Sent = r.URL.Query().Get("terkirim") == "1"
	h.site.Render(w, r, kit.Page{Name: "voice_survey_questionnaire", Title: h.t(r, "survey.public.title", p.Initiative.Name), Data: p})
}

// questionnaireSend records an answer, counted per client address.
func (h *handlers) questionnaireSend(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openQuestionnaire(w, r)
	if !ok {
		return
	}
	if !h.site.AllowClient(w, r, h.SurveyLimit, "skm:"+p.Round.Code) {
		return
	}
	_, err := h.Survey.RespondOnline(r.Context(), p.Round, survey.ResponseFromForm(r.PostForm))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		p.Token = r.PostForm.Get("token")
		if errs["token"] != "" || p.Token == "" {
			p.Token = newToken()
		}
		h.site.Render(w, r, kit.Page{Name: "voice_survey_questionnaire", Title: h.t(r, "survey.public.title", p.Initiative.Name),
			Data: p, Status: http.StatusUnprocessableEntity, Form: r.PostForm, Errors: errs})
	case errors.Is(err, survey.ErrClosed):
		h.site.Render(w, r, kit.Page{Name: "voice_survey_questionnaire", Title: h.t(r, "survey.public.title", p.Initiative.Name),
			Data: p, Status: http.StatusConflict})
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		kit.Redirect(w, r, questionnaireURL(p.Round)+"?terkirim=1")
	}
}

// questionnaireQR is the QR code of the questionnaire's address, for a
// poster or a table tent at the service point.
func (h *handlers) questionnaireQR(w http.ResponseWriter, r *http.Request) {
	rd, err := h.Survey.RoundByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	png, err := qris.PNG(h.site.BaseURL()+questionnaireURL(rd), 480)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(png)
}

// surveyPublicPage is an initiative's survey results for the public.
type surveyPublicPage struct {
	Initiative *initiative.Initiative
	Org        *org.Organization
	Rounds     []publicRound
	Trend      *trendChart
}

// publicRound is a round as the public sees it: figures only.
type publicRound struct {
	survey.Summary
	Elements []elementRow
	OpenURL  string // the questionnaire, while the round takes answers
}

// surveyPublic shows every round's IKM, grade, element averages and sample
// check, newest first, with the trend.
func (h *handlers) surveyPublic(w http.ResponseWriter, r *http.Request) {
	// Its readers see it before it is published, as they see the
	// initiative's page that links here.
	i, a, ok := h.openPublicInitiative(w, r)
	if !ok {
		return
	}
	sums, err := h.summaries(r.Context(), i.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &surveyPublicPage{Initiative: i, Org: a.Org, Trend: newTrend(sums)}
	for k := len(sums) - 1; k >= 0; k-- {
		pr := publicRound{Summary: sums[k], Elements: elementRows(sums[k].Result)}
		if sums[k].Round.Open {
			pr.OpenURL = questionnaireURL(sums[k].Round)
		}
		p.Rounds = append(p.Rounds, pr)
	}
	h.site.Render(w, r, kit.Page{Name: "voice_survey_public", Title: h.t(r, "survey.results.title", i.Name), Data: p})
}
