package initiative_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/cycletool"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

type initFixture struct {
	orgID, otherOrg, cycleID, assetID, foreignAsset int64
	actor                                           initiative.Actor
}

func initSetup(t *testing.T, d *db.DB) initFixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	f := initFixture{actor: initiative.Actor{ID: u.ID, Name: u.Name}}
	tools := &cycletool.Store{DB: d}
	for i, slug := range []string{"taman-baca", "lain"} {
		o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS " + slug, Slug: slug, LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		var cid int64
		if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
			VALUES (?, 1, 3, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cid); err != nil {
			t.Fatal(err)
		}
		aid, err := tools.AddAsset(ctx, cid, cycletool.Asset{Name: "Balai", Level: "organisasi", Status: "melekat"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.orgID, f.cycleID, f.assetID = o.ID, cid, aid
		} else {
			f.otherOrg, f.foreignAsset = o.ID, aid
		}
	}
	return f
}

func TestInitiativeLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := initSetup(t, d)
		s := &initiative.Store{DB: d}
		in := initiative.FromForm(url.Values{"name": {"Pojok Baca Keliling"}, "assets": {itoa(f.assetID)}})
		i, err := s.Create(ctx, f.actor, f.orgID, f.cycleID, in)
		if err != nil {
			t.Fatal(err)
		}
		if i.Slug != "pojok-baca-keliling" || i.Status != "draft" || len(i.AssetIDs) != 1 {
			t.Fatalf("created %+v", i)
		}
		again, err := s.Create(ctx, f.actor, f.orgID, f.cycleID, in)
		if err != nil || again.Slug != "pojok-baca-keliling-2" {
			t.Fatalf("second slug %v, %v", again, err)
		}
		var verr validate.Errors
		if err := s.Publish(ctx, f.actor, i.ID); !errors.As(err, &verr) || verr["tagline"] == "" || verr["region_codes"] == "" {
			t.Fatalf("publish incomplete: %v", err)
		}
		bad := initiative.FromForm(url.Values{"name": {"X"}, "region_codes": {"99.99"}, "assets": {itoa(f.foreignAsset)}})
		if _, err := s.Update(ctx, f.actor, i.ID, bad); !errors.As(err, &verr) || verr["region_codes"] == "" || verr["assets"] == "" {
			t.Fatalf("bad links: %v", err)
		}
		full := initiative.FromForm(url.Values{"name": {"Pojok Baca Keliling"}, "tagline": {"Buku sampai ke gang"},
			"problem": {"Anak jauh dari perpustakaan"}, "category": {"pendidikan"},
			"region_codes": {"32.73.01.1001, 32.73.01\n32.73.01.1001"}, "regions": {"14"}})
		i, err = s.Update(ctx, f.actor, i.ID, full)
		if err != nil || len(i.Regions) != 3 || len(i.AssetIDs) != 0 {
			t.Fatalf("update: %+v, %v", i, err)
		}
		if err := s.Publish(ctx, f.actor, i.ID); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			opt  initiative.ListOptions
			want int
		}{
			{initiative.ListOptions{PublishedOnly: true}, 1},
			{initiative.ListOptions{PublishedOnly: true, Region: "32"}, 1},
			{initiative.ListOptions{PublishedOnly: true, Region: "32.73.01.1002"}, 1}, // under a served kecamatan
			{initiative.ListOptions{PublishedOnly: true, Region: "31"}, 0},
			{initiative.ListOptions{PublishedOnly: true, Category: "kesehatan"}, 0},
			{initiative.ListOptions{PublishedOnly: true, Category: "pendidikan"}, 1},
			{initiative.ListOptions{OrgID: f.orgID}, 2},
			{initiative.ListOptions{OrgID: f.otherOrg}, 0},
		} {
			list, _, err := s.List(ctx, tt.opt)
			if err != nil || len(list) != tt.want {
				t.Errorf("List(%+v) = %d, %v; want %d", tt.opt, len(list), err, tt.want)
			}
		}
		page, next, err := s.List(ctx, initiative.ListOptions{OrgID: f.orgID, Limit: 1})
		if err != nil || len(page) != 1 || next == 0 {
			t.Fatalf("page 1: %d %d %v", len(page), next, err)
		}
		page, next, _ = s.List(ctx, initiative.ListOptions{OrgID: f.orgID, Limit: 1, After: next})
		if len(page) != 1 || next != 0 || page[0].ID != i.ID {
			t.Fatalf("page 2: %d %d", len(page), next)
		}
		got, err := s.BySlug(ctx, "pojok-baca-keliling")
		if err != nil || !got.Published() || got.PublishedAt == nil {
			t.Fatalf("BySlug %+v %v", got, err)
		}
		// A published initiative cannot lose what publishing required.
		if _, err := s.Update(ctx, f.actor, i.ID, initiative.FromForm(url.Values{"name": {"Pojok"}})); !errors.As(err, &verr) {
			t.Fatalf("emptying a published initiative: %v", err)
		}
		if err := s.Unpublish(ctx, f.actor, i.ID); err != nil {
			t.Fatal(err)
		}
		if list, _, _ := s.List(ctx, initiative.ListOptions{PublishedOnly: true}); len(list) != 0 {
			t.Fatal("unpublished still listed")
		}
		if err := s.SetLogo(ctx, i.ID, "initiatives/x.png"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.BySlug(ctx, "nope"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("missing: %v", err)
		}
		// Deleting the cycle keeps the initiative, without its cycle.
		if _, err := d.Exec(ctx, `DELETE FROM cycles WHERE id = ?`, f.cycleID); err != nil {
			t.Fatal(err)
		}
		if got, err := s.ByID(ctx, i.ID); err != nil || got.CycleID != nil || got.LogoKey != "initiatives/x.png" {
			t.Fatalf("after cycle deletion: %+v %v", got, err)
		}
	})
}

func TestInputCheck(t *testing.T) {
	long := make([]byte, 200)
	for i := range long {
		long[i] = 'a'
	}
	tests := []struct {
		form url.Values
		bad  []string
	}{
		{url.Values{"name": {"Ok"}}, nil},
		{url.Values{"name": {""}}, []string{"name"}},
		{url.Values{"name": {string(long)}, "tagline": {string(long)}}, []string{"name", "tagline"}},
		{url.Values{"name": {"Ok"}, "category": {"politik"}}, []string{"category"}},
		{url.Values{"name": {"Ok"}, "region_codes": {"32;3x"}}, []string{"region_codes"}},
	}
	for _, tt := range tests {
		in := initiative.FromForm(tt.form)
		errs := in.Check()
		if len(errs) != len(tt.bad) {
			t.Errorf("%v: %v", tt.form, errs)
		}
	}
}

func FuzzFromForm(f *testing.F) {
	f.Add("Pojok Baca", "pendidikan", "32.73\n14", "3")
	f.Fuzz(func(t *testing.T, name, category, regions, asset string) {
		in := initiative.FromForm(url.Values{"name": {name}, "category": {category}, "region_codes": {regions}, "assets": {asset}})
		if errs := in.Check(); len(errs) == 0 {
			if in.Name == "" || (in.Category != "" && !initiative.ValidCategory(in.Category)) {
				t.Fatalf("accepted %+v", in)
			}
			for _, c := range in.Regions {
				if len(c) < 2 || len(c) > 13 {
					t.Fatalf("bad code %q", c)
				}
			}
		}
		for _, id := range in.AssetIDs {
			if id <= 0 {
				t.Fatalf("asset id %d", id)
			}
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
