package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestComplaintLookup: a typed tracking code leads to its complaint; one
// left empty, badly formed or unknown shows the form again with what was
// typed and why.
func TestComplaintLookup(t *testing.T) {
	w := newComplaintWorld(t)
	code := w.fileComplaint(t, complaintForm("Buku di pojok baca sudah rusak semua.", "publik"))
	form := `action="/pengaduan"`
	for _, c := range []struct {
		name, query string
		status      int
		want        []string
	}{
		{"no code yet", "", http.StatusOK, []string{form, `name="kode" value=""`}},
		{"empty", "?kode=", http.StatusUnprocessableEntity, []string{form, `id="error-summary"`, "Ketik kode pelacakan"}},
		{"blank", "?kode=++", http.StatusUnprocessableEntity, []string{form, `id="error-summary"`, "Ketik kode pelacakan"}},
		{"badly formed", "?kode=abc", http.StatusUnprocessableEntity, []string{form, `id="error-summary"`, "8 huruf dan angka", `value="abc"`}},
		{"escaped", "?kode=%3Cb%3E", http.StatusUnprocessableEntity, []string{form, `value="&lt;b&gt;"`}},
		{"unknown", "?kode=ZZZZ-ZZZZ", http.StatusNotFound, []string{form, `id="error-summary"`,
			"Kode pengaduan tidak ditemukan. Periksa lagi kodenya", `value="ZZZZ-ZZZZ"`}},
		{"unknown, english", "?kode=ZZZZ-ZZZZ&lang=en", http.StatusNotFound, []string{form, "Complaint code not found", `value="ZZZZ-ZZZZ"`}},
		{"empty, english", "?kode=&lang=en", http.StatusUnprocessableEntity, []string{form, "Type the tracking code"}},
	} {
		r := w.get(t, "anon", "/pengaduan"+c.query)
		toolCheck(t, c.name, r, c.status, c.want...)
		if c.status == http.StatusOK && strings.Contains(r.body, `id="error-summary"`) {
			t.Errorf("%s: an error before anything was typed", c.name)
		}
	}
	for _, typed := range []string{code, strings.ToLower(code), strings.ReplaceAll(code, "-", "")} {
		r := w.get(t, "anon", "/pengaduan?kode="+typed)
		if r.status != http.StatusSeeOther || r.location != "/pengaduan/"+code {
			t.Errorf("%q: %d to %q, want the status page", typed, r.status, r.location)
		}
	}
}
