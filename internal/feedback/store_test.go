package feedback_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/feedback"
	"lokadaya/internal/org"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
)

type world struct {
	d       *db.DB
	store   *feedback.Store
	clock   time.Time
	points  []*service.Point // two points of one initiative
	other   *service.Point   // a point of another organisation's initiative
	staff   feedback.Actor
	limits  feedback.Limits
	ctx     context.Context
	sources int
}

// setup: two organisations in Bandung (WIB), each with an
// initiative; the first has two points, the second one.
func setup(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, ctx: ctx, clock: time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC), limits: feedback.Limits{DevicePerDay: 2, AddressPerDay: 4}}
	w.store = &feedback.Store{DB: d, Now: func() time.Time { return w.clock }}
	accounts, orgs, points := &account.Store{DB: d}, &org.Store{DB: d}, &service.Store{DB: d}
	for i, name := range []string{"ani", "budi"} {
		u, err := accounts.Create(ctx, name+"@example.org", "Bu "+name, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		o, err := orgs.Create(ctx, u.ID, org.Input{Name: "Klinik " + name, Slug: "klinik-" + name,
			LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		now := db.Now()
		var ini int64
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, ?, 'Puskesmas', 'published', ?, ?) RETURNING id`, o.ID, "puskesmas-"+name, now, now).Scan(&ini); err != nil {
			t.Fatal(err)
		}
		names := []string{"Poli Umum", "Poli Gigi"}
		if i == 1 {
			names = names[:1]
		}
		for _, n := range names {
			p, err := points.CreatePoint(ctx, service.Actor{ID: u.ID}, o.ID, ini, service.PointInput{Name: n, RegionCode: "32.73.01.1001"})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				w.points = append(w.points, p)
			} else {
				w.other = p
			}
		}
		if i == 0 {
			w.staff = feedback.Actor{ID: u.ID, Name: u.Name}
		}
	}
	return w
}

// vote casts one vote from the given source and fails the test on error.
func (w *world) vote(t *testing.T, p *service.Point, colour, device, address string) *feedback.Vote {
	t.Helper()
	v, err := w.store.Vote(w.ctx, p, feedback.VoteInput{Colour: colour}, feedback.Source{Device: device, Address: address}, w.limits)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// fresh casts a vote from a new device and address: always counted.
func (w *world) fresh(t *testing.T, p *service.Point, colour string) *feedback.Vote {
	w.sources++
	id := strconv.Itoa(w.sources)
	return w.vote(t, p, colour, "device-"+id, "10.0.0."+id)
}

func TestVotesAndTallies(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		a, b := w.points[0], w.points[1]
		// February: 2 merah 1 hijau at a; March: 1 kuning at a, 3 hijau at b.
		w.clock = time.Date(2026, 2, 27, 20, 0, 0, 0, time.UTC) // 28 February in WIB
		w.fresh(t, a, "merah")
		w.fresh(t, a, "merah")
		v := w.fresh(t, a, "hijau")
		if v.Day != "2026-02-28" || v.Status != feedback.StatusCounted || v.NoteStatus != feedback.NoteNone {
			t.Errorf("vote = %+v, want day 2026-02-28 (WIB), counted, no note", v)
		}
		w.clock = time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)
		w.fresh(t, a, "kuning")
		for range 3 {
			w.fresh(t, b, "hijau")
		}
		w.fresh(t, w.other, "merah")

		check := func(name string, got feedback.Tally, want feedback.Tally) {
			t.Helper()
			if got != want {
				t.Errorf("%s = %+v, want %+v", name, got, want)
			}
		}
		tally := func(sc feedback.Scope, r feedback.Range) feedback.Tally {
			t.Helper()
			got, err := w.store.Tally(w.ctx, sc, r)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		all := feedback.Range{}
		check("point a", tally(feedback.Scope{PointID: a.ID}, all), feedback.Tally{Merah: 2, Kuning: 1, Hijau: 1})
		check("point b", tally(feedback.Scope{PointID: b.ID}, all), feedback.Tally{Hijau: 3})
		check("initiative", tally(feedback.Scope{InitiativeID: a.InitiativeID}, all), feedback.Tally{Merah: 2, Kuning: 1, Hijau: 4})
		check("March only", tally(feedback.Scope{InitiativeID: a.InitiativeID}, feedback.Range{From: "2026-03-01"}), feedback.Tally{Kuning: 1, Hijau: 3})
		check("to Feb 28", tally(feedback.Scope{PointID: a.ID}, feedback.Range{To: "2026-02-28"}), feedback.Tally{Merah: 2, Hijau: 1})

		months, err := w.store.Monthly(w.ctx, feedback.Scope{InitiativeID: a.InitiativeID}, "2026-03-10", 3)
		if err != nil {
			t.Fatal(err)
		}
		want := []feedback.MonthTally{{Month: "2026-01"}, {Month: "2026-02", Tally: feedback.Tally{Merah: 2, Hijau: 1}},
			{Month: "2026-03", Tally: feedback.Tally{Kuning: 1, Hijau: 3}}}
		if len(months) != 3 || months[0] != want[0] || months[1] != want[1] || months[2] != want[2] {
			t.Errorf("monthly = %+v, want %+v", months, want)
		}
		per, err := w.store.PointTallies(w.ctx, a.InitiativeID, all)
		if err != nil {
			t.Fatal(err)
		}
		check("per point a", per[a.ID], feedback.Tally{Merah: 2, Kuning: 1, Hijau: 1})
		check("per point b", per[b.ID], feedback.Tally{Hijau: 3})
		if _, ok := per[w.other.ID]; ok {
			t.Error("per point tallies include another initiative's point")
		}
	})
}

// TestBurstsFlaggedAndDecided: beyond the device limit and beyond the
// address limit votes are kept but flagged, out of the public tallies,
// until staff accept or discard them; each decision is audited.
func TestBurstsFlaggedAndDecided(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		a := w.points[0]
		// One phone votes 5 times: 2 counted, 3 flagged.
		var statuses []string
		for _, c := range []string{"hijau", "hijau", "merah", "merah", "kuning"} {
			statuses = append(statuses, w.vote(t, a, c, "phone-1", "10.1.1.1").Status)
		}
		wantStatuses := []string{"dihitung", "dihitung", "ditandai", "ditandai", "ditandai"}
		for i := range wantStatuses {
			if statuses[i] != wantStatuses[i] {
				t.Fatalf("statuses = %v, want %v", statuses, wantStatuses)
			}
		}
		// Other phones on the same Wi-Fi: the address has cast 5 (limit 4),
		// so the next is flagged as the address's burst.
		if v := w.vote(t, a, "hijau", "phone-2", "10.1.1.1"); v.Status != feedback.StatusFlagged {
			t.Errorf("sixth vote of one address = %s, want flagged", v.Status)
		}
		// The same phone at another point, and the next day, starts afresh.
		if v := w.vote(t, w.points[1], "hijau", "phone-1", "10.1.1.1"); v.Status != feedback.StatusCounted {
			t.Errorf("another point = %s, want counted", v.Status)
		}
		tally, _ := w.store.Tally(w.ctx, feedback.Scope{PointID: a.ID}, feedback.Range{})
		if tally != (feedback.Tally{Hijau: 2}) {
			t.Errorf("public tally with a burst = %+v, want only the 2 counted", tally)
		}
		bursts, err := w.store.Bursts(w.ctx, a.InitiativeID)
		if err != nil {
			t.Fatal(err)
		}
		if len(bursts) != 2 {
			t.Fatalf("bursts = %d, want the phone's and the address's", len(bursts))
		}
		var phone, address *feedback.Burst
		for _, b := range bursts {
			if b.Total() == 3 {
				phone = b
			} else {
				address = b
			}
		}
		if phone == nil || phone.Tally != (feedback.Tally{Merah: 2, Kuning: 1}) || phone.Day != "2026-03-10" || address.Tally != (feedback.Tally{Hijau: 1}) {
			t.Fatalf("bursts = %+v %+v", phone, address)
		}
		n, err := w.store.DecideBurst(w.ctx, w.staff, a.InitiativeID, a.ID, phone.Day, phone.Key, false)
		if err != nil || n != 3 {
			t.Fatalf("discard = %d, %v", n, err)
		}
		if _, err := w.store.DecideBurst(w.ctx, w.staff, a.InitiativeID, a.ID, phone.Day, phone.Key, true); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deciding a decided burst = %v, want not found", err)
		}
		if _, err := w.store.DecideBurst(w.ctx, w.staff, w.other.InitiativeID, a.ID, address.Day, address.Key, true); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deciding through another initiative = %v, want not found", err)
		}
		if n, err := w.store.DecideBurst(w.ctx, w.staff, a.InitiativeID, a.ID, address.Day, address.Key, true); err != nil || n != 1 {
			t.Fatalf("accept = %d, %v", n, err)
		}
		tally, _ = w.store.Tally(w.ctx, feedback.Scope{PointID: a.ID}, feedback.Range{})
		if tally != (feedback.Tally{Hijau: 3}) {
			t.Errorf("public tally after the decisions = %+v, want hijau 3 (discarded stay out)", tally)
		}
		auditCount(t, w, "feedback.burst.discard", 1)
		auditCount(t, w, "feedback.burst.accept", 1)
		// The next day the phone votes again, counted.
		w.clock = w.clock.Add(24 * time.Hour)
		if v := w.vote(t, a, "hijau", "phone-1", "10.1.1.1"); v.Status != feedback.StatusCounted {
			t.Errorf("next day = %s, want counted", v.Status)
		}
	})
}

// TestSourceKeysAreSaltedPerDay: the stored keys are not the address, and
// the same address the next day has another key.
func TestSourceKeysAreSaltedPerDay(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		w.vote(t, w.points[0], "hijau", "phone-1", "10.9.9.9")
		w.clock = w.clock.Add(24 * time.Hour)
		w.vote(t, w.points[0], "hijau", "phone-1", "10.9.9.9")
		rows, err := d.Query(w.ctx, `SELECT device_key, address_key FROM feedback_votes ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var keys []string
		for rows.Next() {
			var dev, addr string
			if err := rows.Scan(&dev, &addr); err != nil {
				t.Fatal(err)
			}
			if dev == "phone-1" || addr == "10.9.9.9" || len(addr) != 24 {
				t.Errorf("stored source %q %q: want salted hashes", dev, addr)
			}
			keys = append(keys, addr)
		}
		if len(keys) != 2 || keys[0] == keys[1] {
			t.Errorf("address keys on two days = %v, want different", keys)
		}
	})
}

