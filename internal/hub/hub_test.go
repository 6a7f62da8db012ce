package hub_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/hub"
	"lokadaya/internal/org"
)

// fixture is a small world: two hubs, their coordinators, an admin, an
// outsider and organisations inside and outside the hubs' regions.
type fixture struct {
	store                         *hub.Store
	admin, riauCoord, nttCoord    hub.Actor
	outsider                      hub.Actor
	riau, ntt                     *hub.Hub
	orgRiau, orgRiau2, orgJakarta int64
}

func newUser(t *testing.T, d *db.DB, email, name string, admin bool) hub.Actor {
	t.Helper()
	var id int64
	if err := d.QueryRow(context.Background(), `INSERT INTO users (email, name, password_hash, is_admin, created_at)
		VALUES (?, ?, 'x', ?, ?) RETURNING id`, email, name, admin, db.Now()).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return hub.Actor{ID: id, Name: name, IsAdmin: admin}
}

func newOrg(t *testing.T, d *db.DB, slug, region string, status org.Status) int64 {
	t.Helper()
	var id int64
	now := db.Now()
	if err := d.QueryRow(context.Background(), `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES (?, ?, 'yayasan', ?, ?, ?, ?) RETURNING id`, slug, "Yayasan "+slug, region, string(status), now, now).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{store: &hub.Store{DB: d}}
	f.admin = newUser(t, d, "admin@example.org", "Admin", true)
	f.riauCoord = newUser(t, d, "riau@example.org", "Koordinator Riau", false)
	f.nttCoord = newUser(t, d, "ntt@example.org", "Koordinator NTT", false)
	f.outsider = newUser(t, d, "x@example.org", "Orang Lain", false)
	var err error
	f.riau, err = f.store.Create(ctx, f.admin, hub.Input{Slug: "simpul-riau", Name: "Simpul Riau",
		Regions: []string{"14"}, Coordinators: []string{"RIAU@example.org"}})
	if err != nil {
		t.Fatal(err)
	}
	f.ntt, err = f.store.Create(ctx, f.admin, hub.Input{Slug: "simpul-ntt", Name: "Simpul NTT",
		Regions: []string{"53.71", "53.10"}, Coordinators: []string{"ntt@example.org"}})
	if err != nil {
		t.Fatal(err)
	}
	f.orgRiau = newOrg(t, d, "riau-satu", "14.71.01.1002", org.StatusPending)
	f.orgRiau2 = newOrg(t, d, "riau-dua", "14.03.01.1001", org.StatusPending)
	f.orgJakarta = newOrg(t, d, "jakarta", "31.74.01.1001", org.StatusPending)
	return f
}

