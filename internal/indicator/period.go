package indicator

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/i18n"
)

// PeriodOf is the label of the period of kind that contains day
// (YYYY-MM-DD or YYYY-MM…): "2025-03", "2025-Q1" or "2025".
func PeriodOf(kind, day string) string {
	if len(day) < 7 {
		return ""
	}
	switch kind {
	case Yearly:
		return day[:4]
	case Quarterly:
		m, _ := strconv.Atoi(day[5:7])
		return fmt.Sprintf("%s-Q%d", day[:4], (m+2)/3)
	default:
		return day[:7]
	}
}

// PeriodRange is the first and last day (YYYY-MM-DD) of a period label of
// kind, and false when the label is not one.
func PeriodRange(kind, label string) (from, to string, ok bool) {
	var start time.Time
	var months int
	var err error
	switch kind {
	case Monthly:
		start, err = time.Parse("2006-01", label)
		months = 1
	case Quarterly:
		y, q, found := strings.Cut(label, "-Q")
		n, qerr := strconv.Atoi(q)
		if !found || qerr != nil || n < 1 || n > 4 || len(q) != 1 {
			return "", "", false
		}
		start, err = time.Parse("2006-01", fmt.Sprintf("%s-%02d", y, 3*n-2))
		months = 3
	case Yearly:
		start, err = time.Parse("2006", label)
		months = 12
	default:
		return "", "", false
	}
	if err != nil || start.Year() < 1900 || start.Year() > 2200 {
		return "", "", false
	}
	end := start.AddDate(0, months, -1)
	return start.Format(time.DateOnly), end.Format(time.DateOnly), true
}

// Periods lists the labels of the periods of kind from the day from to
// the day to, in order.
func Periods(kind, from, to string) []string {
	var out []string
	for p := PeriodOf(kind, from); p != ""; {
		pf, pt, ok := PeriodRange(kind, p)
		if !ok || pf > to {
			break
		}
		out = append(out, p)
		next, _ := time.Parse(time.DateOnly, pt)
		p = PeriodOf(kind, next.AddDate(0, 0, 1).Format(time.DateOnly))
		if len(out) > 600 {
			break
		}
	}
	return out
}

// PeriodLabel writes a period as people read it: "Maret 2025",
// "Triwulan 1 2025" / "Quarter 1 2025", "2025".
func PeriodLabel(lang i18n.Lang, label string) string {
	if y, q, ok := strings.Cut(label, "-Q"); ok {
		return i18n.T(lang, "indicator.quarter_of", q, y)
	}
	if len(label) == 7 {
		return i18n.MonthYear(lang, label)
	}
	return label
}
