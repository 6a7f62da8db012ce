package volunteer_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/volunteer"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // 0: an error
	}{
		{"2", 120}, {"1,5", 90}, {"1.5", 90}, {"0,25", 15}, {"1.75", 105}, {" 3 ", 180}, {"0,1", 6},
		{"1:30", 90}, {"0:45", 45}, {"24:00", 1440},
		{"90m", 90}, {"90 menit", 90}, {"45 mnt", 45}, {"2j", 120}, {"2 jam", 120}, {"1j30m", 90},
		{"1 jam 30 menit", 90}, {"1,5 jam", 90}, {"2h 15min", 135}, {"1 Jam 5 Menit", 65},
		{"", 0}, {"0", 0}, {"0:00", 0}, {"25", 0}, {"24:01", 0}, {"1:5", 0}, {"1:60", 0}, {"-1", 0},
		{"1,555", 0}, {"1.5.5", 0}, {"dua", 0}, {"2 hari", 0}, {"30 menit 1 jam", 0}, {"1 jam 2 jam", 0},
		{"1e3", 0}, {"Rp2", 0}, {"1 2", 0}, {"jam", 0}, {"99999999999", 0}, {"1,5 menit", 0},
	}
	for _, tt := range tests {
		got, err := volunteer.ParseDuration(tt.in)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("ParseDuration(%q) = %d, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"2", "1,5", "1:30", "1j30m", "90 menit", "1 jam 30 menit", "24:00", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := volunteer.ParseDuration(s)
		if err != nil {
			return
		}
		if m <= 0 || m > volunteer.MaxMinutesOnDay {
			t.Fatalf("ParseDuration(%q) = %d", s, m)
		}
		// Whatever was read, writing it back as H:MM reads the same.
		back, err := volunteer.ParseDuration(fmt.Sprintf("%d:%02d", m/60, m%60))
		if err != nil || back != m {
			t.Fatalf("%q → %d → %d, %v", s, m, back, err)
		}
	})
}

func TestParseHours(t *testing.T) {
	today := time.Date(2025, 6, 10, 23, 0, 0, 0, i18n.WIB)
	tests := []struct {
		name  string
		form  url.Values
		field string
	}{
		{"valid", url.Values{"day": {"2025-06-10"}, "duration": {"2,5"}, "note": {"  Mengajar   kelas  "}}, ""},
		{"no day", url.Values{"duration": {"2"}}, "day"},
		{"bad day", url.Values{"day": {"10-06-2025"}, "duration": {"2"}}, "day"},
		{"tomorrow", url.Values{"day": {"2025-06-11"}, "duration": {"2"}}, "day"},
		{"no duration", url.Values{"day": {"2025-06-09"}}, "duration"},
		{"bad duration", url.Values{"day": {"2025-06-09"}, "duration": {"30 jam"}}, "duration"},
		{"long note", url.Values{"day": {"2025-06-09"}, "duration": {"1"}, "note": {strings.Repeat("a", 201)}}, "note"},
	}
	for _, tt := range tests {
		in, errs := volunteer.ParseHours(tt.form, today)
		if tt.field == "" {
			if len(errs) > 0 || in.Minutes != 150 || in.Note != "Mengajar kelas" {
				t.Errorf("%s: %+v %v", tt.name, in, errs)
			}
			continue
		}
		if errs[tt.field] == "" {
			t.Errorf("%s: no error on %s: %v", tt.name, tt.field, errs)
		}
	}
}

func TestParseActivity(t *testing.T) {
	tests := []struct {
		name        string
		form        url.Values
		field       string
		start, ends time.Time
	}{
		{"one day", url.Values{"date": {"2025-03-15"}, "start": {"08:00"}, "end": {"12:30"}}, "",
			time.Date(2025, 3, 15, 1, 0, 0, 0, time.UTC), time.Date(2025, 3, 15, 5, 30, 0, 0, time.UTC)},
		{"two days", url.Values{"date": {"2025-03-15"}, "start": {"20:00"}, "end": {"06:00"}, "end_date": {"2025-03-16"}}, "",
			time.Date(2025, 3, 15, 13, 0, 0, 0, time.UTC), time.Date(2025, 3, 15, 23, 0, 0, 0, time.UTC)},
		{"end before start", url.Values{"date": {"2025-03-15"}, "start": {"12:00"}, "end": {"08:00"}}, "end", time.Time{}, time.Time{}},
		{"no date", url.Values{"start": {"08:00"}, "end": {"09:00"}}, "date", time.Time{}, time.Time{}},
		{"no start", url.Values{"date": {"2025-03-15"}, "end": {"09:00"}}, "start", time.Time{}, time.Time{}},
		{"bad time", url.Values{"date": {"2025-03-15"}, "start": {"8 pagi"}, "end": {"09:00"}}, "start", time.Time{}, time.Time{}},
		{"too long", url.Values{"date": {"2025-03-15"}, "start": {"08:00"}, "end": {"09:00"}, "end_date": {"2025-05-15"}}, "end_date",
			time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		in, errs := volunteer.ParseActivity(tt.form, i18n.WIB)
		if tt.field != "" {
			if errs[tt.field] == "" {
				t.Errorf("%s: no error on %s: %v", tt.name, tt.field, errs)
			}
			continue
		}
		if len(errs) > 0 || !in.Starts.Equal(tt.start) || !in.Ends.Equal(tt.ends) {
			t.Errorf("%s: %v–%v %v", tt.name, in.Starts, in.Ends, errs)
		}
	}
	if in, errs := volunteer.ParseActivity(url.Values{"date": {" "}}, i18n.WIB); !in.Clear || len(errs) > 0 {
		t.Errorf("empty form: %+v %v", in, errs)
	}
}

func TestFirstName(t *testing.T) {
	for _, tt := range []struct {
		name string
		hide bool
		want string
	}{{"Ayu Lestari", false, "Ayu"}, {"Ayu Lestari", true, ""}, {"  ", false, ""}, {"Budi", false, "Budi"}} {
		s := volunteer.Signup{Name: tt.name, HideName: tt.hide}
		if got := s.FirstName(); got != tt.want {
			t.Errorf("FirstName(%q, %v) = %q", tt.name, tt.hide, got)
		}
	}
}
