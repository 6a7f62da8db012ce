package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// When a reviewer asks for changes, the members who can send them find
// the request among what waits for them, with the documents asked for and
// the ways to answer; uploading a requested document sends the
// organisation back to review, so the reviewer can decide again.
func TestChangesRequestedWaitOnTheDashboard(t *testing.T) {
	w := newOrgWorld(t)
	addCoordinator(t, w)
	review := "/simpul/simpul-jabar/tinjau/taman-baca"
	if res := w.post(t, "coord", review, url.Values{"status": {"pending"}, "decision": {"needs_changes"},
		"reason": {"Lengkapi akta."}, "documents": {"akta"}}); res.status != http.StatusSeeOther {
		t.Fatalf("needs changes: %d", res.status)
	}
	if body := w.get(t, "coord", review).body; !strings.Contains(body, "<th>Kontak</th><td>—</td>") {
		t.Error("the review page leaves an organisation's missing contact blank")
	}
	dash := "/organisasi/taman-baca/dasbor"
	item := "Peninjau meminta perbaikan"
	for _, tc := range []struct {
		role  string
		shown bool
		links []string
	}{
		{"owner", true, []string{`href="/organisasi/taman-baca/ubah"`, `href="/organisasi/taman-baca/dokumen"`}},
		{"admin", true, []string{`href="/organisasi/taman-baca/ubah"`, `href="/organisasi/taman-baca/dokumen"`}},
		{"editor", true, []string{`href="/organisasi/taman-baca/ubah"`}},
		{"treasurer", false, nil},
		{"viewer", false, nil},
	} {
		body := w.get(t, tc.role, dash).body
		waiting := body[strings.Index(body, `<ul class="waiting">`):]
		waiting = waiting[:strings.Index(waiting, "</ul>")]
		if strings.Contains(waiting, item) != tc.shown {
			t.Errorf("%s: the request shown among what waits = %v, want %v", tc.role, !tc.shown, tc.shown)
		}
		if tc.shown && !strings.Contains(waiting, "Peninjau meminta dokumen berikut: Akta pendirian.") {
			t.Errorf("%s: the documents asked for are not named", tc.role)
		}
		for _, l := range tc.links {
			if !strings.Contains(waiting, l) {
				t.Errorf("%s: the request lacks %s", tc.role, l)
			}
		}
		if !tc.shown && !strings.Contains(body, "Tidak ada yang menunggu Anda") {
			t.Errorf("%s: the dashboard does not say nothing waits", tc.role)
		}
	}
	if body := w.get(t, "owner", "/dasbor").body; !strings.Contains(body, "1 hal menunggu Anda") {
		t.Error("the owner's dashboard does not count the request")
	}

	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	if res := w.uploadDocument(t, "owner", "akta", "akta.pdf", pdf); res.status != http.StatusSeeOther {
		t.Fatalf("upload: %d", res.status)
	}
	if body := w.get(t, "owner", dash).body; strings.Contains(body, item) || !strings.Contains(body, "Menunggu verifikasi") {
		t.Error("after the upload the organisation is not waiting for review")
	}
	if body := w.get(t, "coord", review).body; !strings.Contains(body, `name="decision" value="verified"`) {
		t.Error("the reviewer cannot verify after the requested document came")
	}
}
