package lesson_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/initiative"
	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
	"lokadaya/internal/search"
	"lokadaya/internal/validate"
)

const desa = "32.73.01.1001"

type fixture struct {
	s                *lesson.Store
	orgID, otherOrg  int64
	initID, otherIni int64
	cycleID          int64
	actor            lesson.Actor
}

func newOrg(t *testing.T, d *db.DB, email, slug string) (orgID, initID, cycleID, userID int64) {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, email, "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS " + slug, Slug: slug, LegalForm: "komunitas", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 7, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	i, err := (&initiative.Store{DB: d}).Create(ctx, initiative.Actor{ID: u.ID}, o.ID, cycleID, initiative.Input{Name: "Tenun " + slug})
	if err != nil {
		t.Fatal(err)
	}
	return o.ID, i.ID, cycleID, u.ID
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	f := &fixture{s: &lesson.Store{DB: d}}
	var uid int64
	f.orgID, f.initID, f.cycleID, uid = newOrg(t, d, "a@example.org", "kapas")
	f.otherOrg, f.otherIni, _, _ = newOrg(t, d, "b@example.org", "lain")
	f.actor = lesson.Actor{ID: uid, Name: "Pemilik"}
	return f
}

func (f *fixture) input() lesson.Input {
	return lesson.Input{OrgID: f.orgID, InitiativeID: f.initID, Stage: 7, Title: "Kelompok menenun bersama",
		Body:   "Pemberdayaan perempuan penenun berjalan ketika kelompok menentukan harga sendiri.",
		Issues: []string{"ekonomi_perempuan", "budaya", "budaya"}, LedTo: "Koperasi membuka toko bersama.",
		SourceKind: lesson.SourceCycle, SourceID: f.cycleID,
		Evidence: []lesson.Evidence{{Label: "Buku kas", URL: "/organisasi/kapas/buku"}, {Label: "Berita", URL: "https://example.org/x"}}}
}

func TestCreateErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		cases := []struct {
			name, field, key string
			edit             func(*lesson.Input)
		}{
			{"no title", "title", "form.required", func(in *lesson.Input) { in.Title = "  " }},
			{"no body", "body", "form.required", func(in *lesson.Input) { in.Body = "" }},
			{"stage too high", "stage", "lesson.err.stage", func(in *lesson.Input) { in.Stage = 8 }},
			{"stage negative", "stage", "lesson.err.stage", func(in *lesson.Input) { in.Stage = -1 }},
			{"unknown issue", "issues", "lesson.err.issue", func(in *lesson.Input) { in.Issues = []string{"sepak_bola"} }},
			{"initiative of another org", "initiative", "lesson.err.initiative", func(in *lesson.Input) { in.InitiativeID = f.otherIni }},
			{"missing initiative", "initiative", "lesson.err.initiative", func(in *lesson.Input) { in.InitiativeID = 99999 }},
			{"javascript evidence", "evidence", "lesson.err.evidence_url", func(in *lesson.Input) {
				in.Evidence = []lesson.Evidence{{Label: "x", URL: "javascript:alert(1)"}}
			}},
			{"protocol-relative evidence", "evidence", "lesson.err.evidence_url", func(in *lesson.Input) {
				in.Evidence = []lesson.Evidence{{Label: "x", URL: "//evil.example/x"}}
			}},
			{"evidence without label", "evidence", "lesson.err.evidence_label", func(in *lesson.Input) {
				in.Evidence = []lesson.Evidence{{URL: "/organisasi/kapas"}}
			}},
			{"bad source kind", "source_kind", "lesson.err.source", func(in *lesson.Input) { in.SourceKind = "rapat" }},
			{"cycle without id", "source_kind", "lesson.err.source", func(in *lesson.Input) { in.SourceID = 0 }},
			{"cycle of another org", "source_kind", "lesson.err.source", func(in *lesson.Input) { in.SourceID = f.cycleID + 1 }},
			{"unknown region", "region", "region.required", func(in *lesson.Input) { in.RegionCode = "99.99" }},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := f.input()
				tc.edit(&in)
				_, err := f.s.Create(ctx, f.actor, in)
				var errs validate.Errors
				if !errors.As(err, &errs) || errs[tc.field] != tc.key {
					t.Fatalf("err = %v, want %s: %s", err, tc.field, tc.key)
				}
			})
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM lessons`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("lessons written after refused input: %d, %v", n, err)
		}
	})
}

func TestCreatePublishBySource(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := f.input()
		in.RegionCode = ""
		l, err := f.s.Create(ctx, f.actor, in)
		if err != nil {
			t.Fatal(err)
		}
		if l.RegionCode != desa || len(l.Issues) != 2 || l.Published {
			t.Fatalf("created %+v", l)
		}
		got, err := f.s.ByID(ctx, l.ID)
		if err != nil || len(got.Evidence) != 2 || got.Evidence[1].URL != "https://example.org/x" || got.SourceID != f.cycleID {
			t.Fatalf("ByID = %+v, %v", got, err)
		}
		pub, _ := f.s.ForOrg(ctx, f.orgID, false)
		all, _ := f.s.ForOrg(ctx, f.orgID, true)
		if len(pub) != 0 || len(all) != 1 {
			t.Fatalf("draft: public %d, all %d", len(pub), len(all))
		}
		if err := f.s.Publish(ctx, f.actor, got); err != nil {
			t.Fatal(err)
		}
		first := *got.PublishedAt
		if pub, _ = f.s.ForOrg(ctx, f.orgID, false); len(pub) != 1 || pub[0].PublishedAt == nil {
			t.Fatalf("published: %v", pub)
		}
		if err := f.s.Unpublish(ctx, f.actor, got); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Publish(ctx, f.actor, got); err != nil || !got.PublishedAt.Equal(first) {
			t.Fatalf("republished at %v, first %v (%v)", got.PublishedAt, first, err)
		}
		src, err := f.s.BySource(ctx, lesson.SourceCycle, f.cycleID)
		if err != nil || len(src) != 1 || src[0].ID != l.ID {
			t.Fatalf("BySource = %v, %v", src, err)
		}
		if src, _ := f.s.BySource(ctx, lesson.SourceReflection, f.cycleID); len(src) != 0 {
			t.Fatalf("BySource of another kind = %v", src)
		}
		in2 := f.input()
		in2.Title, in2.Evidence = "Judul baru", nil
		if err := f.s.Update(ctx, f.actor, got, in2); err != nil {
			t.Fatal(err)
		}
		again, _ := f.s.ByID(ctx, l.ID)
		if again.Title != "Judul baru" || len(again.Evidence) != 0 || !again.Published {
			t.Fatalf("updated %+v", again)
		}
	})
}

func TestSearchFindsPublishedLesson(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		in := f.input()
		in.Published = true
		l, err := f.s.Create(ctx, f.actor, in)
		if err != nil {
			t.Fatal(err)
		}
		x := search.New(d, nil)
		find := func(p search.Params) int {
			t.Helper()
			p.Type = search.TypeLesson
			res, err := x.Search(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			return len(res.Hits)
		}
		// "berdaya" is found through the stem of "Pemberdayaan".
		if n := find(search.Params{Query: "berdaya"}); n != 1 {
			t.Fatalf("stemmed search found %d", n)
		}
		if n := find(search.Params{Query: "berdaya", Stage: "7", Issue: "budaya", Region: "32.73"}); n != 1 {
			t.Fatalf("filtered search found %d", n)
		}
		if n := find(search.Params{Query: "berdaya", Stage: "3"}); n != 0 {
			t.Fatalf("other stage found %d", n)
		}
		if err := f.s.Unpublish(ctx, f.actor, l); err != nil {
			t.Fatal(err)
		}
		if n := find(search.Params{Query: "berdaya"}); n != 0 {
			t.Fatalf("unpublished lesson still found (%d)", n)
		}
		if _, err := x.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		if n := find(search.Params{}); n != 0 {
			t.Fatalf("rebuild indexed a draft (%d)", n)
		}
	})
}

func TestFromForm(t *testing.T) {
	form := url.Values{"title": {" T "}, "body": {"B"}, "stage": {"x"}, "region": {desa},
		"evidence": {"Laporan | /organisasi/a/laporan\n\nhttps://example.org/b\n"}}
	in := lesson.FromForm(1, form)
	if len(in.Evidence) != 2 || in.Evidence[0].Label != "Laporan" || in.Evidence[1].Label != "https://example.org/b" {
		t.Fatalf("evidence %+v", in.Evidence)
	}
	if got := lesson.FormatEvidence(in.Evidence); got != "Laporan | /organisasi/a/laporan\nhttps://example.org/b" {
		t.Fatalf("FormatEvidence = %q", got)
	}
}

func TestValidURL(t *testing.T) {
	for u, want := range map[string]bool{
		"/inisiatif/x/hasil": true, "/organisasi/x/buku?tahun=2025#a": true, "https://example.org/a": true,
		"http://example.org": true, "javascript:alert(1)": false, "JavaScript:alert(1)": false, "//evil.example": false,
		"/\\evil.example": false, "data:text/html,x": false, "https://": false, "ftp://example.org": false,
		"relative/path": false, "": false, "https://user@example.org": false, "/a b": false, "https://exa mple.org": false,
	} {
		if got := lesson.ValidURL(u); got != want {
			t.Errorf("ValidURL(%q) = %v", u, got)
		}
	}
}

func FuzzParseEvidence(f *testing.F) {
	f.Add("Laporan | /organisasi/a/laporan\nhttps://example.org/b")
	f.Add("x javascript:alert(1)")
	f.Add("|||\n\n //a")
	f.Fuzz(func(t *testing.T, text string) {
		list, key := lesson.ParseEvidence(text)
		if key != "" {
			return
		}
		if len(list) > lesson.MaxEvidence {
			t.Fatalf("%d links accepted", len(list))
		}
		for _, e := range list {
			if !lesson.ValidURL(e.URL) || e.Label == "" {
				t.Fatalf("accepted %+v", e)
			}
			if u, _ := url.Parse(e.URL); e.URL[0] != '/' && strings.ToLower(u.Scheme) != "http" && strings.ToLower(u.Scheme) != "https" {
				t.Fatalf("accepted scheme of %q", e.URL)
			}
		}
		again, key := lesson.ParseEvidence(lesson.FormatEvidence(list))
		if key != "" || len(again) != len(list) {
			t.Fatalf("round trip of %q: %v %q", text, again, key)
		}
	})
}
