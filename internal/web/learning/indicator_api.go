package learning

import (
	"encoding/json"
	"net/http"
	"strings"

	"lokadaya/internal/indicator"
	"lokadaya/internal/web/kit"
)

// apiIndicator is an indicator in the API. Numbers are exact decimals.
type apiIndicator struct {
	Key            string      `json:"key"`
	Name           string      `json:"name"`
	Unit           string      `json:"unit"`
	Kind           string      `json:"kind"`
	Baseline       json.Number `json:"baseline"`
	Target         json.Number `json:"target"`
	Direction      string      `json:"direction"`
	Period         string      `json:"period"`
	From           string      `json:"from"`
	To             string      `json:"to"`
	Verification   string      `json:"verification"`
	Disaggregation string      `json:"disaggregation"`
	Source         string      `json:"source"`
	Actuals        []apiActual `json:"actuals"`
}

type apiActual struct {
	Period string                 `json:"period"`
	Value  json.Number            `json:"value"`
	Source string                 `json:"source"`
	Parts  map[string]json.Number `json:"parts,omitempty"`
}

// indicatorsAPI answers GET /api/v1/initiatives/{slug}/indicators: the
// indicators of a published initiative with their actuals, typed
// ("typed") and computed (the source's name).
func (h *handlers) indicatorsAPI(w http.ResponseWriter, r *http.Request) {
	i, err := h.Initiatives.BySlug(r.Context(), r.PathValue("slug"))
	shown := err == nil && i.Published()
	if shown {
		o, oerr := h.Orgs.ByID(r.Context(), i.OrgID)
		shown = oerr == nil && !(&kit.Access{Org: o}).Hidden()
	}
	if !shown {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "api.err.not_found"))
		return
	}
	list, err := h.Indicators.ForInitiative(r.Context(), i.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	items := make([]apiIndicator, 0, len(list))
	for _, ind := range list {
		items = append(items, toAPI(ind))
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": items})
}

func toAPI(ind *indicator.Indicator) apiIndicator {
	out := apiIndicator{Key: ind.Key, Name: ind.Name, Unit: ind.Unit, Kind: ind.Kind,
		Baseline: json.Number(ind.Baseline.String()), Target: json.Number(ind.Target.String()),
		Direction: ind.Direction, Period: ind.Period, From: ind.From, To: ind.To, Verification: ind.Verification,
		Disaggregation: ind.Disaggregation, Source: ind.Source, Actuals: []apiActual{}}
	if out.Source == "" {
		out.Source = indicator.SourceTyped
	}
	for _, a := range ind.Actuals {
		aa := apiActual{Period: a.Period, Value: json.Number(a.Value.String()), Source: a.Source}
		if len(a.Parts) > 0 {
			aa.Parts = map[string]json.Number{}
			for g, v := range a.Parts {
				aa.Parts[g] = json.Number(v.String())
			}
		}
		out.Actuals = append(out.Actuals, aa)
	}
	return out
}

// resultsExport downloads an initiative's indicators and actuals, one
// row per actual (hasil.csv or hasil.xlsx), for whoever may see its
// results page. Whole numbers from the baseline on are numbers in the
// spreadsheet; decimals stay as written, with a point.
func (h *handlers) resultsExport(w http.ResponseWriter, r *http.Request) {
	i, _, ok := kit.PublicInitiative(h.site, h.Initiatives, h.Orgs, w, r)
	if !ok {
		return
	}
	list, err := h.Indicators.ForInitiative(r.Context(), i.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	format := "csv"
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		format = "xlsx"
	}
	table := [][]string{{"key", "name", "kind", "unit", "direction", "baseline", "target", "from", "to",
		"verification", "period", "value", "source"}}
	for _, ind := range list {
		head := []string{ind.Key, ind.Name, ind.Kind, ind.Unit, ind.Direction, ind.Baseline.String(),
			ind.Target.String(), ind.From, ind.To, ind.Verification}
		if len(ind.Actuals) == 0 {
			table = append(table, append(append([]string{}, head...), "", "", ""))
		}
		for _, a := range ind.Actuals {
			table = append(table, append(append([]string{}, head...), a.Period, a.Value.String(), a.Source))
		}
	}
	kit.WriteTable(h.site, w, r, format, "hasil-"+i.Slug, "Hasil", table, 5)
}
