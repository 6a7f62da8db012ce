package i18n

import "time"

// MonthYear writes a month stored as YYYY-MM as people read it: "Juni 2026",
// "June 2026". Anything else is returned as it is.
func MonthYear(lang Lang, month string) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return month
	}
	name := monthsID[t.Month()-1]
	if lang == EN {
		name = t.Month().String()
	}
	return name + " " + t.Format("2006")
}
