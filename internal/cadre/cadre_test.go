package cadre_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/cadre"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/validate"
)

var clock = func() time.Time { return time.Date(2026, 5, 20, 4, 0, 0, 0, time.UTC) }

func addOrg(t *testing.T, d *db.DB, slug string) int64 {
	t.Helper()
	var id int64
	now := db.Now()
	if err := d.QueryRow(context.Background(), `INSERT INTO organizations (slug, name, legal_form, region_code, created_at, updated_at)
		VALUES (?, ?, 'koperasi', '53.02', ?, ?) RETURNING id`, slug, slug, now, now).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// addSignup makes a volunteer sign-up of the organisation and returns its id.
func addSignup(t *testing.T, d *db.DB, orgID int64, email string) int64 {
	t.Helper()
	ctx := context.Background()
	now := db.Now()
	var ini, camp, need, id int64
	slug := "c" + strconv.FormatInt(orgID, 10) + email
	for _, step := range []struct {
		q    string
		args []any
		into *int64
	}{
		{`INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at) VALUES (?, ?, 'I', 'published', ?, ?) RETURNING id`,
			[]any{orgID, slug, now, now}, &ini},
		{`INSERT INTO campaigns (initiative_id, org_id, slug, title, status, scheme, created_at, updated_at)
			VALUES (?, ?, ?, 'Kampanye', 'active', 'resiprokal', ?, ?) RETURNING id`, []any{0, orgID, slug, now, now}, &camp},
		{`INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'relawan', 'Relawan', 10) RETURNING id`, []any{0}, &need},
		{`INSERT INTO volunteer_signups (campaign_id, need_id, org_id, name, email, form_token, created_at)
			VALUES (?, ?, ?, 'Relawan', ?, ?, ?) RETURNING id`, []any{0, 0, orgID, email, "tok-" + slug, now}, &id},
	} {
		switch step.into {
		case &camp:
			step.args[0] = ini
		case &need:
			step.args[0] = camp
		case &id:
			step.args[0], step.args[1] = camp, need
		}
		if err := d.QueryRow(ctx, step.q, step.args...).Scan(step.into); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func valid() cadre.Input {
	return cadre.Input{Name: "Maria Tefa", Role: "ketua kelompok", RegionCode: "53.02.02.2001", Phone: "0812-3456-7890",
		Email: "maria@example.org", Level: "desa", Skills: []string{"tenun", "fasilitasi"}, Active: true}
}

func TestCadreInputErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &cadre.Store{DB: d, Now: clock}
		ctx := context.Background()
		o, other := addOrg(t, d, "oms"), addOrg(t, d, "lain")
		foreign := strconv.FormatInt(addSignup(t, d, other, "x@example.org"), 10)
		cases := []struct {
			name, field, key string
			change           func(*cadre.Input)
		}{
			{"no name", "name", "form.required", func(in *cadre.Input) { in.Name = "" }},
			{"no role", "role", "form.required", func(in *cadre.Input) { in.Role = "" }},
			{"no region", "region", "region.required", func(in *cadre.Input) { in.RegionCode = "" }},
			{"bad region", "region", "region.required", func(in *cadre.Input) { in.RegionCode = "53.99.99.9999" }},
			{"bad level", "level", "cadre.err.level", func(in *cadre.Input) { in.Level = "nasional" }},
			{"bad phone", "phone", "cadre.err.phone", func(in *cadre.Input) { in.Phone = "12" }},
			{"bad email", "email", "cadre.err.email", func(in *cadre.Input) { in.Email = "maria@" }},
			{"bad signup", "signup", "cadre.err.signup", func(in *cadre.Input) { in.Signup = "abc" }},
			{"other org's signup", "signup", "cadre.err.signup", func(in *cadre.Input) { in.Signup = foreign }},
		}
		for _, tc := range cases {
			in := valid()
			tc.change(&in)
			_, err := s.Create(ctx, cadre.Actor{}, o, in)
			var e validate.Errors
			if !errors.As(err, &e) || e[tc.field] != tc.key {
				t.Errorf("%s: %v, want %s=%s", tc.name, err, tc.field, tc.key)
			}
		}
		if list, _ := s.List(ctx, o); len(list) != 0 {
			t.Fatalf("refused input stored %d cadres", len(list))
		}
		c, err := s.Create(ctx, cadre.Actor{}, o, valid())
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			in    cadre.TrainingInput
			field string
		}{
			{cadre.TrainingInput{Name: "", TakenOn: "2026-01-01"}, "training_name"},
			{cadre.TrainingInput{Name: "Paralegal", TakenOn: "2026-05-21"}, "taken_on"},
			{cadre.TrainingInput{Name: "Paralegal", TakenOn: "kemarin"}, "taken_on"},
		} {
			var e validate.Errors
			if err := s.AddTraining(ctx, cadre.Actor{}, c, "53.02", tc.in); !errors.As(err, &e) || e[tc.field] == "" {
				t.Errorf("training %+v: %v", tc.in, err)
			}
		}
		var e validate.Errors
		if err := s.AddActivity(ctx, cadre.Actor{}, c, "53.02", cadre.ActivityInput{Name: "Rapat", DoneOn: ""}); !errors.As(err, &e) || e["done_on"] == "" {
			t.Errorf("activity without a day: %v", err)
		}
	})
}

