package commitment_test

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/commitment"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/validate"
)

// today is the fixed day the tests run on (noon in WITA, for an
// organisation in NTT).
var clock = func() time.Time { return time.Date(2026, 5, 20, 4, 0, 0, 0, time.UTC) }

const today = "2026-05-20"

func addOrg(t *testing.T, d *db.DB, slug, regionCode, status string) int64 {
	t.Helper()
	var id int64
	now := db.Now()
	if err := d.QueryRow(context.Background(), `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES (?, ?, 'yayasan', ?, ?, ?, ?) RETURNING id`, slug, slug, regionCode, status, now, now).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func valid() commitment.Input {
	return commitment.Input{Who: "Yohanes Taek", Position: "Bupati", Office: "Pemerintah Kabupaten Timor Tengah Selatan",
		Kind: "pemda", Level: "kabupaten", What: "Menganggarkan alat tenun untuk 10 kelompok", MadeOn: "2026-02-10",
		Event: "Audiensi", Place: "Kantor Bupati", DueOn: "2026-12-31", EvidenceURL: "https://example.org/berita",
		RegionCode: "53.02", Published: true}
}

func TestCommitmentInputErrors(t *testing.T) {
	cases := []struct {
		name, field, key string
		change           func(*commitment.Input)
	}{
		{"no who", "who", "form.required", func(in *commitment.Input) { in.Who = "" }},
		{"no what", "what", "form.required", func(in *commitment.Input) { in.What = " " }},
		{"bad kind", "kind", "commitment.err.kind", func(in *commitment.Input) { in.Kind = "raja" }},
		{"bad level", "level", "commitment.err.level", func(in *commitment.Input) { in.Level = "benua" }},
		{"no day", "made_on", "form.required", func(in *commitment.Input) { in.MadeOn = "" }},
		{"bad day", "made_on", "commitment.err.date", func(in *commitment.Input) { in.MadeOn = "10/02/2026" }},
		{"future", "made_on", "commitment.err.made_future", func(in *commitment.Input) { in.MadeOn = "2026-05-21" }},
		{"due before", "due_on", "commitment.err.due_before", func(in *commitment.Input) { in.DueOn = "2026-02-09" }},
		{"next before", "next_follow_up", "commitment.err.next_before", func(in *commitment.Input) { in.NextFollowUp = "2025-01-01" }},
		{"bad url", "evidence_url", "commitment.err.url", func(in *commitment.Input) { in.EvidenceURL = "javascript:alert(1)" }},
		{"no host", "evidence_url", "commitment.err.url", func(in *commitment.Input) { in.EvidenceURL = "https://" }},
		{"bad region", "region", "region.required", func(in *commitment.Input) { in.RegionCode = "99.99" }},
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &commitment.Store{DB: d, Now: clock}
		ctx := context.Background()
		o := addOrg(t, d, "oms", "53.02.01", "verified")
		for _, tc := range cases {
			in := valid()
			tc.change(&in)
			_, err := s.Create(ctx, commitment.Actor{}, o, "53.02.01", in)
			var e validate.Errors
			if !errors.As(err, &e) || e[tc.field] != tc.key {
				t.Errorf("%s: %v, want %s=%s", tc.name, err, tc.field, tc.key)
			}
		}
		if list, _ := s.List(ctx, o, false); len(list) != 0 {
			t.Fatalf("refused input stored %d commitments", len(list))
		}
	})
}

