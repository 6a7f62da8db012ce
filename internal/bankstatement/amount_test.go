package bankstatement

import (
	"errors"
	"strconv"
	"testing"
	"time"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  int64
		empty bool
		err   error
	}{
		{"287,490.00", 287490, false, nil},
		{"1,500,000.00", 1500000, false, nil},
		{"1.500.000,00", 1500000, false, nil},
		{"1.500.000", 1500000, false, nil},
		{"1,500", 1500, false, nil},
		{"1500000.00", 1500000, false, nil},
		{"1500000,0", 1500000, false, nil},
		{"1500000", 1500000, false, nil},
		{".00", 0, false, nil},
		{"0", 0, false, nil},
		{"Rp 12.500", 12500, false, nil},
		{"IDR 12,500.00", 12500, false, nil},
		{"=\"12,500.00\"", 12500, false, nil},
		{"'12,500.00", 12500, false, nil},
		{"", 0, true, nil},
		{"-", 0, true, nil},
		{"1,000.50", 0, false, ErrSen},
		{"1.000,5", 0, false, ErrSen},
		{"12.5", 0, false, ErrSen},
		{"1,0,0", 0, false, ErrAmount},
		{"1,2345,000", 0, false, ErrAmount},
		{"12a", 0, false, ErrAmount},
		{"-5", 0, false, ErrAmount},
		{"1.", 0, false, ErrAmount},
		{"99999999999999999999", 0, false, ErrAmount},
	} {
		v, empty, err := parseAmount(tc.in)
		if v != tc.want || empty != tc.empty || !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("parseAmount(%q) = %d, %v, %v; want %d, %v, %v", tc.in, v, empty, err, tc.want, tc.empty, tc.err)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		year int
		want string // "" for an error
	}{
		{"14/03/2025", 0, "2025-03-14"},
		{"14/03/25", 0, "2025-03-14"},
		{"2025-03-14", 0, "2025-03-14"},
		{"2025-03-14 23:59:59", 0, "2025-03-14"},
		{"14-03-2025", 0, "2025-03-14"},
		{"'14/03", 2025, "2025-03-14"},
		{"14/03", 0, ""},
		{"29/02/2025", 0, ""},
		{"29/02/2024", 0, "2024-02-29"},
		{"00/03/2025", 0, ""},
		{"14/3/2025x", 0, ""},
		{"PEND", 2025, ""},
		{"", 0, ""},
	} {
		got, err := parseDate(tc.in, tc.year)
		switch {
		case tc.want == "" && !errors.Is(err, ErrDate):
			t.Errorf("parseDate(%q) = %v, %v; want ErrDate", tc.in, got, err)
		case tc.want != "" && (err != nil || got.Format(time.DateOnly) != tc.want || got.Location().String() != "WIB"):
			t.Errorf("parseDate(%q) = %v, %v; want %s WIB", tc.in, got, err, tc.want)
		}
	}
}
