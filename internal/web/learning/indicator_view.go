package learning

import (
	"strconv"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
	"lokadaya/internal/initiative"
)

// indicatorView is an indicator as its pages show it: the figures
// written in the reader's language, its actuals and its chart.
type indicatorView struct {
	*indicator.Indicator
	Baseline, Target string
	FromLabel        string
	ToLabel          string
	Latest           string // "" when there is no actual
	Progress         string // "" when it cannot be said
	Reached          bool
	Rows             []actualRow
	Chart            *resultChart
	HasComputed      bool
	HasTyped         bool
}

// actualRow is one actual in the table under the chart.
type actualRow struct {
	ID          int64
	Period      string
	PeriodLabel string
	Value       string
	Source      string
	Typed       bool
	Note        string
	CreatedName string
	CreatedAt   time.Time
	Parts       []partRow
}

type partRow struct {
	Group, Value string
}

func newIndicatorView(lang i18n.Lang, ind *indicator.Indicator) *indicatorView {
	v := &indicatorView{Indicator: ind, Baseline: ind.Baseline.Format(lang), Target: ind.Target.Format(lang),
		Reached: ind.Reached(), Chart: newResultChart(lang, ind), FromLabel: dayLabel(lang, ind.From),
		ToLabel: dayLabel(lang, ind.To)}
	if l := ind.Latest(); l != nil {
		v.Latest = l.Value.Format(lang)
	}
	if p, ok := ind.Progress(); ok {
		v.Progress = strconv.FormatInt(p, 10)
	}
	for _, a := range ind.Actuals {
		row := actualRow{ID: a.ID, Period: a.Period, PeriodLabel: indicator.PeriodLabel(lang, a.Period),
			Value: a.Value.Format(lang), Source: a.Source, Typed: a.Typed(), Note: a.Note, CreatedName: a.CreatedName,
			CreatedAt: a.CreatedAt}
		for _, g := range indicator.Groups[ind.Disaggregation] {
			if pv, ok := a.Parts[g]; ok {
				row.Parts = append(row.Parts, partRow{Group: g, Value: pv.Format(lang)})
			}
		}
		v.Rows = append(v.Rows, row)
		v.HasTyped = v.HasTyped || a.Typed()
		v.HasComputed = v.HasComputed || !a.Typed()
	}
	return v
}

// initiativeResults is one initiative with its indicators.
type initiativeResults struct {
	Initiative *initiative.Initiative
	Indicators []*indicatorView
}

// groupByInitiative puts the indicators under their initiatives, in the
// order of inits; initiatives without indicators are kept when keepEmpty.
func groupByInitiative(lang i18n.Lang, inits []*initiative.Initiative, list []*indicator.Indicator, keepEmpty bool) []*initiativeResults {
	by := map[int64][]*indicatorView{}
	for _, ind := range list {
		by[ind.InitiativeID] = append(by[ind.InitiativeID], newIndicatorView(lang, ind))
	}
	var out []*initiativeResults
	for _, i := range inits {
		if len(by[i.ID]) == 0 && !keepEmpty {
			continue
		}
		out = append(out, &initiativeResults{Initiative: i, Indicators: by[i.ID]})
	}
	return out
}

// dayLabel writes a YYYY-MM-DD day as people read it.
func dayLabel(lang i18n.Lang, day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return i18n.Date(lang, t, time.UTC)
}
