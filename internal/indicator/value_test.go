package indicator

import (
	"testing"

	"lokadaya/internal/i18n"
)

func TestParseValue(t *testing.T) {
	cases := []struct {
		in   string
		want Value
		ok   bool
	}{
		{"12", 1200, true}, {"12,5", 1250, true}, {"12.5", 1250, true}, {"1.250.000", 125000000, true},
		{"1,250,000", 125000000, true}, {"1.234,56", 123456, true}, {"-3", -300, true}, {" 7 ", 700, true},
		{"12,345", 1234500, true}, {"1,2,3", 0, false}, {"abc", 0, false}, {"", 0, false}, {"1.2345", 0, false},
		{"12,", 0, false}, {",5", 0, false}, {"1.23.456", 0, false}, {"1e5", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseValue(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseValue(%q) = %d %v, want %d %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if s := Value(123450).Format(i18n.ID); s != "1.234,5" {
		t.Errorf("Format = %q", s)
	}
	if s := Value(-5).String(); s != "-0.05" {
		t.Errorf("String = %q", s)
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"12,5", "1.250.000", "-3", "1,234.56"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseValue(s)
		if !ok {
			return
		}
		back, ok := ParseValue(v.String())
		if !ok || back != v {
			t.Fatalf("%q → %d → %q → %d", s, v, v.String(), back)
		}
	})
}

func TestPeriods(t *testing.T) {
	if got := Periods(Quarterly, "2025-02-10", "2025-12-31"); len(got) != 4 || got[0] != "2025-Q1" || got[3] != "2025-Q4" {
		t.Errorf("quarters = %v", got)
	}
	if from, to, ok := PeriodRange(Monthly, "2024-02"); !ok || from != "2024-02-01" || to != "2024-02-29" {
		t.Errorf("month = %s %s", from, to)
	}
	for _, bad := range []string{"2025-Q5", "2025-Q", "25", "x"} {
		if _, _, ok := PeriodRange(Quarterly, bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