func TestCommitmentStatusFollowsLatestFollowUp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &commitment.Store{DB: d, Now: clock}
		ctx := context.Background()
		o := addOrg(t, d, "oms", "53.02.01", "verified")
		c, err := s.Create(ctx, commitment.Actor{ID: 0, Name: "uji"}, o, "53.02.01", valid())
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != commitment.StatusNotYet {
			t.Fatalf("new status %q", c.Status)
		}
		steps := []struct {
			in   commitment.FollowUpInput
			want string
			err  string
		}{
			{commitment.FollowUpInput{DoneOn: "2026-03-01", Action: "Surat", Status: "sebagian", NextFollowUp: "2026-04-01"}, "sebagian", ""},
			{commitment.FollowUpInput{DoneOn: "2026-04-02", Action: "Audiensi lagi", Status: "ditepati"}, "ditepati", ""},
			// An older follow-up entered later does not decide the status.
			{commitment.FollowUpInput{DoneOn: "2026-02-20", Action: "Telepon", Status: "diingkari"}, "ditepati", ""},
			{commitment.FollowUpInput{DoneOn: "2026-05-21", Action: "Besok", Status: "belum"}, "", "done_on"},
			{commitment.FollowUpInput{DoneOn: "2026-02-01", Action: "Sebelum janji", Status: "belum"}, "", "done_on"},
			{commitment.FollowUpInput{DoneOn: "2026-03-01", Action: "", Status: "belum"}, "", "action"},
			{commitment.FollowUpInput{DoneOn: "2026-03-01", Action: "x", Status: "lupa"}, "", "status"},
			{commitment.FollowUpInput{DoneOn: "2026-03-01", Action: "x", Status: "belum", NextFollowUp: "2026-02-28"}, "", "next_follow_up"},
		}
		for i, st := range steps {
			err := s.AddFollowUp(ctx, commitment.Actor{}, c, "53.02.01", st.in)
			var e validate.Errors
			if st.err != "" {
				if !errors.As(err, &e) || e[st.err] == "" {
					t.Fatalf("step %d: %v, want an error on %s", i, err, st.err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			got, err := s.Get(ctx, o, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != st.want {
				t.Fatalf("step %d: status %q, want %q", i, got.Status, st.want)
			}
		}
		got, _ := s.Get(ctx, o, c.ID)
		if len(got.FollowUps) != 3 || got.FollowUps[0].DoneOn != "2026-02-20" {
			t.Fatalf("follow-ups %+v", got.FollowUps)
		}
		// Removing the latest goes back to the one before.
		if err := s.DeleteFollowUp(ctx, commitment.Actor{}, got, got.FollowUps[2].ID); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Get(ctx, o, c.ID)
		if got.Status != "sebagian" {
			t.Fatalf("after delete: %q", got.Status)
		}
		// The day made cannot move after a follow-up.
		in := valid()
		in.MadeOn = "2026-03-15"
		var e validate.Errors
		if err := s.Update(ctx, commitment.Actor{}, got, "53.02.01", in); !errors.As(err, &e) || e["made_on"] == "" {
			t.Fatalf("update after follow-up: %v", err)
		}
		if _, err := s.Get(ctx, addOrg(t, d, "lain", "53.02", "verified"), c.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("another organisation's get: %v", err)
		}
	})
}

func TestCommitmentRegionAndPublished(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &commitment.Store{DB: d, Now: clock}
		ctx := context.Background()
		tts := addOrg(t, d, "tts", "53.02.01.1001", "verified")
		kupang := addOrg(t, d, "kupang", "53.71", "pending")
		gone := addOrg(t, d, "gone", "53.02", "suspended")
		add := func(o int64, who, reg string, pub bool) {
			in := valid()
			in.Who, in.RegionCode, in.Published = who, reg, pub
			if _, err := s.Create(ctx, commitment.Actor{}, o, "53", in); err != nil {
				t.Fatal(err)
			}
		}
		add(tts, "A", "53.02", true)
		add(tts, "B", "53.02", false)
		add(kupang, "C", "53.71", true)
		add(kupang, "D", "53.02.01", true) // the commitment's region counts too
		add(gone, "E", "53.02", true)
		want := map[string]string{"53": "A C D", "53.02": "A D", "53.02.01": "A D", "53.02.01.1001": "A",
			"53.71": "C D", "53.7": "", "32": ""}
		for code, w := range want {
			list, orgs, err := s.InRegion(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, c := range list {
				if !c.Published || orgs[c.OrgID].Slug == "" {
					t.Fatalf("%s: unpublished or unnamed %+v", code, c)
				}
				got += " " + c.Who
			}
			if got = sortWords(got); got != w {
				t.Errorf("region %s: %q, want %q", code, got, w)
			}
		}
		all, _ := s.List(ctx, tts, false)
		pub, _ := s.List(ctx, tts, true)
		if len(all) != 2 || len(pub) != 1 || pub[0].Who != "A" {
			t.Fatalf("lists: %d all, %d published", len(all), len(pub))
		}
		counts := commitment.Count(all)
		if counts.Total() != 2 || counts["belum"] != 2 {
			t.Fatalf("counts %v", counts)
		}
	})
}

func sortWords(s string) string {
	w := strings.Fields(s)
	sort.Strings(w)
	return strings.Join(w, " ")
}

func TestOverdue(t *testing.T) {
	c := &commitment.Commitment{Status: "belum", NextFollowUp: "2026-05-19"}
	if !c.Overdue(today) {
		t.Fatal("not overdue")
	}
	c.Status = "ditepati"
	if c.Overdue(today) {
		t.Fatal("kept is overdue")
	}
	c.Status, c.NextFollowUp = "sebagian", today
	if c.Overdue(today) {
		t.Fatal("today is overdue")
	}
}

func FuzzCommitmentInput(f *testing.F) {
	f.Add("Bupati", "2026-02-10", "2026-03-01", "https://x.id/a")
	f.Add("", "x", "", "ftp://")
	f.Fuzz(func(t *testing.T, who, made, due, link string) {
		in := commitment.Input{Who: who, What: "x", Kind: "pemda", MadeOn: made, DueOn: due, EvidenceURL: link}
		e := in.Check(today)
		if len(e) == 0 && (in.MadeOn > today || (in.DueOn != "" && in.DueOn < in.MadeOn) || (link != "" && !commitment.WebURL(link))) {
			t.Fatalf("accepted %+v", in)
		}
	})
}