func TestNotesModerated(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		a := w.points[0]
		v, err := w.store.Vote(w.ctx, a, feedback.VoteInput{Colour: "merah", Note: "<b>Antre</b> lama", ServiceType: "Poli umum"},
			feedback.Source{Device: "x", Address: "y"}, w.limits)
		if err != nil {
			t.Fatal(err)
		}
		if v.NoteStatus != feedback.NoteWaiting {
			t.Fatalf("note status = %q, want waiting", v.NoteStatus)
		}
		public := func() int {
			list, err := w.store.PublicNotes(w.ctx, feedback.Scope{InitiativeID: a.InitiativeID}, 10)
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		if public() != 0 {
			t.Error("a waiting note is public")
		}
		waiting, _ := w.store.WaitingNotes(w.ctx, a.InitiativeID)
		if len(waiting) != 1 || waiting[0].Note != "<b>Antre</b> lama" || waiting[0].ServiceType != "Poli umum" {
			t.Fatalf("waiting = %+v", waiting)
		}
		if err := w.store.Moderate(w.ctx, w.staff, w.other.InitiativeID, v.ID, true); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("moderating through another initiative = %v", err)
		}
		if err := w.store.Moderate(w.ctx, w.staff, a.InitiativeID, v.ID, true); err != nil {
			t.Fatal(err)
		}
		if public() != 1 {
			t.Error("a shown note is not public")
		}
		if err := w.store.Moderate(w.ctx, w.staff, a.InitiativeID, v.ID, false); err != nil {
			t.Fatal(err)
		}
		if public() != 0 {
			t.Error("a hidden note is public")
		}
		auditCount(t, w, "feedback.note.show", 1)
		auditCount(t, w, "feedback.note.hide", 1)
		waitingFor, err := w.store.WaitingFor(w.ctx, a.OrgID)
		if err != nil || waitingFor[a.InitiativeID].Notes != 0 {
			t.Errorf("waiting after moderation = %+v, %v", waitingFor, err)
		}
	})
}

