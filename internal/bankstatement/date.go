package bankstatement

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseDate reads a day in one of the layouts the banks use:
// DD/MM/YYYY, DD/MM/YY, DD-MM-YYYY, YYYY-MM-DD, each optionally followed
// by a time of day (ignored: statements are read by the day), and DD/MM
// when year is non-zero (BCA prints the year only in the period).
func parseDate(s string, year int) (time.Time, error) {
	s = cleanCell(s)
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	var y, m, d int
	var err error
	switch {
	case len(parts) == 3 && len(parts[0]) == 4:
		y, m, d, err = atoi3(parts[0], parts[1], parts[2])
	case len(parts) == 3 && (len(parts[2]) == 4 || len(parts[2]) == 2):
		d, m, y, err = atoi3(parts[0], parts[1], parts[2])
		if err == nil && len(parts[2]) == 2 {
			y += 2000
		}
	case len(parts) == 2 && year > 0:
		d, m, _, err = atoi3(parts[0], parts[1], "0")
		y = year
	default:
		err = ErrDate
	}
	if err != nil || m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999 {
		return time.Time{}, fmt.Errorf("%w: %q", ErrDate, s)
	}
	t := day(y, time.Month(m), d)
	if t.Day() != d { // 31/04 rolls over into May
		return time.Time{}, fmt.Errorf("%w: %q", ErrDate, s)
	}
	return t, nil
}

func atoi3(a, b, c string) (int, int, int, error) {
	var out [3]int
	for i, s := range []string{a, b, c} {
		if len(s) == 0 || len(s) > 4 || !digits(s) {
			return 0, 0, 0, ErrDate
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, 0, 0, ErrDate
		}
		out[i] = n
	}
	return out[0], out[1], out[2], nil
}
