package forum_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/forum"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

const desa = "33.72.01.1001" // Pajang, Laweyan, Kota Surakarta

type fixture struct {
	s                                  *forum.Store
	d                                  *db.DB
	editor, viewer, gov, oms, stranger forum.Actor
	orgID                              int64
}

func user(t *testing.T, d *db.DB, email, name string) forum.Actor {
	t.Helper()
	u, err := (&account.Store{DB: d}).Create(context.Background(), email, name, "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	return forum.Actor{ID: u.ID, Name: name}
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{s: &forum.Store{DB: d}, d: d}
	f.editor = user(t, d, "editor@example.org", "Bu Editor")
	f.viewer = user(t, d, "viewer@example.org", "Pak Viewer")
	f.gov = user(t, d, "lurah@example.org", "Pak Lurah")
	f.oms = user(t, d, "oms@example.org", "Mbak OMS")
	f.stranger = user(t, d, "luar@example.org", "Orang Luar")
	orgs := &org.Store{DB: d}
	o, err := orgs.Create(ctx, f.editor.ID, org.Input{Name: "OMS Pajang", Slug: "oms-pajang", LegalForm: "komunitas", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	f.orgID = o.ID
	if err := orgs.AddMember(ctx, o.ID, f.viewer.ID, org.RoleViewer); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'verified' WHERE id = ?`, o.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

func forumInput(orgID int64) forum.ForumInput {
	return forum.ForumFromForm(url.Values{"title": {"Forum lampu jalan Pajang"}, "issue": {"Gang gelap di malam hari"},
		"region": {desa}, "held_on": {"2026-09-10"}, "place": {"Balai Kelurahan"}, "org": {itoa(orgID)},
		"n_pemerintah": {"5"}, "n_oms": {"7"}, "n_warga": {"20"}, "causes": {"Lampu rusak tidak diganti"}, "published": {"1"}})
}

func itoa(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func (f *fixture) team(t *testing.T) *forum.Team {
	t.Helper()
	ctx := context.Background()
	fo, err := f.s.Create(ctx, f.editor, forumInput(f.orgID))
	if err != nil {
		t.Fatal(err)
	}
	tm, err := f.s.CreateTeam(ctx, f.editor, fo, forum.TeamInput{Name: "Tim Aksi Terang", Purpose: "Gang terang"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []forum.MemberInput{{UserID: f.gov.ID, Side: forum.SidePemerintah, Role: forum.RoleLead, OrgName: "Kelurahan Pajang"},
		{UserID: f.oms.ID, Side: forum.SideOMS, Role: forum.RoleMember, OrgID: f.orgID}} {
		if err := f.s.SaveMember(ctx, f.editor, tm, m); err != nil {
			t.Fatal(err)
		}
	}
	tm, err = f.s.Team(ctx, tm.ID)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestForumConveners(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		cases := []struct {
			name  string
			actor forum.Actor
			orgID int64
			want  error
			field string
		}{
			{"editor of a verified OMS", f.editor, f.orgID, nil, ""},
			{"viewer may not", f.viewer, f.orgID, forum.ErrNotAllowed, ""},
			{"stranger may not", f.stranger, f.orgID, forum.ErrNotAllowed, ""},
			{"no organisation, not a coordinator", f.editor, 0, nil, "org"},
			{"admin alone", forum.Actor{ID: f.stranger.ID, Admin: true}, 0, nil, ""},
		}
		for _, c := range cases {
			before := f.count(t, `SELECT COUNT(*) FROM forums`)
			fo, err := f.s.Create(ctx, c.actor, forumInput(c.orgID))
			var errs validate.Errors
			switch {
			case c.field != "":
				if !errors.As(err, &errs) || errs[c.field] == "" {
					t.Errorf("%s: %v, want an error on %s", c.name, err, c.field)
				}
			case c.want != nil:
				if !errors.Is(err, c.want) {
					t.Errorf("%s: %v, want %v", c.name, err, c.want)
				}
			case err != nil:
				t.Errorf("%s: %v", c.name, err)
			default:
				if fo.Counts["warga"] != 20 || fo.Participants() != 32 || !fo.Published {
					t.Errorf("%s: forum read back %+v", c.name, fo)
				}
			}
			if err != nil && f.count(t, `SELECT COUNT(*) FROM forums`) != before {
				t.Errorf("%s: refused forum was written", c.name)
			}
		}
		bad := forumInput(f.orgID)
		bad.HeldOn, bad.Title = "10/09/2026", ""
		_, err := f.s.Create(ctx, f.editor, bad)
		var errs validate.Errors
		if !errors.As(err, &errs) || errs["held_on"] == "" || errs["title"] == "" {
			t.Errorf("bad input: %v", err)
		}
		list, err := f.s.List(ctx, forum.ListParams{Region: "33.72"})
		if err != nil || len(list) != 2 {
			t.Errorf("published forums of Surakarta: %d %v", len(list), err)
		}
	})
}

func TestTeamPlanOwners(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		tm := f.team(t)
		act := func(owner int64) forum.ActivityInput {
			return forum.ActivityFromForm(url.Values{"what": {"Pendataan titik gelap"}, "owner": {itoa(owner)},
				"starts_on": {"2026-10-01"}, "due_on": {"2026-10-31"}, "budget": {"Rp 2.500.000"}, "indicator": {"Titik gelap terdata"}})
		}
		cases := []struct {
			name  string
			actor forum.Actor
			owner int64
			err   error
			field string
		}{
			{"convener's editor, owner in team", f.editor, f.oms.ID, nil, ""},
			{"ketua manages the plan", f.gov, f.gov.ID, nil, ""},
			{"owner not a team member", f.editor, f.stranger.ID, nil, "owner"},
			{"plain member may not", f.oms, f.oms.ID, forum.ErrNotAllowed, ""},
			{"viewer of the convener may not", f.viewer, f.oms.ID, forum.ErrNotAllowed, ""},
		}
		for _, c := range cases {
			before := f.count(t, `SELECT COUNT(*) FROM action_team_activities`)
			_, err := f.s.SaveActivity(ctx, c.actor, tm, 0, act(c.owner))
			var errs validate.Errors
			switch {
			case c.field != "":
				if !errors.As(err, &errs) || errs[c.field] != "forum.err.owner_not_member" {
					t.Errorf("%s: %v", c.name, err)
				}
			case c.err != nil:
				if !errors.Is(err, c.err) {
					t.Errorf("%s: %v, want %v", c.name, err, c.err)
				}
			case err != nil:
				t.Errorf("%s: %v", c.name, err)
			}
			after := f.count(t, `SELECT COUNT(*) FROM action_team_activities`)
			if (err == nil) != (after == before+1) {
				t.Errorf("%s: %d activities, were %d", c.name, after, before)
			}
		}
		back, err := f.s.Team(ctx, tm.ID)
		if err != nil || len(back.Activities) != 2 || back.Budget() != 5_000_000 {
			t.Fatalf("plan read back: %v", err)
		}
		if err := f.s.RemoveMember(ctx, f.editor, back, f.oms.ID); err == nil {
			t.Error("a member who owns an activity was removed")
		}
		bad := act(f.oms.ID)
		bad.DueOn = "2026-09-01"
		if _, err := f.s.SaveActivity(ctx, f.editor, back, 0, bad); err == nil {
			t.Error("due before start accepted")
		}
	})
}

func sitting(side, day string, score int) forum.SittingInput {
	v := url.Values{"side": {side}, "held_on": {day}, "participants": {"4"}, "notes": {"Catatan"}}
	for _, q := range forum.Questions {
		v.Set("q_"+q, itoa(int64(score)))
	}
	return forum.SittingFromForm(v)
}

func TestSittingsApartThenTogether(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		tm := f.team(t)
		steps := []struct {
			name  string
			actor forum.Actor
			in    forum.SittingInput
			err   error
			round int
		}{
			{"joint before apart", f.gov, sitting("bersama", "2026-11-01", 3), forum.ErrApartFirst, 0},
			{"other side", f.gov, sitting("oms", "2026-11-01", 3), forum.ErrOtherSide, 0},
			{"not a member", f.stranger, sitting("oms", "2026-11-01", 3), forum.ErrNotMember, 0},
			{"government apart", f.gov, sitting("pemerintah", "2026-11-01", 2), nil, 1},
			{"government twice in a round", f.gov, sitting("pemerintah", "2026-11-02", 2), forum.ErrRoundOpen, 0},
			{"joint with one side only", f.oms, sitting("bersama", "2026-11-03", 3), forum.ErrApartFirst, 0},
			{"OMS apart", f.oms, sitting("oms", "2026-11-02", 3), nil, 1},
			{"joint", f.oms, sitting("bersama", "2026-11-05", 3), nil, 1},
			{"joint twice", f.gov, sitting("bersama", "2026-11-06", 3), forum.ErrApartFirst, 0},
			{"next round", f.gov, sitting("pemerintah", "2027-02-01", 4), nil, 2},
		}
		for _, s := range steps {
			before := f.count(t, `SELECT COUNT(*) FROM action_team_sitting_scores`)
			round, err := f.s.RecordSitting(ctx, s.actor, tm, s.in)
			if !errors.Is(err, s.err) || round != s.round {
				t.Errorf("%s: round %d, %v; want %d, %v", s.name, round, err, s.round, s.err)
			}
			if err != nil && f.count(t, `SELECT COUNT(*) FROM action_team_sitting_scores`) != before {
				t.Errorf("%s: refused sitting wrote scores", s.name)
			}
		}
		bad := sitting("oms", "2027-02-02", 3)
		bad.Scores["kepercayaan"] = 6
		var errs validate.Errors
		if _, err := f.s.RecordSitting(ctx, f.oms, tm, bad); !errors.As(err, &errs) || errs["q_kepercayaan"] == "" {
			t.Errorf("score 6: %v", err)
		}
		back, err := f.s.Team(ctx, tm.ID)
		if err != nil || len(back.Sittings) != 4 || back.Sittings[0].Scores["kepercayaan"] != 2 || back.Sittings[3].Average() != 40 {
			t.Fatalf("sittings read back: %v", err)
		}
	})
}

func TestReviews(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		tm := f.team(t)
		id, err := f.s.SaveActivity(ctx, f.editor, tm, 0, forum.ActivityFromForm(url.Values{"what": {"Survei"}, "owner": {itoa(f.oms.ID)},
			"starts_on": {"2026-10-01"}, "due_on": {"2026-10-31"}}))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.ScheduleReview(ctx, f.oms, tm, "2026-11-15"); !errors.Is(err, forum.ErrNotAllowed) {
			t.Errorf("member schedules: %v", err)
		}
		if err := f.s.ScheduleReview(ctx, f.gov, tm, "2026-11-15"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.ScheduleReview(ctx, f.gov, tm, "2026-11-15"); err == nil {
			t.Error("the same date twice")
		}
		tm, _ = f.s.Team(ctx, tm.ID)
		rid := tm.Reviews[0].ID
		if err := f.s.RecordReview(ctx, f.stranger, tm, rid, map[int64]string{id: "x"}); !errors.Is(err, forum.ErrNotMember) {
			t.Errorf("stranger reviews: %v", err)
		}
		if err := f.s.RecordReview(ctx, f.oms, tm, rid, map[int64]string{id: "Separuh RW terdata"}); err != nil {
			t.Fatal(err)
		}
		if err := f.s.RecordReview(ctx, f.gov, tm, rid, map[int64]string{id: "lagi"}); !errors.Is(err, forum.ErrReviewHeld) {
			t.Errorf("review twice: %v", err)
		}
		tm, _ = f.s.Team(ctx, tm.ID)
		if r := tm.Reviews[0]; !r.Held || r.Notes[id] != "Separuh RW terdata" {
			t.Errorf("review read back: %+v", r)
		}
	})
}

// fakeCiter keeps citations in memory and refuses dataset 999, as the
// catalogue refuses an unpublished one.
type fakeCiter struct{ sets map[string][]int64 }

var errUnpublished = errors.New("not published")

func (c *fakeCiter) CiteIn(_ context.Context, _ db.Querier, kind string, id int64, ids []int64) error {
	for _, d := range ids {
		if d == 999 {
			return errUnpublished
		}
	}
	c.sets[kind+itoa(id)] = ids
	return nil
}

func (c *fakeCiter) CitedIDs(_ context.Context, kind string, id int64) ([]int64, error) {
	return c.sets[kind+itoa(id)], nil
}

func TestPlanCitesWithItsActivity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		c := &fakeCiter{sets: map[string][]int64{}}
		f.s.Citations = c
		tm := f.team(t)
		in := func(ids ...string) forum.ActivityInput {
			return forum.ActivityFromForm(url.Values{"what": {"Buka data PJU"}, "owner": {itoa(f.gov.ID)},
				"starts_on": {"2026-10-01"}, "due_on": {"2026-12-31"}, "dataset": ids})
		}
		if _, err := f.s.SaveActivity(ctx, f.gov, tm, 0, in("3")); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.SaveActivity(ctx, f.gov, tm, 0, in("4", "3")); err != nil {
			t.Fatal(err)
		}
		if got := c.sets["team_plan"+itoa(tm.ID)]; len(got) != 2 {
			t.Errorf("plan cites %v, want 3 and 4", got)
		}
		before := f.count(t, `SELECT COUNT(*) FROM action_team_activities`)
		if _, err := f.s.SaveActivity(ctx, f.gov, tm, 0, in("999")); !errors.Is(err, errUnpublished) {
			t.Errorf("unpublished dataset: %v", err)
		}
		if f.count(t, `SELECT COUNT(*) FROM action_team_activities`) != before {
			t.Error("an activity citing an unpublished dataset was written")
		}
	})
}
