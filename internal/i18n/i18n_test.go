package i18n

import (
	"testing"
	"time"
)

func TestRupiah(t *testing.T) {
	for _, tc := range []struct {
		in   int64
		want string
	}{
		{0, "Rp0"}, {999, "Rp999"}, {1000, "Rp1.000"}, {1500000, "Rp1.500.000"},
		{-5000, "-Rp5.000"}, {123456789012, "Rp123.456.789.012"},
	} {
		if got := Rupiah(tc.in); got != tc.want {
			t.Errorf("Rupiah(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateTimeZones(t *testing.T) {
	at := time.Date(2026, 11, 24, 6, 5, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang Lang
		zone *time.Location
		want string
	}{
		{ID, WIB, "24 November 2026 13.05 WIB"},
		{ID, WITA, "24 November 2026 14.05 WITA"},
		{EN, WIT, "24 November 2026 15:05 WIT"},
		{ID, nil, "24 November 2026 13.05 WIB"},
	} {
		if got := DateTime(tc.lang, at, tc.zone); got != tc.want {
			t.Errorf("DateTime(%s) = %q, want %q", tc.lang, got, tc.want)
		}
	}
	if got := Date(ID, time.Date(2026, 8, 17, 0, 0, 0, 0, WIB), WIB); got != "17 Agustus 2026" {
		t.Errorf("Date = %q", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"": ID, "id": ID, "en": EN, "en-US": EN, "xx": ID} {
		if got := Parse(in); got != want {
			t.Errorf("Parse(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		lang   Lang
		tenths int64
		want   string
	}{
		{ID, 16, "1,6\u00a0%"}, {EN, 16, "1.6%"}, {ID, 100, "10\u00a0%"}, {EN, 1000, "100%"},
		{ID, 0, "0\u00a0%"}, {EN, -25, "-2.5%"}, {ID, 4405, "440,5\u00a0%"},
	} {
		if got := Percent(tc.lang, tc.tenths); got != tc.want {
			t.Errorf("Percent(%s, %d) = %q, want %q", tc.lang, tc.tenths, got, tc.want)
		}
	}
	for _, tc := range []struct {
		part, whole int64
		want        string
	}{
		{1, 3, "33,3\u00a0%"}, {2, 3, "66,7\u00a0%"}, {16, 1000, "1,6\u00a0%"}, {5, 0, ""}, {3, 3, "100\u00a0%"},
	} {
		if got := PercentOf(ID, tc.part, tc.whole); got != tc.want {
			t.Errorf("PercentOf(%d, %d) = %q, want %q", tc.part, tc.whole, got, tc.want)
		}
	}
}

func TestPermille(t *testing.T) {
	for _, tc := range []struct{ part, whole, want int64 }{
		{4, 6, 667}, {1, 3, 333}, {75_000, 1_981_011, 38}, {6_995, 100_000, 70}, {1, 2000, 1},
		{0, 7, 0}, {7, 7, 1000}, {5, 0, 0}, {5, -1, 0},
	} {
		if got := Permille(tc.part, tc.whole); got != tc.want {
			t.Errorf("Permille(%d, %d) = %d, want %d", tc.part, tc.whole, got, tc.want)
		}
	}
}
