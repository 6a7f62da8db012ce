package proposal_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/proposal"
	"lokadaya/internal/validate"
)

const (
	desa      = "33.72.01.1001" // Pajang, Laweyan, Kota Surakarta
	kecamatan = "33.72.01"
	otherDesa = "32.73.01.1001" // Kota Bandung
)

type fixture struct {
	s                              *proposal.Store
	d                              *db.DB
	proposer, resident, coord, out proposal.Actor
	orgID                          int64
}

func user(t *testing.T, d *db.DB, email, name string) proposal.Actor {
	t.Helper()
	u, err := (&account.Store{DB: d}).Create(context.Background(), email, name, "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	return proposal.Actor{ID: u.ID, Name: name}
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{s: &proposal.Store{DB: d}, d: d}
	f.proposer = user(t, d, "usul@example.org", "Bu Sri")
	f.resident = user(t, d, "warga@example.org", "Pak Darto")
	f.coord = user(t, d, "koord@example.org", "Koordinator")
	f.out = user(t, d, "luar@example.org", "Koordinator Bandung")
	o, err := (&org.Store{DB: d}).Create(ctx, f.resident.ID, org.Input{Name: "OMS Pajang", Slug: "oms-pajang", LegalForm: "komunitas", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	f.orgID = o.ID
	hub := func(slug, region string, coord int64) {
		var id int64
		if err := d.QueryRow(ctx, `INSERT INTO hubs (slug, name, description, created_at) VALUES (?, ?, '', ?) RETURNING id`,
			slug, slug, db.Now()).Scan(&id); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO hub_regions (hub_id, region_code) VALUES (?, ?)`, id, region); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO hub_coordinators (hub_id, user_id) VALUES (?, ?)`, id, coord); err != nil {
			t.Fatal(err)
		}
	}
	hub("solo", "33.72", f.coord.ID)
	hub("bandung", "32.73", f.out.ID)
	return f
}

func input() proposal.Input {
	n, c := int64(120), int64(15_000_000)
	return proposal.Input{Kind: proposal.KindActivity, Title: "Perbaikan saluran air RW 05", What: "Saluran mampet tiap hujan.",
		RegionCode: desa, Where: "RT 03/RW 05", Beneficiaries: "Warga RW 05", Count: &n, Cost: &c,
		Evidence: []proposal.Evidence{{Label: "Pengaduan", URL: "/pengaduan/ABC123"}, {Label: "Foto", URL: "https://example.org/foto"}}}
}

func (f *fixture) create(t *testing.T, edit func(*proposal.Input)) *proposal.Proposal {
	t.Helper()
	in := input()
	if edit != nil {
		edit(&in)
	}
	p, err := f.s.Create(context.Background(), f.proposer, in)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		neg := int64(-1)
		cases := []struct {
			name, field, key string
			edit             func(*proposal.Input)
		}{
			{"no kind", "kind", "proposal.err.kind", func(in *proposal.Input) { in.Kind = "" }},
			{"bad kind", "kind", "proposal.err.kind", func(in *proposal.Input) { in.Kind = "proyek" }},
			{"no title", "title", "form.required", func(in *proposal.Input) { in.Title = " " }},
			{"no what", "what", "form.required", func(in *proposal.Input) { in.What = "" }},
			{"no region", "region", "region.required", func(in *proposal.Input) { in.RegionCode = "" }},
			{"unknown region", "region", "region.required", func(in *proposal.Input) { in.RegionCode = "99.99" }},
			{"negative count", "count", "proposal.err.count", func(in *proposal.Input) { in.Count = &neg }},
			{"javascript evidence", "evidence", "lesson.err.evidence_url", func(in *proposal.Input) {
				in.Evidence = []proposal.Evidence{{Label: "x", URL: "javascript:alert(1)"}}
			}},
			{"protocol-relative evidence", "evidence", "lesson.err.evidence_url", func(in *proposal.Input) {
				in.Evidence = []proposal.Evidence{{Label: "x", URL: "//evil.example"}}
			}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := input()
				c.edit(&in)
				_, err := f.s.Create(context.Background(), f.proposer, in)
				var e validate.Errors
				if !errors.As(err, &e) || e[c.field] != c.key {
					t.Fatalf("got %v (%v), want %s on %s", err, e, c.key, c.field)
				}
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM proposals`); n != 0 {
			t.Fatalf("%d proposals written by refused input", n)
		}
	})
}

func TestFromForm(t *testing.T) {
	cases := []struct {
		name  string
		form  url.Values
		field string
	}{
		{"cost words", url.Values{"cost": {"banyak"}}, "cost"},
		{"cost decimals", url.Values{"cost": {"1.500,50"}}, "cost"},
		{"count words", url.Values{"count": {"seratus"}}, "count"},
		{"evidence data", url.Values{"evidence": {"Foto | data:text/html,x"}}, "evidence"},
	}
	for _, c := range cases {
		in := proposal.FromForm(c.form)
		_, err := (&proposal.Store{}).Create(context.Background(), proposal.Actor{}, in)
		var e validate.Errors
		if !errors.As(err, &e) || e[c.field] == "" {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
	in := proposal.FromForm(url.Values{"cost": {"Rp 1.500.000"}, "count": {"1.200"}, "evidence": {"Aduan | /pengaduan/ABC123"}})
	if in.Cost == nil || *in.Cost != 1_500_000 || in.Count == nil || *in.Count != 1200 || len(in.Evidence) != 1 || in.Evidence[0].Label != "Aduan" {
		t.Fatalf("parsed %+v", in)
	}
}

func TestCreateGetList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		a := f.create(t, nil)
		b := f.create(t, func(in *proposal.Input) { in.Title, in.RegionCode = "Bandung", otherDesa })
		got, err := f.s.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ProposerName != "Bu Sri" || got.Where != "RT 03/RW 05" || *got.Cost != 15_000_000 || len(got.Evidence) != 2 || got.Status != proposal.StatusOpen {
			t.Fatalf("got %+v", got)
		}
		list, _, err := f.s.List(ctx, proposal.ListParams{Region: "33.72"})
		if err != nil || len(list) != 1 || list[0].ID != a.ID {
			t.Fatalf("region list %v %v", list, err)
		}
		list, next, err := f.s.List(ctx, proposal.ListParams{Limit: 1})
		if err != nil || len(list) != 1 || list[0].ID != b.ID || next == "" {
			t.Fatalf("page 1 %v %q %v", list, next, err)
		}
		list, next, err = f.s.List(ctx, proposal.ListParams{Limit: 1, Cursor: next})
		if err != nil || len(list) != 1 || list[0].ID != a.ID || next != "" {
			t.Fatalf("page 2 %v %q %v", list, next, err)
		}
		if _, _, err := f.s.List(ctx, proposal.ListParams{Cursor: "x"}); !errors.Is(err, proposal.ErrBadCursor) {
			t.Fatalf("bad cursor: %v", err)
		}
	})
}

func TestSupport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		p := f.create(t, nil)
		for range 2 { // twice: still one
			if err := f.s.Support(ctx, f.resident, p.ID, 0); err != nil {
				t.Fatal(err)
			}
			if err := f.s.Support(ctx, f.resident, p.ID, f.orgID); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Support(ctx, f.proposer, p.ID, f.orgID); !errors.Is(err, proposal.ErrNotMember) {
			t.Fatalf("non-member on behalf: %v", err)
		}
		got, _ := f.s.Get(ctx, p.ID)
		if got.Supporters != 2 || len(got.Organizations) != 1 || got.Organizations[0].Name != "OMS Pajang" {
			t.Fatalf("supporters %d %v", got.Supporters, got.Organizations)
		}
		mine, err := f.s.SupportsBy(ctx, f.resident.ID, p.ID)
		if err != nil || !mine.Person || !mine.Orgs[f.orgID] {
			t.Fatalf("mine %+v %v", mine, err)
		}
		// Others support it now: the proposer may no longer change it.
		if err := f.s.Update(ctx, f.proposer, got, input()); !errors.Is(err, proposal.ErrSupported) {
			t.Fatalf("update with support: %v", err)
		}
		if err := f.s.Unsupport(ctx, f.resident, p.ID, 0); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Unsupport(ctx, f.resident, p.ID, f.orgID); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Support(ctx, f.proposer, p.ID, 0); err != nil {
			t.Fatal(err)
		}
		in := input()
		in.Title = "Saluran air RW 05"
		if err := f.s.Update(ctx, f.resident, got, in); !errors.Is(err, proposal.ErrNotAllowed) {
			t.Fatalf("update by another: %v", err)
		}
		if err := f.s.Update(ctx, f.proposer, got, in); err != nil {
			t.Fatalf("update with own support only: %v", err)
		}
		if got, _ := f.s.Get(ctx, p.ID); got.Title != "Saluran air RW 05" || got.Supporters != 1 {
			t.Fatalf("after update %+v", got)
		}
	})
}

func TestMerge(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		target := f.create(t, func(in *proposal.Input) { in.RegionCode = kecamatan })
		dup := f.create(t, nil)
		far := f.create(t, func(in *proposal.Input) { in.RegionCode = otherDesa })
		// The resident supports both; the organisation only the duplicate.
		for _, id := range []int64{target.ID, dup.ID} {
			if err := f.s.Support(ctx, f.resident, id, 0); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Support(ctx, f.resident, dup.ID, f.orgID); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Support(ctx, f.proposer, dup.ID, 0); err != nil {
			t.Fatal(err)
		}
		refused := []struct {
			name  string
			actor proposal.Actor
			into  int64
			want  string
		}{
			{"resident", f.resident, target.ID, "proposal.err.not_allowed"},
			{"coordinator elsewhere", f.out, target.ID, "proposal.err.not_allowed"},
			{"itself", f.coord, dup.ID, "proposal.err.merge_target"},
			{"missing", f.coord, 99999, "proposal.err.merge_target"},
			{"another region", proposal.Actor{ID: f.coord.ID, Admin: true}, far.ID, "proposal.err.merge_region"},
		}
		for _, c := range refused {
			err := f.s.Merge(ctx, c.actor, dup.ID, c.into)
			var e validate.Errors
			r, isRefusal := validate.Refused(err)
			if !(isRefusal && r.Key == c.want) && !(errors.As(err, &e) && e["into"] == c.want) {
				t.Fatalf("%s: got %v, want %s", c.name, err, c.want)
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?`, dup.ID); n != 3 {
			t.Fatalf("refused merges moved supports: %d left", n)
		}
		if err := f.s.Merge(ctx, f.coord, dup.ID, target.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := f.s.Get(ctx, target.ID)
		if got.Supporters != 3 || len(got.Organizations) != 1 {
			t.Fatalf("target has %d supporters, %v", got.Supporters, got.Organizations)
		}
		old, _ := f.s.Get(ctx, dup.ID)
		if old.MergedInto != target.ID || old.Supporters != 0 || old.Status != proposal.StatusMerged {
			t.Fatalf("duplicate %+v", old)
		}
		if err := f.s.Support(ctx, f.proposer, dup.ID, 0); !errors.Is(err, proposal.ErrMerged) {
			t.Fatalf("support of merged: %v", err)
		}
		if err := f.s.Merge(ctx, f.coord, dup.ID, target.ID); !errors.Is(err, proposal.ErrMerged) {
			t.Fatalf("merge again: %v", err)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'proposal.merge'`); n != 1 {
			t.Fatalf("%d merge audit entries", n)
		}
	})
}
