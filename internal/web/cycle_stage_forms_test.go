package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The stage page is long: a refused comment or attachment brings the
// browser back to its own form, not to the top, with the field marked.
func TestCycleStageFormsComeBackToTheirField(t *testing.T) {
	w := newCycleWorld(t)
	if _, err := w.cycles.Start(context.Background(), w.org.ID, w.actor("owner")); err != nil {
		t.Fatal(err)
	}
	base := "/organisasi/taman-baca/siklus/1/tahap/1"
	got := w.post(t, "editor", base+"/komentar", url.Values{"comment": {" "}})
	for _, want := range []string{`<section id="komentar">`, `action="` + base + `/komentar#komentar"`, `aria-invalid="true" aria-describedby="err-comment"`, `<span class="error" id="err-comment">`} {
		if got.status != http.StatusUnprocessableEntity || !strings.Contains(got.body, want) {
			t.Errorf("empty comment = %d, lacks %s", got.status, want)
		}
	}
	got = w.upload(t, "editor", base+"/lampiran", "", nil)
	for _, want := range []string{`<section id="lampiran">`, `action="` + base + `/lampiran#lampiran"`, `aria-describedby="err-file"`} {
		if got.status != http.StatusUnprocessableEntity || !strings.Contains(got.body, want) {
			t.Errorf("missing file = %d, lacks %s", got.status, want)
		}
	}
}
