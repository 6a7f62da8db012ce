package voice

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"

	"lokadaya/internal/feedback"
	"lokadaya/internal/i18n"
)

// trendMonths is how many months the public trend shows.
const trendMonths = 12

// Geometry of the trend chart, in SVG units.
const (
	trendWidth, trendHeight = 640, 220
	trendLeft, trendBottom  = 44, 28 // room for the axis labels
	trendTop                = 12
)

// colourFill is each colour's fill: the glass box's colours, dark enough
// to tell apart on a cheap screen.
var colourFill = map[string]string{feedback.Merah: "#c62828", feedback.Kuning: "#f9a825", feedback.Hijau: "#2e7d32"}

// trendSVG draws the monthly tallies as stacked bars (hijau at the bottom,
// then kuning, then merah), each bar with a title for screen readers and
// pointers, the month under it and the largest total on the axis.
func trendSVG(lang i18n.Lang, months []feedback.MonthTally, title string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		trendWidth, trendHeight, trendWidth, trendHeight, html.EscapeString(title))
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(title))
	var top int64 = 1
	for _, m := range months {
		top = max(top, m.Total())
	}
	plotH := float64(trendHeight - trendTop - trendBottom)
	baseY := float64(trendHeight - trendBottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%.0f" x2="%d" y2="%.0f" stroke="#555" stroke-width="1"/>`, trendLeft, baseY, trendWidth, baseY)
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="end" fill="#333">%s</text>`, trendLeft-6, trendTop+10, i18n.Number(top))
	fmt.Fprintf(&b, `<text x="%d" y="%.0f" font-size="12" text-anchor="end" fill="#333">0</text>`, trendLeft-6, baseY)
	slot := float64(trendWidth-trendLeft) / float64(max(len(months), 1))
	barW := slot * 0.64
	for i, m := range months {
		x := float64(trendLeft) + slot*float64(i) + (slot-barW)/2
		y := baseY
		label := monthLabel(lang, m.Month)
		for _, c := range []string{feedback.Hijau, feedback.Kuning, feedback.Merah} {
			n := m.Of(c)
			if n == 0 {
				continue
			}
			h := plotH * float64(n) / float64(top)
			y -= h
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s · %s: %s</title></rect>`,
				x, y, barW, h, colourFill[c], html.EscapeString(label), html.EscapeString(i18n.T(lang, "feedback.colour."+c)), i18n.Number(n))
		}
		short, _, _ := strings.Cut(label, " ")
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle" fill="#333">%s</text>`,
			x+barW/2, trendHeight-10, html.EscapeString(short))
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

// monthLabel writes a month "YYYY-MM" as people read it: "Mar 2026".
func monthLabel(lang i18n.Lang, month string) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return month
	}
	// i18n.Date writes "1 Maret 2026": keep the month's first three
	// letters and the year.
	parts := strings.Fields(i18n.Date(lang, t, time.UTC))
	if len(parts) != 3 {
		return month
	}
	name := []rune(parts[1])
	return string(name[:min(3, len(name))]) + " " + parts[2]
}

// writeSVG answers an SVG image, cached briefly: tallies change slowly.
func writeSVG(w http.ResponseWriter, svg []byte) {
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(svg)
}
