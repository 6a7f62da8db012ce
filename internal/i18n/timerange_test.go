package i18n

import (
	"testing"
	"time"
)

func TestTimeRange(t *testing.T) {
	wita := time.FixedZone("WITA", 8*3600)
	start := time.Date(2026, 12, 12, 0, 0, 0, 0, time.UTC) // 08.00 WITA
	for _, tc := range []struct {
		lang Lang
		end  time.Time
		zone *time.Location
		want string
	}{
		{ID, start.Add(7 * time.Hour), wita, "12 Desember 2026, 08.00–15.00 WITA"},
		{EN, start.Add(7 * time.Hour), wita, "12 December 2026, 08:00–15:00 WITA"},
		{ID, start.Add(28 * time.Hour), wita, "12 Desember 2026 08.00 WITA – 13 Desember 2026 12.00 WITA"},
		{ID, start.Add(7 * time.Hour), nil, "12 Desember 2026, 07.00–14.00 WIB"},
	} {
		if got := TimeRange(tc.lang, start, tc.end, tc.zone); got != tc.want {
			t.Errorf("TimeRange(%s, +%s) = %q, want %q", tc.lang, tc.end.Sub(start), got, tc.want)
		}
	}
}

func TestMonthYear(t *testing.T) {
	for _, tc := range []struct {
		lang     Lang
		in, want string
	}{
		{ID, "2026-06", "Juni 2026"}, {EN, "2026-06", "June 2026"}, {ID, "2026-13", "2026-13"}, {ID, "", ""},
	} {
		if got := MonthYear(tc.lang, tc.in); got != tc.want {
			t.Errorf("MonthYear(%s, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}
