package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// uploadDocument posts file as the organisation's document of kind.
func (w *orgWorld) uploadDocument(t *testing.T, role, kind, name string, file []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("kind", kind)
	if file != nil {
		fw, err := mw.CreateFormFile("berkas", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, "/organisasi/taman-baca/dokumen", mw.FormDataContentType(), &buf)
}

// TestDocumentsPerRole: only owners and admins upload; they, the covering
// hub's coordinator and platform admins see and download; everyone else
// is turned away. Photos lose their metadata.
func TestDocumentsPerRole(t *testing.T) {
	w := newOrgWorld(t)
	addCoordinator(t, w)
	addHubCoordinator(t, w, "far", "simpul-papua", "91")
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	if res := w.uploadDocument(t, "owner", "akta", "akta.pdf", pdf); res.status != 303 {
		t.Fatalf("owner's upload: %d\n%s", res.status, res.body)
	}
	if res := w.uploadDocument(t, "admin", "npwp", "npwp.jpg", proofJPEG(t)); res.status != 303 {
		t.Fatalf("admin's upload: %d\n%s", res.status, res.body)
	}
	seers := map[string]bool{"owner": true, "admin": true, "platform": true, "coord": true}
	for _, role := range append(orgRoles, "coord", "far") {
		for _, path := range []string{"/organisasi/taman-baca/dokumen", "/organisasi/taman-baca/dokumen/akta"} {
			res := w.get(t, role, path)
			want := http.StatusForbidden
			switch {
			case role == "anon":
				want = http.StatusSeeOther
			case seers[role]:
				want = http.StatusOK
			}
			if res.status != want {
				t.Errorf("GET %s as %s = %d, want %d", path, role, res.status, want)
			}
		}
		if role == "owner" || role == "admin" {
			continue
		}
		res := w.uploadDocument(t, role, "sk_kemenkumham", "sk.pdf", pdf)
		want := http.StatusForbidden
		if role == "anon" {
			want = http.StatusSeeOther
		}
		if res.status != want {
			t.Errorf("upload as %s = %d, want %d", role, res.status, want)
		}
	}
	akta := w.get(t, "coord", "/organisasi/taman-baca/dokumen/akta")
	if akta.body != string(pdf) || akta.header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(akta.header.Get("Content-Disposition"), "attachment") || akta.header.Get("Cache-Control") != "private, no-store" {
		t.Errorf("akta served as %v", akta.header)
	}
	npwp := w.get(t, "platform", "/organisasi/taman-baca/dokumen/npwp")
	if npwp.status != 200 || npwp.header.Get("Content-Type") != "image/jpeg" || strings.Contains(npwp.body, "GPS-LOKASI-RAHASIA") {
		t.Errorf("npwp photo: %d %v, metadata kept: %v", npwp.status, npwp.header.Get("Content-Type"), strings.Contains(npwp.body, "GPS"))
	}
	if res := w.get(t, "owner", "/organisasi/taman-baca/dokumen/sk_kemenkumham"); res.status != 404 {
		t.Errorf("missing document: %d", res.status)
	}
	if res := w.get(t, "owner", "/organisasi/taman-baca/dokumen/ktp"); res.status != 404 {
		t.Errorf("unknown document: %d", res.status)
	}
	for _, tc := range []struct {
		kind, name string
		file       []byte
		status     int
		says       string
	}{
		{"ktp", "x.pdf", pdf, 422, "Pilih jenis dokumen."},
		{"akta", "x.exe", []byte("MZ\x90\x00"), 422, "Hanya PDF, JPEG atau PNG"},
		{"akta", "", nil, 422, "Pilih berkas"},
		{"akta", "x.pdf", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), 5<<20+100<<10)...), 413, "terlalu besar"},
	} {
		if res := w.uploadDocument(t, "owner", tc.kind, tc.name, tc.file); res.status != tc.status || !strings.Contains(res.body, tc.says) {
			t.Errorf("upload %s %s = %d, want %d with %q", tc.kind, tc.name, res.status, tc.status, tc.says)
		}
	}
	// The reviewer sees both files listed with their links.
	review := w.get(t, "coord", "/simpul/simpul-jabar/tinjau/taman-baca").body
	for _, want := range []string{`href="/organisasi/taman-baca/dokumen/akta"`, `href="/organisasi/taman-baca/dokumen/npwp"`, "Belum diunggah"} {
		if !strings.Contains(review, want) {
			t.Errorf("review page lacks %q", want)
		}
	}
}

// TestReviewAsksForDocuments: "needs changes" ticks documents; the e-mail,
// the organisation's page and its documents page name them; another
// decision cannot ask for any.
func TestReviewAsksForDocuments(t *testing.T) {
	w := newOrgWorld(t)
	addCoordinator(t, w)
	smtp := startMailer(t, w.d)
	page := "/simpul/simpul-jabar/tinjau/taman-baca"
	if res := w.post(t, "coord", page, url.Values{"status": {"pending"}, "decision": {"verified"},
		"documents": {"akta"}}); res.status != 422 || !strings.Contains(res.body, "Dokumen hanya dapat diminta") {
		t.Errorf("verify asking for documents: %d", res.status)
	}
	if res := w.post(t, "coord", page, url.Values{"status": {"pending"}, "decision": {"needs_changes"},
		"reason": {"Lengkapi dokumen."}, "documents": {"akta", "npwp"}}); res.status != 303 {
		t.Fatalf("needs changes: %d\n%s", res.status, res.body)
	}
	got := delivered(t, smtp, 2)
	for _, want := range []string{"Dokumen yang diminta: Akta pendirian, Kartu NPWP.", "http://example.test/organisasi/taman-baca/dokumen"} {
		if !strings.Contains(got["owner"], want) {
			t.Errorf("owner's e-mail lacks %q:\n%s", want, got["owner"])
		}
	}
	asks := "Peninjau meminta dokumen berikut: Akta pendirian, Kartu NPWP."
	if body := w.get(t, "owner", "/organisasi/taman-baca").body; !strings.Contains(body, asks) {
		t.Errorf("the organisation's page does not say which documents are asked for")
	}
	if body := w.get(t, "anon", "/organisasi/taman-baca").body; strings.Contains(body, asks) {
		t.Errorf("the public sees the request")
	}
	docs := w.get(t, "admin", "/organisasi/taman-baca/dokumen").body
	if !strings.Contains(docs, asks) || strings.Count(docs, "Diminta peninjau") != 2 {
		t.Errorf("documents page:\n%s", docs)
	}
	if body := w.get(t, "coord", page).body; !strings.Contains(body, "Dokumen diminta: Akta pendirian, Kartu NPWP") {
		t.Errorf("review history lacks the documents asked for")
	}
}
