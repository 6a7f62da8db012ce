package reflection_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/validate"
)

type world struct {
	d          *db.DB
	store      *reflection.Store
	org, other int64
	initiative int64
	foreign    int64 // an initiative of the other organisation
	owner      reflection.Actor
	outsider   int64 // a user who is not a member
	cycle      *cycle.Cycle
}

func setup(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, store: &reflection.Store{DB: d}}
	accounts, orgs := &account.Store{DB: d}, &org.Store{DB: d}
	var orgIDs, inits []int64
	for _, name := range []string{"ani", "budi"} {
		u, err := accounts.Create(ctx, name+"@example.org", "Bu "+name, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		o, err := orgs.Create(ctx, u.ID, org.Input{Name: "Serikat " + name, Slug: "serikat-" + name,
			LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		now := db.Now()
		var ini int64
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, ?, 'Koperasi tenun', 'published', ?, ?) RETURNING id`, o.ID, "tenun-"+name, now, now).Scan(&ini); err != nil {
			t.Fatal(err)
		}
		orgIDs, inits = append(orgIDs, o.ID), append(inits, ini)
		if w.owner.ID == 0 {
			w.owner = reflection.Actor{ID: u.ID, Name: u.Name}
		} else {
			w.outsider = u.ID
		}
	}
	w.org, w.other, w.initiative, w.foreign = orgIDs[0], orgIDs[1], inits[0], inits[1]
	c, err := (&cycle.Store{DB: d}).Start(ctx, w.org, cycle.Actor{ID: w.owner.ID, Name: w.owner.Name})
	if err != nil {
		t.Fatal(err)
	}
	w.cycle = c
	return w
}

func (w *world) session(t *testing.T) *reflection.Session {
	t.Helper()
	s, err := w.store.CreateSession(context.Background(), w.owner, w.org, reflection.SessionInput{
		Title: "CoRel 2026", HeldOn: "2026-03-05", PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31",
		CycleID: w.cycle.ID, InitiativeIDs: []int64{w.initiative}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fieldErr(err error) string {
	var v validate.Errors
	if !errors.As(err, &v) {
		return ""
	}
	var keys []string
	for f, k := range v {
		keys = append(keys, f+"="+k)
	}
	return strings.Join(keys, ",")
}

func TestSessionInputErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		good := reflection.SessionInput{Title: "CoRel", HeldOn: "2026-03-05", PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31"}
		cases := []struct {
			name string
			edit func(*reflection.SessionInput)
			want string
		}{
			{"no title", func(in *reflection.SessionInput) { in.Title = " " }, "title=form.required"},
			{"bad day", func(in *reflection.SessionInput) { in.HeldOn = "5 Maret" }, "held_on=reflection.err.day"},
			{"period reversed", func(in *reflection.SessionInput) { in.PeriodTo = "2024-12-31" }, "period_to=reflection.err.period_order"},
			{"initiative of another org", func(in *reflection.SessionInput) { in.InitiativeIDs = []int64{w.foreign} }, "initiatives=reflection.err.initiative"},
		}
		for _, c := range cases {
			in := good
			c.edit(&in)
			_, err := w.store.CreateSession(ctx, w.owner, w.org, in)
			if got := fieldErr(err); got != c.want {
				t.Errorf("%s: got %q (%v), want %q", c.name, got, err, c.want)
			}
		}
		list, err := w.store.Sessions(ctx, w.org, false)
		if err != nil || len(list) != 0 {
			t.Fatalf("refused sessions were saved: %d, %v", len(list), err)
		}
	})
}

// TestSessionToNextCycle walks a session from plan to published outcome:
// groups sit apart and together, each keeps its own inputs, findings
// are written, the fundamental change is recorded against the strategy,
// and the next cycle opens the "new initiative" as a draft, once.
func TestSessionToNextCycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		s := w.session(t)
		if err := w.store.SetPublished(ctx, w.owner, s.ID, true); fieldErr(err) != "publish=reflection.err.publish_unheld" {
			t.Fatalf("publishing a planned session: %v", err)
		}
		if err := w.store.MarkHeld(ctx, w.owner, s.ID); fieldErr(err) != "status=reflection.err.no_groups" {
			t.Fatalf("held without groups: %v", err)
		}
		served, err := w.store.AddGroup(ctx, w.owner, s.ID, reflection.GroupInput{Kind: reflection.GroupServed,
			Name: "Anggota desa Oebelo", Participants: 14, Women: 12, SatOn: "2026-03-05"})
		if err != nil {
			t.Fatal(err)
		}
		staff, err := w.store.AddGroup(ctx, w.owner, s.ID, reflection.GroupInput{Kind: reflection.GroupStaff, Name: "Pengurus", Participants: 5, Women: 3})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.AddGroup(ctx, w.owner, s.ID, reflection.GroupInput{Kind: reflection.GroupStaff, Name: "x", Participants: 2, Women: 3}); fieldErr(err) != "women=reflection.err.women" {
			t.Errorf("more women than participants: %v", err)
		}
		for _, in := range []struct {
			g    int64
			body string
		}{{served.ID, "Harga benang naik, kami perlu beli bersama."}, {staff.ID, "Laporan keuangan terlambat."}} {
			if err := w.store.AddInput(ctx, w.owner, s.ID, in.g, reflection.InputMissed, in.body); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.store.AddInput(ctx, w.owner, s.ID, served.ID, "lain", "x"); fieldErr(err) != "kind=reflection.err.input_kind" {
			t.Errorf("unknown input kind: %v", err)
		}
		groups, err := w.store.Groups(ctx, s.ID)
		if err != nil || len(groups) != 2 || groups[0].Kind != reflection.GroupStaff || len(groups[1].Inputs) != 1 ||
			groups[1].Inputs[0].Body != "Harga benang naik, kami perlu beli bersama." {
			t.Fatalf("groups keep their own inputs in seating order: %+v %v", groups, err)
		}
		if err := w.store.MarkHeld(ctx, w.owner, s.ID); fieldErr(err) != "status=reflection.err.no_findings" {
			t.Fatalf("held without findings: %v", err)
		}
		if _, err := w.store.AddFinding(ctx, w.owner, s.ID, reflection.FindingInput{Kind: reflection.FindingRecommendation, Title: "Pelatihan"}); fieldErr(err) != "addressed_to=reflection.err.addressed_to" {
			t.Errorf("recommendation without addressee: %v", err)
		}
		newInit, err := w.store.AddFinding(ctx, w.owner, s.ID, reflection.FindingInput{Kind: reflection.FindingNewInitiative,
			Title: "Pembelian benang bersama", Body: "Anggota membeli benang bersama lewat koperasi.", GroupID: served.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.AddFinding(ctx, w.owner, s.ID, reflection.FindingInput{Kind: reflection.FindingFundamentalChange,
			Title: "Dari melawan menjadi bergandeng tangan dengan pemda"}); err != nil {
			t.Fatal(err)
		}
		if err := w.store.MarkHeld(ctx, w.owner, s.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.store.MarkHeld(ctx, w.owner, s.ID); err != nil { // again: nothing recorded twice
			t.Fatal(err)
		}
		changes, err := w.store.StrategyChanges(ctx, w.org)
		if err != nil || len(changes) != 1 || changes[0].DecidedOn != "2026-03-05" {
			t.Fatalf("strategy changes: %+v %v", changes, err)
		}
		if err := w.store.SetPublished(ctx, w.owner, s.ID, true); err != nil {
			t.Fatal(err)
		}
		public, err := w.store.Sessions(ctx, w.org, true)
		if err != nil || len(public) != 1 || !public[0].Published() {
			t.Fatalf("published sessions: %+v %v", public, err)
		}

		// The next cycle: close cycle 1 at its last stage, open 2.
		if _, err := d.Exec(ctx, `UPDATE cycles SET current_stage = 7, status = 'closed' WHERE id = ?`, w.cycle.ID); err != nil {
			t.Fatal(err)
		}
		var next int64
		if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
			VALUES (?, 2, 1, '2025.1', 'open', ?) RETURNING id`, w.org, db.Now()).Scan(&next); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			sess, opened, err := w.store.CarryInto(ctx, w.owner, w.org, w.cycle.ID, next)
			if err != nil || sess == nil || sess.ID != s.ID {
				t.Fatalf("carry: %v %v", sess, err)
			}
			_ = opened
		}
		var n int
		var name, status, problem string
		if err := d.QueryRow(ctx, `SELECT COUNT(*), MIN(name), MIN(status), MIN(problem) FROM initiatives WHERE cycle_id = ?`, next).
			Scan(&n, &name, &status, &problem); err != nil {
			t.Fatal(err)
		}
		if n != 1 || name != "Pembelian benang bersama" || status != "draft" || problem != newInit.Body {
			t.Errorf("next cycle drafts: %d %q %q %q", n, name, status, problem)
		}
	})
}

