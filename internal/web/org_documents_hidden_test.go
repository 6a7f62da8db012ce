package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// A rejected or suspended organisation is hidden from the public, but its
// reviewers — the covering hub's coordinator and platform admins — still
// open its legal documents, as its owners and admins do; its other members
// are turned away (403), and everyone else finds nothing (404). The
// coordinator finds it listed below the hub's review queue.
func TestHiddenOrgDocumentsForReviewers(t *testing.T) {
	w := newOrgWorld(t)
	addCoordinator(t, w)
	addHubCoordinator(t, w, "far", "simpul-papua", "91")
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	if res := w.uploadDocument(t, "owner", "akta", "akta.pdf", pdf); res.status != http.StatusSeeOther {
		t.Fatalf("owner's upload: %d", res.status)
	}
	want := map[string]int{
		"anon": http.StatusSeeOther, "user": http.StatusNotFound, "far": http.StatusNotFound,
		"viewer": http.StatusForbidden, "treasurer": http.StatusForbidden, "editor": http.StatusForbidden,
		"admin": http.StatusOK, "owner": http.StatusOK, "platform": http.StatusOK, "coord": http.StatusOK,
	}
	for _, status := range []string{"rejected", "suspended"} {
		if _, err := w.d.Exec(context.Background(), `UPDATE organizations SET status = ? WHERE id = ?`, status, w.org.ID); err != nil {
			t.Fatal(err)
		}
		if res := w.get(t, "anon", "/organisasi/taman-baca"); res.status != http.StatusNotFound {
			t.Errorf("%s: the public page = %d, want 404", status, res.status)
		}
		for role, code := range want {
			for _, path := range []string{"/organisasi/taman-baca/dokumen", "/organisasi/taman-baca/dokumen/akta"} {
				if res := w.get(t, role, path); res.status != code {
					t.Errorf("%s: GET %s as %s = %d, want %d", status, path, role, res.status, code)
				}
			}
		}
		if res := w.get(t, "coord", "/organisasi/taman-baca/dokumen/akta"); res.body != string(pdf) {
			t.Errorf("%s: the coordinator gets another file", status)
		}
		// The coordinator finds it from the hub's review queue.
		queue := w.get(t, "coord", "/simpul/simpul-jabar/tinjau").body
		for _, link := range []string{`href="/simpul/simpul-jabar/tinjau/taman-baca"`, `href="/organisasi/taman-baca/dokumen"`} {
			if !strings.Contains(queue, link) {
				t.Errorf("%s: the review queue lacks %s", status, link)
			}
		}
		if res := w.get(t, "coord", "/simpul/simpul-jabar/tinjau/taman-baca"); res.status != http.StatusOK {
			t.Errorf("%s: the review page = %d", status, res.status)
		}
	}
}
