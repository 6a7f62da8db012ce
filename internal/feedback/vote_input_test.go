package feedback_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"lokadaya/internal/feedback"
)

func TestParseVote(t *testing.T) {
	cases := []struct {
		name  string
		form  url.Values
		field string // the field in error, "" when accepted
	}{
		{"hijau", url.Values{"warna": {"hijau"}}, ""},
		{"upper case and spaces", url.Values{"warna": {" MERAH "}}, ""},
		{"note and type", url.Values{"warna": {"kuning"}, "catatan": {"Antre lama\r\nsekali"}, "layanan": {"Poli gigi"}}, ""},
		{"HTML kept as text", url.Values{"warna": {"merah"}, "catatan": {"<script>alert(1)</script>"}}, ""},
		{"no colour", url.Values{}, "warna"},
		{"other colour", url.Values{"warna": {"biru"}}, "warna"},
		{"note too long", url.Values{"warna": {"hijau"}, "catatan": {strings.Repeat("é", feedback.MaxNote+1)}}, "catatan"},
		{"note at the limit", url.Values{"warna": {"hijau"}, "catatan": {strings.Repeat("é", feedback.MaxNote)}}, ""},
		{"NUL in note", url.Values{"warna": {"hijau"}, "catatan": {"a\x00b"}}, "catatan"},
		{"bad UTF-8", url.Values{"warna": {"hijau"}, "catatan": {"\xff"}}, "catatan"},
		{"line break in type", url.Values{"warna": {"hijau"}, "layanan": {"a\nb"}}, "layanan"},
		{"type too long", url.Values{"warna": {"hijau"}, "layanan": {strings.Repeat("x", feedback.MaxServiceType+1)}}, "layanan"},
	}
	for _, c := range cases {
		in, errs := feedback.ParseVote(c.form)
		switch {
		case c.field == "" && len(errs) > 0:
			t.Errorf("%s: refused: %v", c.name, errs)
		case c.field != "" && errs[c.field] == "":
			t.Errorf("%s: errors %v, want one on %s", c.name, errs, c.field)
		case c.field == "" && !feedback.ValidColour(in.Colour):
			t.Errorf("%s: colour %q", c.name, in.Colour)
		}
	}
	in, _ := feedback.ParseVote(url.Values{"warna": {"merah"}, "catatan": {"<b>x</b>"}})
	if in.Note != "<b>x</b>" {
		t.Errorf("note = %q, want the text as typed", in.Note)
	}
}

// FuzzParseVote: whatever a phone sends, an accepted vote has one of the
// three colours and plain text of bounded length, and the parser never
// panics.
func FuzzParseVote(f *testing.F) {
	f.Add("hijau", "", "")
	f.Add("MERAH", "<b>antre</b>", "Poli gigi")
	f.Add("kuning", "\x00", "\xff")
	f.Add("biru", strings.Repeat("a", 600), "")
	f.Fuzz(func(t *testing.T, colour, note, kind string) {
		in, errs := feedback.ParseVote(url.Values{"warna": {colour}, "catatan": {note}, "layanan": {kind}})
		if len(errs) > 0 {
			return
		}
		if !feedback.ValidColour(in.Colour) {
			t.Fatalf("accepted colour %q", in.Colour)
		}
		if !utf8.ValidString(in.Note) || !utf8.ValidString(in.ServiceType) || strings.ContainsRune(in.Note+in.ServiceType, 0) {
			t.Fatalf("accepted text %q %q", in.Note, in.ServiceType)
		}
		if utf8.RuneCountInString(in.Note) > feedback.MaxNote || utf8.RuneCountInString(in.ServiceType) > feedback.MaxServiceType {
			t.Fatalf("accepted lengths %d %d", len(in.Note), len(in.ServiceType))
		}
		if strings.ContainsAny(in.ServiceType, "\n\r") {
			t.Fatalf("accepted a line break in the service type %q", in.ServiceType)
		}
	})
}
