package ics_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lokadaya/internal/ics"
)

// parse reads back what Calendar writes: every line must end in CRLF and
// be at most 75 octets of valid UTF-8; it returns the unfolded properties
// of the first event, TEXT values unescaped.
func parse(t testing.TB, data []byte) map[string]string {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("no CRLF at the end")
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets: %q", i, len(l), l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare line break: %q", i, l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a character: %q", i, l)
		}
	}
	props := map[string]string{}
	in := false
	for _, l := range ics.Unfold(data) {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("line without a colon: %q", l)
		}
		switch {
		case name == "BEGIN" && value == "VEVENT":
			in = true
		case name == "END" && value == "VEVENT":
			in = false
		case in:
			if _, seen := props[name]; seen {
				t.Fatalf("%s twice", name)
			}
			props[name] = ics.Unescape(value)
		}
	}
	return props
}

func event() ics.Event {
	wib := time.FixedZone("WIB", 7*3600)
	return ics.Event{
		UID:         "relawan-42@lokadaya.test",
		Stamp:       time.Date(2025, 3, 1, 2, 3, 4, 0, time.UTC),
		Start:       time.Date(2025, 3, 15, 8, 0, 0, 0, wib),
		End:         time.Date(2025, 3, 15, 12, 30, 0, 0, wib),
		Summary:     "Relawan: Teknisi pemasangan; lampu, tenaga surya",
		Location:    "Balai Desa Sukarasa, Jl. Merdeka No. 1",
		Description: "Bawa sarung tangan.\nHubungi Komunitas Terang Kampung.\\Terima kasih",
		URL:         "https://lokadaya.test/galang-daya/terang",
	}
}

func TestCalendar(t *testing.T) {
	e := event()
	data := ics.Calendar(e)
	s := string(data)
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "METHOD:PUBLISH\r\n",
		"DTSTART:20250315T010000Z\r\n", "DTEND:20250315T053000Z\r\n", "DTSTAMP:20250301T020304Z\r\n",
		`SUMMARY:Relawan: Teknisi pemasangan\; lampu\, tenaga surya`, "END:VCALENDAR\r\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("calendar lacks %q:\n%s", want, s)
		}
	}
	if strings.Count(s, "\n") != strings.Count(s, "\r\n") {
		t.Error("a line ends without CR")
	}
	p := parse(t, data)
	for name, want := range map[string]string{"UID": e.UID, "SUMMARY": e.Summary, "LOCATION": e.Location,
		"DESCRIPTION": e.Description, "URL": e.URL} {
		if p[name] != want {
			t.Errorf("%s = %q, want %q", name, p[name], want)
		}
	}
	if !bytes.Equal(data, ics.Calendar(e)) {
		t.Error("the same event writes different files")
	}
}

func TestFolding(t *testing.T) {
	tests := []struct {
		name, summary string
	}{
		{"ascii", strings.Repeat("abcdefghij", 30)},
		{"two-byte", strings.Repeat("é", 200)},
		{"three-byte", strings.Repeat("日本", 100)},
		{"four-byte at the edge", strings.Repeat("a", 63) + strings.Repeat("😀", 40)},
		{"escapes at the edge", strings.Repeat(",", 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := event()
			e.Summary = tt.summary
			data := ics.Calendar(e)
			if p := parse(t, data); p["SUMMARY"] != tt.summary {
				t.Errorf("summary back %q", p["SUMMARY"])
			}
			if !strings.Contains(string(data), "\r\n ") {
				t.Error("long line not folded")
			}
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a,b;c\\d", `a\,b\;c\\d`},
		{"baris\r\nkedua\rketiga\nkeempat", `baris\nkedua\nketiga\nkeempat`},
		{"bel\x07 tab\t", "bel tab\t"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ics.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// normal is what a TEXT value becomes: valid UTF-8, "\n" line breaks, no
// control characters but tab.
func normal(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f) {
			return -1
		}
		return r
	}, s)
}

func FuzzCalendar(f *testing.F) {
	f.Add("Teknisi", "Balai Desa", "Bawa\nair minum", "relawan-1@x")
	f.Add(strings.Repeat("日", 80), ";;,,\\\\", "\r\n\r", "a,b")
	f.Add("\xff\xfe", "\x00\x1b", "😀"+strings.Repeat("é", 37), "")
	f.Fuzz(func(t *testing.T, summary, location, description, uid string) {
		e := event()
		e.Summary, e.Location, e.Description, e.UID = summary, location, description, uid
		p := parse(t, ics.Calendar(e))
		for name, want := range map[string]string{"SUMMARY": summary, "LOCATION": location,
			"DESCRIPTION": description, "UID": uid} {
			if want == "" && name != "SUMMARY" && name != "UID" {
				continue
			}
			if p[name] != normal(want) {
				t.Fatalf("%s = %q, want %q", name, p[name], normal(want))
			}
		}
	})
}
