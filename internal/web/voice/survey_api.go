package voice

import (
	"encoding/csv"
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/report"
	"lokadaya/internal/survey"
	"lokadaya/internal/web/kit"
)

// apiRound is a round in the API.
type apiRound struct {
	Period      string    `json:"period"`
	From        string    `json:"from"`
	To          string    `json:"to"`
	Title       string    `json:"title"`
	Respondents int       `json:"respondents"`
	Elements    []float64 `json:"elements"`
	IKM         *float64  `json:"ikm"`
	Grade       *string   `json:"grade"`
	// SampleEnough is null when the population is not known.
	SampleEnough   *bool  `json:"sample_enough"`
	Population     *int64 `json:"population"`
	SampleRequired *int64 `json:"sample_required"`
}

// apiIKM answers GET /api/v1/initiatives/{slug}/ikm: every round's
// respondents, nine element averages (1–4, three decimals, in the
// regulation's order), IKM (25–100, two decimals), grade and sample check,
// oldest first.
func (h *handlers) apiIKM(w http.ResponseWriter, r *http.Request) {
	i, _, err := h.findPublic(r.Context(), r.PathValue("slug"))
	if errors.Is(err, db.ErrNotFound) {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "api.err.not_found"))
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	sums, err := h.summaries(r.Context(), i.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	rounds := make([]apiRound, 0, len(sums))
	for _, s := range sums {
		avgs := s.Result.Averages()
		a := apiRound{Period: s.Round.PeriodFrom + "/" + s.Round.PeriodTo, From: s.Round.PeriodFrom, To: s.Round.PeriodTo,
			Title: s.Round.Title, Respondents: s.Result.Respondents, Elements: avgs[:]}
		if ikm, ok := s.Result.IKM(); ok {
			g := s.Result.Grade()
			a.IKM, a.Grade = &ikm, &g
		}
		if s.Sample.Known {
			a.SampleEnough, a.Population, a.SampleRequired = &s.Sample.Enough, &s.Sample.Population, &s.Sample.Required
		}
		rounds = append(rounds, a)
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	kit.JSON(w, http.StatusOK, map[string]any{"rounds": rounds})
}

// exportRows are a round's responses without personal data: no profile,
// no suggestion, no one who typed them in; only the source, the day and
// the nine scores (0 for a blank on paper).
func exportRows(h *handlers, r *http.Request, list []*survey.Response) [][]string {
	head := []string{h.t(r, "survey.export.no"), h.t(r, "survey.export.source"), h.t(r, "survey.export.date")}
	for _, key := range survey.Elements {
		head = append(head, h.t(r, "survey.el."+key))
	}
	rows := [][]string{head}
	for n, resp := range list {
		row := []string{strconv.Itoa(n + 1), h.t(r, "survey.source."+resp.Source), resp.CreatedAt.Format("2006-01-02")}
		for _, v := range resp.Scores {
			row = append(row, strconv.Itoa(v))
		}
		rows = append(rows, row)
	}
	return rows
}

// allResponses lists every response of a round, oldest first.
func (h *handlers) allResponses(r *http.Request, rd *survey.Round) ([]*survey.Response, error) {
	return h.Survey.AllResponses(r.Context(), rd.ID)
}

// surveyCSV downloads a round's responses as CSV, for the organisation's
// readers.
func (h *handlers) surveyCSV(w http.ResponseWriter, r *http.Request) {
	_, rd, ok := h.openRound(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.allResponses(r, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="skm-`+rd.Code+`.csv"`)
	cw := csv.NewWriter(w)
	for _, row := range exportRows(h, r, list) {
		for k := range row {
			row[k] = report.SafeCell(row[k])
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

// surveyXLSX downloads a round's responses as XLSX.
func (h *handlers) surveyXLSX(w http.ResponseWriter, r *http.Request) {
	_, rd, ok := h.openRound(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.allResponses(r, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	rows := exportRows(h, r, list)
	table := make([][]report.Cell, len(rows))
	for k, row := range rows {
		for c, v := range row {
			if k == 0 {
				table[k] = append(table[k], report.TextCell(v))
			} else {
				// Column 2 is the day of the response.
				table[k] = append(table[k], report.AutoCell(v, c != 2))
			}
		}
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="skm-`+rd.Code+`.xlsx"`)
	if err := report.WriteTableXLSX(w, h.t(r, "voice.sheet.survey"), table); err != nil {
		h.site.ServerError(w, r, err)
	}
}