func TestCreateUpdateAndCoverage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		h, err := f.store.BySlug(ctx, "simpul-riau")
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Regions) != 1 || h.Regions[0].Name != "Riau" || len(h.Coordinators) != 1 || h.Coordinators[0].Email != "riau@example.org" {
			t.Errorf("hub = %+v", h)
		}
		if _, err := f.store.BySlug(ctx, "nope"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("BySlug(nope) err = %v", err)
		}

		for _, tc := range []struct {
			name   string
			in     hub.Input
			fields []string
		}{
			{"empty", hub.Input{}, []string{"name", "slug", "regions"}},
			{"bad slug", hub.Input{Name: "Simpul X", Slug: "Bad Slug!", Regions: []string{"14"}}, []string{"slug"}},
			{"reserved slug", hub.Input{Name: "Simpul X", Slug: "saya", Regions: []string{"14"}}, []string{"slug"}},
			{"taken slug", hub.Input{Name: "Simpul X", Slug: "simpul-ntt", Regions: []string{"14"}}, []string{"slug"}},
			{"short name", hub.Input{Name: "X", Slug: "x", Regions: []string{"14"}}, []string{"name"}},
			{"unknown region", hub.Input{Name: "Simpul X", Slug: "x", Regions: []string{"14", "99.99"}}, []string{"regions"}},
			{"unknown coordinator", hub.Input{Name: "Simpul X", Slug: "x", Regions: []string{"14"}, Coordinators: []string{"nobody@example.org"}}, []string{"coordinators"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := f.store.Create(ctx, f.admin, tc.in)
				var ie *hub.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("err = %v, want InputError", err)
				}
				for _, field := range tc.fields {
					if ie.Errors[field] == "" {
						t.Errorf("no error for %s: %v", field, ie.Errors)
					}
				}
				if len(ie.Errors) != len(tc.fields) {
					t.Errorf("errors = %v, want fields %v", ie.Errors, tc.fields)
				}
			})
		}

		// Update: the NTT hub grows to the whole province and gains a coordinator.
		h, err = f.store.Update(ctx, f.admin, f.ntt.ID, hub.Input{Slug: "simpul-nusa-tenggara", Name: "Simpul Nusa Tenggara",
			Description: "NTT", Regions: []string{"53"}, Coordinators: []string{"ntt@example.org", "x@example.org"}})
		if err != nil {
			t.Fatal(err)
		}
		if h.Slug != "simpul-nusa-tenggara" || len(h.Regions) != 1 || len(h.Coordinators) != 2 {
			t.Errorf("updated hub = %+v", h)
		}
		if _, err := f.store.Update(ctx, f.admin, f.ntt.ID, hub.Input{Slug: "simpul-riau", Name: "Simpul", Regions: []string{"53"}}); err == nil {
			t.Error("update to a taken slug succeeded")
		}

		for _, tc := range []struct {
			user   hub.Actor
			region string
			want   bool
		}{
			{f.riauCoord, "14", true},
			{f.riauCoord, "14.71.01.1002", true},
			{f.riauCoord, "15.01.01.1004", false},
			{f.riauCoord, "140", false}, // a prefix without the dot boundary is another region
			{f.nttCoord, "53.10.01.2001", true},
			{f.outsider, "53.71.01.1001", true},
			{f.outsider, "14.71.01.1002", false},
			{f.admin, "14.71.01.1002", false},
		} {
			got, err := f.store.IsCoordinatorFor(ctx, tc.user.ID, tc.region)
			if err != nil || got != tc.want {
				t.Errorf("IsCoordinatorFor(%s, %s) = %v, %v; want %v", tc.user.Name, tc.region, got, err, tc.want)
			}
		}
		covering, err := f.store.HubsCovering(ctx, "14.03.01.1001")
		if err != nil || len(covering) != 1 || covering[0].Slug != "simpul-riau" {
			t.Errorf("HubsCovering = %v, %v", covering, err)
		}
		mine, err := f.store.HubsOf(ctx, f.outsider.ID)
		if err != nil || len(mine) != 1 {
			t.Errorf("HubsOf = %v, %v", mine, err)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE target_type = 'hub'`).Scan(&n); err != nil || n != 3 {
			t.Errorf("hub audit entries = %d, %v; want 3", n, err)
		}
	})
}

func TestReviewQueueAndMembers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		newOrg(t, d, "riau-ubah", "14.71.01.1002", org.StatusNeedsChanges)
		newOrg(t, d, "riau-ok", "14.71.01.1002", org.StatusVerified)
		newOrg(t, d, "riau-tolak", "14.71.01.1002", org.StatusRejected)
		q, err := f.store.ReviewQueue(ctx, f.riau.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range q {
			got = append(got, o.Slug)
		}
		if fmt.Sprint(got) != "[riau-satu riau-dua riau-ubah]" {
			t.Errorf("queue = %v", got)
		}
		members, err := f.store.VerifiedMembers(ctx, f.riau.ID)
		if err != nil || len(members) != 1 || members[0].Slug != "riau-ok" {
			t.Errorf("members = %v, %v", members, err)
		}
		list, err := f.store.List(ctx)
		if err != nil || len(list) != 2 || list[0].VerifiedCount != 0 || list[1].VerifiedCount != 1 {
			t.Errorf("List = %v, %v", list, err)
		}
	})
}

func TestParseList(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "[]",
		"14, 15\n 53.71;14":       "[14 15 53.71]",
		"a@x.org\r\nb@x.org  c@x": "[a@x.org b@x.org c@x]",
	} {
		if got := fmt.Sprint(hub.ParseList(in)); got != want {
			t.Errorf("ParseList(%q) = %s, want %s", in, got, want)
		}
	}
}

func FuzzParseList(f *testing.F) {
	for _, s := range []string{"14, 15", "a\nb;c", ",,,", "\t\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, item := range hub.ParseList(s) {
			if item == "" || seen[item] {
				t.Fatalf("ParseList(%q) gave empty or duplicate %q", s, item)
			}
			seen[item] = true
		}
	})
}
