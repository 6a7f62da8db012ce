package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// complaintLink finds the links to taman-baca's complaint form.
var complaintLink = regexp.MustCompile(`<a (class="button" )?href="(/organisasi/taman-baca/adukan[^"]*)"`)

// TestFeedbackPagesOfferComplaint: the thanks after a vote, the point's
// page and its charter (public and staff) link to the complaint form
// about the point's initiative, up front after a red or yellow vote; the
// link opens the form with the initiative chosen.
func TestFeedbackPagesOfferComplaint(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	w.saveCharter(t, pt, charterForm())
	red := w.vote(t, pt.Code, phone(1), url.Values{"warna": {"merah"}})
	if red.status != http.StatusSeeOther {
		t.Fatalf("vote: %d", red.status)
	}
	thanks := "/u/" + pt.Code + "/terima-kasih"
	for _, c := range []struct {
		name, role, path string
		prominent        bool
	}{
		{"thanks after a red vote", "anon", red.location, true},
		{"thanks after a yellow vote", "anon", thanks + "?warna=kuning", true},
		{"thanks after a green vote", "anon", thanks + "?warna=hijau", false},
		{"thanks without a colour", "anon", thanks, false},
		{"point page", "anon", "/layanan/" + pt.Code, false},
		{"public charter", "anon", "/layanan/" + pt.Code + "/maklumat", false},
		{"staff charter", "viewer", w.charterURL(pt), false},
	} {
		r := w.get(t, c.role, c.path)
		toolCheck(t, c.name, r, http.StatusOK)
		m := complaintLink.FindStringSubmatch(r.body)
		if m == nil {
			t.Errorf("%s: no link to the complaint form", c.name)
			continue
		}
		if prominent := m[1] != "" && strings.Contains(r.body, `id="pengaduan"`); prominent != c.prominent {
			t.Errorf("%s: complaint link up front %v, want %v", c.name, prominent, c.prominent)
		}
		toolCheck(t, c.name+": the link's form", w.get(t, "anon", html.UnescapeString(m[2])), http.StatusOK,
			`action="/organisasi/taman-baca/adukan#error-summary"`, `value="pojok-baca" selected`)
	}
	toolCheck(t, "english thanks", w.get(t, "anon", thanks+"?warna=merah&lang=en"), http.StatusOK,
		"File a complaint about this service")
}
