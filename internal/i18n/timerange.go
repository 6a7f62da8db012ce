package i18n

import "time"

// TimeRange writes a span of time in zone as people write it: within one
// day the day once, "9 Desember 2026, 08.00–15.00 WIB"; across days each
// end in full, "9 Desember 2026 08.00 WIB – 10 Desember 2026 12.00 WIB".
func TimeRange(lang Lang, start, end time.Time, zone *time.Location) string {
	if zone == nil {
		zone = WIB
	}
	start, end = start.In(zone), end.In(zone)
	if start.Format(time.DateOnly) != end.Format(time.DateOnly) {
		return DateTime(lang, start, zone) + " – " + DateTime(lang, end, zone)
	}
	layout := "15.04"
	if lang == EN {
		layout = "15:04"
	}
	name, _ := end.Zone()
	return Date(lang, start, zone) + ", " + start.Format(layout) + "–" + end.Format(layout) + " " + name
}
