package i18n

import "time"

// DaysHours writes how long something took, in days and hours, as people
// say it: "5 jam", "2 hari 3 jam"; under an hour reads as such.
func DaysHours(l Lang, d time.Duration) string {
	hours := int64(d.Round(time.Hour) / time.Hour)
	if d > 0 && hours == 0 {
		return T(l, "complaint.duration.under_hour")
	}
	days, rest := hours/24, hours%24
	switch {
	case days == 0:
		return T(l, "complaint.duration.hours", rest)
	case rest == 0:
		return T(l, "complaint.duration.days", days)
	}
	return T(l, "complaint.duration.days_hours", days, rest)
}
