package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/hub"
	"lokadaya/internal/web"
)

// A new organisation is told who will verify it: a hub covering its
// region, or, where no hub does, the platform admins.
func TestNewOrgIsToldWhoReviewsIt(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	w.user(t, "ani@example.org", "sandi-ani-panjang")
	b := w.browser(t)
	b.login(t, "ani@example.org", "sandi-ani-panjang")
	create := func(slug string) string {
		t.Helper()
		form := url.Values{"name": {"Organisasi " + slug}, "slug": {slug}, "legal_form": {"komunitas"},
			"region": {orgDesa}, "focus_issues": {"pendidikan"}}
		res := b.post(t, "/organisasi/baru", form)
		if res.status != http.StatusSeeOther || res.location != "/organisasi/"+slug {
			t.Fatalf("create %s: %d %s\n%s", slug, res.status, res.location, res.body)
		}
		return b.get(t, res.location).body
	}
	if page := create("tanpa-simpul"); !strings.Contains(page, "admin platform yang akan memverifikasinya") {
		t.Error("without a hub the new organisation is not told that the platform admins verify it")
	}
	if _, err := (&hub.Store{DB: w.db}).Create(context.Background(), hub.Actor{Name: "test"},
		hub.Input{Slug: "simpul-jabar", Name: "Simpul Jawa Barat", Regions: []string{"32"}}); err != nil {
		t.Fatal(err)
	}
	if page := create("dengan-simpul"); !strings.Contains(page, "menunggu verifikasi simpul") {
		t.Error("with a hub the new organisation is not told that the hub verifies it")
	}
}