func TestActionPlan(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		s := w.session(t)
		good := reflection.ActionInput{What: "Pelatihan laporan keuangan", OwnerID: w.owner.ID, DueOn: "2026-04-30", Budget: 1_500_000}
		cases := []struct {
			name string
			edit func(*reflection.ActionInput)
			want string
		}{
			{"no owner", func(in *reflection.ActionInput) { in.OwnerID = 0 }, "owner=reflection.err.owner"},
			{"owner not a member", func(in *reflection.ActionInput) { in.OwnerID = w.outsider }, "owner=reflection.err.owner_member"},
			{"no due day", func(in *reflection.ActionInput) { in.DueOn = "" }, "due_on=reflection.err.day_required"},
			{"negative budget", func(in *reflection.ActionInput) { in.Budget = -1 }, "budget=reflection.err.budget"},
			{"unknown status", func(in *reflection.ActionInput) { in.Status = "lupa" }, "status=reflection.err.action_status"},
		}
		for _, c := range cases {
			in := good
			c.edit(&in)
			if _, err := w.store.AddAction(ctx, w.owner, w.org, s.ID, in); fieldErr(err) != c.want {
				t.Errorf("%s: got %q (%v), want %q", c.name, fieldErr(err), err, c.want)
			}
		}
		a, err := w.store.AddAction(ctx, w.owner, w.org, s.ID, good)
		if err != nil {
			t.Fatal(err)
		}
		if a.OwnerName != w.owner.Name || a.Status != reflection.ActionPlanned {
			t.Errorf("action: %+v", a)
		}
		open, overdue, err := w.store.OpenCounts(ctx, w.org, "2026-05-01")
		if err != nil || open != 1 || overdue != 1 {
			t.Errorf("open %d overdue %d: %v", open, overdue, err)
		}

		// Reminders: once when overdue, not again within a week.
		w.store.Now = func() time.Time { return time.Date(2026, 5, 2, 3, 0, 0, 0, time.UTC) }
		for i, want := range []int{1, 0} {
			n, err := w.store.RemindOverdue(ctx, "https://lokadaya.example")
			if err != nil || n != want {
				t.Fatalf("reminder run %d: %d, %v", i, n, err)
			}
		}
		var to, body string
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`).Scan(new(int)); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT payload FROM jobs WHERE kind = 'mail' ORDER BY id DESC LIMIT 1`).Scan(&body); err != nil {
			t.Fatal(err)
		}
		to = "ani@example.org"
		if !strings.Contains(body, to) || !strings.Contains(body, "/organisasi/serikat-ani/rencana-aksi") {
			t.Errorf("reminder mail: %s", body)
		}
		w.store.Now = func() time.Time { return time.Date(2026, 5, 10, 3, 0, 0, 0, time.UTC) }
		if n, err := w.store.RemindOverdue(ctx, "https://lokadaya.example"); err != nil || n != 1 {
			t.Fatalf("weekly reminder: %d, %v", n, err)
		}
		done := good
		done.Status = reflection.ActionDone
		if err := w.store.UpdateAction(ctx, w.owner, w.org, a.ID, done); err != nil {
			t.Fatal(err)
		}
		w.store.Now = func() time.Time { return time.Date(2026, 6, 10, 3, 0, 0, 0, time.UTC) }
		if n, err := w.store.RemindOverdue(ctx, "https://lokadaya.example"); err != nil || n != 0 {
			t.Fatalf("a done action is not reminded: %d, %v", n, err)
		}
		if err := w.store.UpdateAction(ctx, w.owner, w.other, a.ID, done); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation's action: %v", err)
		}
	})
}

func TestAssessmentAcrossSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		areas, err := w.store.Areas(ctx, w.org, false)
		if err != nil || len(areas) != len(reflection.DefaultAreas()) {
			t.Fatalf("default areas: %d %v", len(areas), err)
		}
		first := w.session(t)
		second, err := w.store.CreateSession(ctx, w.owner, w.org, reflection.SessionInput{Title: "CoRel 2027",
			HeldOn: "2027-03-05", PeriodFrom: "2026-01-01", PeriodTo: "2026-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.store.SetScores(ctx, w.owner, first, []reflection.Score{{AreaID: areas[0].ID, Score: 2}}); err != nil {
			t.Fatal(err)
		}
		if err := w.store.SetScores(ctx, w.owner, second, []reflection.Score{{AreaID: areas[0].ID, Score: 4, Note: "kader baru"}}); err != nil {
			t.Fatal(err)
		}
		if err := w.store.SetScores(ctx, w.owner, second, []reflection.Score{{AreaID: areas[1].ID, Score: 6}}); fieldErr(err) == "" {
			t.Errorf("a score of 6 was accepted")
		}
		otherAreas, err := w.store.Areas(ctx, w.other, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.store.SetScores(ctx, w.owner, second, []reflection.Score{{AreaID: otherAreas[0].ID, Score: 3}}); fieldErr(err) == "" {
			t.Errorf("another organisation's area was scored")
		}
		a, err := w.store.AssessmentOf(ctx, w.org, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Sessions) != 2 || a.Sessions[0].ID != first.ID {
			t.Fatalf("sessions oldest first: %+v", a.Sessions)
		}
		if ch, ok := a.Rows[0].Change(); !ok || ch != 2 || a.Rows[0].Notes[1] != "kader baru" {
			t.Errorf("change across sessions: %d %v %+v", ch, ok, a.Rows[0])
		}
		if _, ok := a.Rows[1].Change(); ok {
			t.Errorf("an unscored area has no change")
		}
	})
}
