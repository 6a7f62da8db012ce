package learning

import (
	"fmt"
	"strings"

	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
)

// resultChart is an indicator's progress against its target over time,
// drawn by the server as inline SVG: the baseline and target as dashed
// lines, the actuals per period joined by a line, typed ones as filled
// circles and computed ones as hollow squares. The page gives the same
// figures as a table for screen readers and print.
type resultChart struct {
	Width, Height int
	Left, Right   int
	BaselineY     float64
	TargetY       float64
	BaselineLabel string
	TargetLabel   string
	Line          string
	Points        []chartPoint
	Ticks         []chartTick
}

type chartPoint struct {
	X, Y  float64
	Typed bool
	Value string
}

type chartTick struct {
	X     float64
	Label string
}

const (
	rcWidth, rcHeight = 600, 240
	rcLeft, rcRight   = 56, 56
	rcTop, rcBottom   = 28, 40
)

// newResultChart draws ind; nil when it has no actual to draw.
func newResultChart(lang i18n.Lang, ind *indicator.Indicator) *resultChart {
	if len(ind.Actuals) == 0 {
		return nil
	}
	periods := indicator.Periods(ind.Period, ind.From, ind.To)
	slot := map[string]int{}
	for i, p := range periods {
		slot[p] = i
	}
	lo, hi := ind.Baseline, ind.Target
	if lo > hi {
		lo, hi = hi, lo
	}
	for _, a := range ind.Actuals {
		lo, hi = min(lo, a.Value), max(hi, a.Value)
	}
	if hi == lo {
		hi = lo + 100
	}
	plotH := float64(rcHeight - rcTop - rcBottom)
	y := func(v indicator.Value) float64 {
		return float64(rcTop) + plotH*float64(hi-v)/float64(hi-lo)
	}
	plotW := float64(rcWidth - rcLeft - rcRight)
	x := func(i int) float64 {
		if len(periods) <= 1 {
			return float64(rcLeft) + plotW/2
		}
		return float64(rcLeft) + plotW*float64(i)/float64(len(periods)-1)
	}
	c := &resultChart{Width: rcWidth, Height: rcHeight, Left: rcLeft, Right: rcWidth - rcRight,
		BaselineY: y(ind.Baseline), TargetY: y(ind.Target),
		BaselineLabel: i18n.T(lang, "indicator.baseline") + " " + ind.Baseline.Format(lang),
		TargetLabel:   i18n.T(lang, "indicator.target") + " " + ind.Target.Format(lang)}
	var line []string
	for _, a := range ind.Actuals {
		i, ok := slot[a.Period]
		if !ok {
			continue
		}
		p := chartPoint{X: x(i), Y: y(a.Value), Typed: a.Typed(), Value: a.Value.Format(lang)}
		c.Points = append(c.Points, p)
		line = append(line, fmt.Sprintf("%.1f,%.1f", p.X, p.Y))
	}
	c.Line = strings.Join(line, " ")
	// Label at most about six periods so they stay readable on a phone.
	step := max(1, (len(periods)+5)/6)
	for i := 0; i < len(periods); i += step {
		c.Ticks = append(c.Ticks, chartTick{X: x(i), Label: shortPeriod(periods[i])})
	}
	return c
}

// shortPeriod is a period label short enough for an axis: "03/25",
// "Q1 25", "2025".
func shortPeriod(p string) string {
	if y, q, ok := strings.Cut(p, "-Q"); ok {
		return "Q" + q + " " + y[2:]
	}
	if len(p) == 7 {
		return p[5:] + "/" + p[2:4]
	}
	return p
}
