package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// TestOrgAuthorisation tries every organisation route as every kind of
// caller. Each role gets its own world; within it the routes run in an
// order where no change affects a later expectation (the ownership
// transfer comes last).
func TestOrgAuthorisation(t *testing.T) {
	const (
		login = -1 // anonymous: 303 to the login page
		see   = 303
	)
	type route struct {
		name, method, path string
		form               url.Values
		want               map[string]int // by role; missing roles expect def
		def                int
	}
	loggedIn := map[string]int{"anon": login}
	editors := map[string]int{"anon": login, "user": 403, "viewer": 403, "treasurer": 403}
	managers := map[string]int{"anon": login, "user": 403, "viewer": 403, "treasurer": 403, "editor": 403}
	ownerOnly := map[string]int{"anon": login, "user": 403, "viewer": 403, "treasurer": 403, "editor": 403,
		"admin": 403, "platform": 403}
	members := map[string]int{"anon": login, "user": 403}
	hidden := map[string]int{"anon": 404, "user": 404, "viewer": 404, "treasurer": 404, "editor": 404,
		"admin": 404, "owner": 404}

	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			w := newOrgWorld(t)
			viewer, spare, admin := w.users["viewer"].ID, w.users["spare"].ID, w.users["admin"].ID
			routes := []route{
				{"directory", "GET", "/organisasi", nil, nil, 200},
				{"new form", "GET", "/organisasi/baru", nil, loggedIn, 200},
				{"profile", "GET", "/organisasi/taman-baca", nil, nil, 200},
				{"hidden profile", "GET", "/organisasi/ditolak", nil, hidden, 200},
				{"edit form", "GET", "/organisasi/taman-baca/ubah", nil, editors, 200},
				{"edit", "POST", "/organisasi/taman-baca/ubah", profileForm(), editors, see},
				{"hidden edit", "GET", "/organisasi/ditolak/ubah", nil, map[string]int{"anon": login, "platform": 200}, 404},
				{"members", "GET", "/organisasi/taman-baca/anggota", nil, members, 200},
				{"hidden members", "GET", "/organisasi/ditolak/anggota", nil, map[string]int{"anon": login, "platform": 200}, 404},
				{"change role", "POST", fmt.Sprintf("/organisasi/taman-baca/anggota/%d/peran", viewer),
					url.Values{"role": {"viewer"}}, managers, see},
				{"invite", "POST", "/organisasi/taman-baca/undangan",
					url.Values{"email": {"baru@example.org"}, "role": {"editor"}}, managers, see},
				{"remove", "POST", fmt.Sprintf("/organisasi/taman-baca/anggota/%d/hapus", spare), nil, managers, see},
				{"dashboard", "GET", "/dasbor", nil, loggedIn, 200},
				{"api list", "GET", "/api/v1/organizations", nil, nil, 200},
				{"api profile", "GET", "/api/v1/organizations/taman-baca", nil, nil, 200},
				{"api hidden", "GET", "/api/v1/organizations/ditolak", nil, nil, 404},
				{"transfer form", "GET", "/organisasi/taman-baca/alih-kepemilikan", nil, ownerOnly, 200},
				{"transfer", "POST", "/organisasi/taman-baca/alih-kepemilikan",
					url.Values{"to": {fmt.Sprint(admin)}}, ownerOnly, see},
			}
			for _, rt := range routes {
				want, ok := rt.want[role]
				if !ok {
					want = rt.def
				}
				var res orgResponse
				if rt.method == "GET" {
					res = w.get(t, role, rt.path)
				} else {
					res = w.post(t, role, rt.path, rt.form)
				}
				if want == login {
					if res.status != 303 || !strings.HasPrefix(res.location, "/masuk") {
						t.Errorf("%s %s: %d → %q, want a redirect to /masuk", rt.method, rt.name, res.status, res.location)
					}
					continue
				}
				if res.status != want {
					t.Errorf("%s %s: %d, want %d", rt.method, rt.name, res.status, want)
				}
				if want == see && strings.HasPrefix(res.location, "/masuk") {
					t.Errorf("%s %s: sent to %s", rt.method, rt.name, res.location)
				}
			}
		})
	}
}

// TestOrgHiddenVisibleToMembers checks that a rejected organisation's own
// members still reach it.
func TestOrgHiddenVisibleToMembers(t *testing.T) {
	w := newOrgWorld(t)
	res := w.get(t, "rejecter", "/organisasi/ditolak")
	if res.status != 200 || !strings.Contains(res.body, "Ditolak") {
		t.Errorf("member of a rejected organisation: %d", res.status)
	}
	if res := w.get(t, "anon", "/organisasi"); strings.Contains(res.body, "Organisasi Ditolak") {
		t.Error("rejected organisation listed in the directory")
	}
}
