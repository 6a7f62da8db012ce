package campaign_test

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

type fixture struct {
	orgID, otherOrg  int64
	published, draft int64 // initiatives of orgID
	foreign          int64 // published initiative of otherOrg
	actor            campaign.Actor
	store            *campaign.Store
	clock            time.Time
}

// setup makes two organisations in Kota Bandung; the first has a
// published initiative serving Jawa Barat's 32.73 and a draft one.
func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{actor: campaign.Actor{ID: u.ID, Name: u.Name}, clock: db.Now()}
	f.store = &campaign.Store{DB: d, Now: func() time.Time { return f.clock }}
	inits := &initiative.Store{DB: d}
	ia := initiative.Actor{ID: u.ID, Name: u.Name}
	mk := func(orgID int64, name string, publish bool) int64 {
		in := initiative.Input{Name: name, Tagline: "t", Category: "pendidikan", Text: map[string]string{"problem": "p"},
			Regions: []string{"32.73"}}
		var cycleID int64
		if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
			VALUES (?, 1, 4, '2025.1', 'open', ?) ON CONFLICT DO NOTHING RETURNING id`, orgID, db.Now()).Scan(&cycleID); err != nil {
			if err := d.QueryRow(ctx, `SELECT id FROM cycles WHERE org_id = ?`, orgID).Scan(&cycleID); err != nil {
				t.Fatal(err)
			}
		}
		i, err := inits.Create(ctx, ia, orgID, cycleID, in)
		if err != nil {
			t.Fatal(err)
		}
		if publish {
			if err := inits.Publish(ctx, ia, i.ID); err != nil {
				t.Fatal(err)
			}
		}
		return i.ID
	}
	for i, slug := range []string{"taman-baca", "lain"} {
		region := "32.73.01.1001"
		if i == 1 {
			region = "14.71.01.1002"
		}
		o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS " + slug, Slug: slug, LegalForm: "komunitas",
			RegionCode: region})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.orgID = o.ID
			f.published, f.draft = mk(o.ID, "Pojok Baca", true), mk(o.ID, "Draf", false)
		} else {
			f.otherOrg = o.ID
			f.foreign = mk(o.ID, "Lain", true)
		}
	}
	return f
}

func form(kv ...string) url.Values {
	f := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

func days(from time.Time, n int) string {
	return from.In(i18n.WIB).AddDate(0, 0, n).Format("2006-01-02")
}

// validInput is a campaign running from yesterday for thirty days.
func (f *fixture) validInput(t *testing.T, title string) campaign.Input {
	t.Helper()
	in, errs := campaign.Parse(form("title", title, "story", "Cerita\nbaris dua", "scheme", "resiprokal",
		"starts_at", days(f.clock, -1), "ends_at", days(f.clock, 30)), i18n.WIB)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return in
}

func (f *fixture) need(t *testing.T, c *campaign.Campaign, kv ...string) int64 {
	t.Helper()
	in, errs := campaign.ParseNeed(form(kv...))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	id, err := f.store.AddNeed(context.Background(), c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var ve validate.Errors
	if !errors.As(err, &ve) || ve[field] == "" {
		t.Fatalf("want a validation error on %q, got %v", field, err)
	}
}

func TestCampaignLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := f.store
		// Only a published initiative of the organisation itself.
		for _, id := range []int64{f.draft, f.foreign, 99999} {
			_, err := s.Create(ctx, f.actor, f.orgID, id, f.validInput(t, "Buku untuk Anak"))
			wantField(t, err, "initiative")
		}
		c, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Buku untuk Anak"))
		if err != nil {
			t.Fatal(err)
		}
		if c.Slug != "buku-untuk-anak" || c.Status != campaign.StatusDraft || c.Story != "Cerita\nbaris dua" {
			t.Fatalf("created %+v", c)
		}
		c2, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Buku untuk Anak"))
		if err != nil || c2.Slug != "buku-untuk-anak-2" {
			t.Fatalf("second slug %v %v", c2, err)
		}
		// No need yet: not publishable.
		wantField(t, s.Publish(ctx, f.actor, c.ID), "needs")
		dana := f.need(t, c, "kind", "dana", "title", "Biaya rak", "target", "Rp5.000.000")
		barang := f.need(t, c, "kind", "barang", "title", "Buku cerita", "target", "200", "unit", "buku", "item_value", "25.000")
		relawan := f.need(t, c, "kind", "relawan", "title", "Pendongeng", "target", "4", "schedule", "Sabtu sore")
		if err := s.Publish(ctx, f.actor, c.ID); err != nil {
			t.Fatal(err)
		}
		wantField(t, s.Publish(ctx, f.actor, c.ID), "status")
		got, err := s.BySlug(ctx, c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != campaign.StatusActive || got.PublishedAt == nil || len(got.Needs) != 3 || got.MoneyTarget() != 5_000_000 {
			t.Fatalf("published %+v", got)
		}
		if n := got.Needs[1]; n.ID != barang || n.Unit != "buku" || n.ItemValue == nil || *n.ItemValue != 25000 || n.Target != 200 {
			t.Fatalf("barang need %+v", n)
		}
		// Reorder: relawan up to second place; moving the first up is a no-op.
		if err := s.MoveNeed(ctx, c.ID, relawan, -1); err != nil {
			t.Fatal(err)
		}
		if err := s.MoveNeed(ctx, c.ID, dana, -1); err != nil {
			t.Fatal(err)
		}
		got, _ = s.ByID(ctx, c.ID)
		if got.Needs[0].ID != dana || got.Needs[1].ID != relawan || got.Needs[2].ID != barang {
			t.Fatalf("order %v", got.Needs)
		}
		// Edit a need, changing its kind.
		in, _ := campaign.ParseNeed(form("kind", "keahlian", "title", "Desain poster", "target", "9"))
		if err := s.UpdateNeed(ctx, c.ID, barang, in); err != nil {
			t.Fatal(err)
		}
		if n, err := s.Need(ctx, c.ID, barang); err != nil || n.Kind != "keahlian" || n.Target != 0 || n.Unit != "" {
			t.Fatalf("edited need %+v %v", n, err)
		}
		if err := s.UpdateNeed(ctx, c2.ID, barang, in); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("need of another campaign: %v", err)
		}
		// An active campaign keeps at least one need.
		for _, id := range []int64{barang, relawan} {
			if err := s.RemoveNeed(ctx, c.ID, id); err != nil {
				t.Fatal(err)
			}
		}
		wantField(t, s.RemoveNeed(ctx, c.ID, dana), "needs")
		// An active campaign cannot lose its dates.
		in2, _ := campaign.Parse(form("title", "Buku"), i18n.WIB)
		_, err = s.Update(ctx, f.actor, c.ID, in2)
		wantField(t, err, "ends_at")
		// Updates.
		if _, err := s.AddUpdate(ctx, c.ID, f.actor.ID, "Rak datang", "Rak sudah dipasang."); err != nil {
			t.Fatal(err)
		}
		ups, err := s.Updates(ctx, c.ID)
		if err != nil || len(ups) != 1 || ups[0].Author != "Pemilik" {
			t.Fatalf("updates %v %v", ups, err)
		}
		// Cancel; then nothing changes any more.
		if err := s.Cancel(ctx, f.actor, c2.ID); err != nil {
			t.Fatal(err)
		}
		wantField(t, s.Cancel(ctx, f.actor, c2.ID), "status")
		_, err = s.AddNeed(ctx, c2.ID, in)
		wantField(t, err, "status")
	})
}

func TestCampaignEndsAtDeadline(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := f.store
		c, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Rak Buku"))
		if err != nil {
			t.Fatal(err)
		}
		f.need(t, c, "kind", "advokasi", "title", "Perpustakaan desa", "target", "500", "petition_text", "Kami meminta…")
		if err := s.Publish(ctx, f.actor, c.ID); err != nil {
			t.Fatal(err)
		}
		// Two more, so the job ends three in batches of two.
		for _, title := range []string{"Rak Kedua", "Rak Ketiga"} {
			more, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, title))
			if err != nil {
				t.Fatal(err)
			}
			f.need(t, more, "kind", "advokasi", "title", "Perpustakaan desa", "target", "500", "petition_text", "Kami meminta…")
			if err := s.Publish(ctx, f.actor, more.ID); err != nil {
				t.Fatal(err)
			}
		}
		defer campaign.SetEndDueBatch(2)()
		if n, err := s.EndDue(ctx); err != nil || n != 0 {
			t.Fatalf("nothing due: %d %v", n, err)
		}
		list, _, err := s.List(ctx, campaign.ListOptions{Status: campaign.StatusActive})
		if err != nil || len(list) != 3 {
			t.Fatalf("active list %d %v", len(list), err)
		}
		f.clock = f.clock.AddDate(0, 0, 40)
		// Read as ended before the job runs.
		got, _ := s.ByID(ctx, c.ID)
		if got.Status != campaign.StatusEnded || got.TimeLeft(f.clock) != 0 {
			t.Fatalf("status after deadline %q", got.Status)
		}
		for status, want := range map[string]int{campaign.StatusActive: 0, campaign.StatusEnded: 3} {
			list, _, err := s.List(ctx, campaign.ListOptions{Status: status})
			if err != nil || len(list) != want {
				t.Fatalf("%s list %d %v", status, len(list), err)
			}
		}
		if n, err := s.EndDue(ctx); err != nil || n != 3 {
			t.Fatalf("end due: %d %v", n, err)
		}
		if n, err := s.EndDue(ctx); err != nil || n != 0 {
			t.Fatalf("end due again: %d %v", n, err)
		}
		var stored string
		if err := d.QueryRow(ctx, `SELECT status FROM campaigns WHERE id = ?`, c.ID).Scan(&stored); err != nil || stored != "ended" {
			t.Fatalf("stored %q %v", stored, err)
		}
		wantField(t, s.Cancel(ctx, f.actor, c.ID), "status")
	})
}

func TestCampaignListFilters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := f.store
		var ids []int64
		for i, spec := range []struct {
			org, init int64
			kind      string
		}{{f.orgID, f.published, "dana"}, {f.orgID, f.published, "relawan"}, {f.otherOrg, f.foreign, "dana"}} {
			c, err := s.Create(ctx, f.actor, spec.org, spec.init, f.validInput(t, "Kampanye "+string(rune('A'+i))))
			if err != nil {
				t.Fatal(err)
			}
			f.need(t, c, "kind", spec.kind, "title", "x", "target", "10")
			if err := s.Publish(ctx, f.actor, c.ID); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		// A draft is never public.
		if _, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Draf")); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			opt  campaign.ListOptions
			want int
		}{
			{"public", campaign.ListOptions{PublicOnly: true}, 3},
			{"all of org", campaign.ListOptions{OrgID: f.orgID}, 3},
			{"drafts", campaign.ListOptions{Status: "draft"}, 1},
			// Both orgs' initiatives serve 32.73; the second org sits in Riau.
			{"province 32", campaign.ListOptions{PublicOnly: true, Region: "32"}, 3},
			{"province 14 via org", campaign.ListOptions{PublicOnly: true, Region: "14"}, 1},
			{"desa under initiative region", campaign.ListOptions{PublicOnly: true, Region: "32.73.01.1001"}, 3},
			{"elsewhere", campaign.ListOptions{PublicOnly: true, Region: "51"}, 0},
			// Based in a region: the organisation's own, whatever it serves.
			{"based in province 32", campaign.ListOptions{PublicOnly: true, BasedIn: "32"}, 2},
			{"based in province 14", campaign.ListOptions{PublicOnly: true, BasedIn: "14"}, 1},
			{"based elsewhere", campaign.ListOptions{PublicOnly: true, BasedIn: "51"}, 0},
			{"kind relawan", campaign.ListOptions{PublicOnly: true, Kind: "relawan"}, 1},
			{"initiative", campaign.ListOptions{InitiativeID: f.foreign}, 1},
		} {
			list, _, err := s.List(ctx, tc.opt)
			if err != nil || len(list) != tc.want {
				t.Errorf("%s: %d, want %d (%v)", tc.name, len(list), tc.want, err)
			}
		}
		page, next, err := s.List(ctx, campaign.ListOptions{PublicOnly: true, Limit: 2})
		if err != nil || len(page) != 2 || next != ids[1] {
			t.Fatalf("page 1: %d next %d %v", len(page), next, err)
		}
		page, next, err = s.List(ctx, campaign.ListOptions{PublicOnly: true, Limit: 2, After: next})
		if err != nil || len(page) != 1 || next != 0 || page[0].ID != ids[0] {
			t.Fatalf("page 2: %d next %d %v", len(page), next, err)
		}
		counts, err := s.CountBySchemes(ctx, f.orgID)
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range counts {
			if want := map[bool]int{true: 2, false: 0}[sc.Scheme == "resiprokal"]; sc.Count != want {
				t.Errorf("scheme %s: %d, want %d", sc.Scheme, sc.Count, want)
			}
		}
	})
}
