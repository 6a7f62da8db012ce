package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// A coordinator reviews an organisation of their hub whatever its status:
// its profile and cycle open to them (and to admins), while they stay
// hidden from another hub's coordinator and the public once the
// organisation is rejected or suspended. Every link of the review page
// opens to the coordinator.
func TestHubReviewerReadsHiddenOrganisation(t *testing.T) {
	w := newHubWorld(t)
	// riau-satu stays pending; riau-dua is rejected by the hub's
	// coordinator; riau-hijau is suspended by an admin.
	if status, _, _ := w.do(t, "riau", "POST", "/simpul/simpul-riau/tinjau/riau-dua",
		url.Values{"status": {"pending"}, "decision": {"rejected"}, "reason": {"Akta palsu"}}); status != 303 {
		t.Fatalf("reject = %d", status)
	}
	if status, _, _ := w.do(t, "admin", "POST", "/admin/organisasi/riau-hijau/tangguhkan",
		url.Values{"reason": {"Laporan warga"}, "status": {"verified"}}); status != 303 {
		t.Fatalf("suspend = %d", status)
	}
	href := regexp.MustCompile(`<a\b[^>]*\bhref="(/[^"]*)"`)
	for _, tc := range []struct {
		slug, reason string
		hidden       bool
	}{
		{"riau-satu", "", false},
		{"riau-dua", "Akta palsu", true},
		{"riau-hijau", "Laporan warga", true},
	} {
		t.Run(tc.slug, func(t *testing.T) {
			profile, cycle := "/organisasi/"+tc.slug, "/organisasi/"+tc.slug+"/siklus"
			for _, role := range []string{"riau", "admin"} {
				for _, path := range []string{profile, cycle} {
					if status, _, _ := w.do(t, role, "GET", path, nil); status != 200 {
						t.Errorf("GET %s as %s = %d, want 200", path, role, status)
					}
				}
			}
			if _, _, body := w.do(t, "riau", "GET", profile, nil); !strings.Contains(body, tc.reason) {
				t.Errorf("the coordinator's profile page lacks the reason %q", tc.reason)
			}
			// Another hub's coordinator and the public: a hidden
			// organisation does not exist for them.
			want := map[string]int{"ntt": 200, "anon": 200}
			if tc.hidden {
				want = map[string]int{"ntt": 404, "anon": 404}
			}
			for role, status := range want {
				if got, _, body := w.do(t, role, "GET", profile, nil); got != status || (tc.reason != "" && strings.Contains(body, tc.reason)) {
					t.Errorf("GET %s as %s = %d, want %d without the reason", profile, role, got, status)
				}
			}
			if tc.hidden {
				for _, role := range []string{"ntt", "anon"} {
					if got, _, _ := w.do(t, role, "GET", cycle, nil); got != 404 && !(role == "anon" && got == 303) {
						t.Errorf("GET %s as %s = %d, want 404 (or the login page)", cycle, role, got)
					}
				}
			}
			// No link of the review page leads the coordinator to a dead end.
			status, _, body := w.do(t, "riau", "GET", "/simpul/simpul-riau/tinjau/"+tc.slug, nil)
			if status != 200 {
				t.Fatalf("review page = %d", status)
			}
			for _, m := range href.FindAllStringSubmatch(body, -1) {
				link := strings.ReplaceAll(m[1], "&amp;", "&")
				if !strings.HasPrefix(link, "/organisasi/"+tc.slug) {
					continue
				}
				if got, _, _ := w.do(t, "riau", "GET", link, nil); got != 200 {
					t.Errorf("review page links %s: %d", link, got)
				}
			}
		})
	}
}