func TestPaperTallies(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		a := w.points[0]
		form := func(from, to, on string, m, k, h string) feedback.PaperInput {
			return feedback.PaperFromForm(url.Values{"point": {a.Code}, "from": {from}, "to": {to}, "counted_on": {on},
				"counted_by": {"Pak Rudi"}, "merah": {m}, "kuning": {k}, "hijau": {h}})
		}
		p, err := w.store.AddPaper(w.ctx, w.staff, a, form("2026-02-01", "2026-02-28", "2026-03-01", "4", "", "11"))
		if err != nil {
			t.Fatal(err)
		}
		if p.Tally != (feedback.Tally{Merah: 4, Hijau: 11}) || p.RecordedName != w.staff.Name {
			t.Errorf("stored %+v", p)
		}
		w.fresh(t, a, "merah")
		tally, _ := w.store.Tally(w.ctx, feedback.Scope{InitiativeID: a.InitiativeID}, feedback.Range{})
		if tally != (feedback.Tally{Merah: 5, Hijau: 11}) {
			t.Errorf("tally with paper = %+v", tally)
		}
		// A paper tally counts in the month its period ends.
		months, _ := w.store.Monthly(w.ctx, feedback.Scope{PointID: a.ID}, "2026-03-10", 2)
		if months[0].Tally != (feedback.Tally{Merah: 4, Hijau: 11}) || months[1].Tally != (feedback.Tally{Merah: 1}) {
			t.Errorf("months = %+v", months)
		}
		cases := []struct {
			name  string
			in    feedback.PaperInput
			field string
		}{
			{"overlap", form("2026-02-20", "2026-03-05", "2026-03-06", "1", "0", "0"), "from"},
			{"future", form("2026-03-01", "2026-03-11", "2026-03-11", "1", "0", "0"), "to"},
			{"order", form("2026-03-05", "2026-03-01", "2026-03-06", "1", "0", "0"), "to"},
			{"counted before end", form("2026-03-01", "2026-03-05", "2026-03-04", "1", "0", "0"), "counted_on"},
			{"negative", form("2026-03-01", "2026-03-05", "2026-03-06", "-1", "0", "0"), "merah"},
			{"not a number", form("2026-03-01", "2026-03-05", "2026-03-06", "1", "dua", "0"), "kuning"},
			{"too many", form("2026-03-01", "2026-03-05", "2026-03-06", "1", "0", "1000001"), "hijau"},
			{"no slips", form("2026-03-01", "2026-03-05", "2026-03-06", "0", "0", ""), "merah"},
			{"bad date", form("2026-02-30", "2026-03-05", "2026-03-06", "1", "0", "0"), "from"},
			{"too long", form("2025-01-01", "2026-03-05", "2026-03-06", "1", "0", "0"), "to"},
		}
		for _, c := range cases {
			_, err := w.store.AddPaper(w.ctx, w.staff, a, c.in)
			var e validate.Errors
			if !errors.As(err, &e) || e[c.field] == "" {
				t.Errorf("%s: err = %v, want an error on %s", c.name, err, c.field)
			}
		}
		list, _ := w.store.Papers(w.ctx, a.InitiativeID)
		if len(list) != 1 {
			t.Fatalf("papers = %d, want 1 (refused ones not written)", len(list))
		}
		if err := w.store.DeletePaper(w.ctx, w.staff, w.other.InitiativeID, p.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("delete through another initiative = %v", err)
		}
		if err := w.store.DeletePaper(w.ctx, w.staff, a.InitiativeID, p.ID); err != nil {
			t.Fatal(err)
		}
		auditCount(t, w, "feedback.paper.add", 1)
		auditCount(t, w, "feedback.paper.delete", 1)
		tally, _ = w.store.Tally(w.ctx, feedback.Scope{InitiativeID: a.InitiativeID}, feedback.Range{})
		if tally != (feedback.Tally{Merah: 1}) {
			t.Errorf("tally after delete = %+v", tally)
		}
	})
}

func auditCount(t *testing.T, w *world, action string, want int) {
	t.Helper()
	var n int
	if err := w.d.QueryRow(w.ctx, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_id = ?`, action, w.staff.ID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Errorf("audit %s = %d entries, want %d", action, n, want)
	}
}
