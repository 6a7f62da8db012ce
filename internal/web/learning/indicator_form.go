package learning

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// indicatorFormPage is the form of a new or changed indicator.
type indicatorFormPage struct {
	*indicatorWorkspace
	Indicator *indicator.Indicator // nil for a new one
	Action    string
	Sources   []string
	// The choices of the form's lists.
	Kinds, Directions, PeriodKinds, Disaggregations []string
}

func (h *handlers) indicatorNew(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.open(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	form := url.Values{"kind": {indicator.KindOutput}, "direction": {indicator.Rise}, "period": {indicator.Quarterly}}
	h.renderIndicatorForm(w, r, http.StatusOK, ws, nil, form, nil)
}

func (h *handlers) indicatorCreate(w http.ResponseWriter, r *http.Request) {
	ws, ok := h.open(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	_, err := h.Indicators.Create(r.Context(), indicatorActor(ws.Access), ws.Access.Org.ID, ws.Initiative.ID, indicatorInput(r.PostForm))
	h.afterIndicatorSave(w, r, ws, nil, err)
}

func (h *handlers) indicatorEdit(w http.ResponseWriter, r *http.Request) {
	ws, ind, ok := h.openIndicator(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	h.renderIndicatorForm(w, r, http.StatusOK, ws, ind, indicatorForm(h.site.Lang(r), ind), nil)
}

func (h *handlers) indicatorUpdate(w http.ResponseWriter, r *http.Request) {
	ws, ind, ok := h.openIndicator(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	err := h.Indicators.Update(r.Context(), indicatorActor(ws.Access), ind.ID, indicatorInput(r.PostForm))
	h.afterIndicatorSave(w, r, ws, ind, err)
}

func (h *handlers) indicatorDelete(w http.ResponseWriter, r *http.Request) {
	ws, ind, ok := h.openIndicator(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	if err := h.Indicators.Delete(r.Context(), indicatorActor(ws.Access), ind.ID); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "indicator.flash.deleted")
	kit.Redirect(w, r, ws.URL())
}

func (h *handlers) afterIndicatorSave(w http.ResponseWriter, r *http.Request, ws *indicatorWorkspace, ind *indicator.Indicator, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderIndicatorForm(w, r, http.StatusUnprocessableEntity, ws, ind, r.PostForm, errs)
	case err != nil:
		h.site.Fail(w, r, err)
	default:
		h.site.Flash(w, "indicator.flash.saved")
		kit.Redirect(w, r, ws.URL())
	}
}

func (h *handlers) renderIndicatorForm(w http.ResponseWriter, r *http.Request, status int, ws *indicatorWorkspace,
	ind *indicator.Indicator, form url.Values, errs validate.Errors) {
	p := &indicatorFormPage{indicatorWorkspace: ws, Indicator: ind, Action: ws.URL() + "/baru", Sources: indicator.Sources,
		Kinds: []string{indicator.KindOutput, indicator.KindOutcome}, Directions: []string{indicator.Rise, indicator.Fall},
		PeriodKinds:     []string{indicator.Monthly, indicator.Quarterly, indicator.Yearly},
		Disaggregations: []string{"", indicator.BySex, indicator.ByAge}}
	title := h.t(r, "indicator.new")
	if ind != nil {
		p.Action = ws.URL() + "/butir/" + strconv.FormatInt(ind.ID, 10) + "/ubah"
		title = h.t(r, "indicator.edit", ind.Name)
	}
	h.site.Render(w, r, kit.Page{Name: "learning_indicator_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

func indicatorInput(f url.Values) indicator.Input {
	return indicator.Input{Key: f.Get("key"), Name: f.Get("name"), Kind: f.Get("kind"), Unit: f.Get("unit"),
		Direction: f.Get("direction"), Baseline: f.Get("baseline"), Target: f.Get("target"), Period: f.Get("period"),
		From: f.Get("from"), To: f.Get("to"), Verification: f.Get("verification"),
		Disaggregation: f.Get("disaggregation"), Source: f.Get("source")}
}

func indicatorForm(lang i18n.Lang, i *indicator.Indicator) url.Values {
	return url.Values{"key": {i.Key}, "name": {i.Name}, "kind": {i.Kind}, "unit": {i.Unit}, "direction": {i.Direction},
		"baseline": {i.Baseline.Format(lang)}, "target": {i.Target.Format(lang)}, "period": {i.Period},
		"from": {i.From}, "to": {i.To}, "verification": {i.Verification}, "disaggregation": {i.Disaggregation},
		"source": {i.Source}}
}

// actualFormPage is the form of a typed actual, new or corrected.
type actualFormPage struct {
	*indicatorWorkspace
	Indicator *indicator.Indicator
	ActualID  int64 // 0 for a new one
	Action    string
	Groups    []string
	Periods   []string
}

func (h *handlers) actualNew(w http.ResponseWriter, r *http.Request) {
	ws, ind, ok := h.openTypedIndicator(w, r)
	if !ok {
		return
	}
	h.renderActualForm(w, r, http.StatusOK, ws, ind, 0, url.Values{}, nil)
}

func (h *handlers) actualCreate(w http.ResponseWriter, r *http.Request) {
	ws, ind, ok := h.openTypedIndicator(w, r)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	_, err := h.Indicators.AddActual(r.Context(), indicatorActor(ws.Access), ind, actualInput(ind, r.PostForm))
	h.afterActualSave(w, r, ws, ind, 0, err)
}

func (h *handlers) actualEdit(w http.ResponseWriter, r *http.Request) {
	ws, ind, a, ok := h.openActual(w, r)
	if !ok {
		return
	}
	form := url.Values{"period": {a.Period}, "value": {a.Value.Format(h.site.Lang(r))}, "note": {a.Note}}
	for g, v := range a.Parts {
		form.Set("part_"+g, v.Format(h.site.Lang(r)))
	}
	h.renderActualForm(w, r, http.StatusOK, ws, ind, a.ID, form, nil)
}

func (h *handlers) actualUpdate(w http.ResponseWriter, r *http.Request) {
	ws, ind, a, ok := h.openActual(w, r)
	if !ok {
		return
	}
	if !kit.ParseForm(h.site, w, r) {
		return
	}
	err := h.Indicators.UpdateActual(r.Context(), indicatorActor(ws.Access), ind, a.ID, actualInput(ind, r.PostForm))
	h.afterActualSave(w, r, ws, ind, a.ID, err)
}

func (h *handlers) actualDelete(w http.ResponseWriter, r *http.Request) {
	ws, ind, a, ok := h.openActual(w, r)
	if !ok {
		return
	}
	if err := h.Indicators.DeleteActual(r.Context(), indicatorActor(ws.Access), ind, a.ID); err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "indicator.flash.actual_deleted")
	kit.Redirect(w, r, ws.URL())
}

// openTypedIndicator opens an indicator that takes typed actuals, for a
// writer; a computed one is 404 here.
func (h *handlers) openTypedIndicator(w http.ResponseWriter, r *http.Request) (*indicatorWorkspace, *indicator.Indicator, bool) {
	ws, ind, ok := h.openIndicator(w, r, (*kit.Access).CanWrite)
	if ok && ind.Computed() {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return ws, ind, ok
}

// openActual opens the typed actual {id} of an indicator of the
// initiative, for a writer.
func (h *handlers) openActual(w http.ResponseWriter, r *http.Request) (*indicatorWorkspace, *indicator.Indicator, *indicator.Actual, bool) {
	aid, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, nil, false
	}
	indID, a, err := h.Indicators.ActualByID(r.Context(), aid)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, nil, false
	}
	ws, ind, ok := h.openIndicatorID(w, r, (*kit.Access).CanWrite, indID)
	if !ok {
		return nil, nil, nil, false
	}
	return ws, ind, a, true
}

func (h *handlers) afterActualSave(w http.ResponseWriter, r *http.Request, ws *indicatorWorkspace, ind *indicator.Indicator, aid int64, err error) {
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderActualForm(w, r, http.StatusUnprocessableEntity, ws, ind, aid, r.PostForm, errs)
	case err != nil:
		h.site.Fail(w, r, err)
	default:
		h.site.Flash(w, "indicator.flash.actual_saved")
		kit.Redirect(w, r, ws.URL())
	}
}

func (h *handlers) renderActualForm(w http.ResponseWriter, r *http.Request, status int, ws *indicatorWorkspace,
	ind *indicator.Indicator, aid int64, form url.Values, errs validate.Errors) {
	p := &actualFormPage{indicatorWorkspace: ws, Indicator: ind, ActualID: aid,
		Action: ws.URL() + "/butir/" + strconv.FormatInt(ind.ID, 10) + "/capaian",
		Groups: indicator.Groups[ind.Disaggregation], Periods: indicator.Periods(ind.Period, ind.From, ind.To)}
	title := h.t(r, "indicator.actual.new", ind.Name)
	if aid != 0 {
		p.Action = ws.URL() + "/capaian/" + strconv.FormatInt(aid, 10)
		title = h.t(r, "indicator.actual.edit", ind.Name)
	}
	h.site.Render(w, r, kit.Page{Name: "learning_indicator_actual", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}

func actualInput(ind *indicator.Indicator, f url.Values) indicator.ActualInput {
	in := indicator.ActualInput{Period: f.Get("period"), Value: f.Get("value"), Note: f.Get("note"), Parts: map[string]string{}}
	for _, g := range indicator.Groups[ind.Disaggregation] {
		in.Parts[g] = f.Get("part_" + g)
	}
	return in
}