func TestCadreCountsAndErase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &cadre.Store{DB: d, Now: clock}
		ctx := context.Background()
		o := addOrg(t, d, "oms")
		signup := addSignup(t, d, o, "maria@example.org")
		add := func(name, reg, level string, active bool) *cadre.Cadre {
			in := valid()
			in.Name, in.RegionCode, in.Level, in.Active = name, reg, level, active
			c, err := s.Create(ctx, cadre.Actor{Name: "uji"}, o, in)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		maria := add("Maria", "53.02.02.2001", "desa", true)
		add("Yuliana", "53.02.02.2003", "desa", true)
		add("Marta", "53.02.02", "kecamatan", true)
		add("Agustina", "53.02.03.2001", "desa", true)
		add("Naomi", "53.02", "kabupaten", true)
		add("Sarlin", "53.02.03.2002", "desa", false)
		list, err := s.List(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		rows := cadre.CountByArea(list)
		want := []struct {
			code  string
			by    map[string]int
			total int
		}{
			{"53.02", map[string]int{"kabupaten": 1}, 1},
			{"53.02.02", map[string]int{"desa": 2, "kecamatan": 1}, 3},
			{"53.02.03", map[string]int{"desa": 1}, 1},
			{"", map[string]int{"desa": 3, "kecamatan": 1, "kabupaten": 1}, 5},
		}
		if len(rows) != len(want) {
			t.Fatalf("rows %+v", rows)
		}
		for i, w := range want {
			if rows[i].Code != w.code || rows[i].Total != w.total || len(rows[i].ByLevel) != len(w.by) {
				t.Fatalf("row %d: %+v, want %+v", i, rows[i], w)
			}
			for l, n := range w.by {
				if rows[i].ByLevel[l] != n {
					t.Fatalf("row %d level %s: %d, want %d", i, l, rows[i].ByLevel[l], n)
				}
			}
		}

		// Link, train, lead, then erase: nothing of Maria stays.
		in := valid()
		in.Name, in.Signup = "Maria", strconv.FormatInt(signup, 10)
		if err := s.Update(ctx, cadre.Actor{}, maria, in); err != nil {
			t.Fatal(err)
		}
		if err := s.AddTraining(ctx, cadre.Actor{}, maria, "53.02", cadre.TrainingInput{Name: "Paralegal", TakenOn: "2025-08-01", Organiser: "LBH"}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddActivity(ctx, cadre.Actor{}, maria, "53.02", cadre.ActivityInput{Name: "Sekolah perempuan", DoneOn: "2026-01-10"}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, o, maria.ID)
		if err != nil || got.SignupID == nil || *got.SignupID != signup || len(got.Trainings) != 1 || len(got.Activities) != 1 || got.Phone != "+6281234567890" {
			t.Fatalf("before erase: %+v %v", got, err)
		}
		links, err := s.BySignup(ctx, o)
		if err != nil || links[signup] != maria.ID {
			t.Fatalf("by signup %v %v", links, err)
		}
		if err := s.Erase(ctx, cadre.Actor{Name: "uji"}, got); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, o, maria.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("erased cadre still read: %v", err)
		}
		for _, q := range []string{`SELECT COUNT(*) FROM cadres WHERE name = 'Maria' OR id = ?`,
			`SELECT COUNT(*) FROM cadre_trainings WHERE cadre_id = ?`, `SELECT COUNT(*) FROM cadre_activities WHERE cadre_id = ?`} {
			var n int
			if err := d.QueryRow(ctx, q, maria.ID).Scan(&n); err != nil || n != 0 {
				t.Fatalf("%s: %d %v", q, n, err)
			}
		}
		page, err := audit.List(ctx, d, audit.Filter{TargetType: "cadre", TargetID: strconv.FormatInt(maria.ID, 10)})
		if err != nil || len(page.Entries) == 0 || page.Entries[0].Action != "cadre.erase" {
			t.Fatalf("audit %+v %v", page, err)
		}
		for _, e := range page.Entries {
			if e.Detail != "org "+strconv.FormatInt(o, 10) {
				t.Fatalf("audit detail names the cadre: %q", e.Detail)
			}
		}
		// The volunteer sign-up itself stays.
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_signups WHERE id = ?`, signup).Scan(&n); err != nil || n != 1 {
			t.Fatalf("sign-up gone: %d %v", n, err)
		}
		list, _ = s.List(ctx, o)
		if rows := cadre.CountByArea(list); rows[len(rows)-1].Total != 4 {
			t.Fatalf("after erase total %d", rows[len(rows)-1].Total)
		}
	})
}

func FuzzSplitSkills(f *testing.F) {
	f.Add("tenun, pewarnaan alami\nfasilitasi;; tenun")
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, k := range cadre.SplitSkills(s) {
			if k == "" || seen[k] {
				t.Fatalf("empty or repeated skill %q in %q", k, s)
			}
			seen[k] = true
		}
	})
}
