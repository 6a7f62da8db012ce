package bankstatement

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseDate reads a day in one of the layouts the banks use:
// DD/MM/YYYY, DD/MM/YY, DD-MM-YYYY, YYYY-MM-DD, "01 September 2026" or
// "01-Sep-26" (English or Indonesian month names, as Mandiri's business
// export prints them), each optionally followed by a time of day (ignored:
// statements are read by the day), and DD/MM when year is non-zero (BCA
// prints the year only in the period, or not at all).
func parseDate(s string, year int) (time.Time, error) {
	s = cleanCell(s)
	if t, ok, err := namedMonthDate(s); ok {
		return t, err
	}
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

// namedMonth maps the month names and abbreviations of English and
// Indonesian exports to their number.
var namedMonth = map[string]int{
	"jan": 1, "january": 1, "januari": 1,
	"feb": 2, "february": 2, "februari": 2, "peb": 2, "pebruari": 2,
	"mar": 3, "march": 3, "maret": 3,
	"apr": 4, "april": 4,
	"may": 5, "mei": 5,
	"jun": 6, "june": 6, "juni": 6,
	"jul": 7, "july": 7, "juli": 7,
	"aug": 8, "august": 8, "agu": 8, "ags": 8, "agt": 8, "agustus": 8,
	"sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "okt": 10, "oktober": 10,
	"nov": 11, "november": 11, "nop": 11, "nopember": 11,
	"dec": 12, "december": 12, "des": 12, "desember": 12,
}

// namedMonthDate reads "DD Month YYYY" or "DD-Mon-YY" (a time may
// follow); ok is false when s is not written that way.
func namedMonthDate(s string) (t time.Time, ok bool, err error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' })
	if len(parts) < 3 {
		return time.Time{}, false, nil
	}
	m, known := namedMonth[strings.ToLower(strings.TrimSuffix(parts[1], "."))]
	if !known {
		return time.Time{}, false, nil
	}
	d, _, y, err := atoi3(parts[0], "1", parts[2])
	if err == nil && len(parts[2]) == 2 {
		y += 2000
	}
	if err != nil || (len(parts[2]) != 2 && len(parts[2]) != 4) || d < 1 || d > 31 || y < 1900 || y > 2999 {
		return time.Time{}, true, fmt.Errorf("%w: %q", ErrDate, s)
	}
	t = day(y, time.Month(m), d)
	if t.Day() != d {
		return time.Time{}, true, fmt.Errorf("%w: %q", ErrDate, s)
	}
	return t, true, nil
}
