package voice

import (
	"fmt"
	"strings"

	"lokadaya/internal/survey"
)

// trendChart is the IKM of each round drawn as a line over the grade
// bands: an SVG the server writes, so it needs no JavaScript.
type trendChart struct {
	Width, Height int
	Points        []trendPoint
	Line          string // the polyline's points attribute
	Bands         []trendBand
}

// trendPoint is one round on the chart.
type trendPoint struct {
	X, Y   float64
	IKM    float64
	Grade  string
	Period string
}

// trendBand is a grade's lower bound drawn as a line.
type trendBand struct {
	Y     float64
	Grade string
}

// Chart geometry: the plot runs from IKM 25 (bottom) to 100 (top).
const (
	chartWidth, chartHeight = 600, 220
	chartLeft, chartRight   = 40, 20
	chartTop, chartBottom   = 10, 30
)

func chartY(ikm float64) float64 {
	plot := float64(chartHeight - chartTop - chartBottom)
	return float64(chartTop) + plot*(100-ikm)/75
}

// newTrend draws the rounds that have an IKM, in period order; nil when
// none has.
func newTrend(sums []survey.Summary) *trendChart {
	var pts []trendPoint
	for _, s := range sums {
		if ikm, ok := s.Result.IKM(); ok {
			pts = append(pts, trendPoint{IKM: ikm, Grade: s.Result.Grade(), Period: s.Round.PeriodFrom[:7], Y: chartY(ikm)})
		}
	}
	if len(pts) == 0 {
		return nil
	}
	plot := float64(chartWidth - chartLeft - chartRight)
	var line []string
	for i := range pts {
		pts[i].X = float64(chartLeft) + plot/2
		if len(pts) > 1 {
			pts[i].X = float64(chartLeft) + plot*float64(i)/float64(len(pts)-1)
		}
		line = append(line, fmt.Sprintf("%.1f,%.1f", pts[i].X, pts[i].Y))
	}
	return &trendChart{Width: chartWidth, Height: chartHeight, Points: pts, Line: strings.Join(line, " "),
		Bands: []trendBand{{chartY(88.31), "A"}, {chartY(76.61), "B"}, {chartY(65), "C"}, {chartY(25), "D"}}}
}
