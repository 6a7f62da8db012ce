package voice

import (
	"context"
	"net/http"
	"strconv"

	"lokadaya/internal/survey"
	"lokadaya/internal/web/kit"
)

// surveyRoutes registers the satisfaction survey (SKM): the organisation's
// rounds, paper entry and exports; the public questionnaire and results;
// the API.
func (h *handlers) surveyRoutes(mux kit.Router) {
	base := "/organisasi/{slug}/layanan/{islug}/skm"
	mux.HandleFunc("GET "+base, h.surveyList)
	mux.HandleFunc("GET "+base+"/baru", h.roundNew)
	mux.HandleFunc("POST "+base+"/baru", h.roundCreate)
	mux.HandleFunc("GET "+base+"/{id}", h.roundShow)
	mux.HandleFunc("GET "+base+"/{id}/ubah", h.roundEdit)
	mux.HandleFunc("POST "+base+"/{id}/ubah", h.roundUpdate)
	mux.HandleFunc("POST "+base+"/{id}/status", h.roundSetOpen)
	mux.HandleFunc("GET "+base+"/{id}/kertas", h.paperForm)
	mux.HandleFunc("POST "+base+"/{id}/kertas", h.paperSave)
	mux.HandleFunc("POST "+base+"/{id}/jawaban/{rid}/hapus", h.responseDelete)
	mux.HandleFunc("GET "+base+"/{id}/jawaban.csv", h.surveyCSV)
	mux.HandleFunc("GET "+base+"/{id}/jawaban.xlsx", h.surveyXLSX)

	mux.HandleFunc("GET /skm/{code}", h.questionnaire)
	mux.HandleFunc("POST /skm/{code}", h.questionnaireSend)
	mux.HandleFunc("GET /skm/{code}/qr.png", h.questionnaireQR)
	mux.HandleFunc("GET /inisiatif/{slug}/skm", h.surveyPublic)
	mux.HandleFunc("GET /api/v1/initiatives/{slug}/ikm", h.apiIKM)
}

// surveyURL is the organisation's survey page of the initiative.
func (ws *workspace) SurveyURL() string { return ws.URL() + "/skm" }

// RoundURL is a round's page in the organisation's side.
func (ws *workspace) RoundURL(r *survey.Round) string {
	return ws.SurveyURL() + "/" + strconv.FormatInt(r.ID, 10)
}

// questionnaireURL is a round's public questionnaire.
func questionnaireURL(r *survey.Round) string { return "/skm/" + r.Code }

// openRound opens the workspace for a caller allowed by may and the round
// {id} of its initiative.
func (h *handlers) openRound(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*workspace, *survey.Round, bool) {
	ws, ok := h.openWorkspace(w, r, may)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	rd, err := h.Survey.Round(r.Context(), ws.Access.Org.ID, id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	if rd.InitiativeID != ws.Initiative.ID {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return ws, rd, true
}

// summaries puts each of an initiative's rounds together with its result
// and population, oldest first.
func (h *handlers) summaries(ctx context.Context, initiativeID int64) ([]survey.Summary, error) {
	rounds, err := h.Survey.Rounds(ctx, initiativeID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(rounds))
	for i, rd := range rounds {
		ids[i] = rd.ID
	}
	results, err := h.Survey.Results(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]survey.Summary, len(rounds))
	for i, rd := range rounds {
		var served int64
		if h.Served != nil {
			if served, err = h.Served(ctx, initiativeID, rd.PeriodFrom, rd.PeriodTo); err != nil {
				return nil, err
			}
		}
		out[i] = survey.Summarize(rd, results[rd.ID], served)
	}
	return out, nil
}

// summaryOf is one round's summary.
func (h *handlers) summaryOf(ctx context.Context, rd *survey.Round) (survey.Summary, error) {
	results, err := h.Survey.Results(ctx, []int64{rd.ID})
	if err != nil {
		return survey.Summary{}, err
	}
	var served int64
	if h.Served != nil {
		if served, err = h.Served(ctx, rd.InitiativeID, rd.PeriodFrom, rd.PeriodTo); err != nil {
			return survey.Summary{}, err
		}
	}
	return survey.Summarize(rd, results[rd.ID], served), nil
}

// surveyActor is who acts, for the audit log.
func surveyActor(a *kit.Access) survey.Actor {
	id, name := a.Actor()
	return survey.Actor{ID: id, Name: name}
}
