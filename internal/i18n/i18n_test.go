package i18n

import (
	"strings"
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

func TestEveryMessageHasBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		m := messages[k]
		if strings.TrimSpace(m.ID) == "" || strings.TrimSpace(m.EN) == "" {
			t.Errorf("message %q lacks a translation: %+v", k, m)
		}
		if strings.Count(m.ID, "%") != strings.Count(m.EN, "%") {
			t.Errorf("message %q: the two languages take different arguments", k)
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"": ID, "id": ID, "en": EN, "en-US": EN, "xx": ID} {
		if got := Parse(in); got != want {
			t.Errorf("Parse(%q) = %s, want %s", in, got, want)
		}
	}
}
