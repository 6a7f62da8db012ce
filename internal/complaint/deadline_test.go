package complaint_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/jobs"
	"lokadaya/internal/org"
)

func TestDeadlineRemindsThenEscalatesOnceToTheCoveringHub(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		c := w.file(t, w.input("Lampu jalan di gang kami mati sebulan."))
		conf := w.input("Petugas meminta uang tambahan untuk surat rujukan.")
		conf.Visibility = complaint.VisConfidential
		secret := w.file(t, conf)
		sweep := func() complaint.SweepResult {
			t.Helper()
			r, err := w.s.Sweep(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		if r := sweep(); r != (complaint.SweepResult{}) {
			t.Errorf("fresh complaints swept: %+v", r)
		}
		w.clock.Add(37 * time.Hour) // 11 hours left
		if r := sweep(); r.Reminded != 2 || r.Overdue != 0 {
			t.Errorf("at 37 h: %+v", r)
		}
		if r := sweep(); r != (complaint.SweepResult{}) {
			t.Errorf("second sweep at 37 h: %+v", r)
		}
		if got := to(mails(t, d), "Batas waktu jawaban pengaduan"); len(got) != 6 {
			t.Errorf("reminders to %v (want owner, admin, editor twice)", got)
		}
		w.clock.Add(12 * time.Hour) // 49 hours after filing
		if c := w.reload(t, c); !c.Overdue(w.clock.Now()) {
			t.Fatal("not overdue at 49 h")
		}
		if r := sweep(); r.Overdue != 2 || r.Escalated != 2 {
			t.Errorf("at 49 h: %+v", r)
		}
		if r := sweep(); r != (complaint.SweepResult{}) {
			t.Errorf("escalated twice: %+v", r)
		}
		ms := mails(t, d)
		esc := to(ms, "melewati batas waktu")
		if strings.Join(esc, ",") != "koordinator@example.org,koordinator@example.org" {
			t.Fatalf("escalations to %v; the Bali coordinator must not hear", esc)
		}
		var public, confidential string
		for _, m := range ms {
			switch {
			case strings.Contains(m.Subject, c.Ref()):
				public = m.Text
			case strings.Contains(m.Subject, secret.Ref()):
				confidential = m.Text
			}
		}
		for _, want := range []string{"Klinik Warga belum menjawab pengaduan " + c.Ref(), "Lampu jalan di gang",
			"https://lokadaya.test/simpul/simpul-jabar/pengaduan", "https://lokadaya.test/organisasi/klinik-warga/pengaduan-publik"} {
			if !strings.Contains(public, want) {
				t.Errorf("escalation lacks %q:\n%s", want, public)
			}
		}
		if strings.Contains(confidential, "uang tambahan") || strings.Contains(public, "siti@example.net") ||
			strings.Contains(public, c.Code) {
			t.Errorf("escalation leaks confidential text or contact:\n%s\n%s", confidential, public)
		}
		// The coordinators of Jawa Barat see both; those of Bali none.
		jabar, err := w.s.EscalationsOfHub(ctx, w.jabar.ID)
		if err != nil || len(jabar) != 2 || jabar[0].OrgSlug != "klinik-warga" {
			t.Fatalf("Jawa Barat escalations %+v, %v", jabar, err)
		}
		for _, e := range jabar {
			if e.Ref == secret.Ref() && e.Text != "" {
				t.Errorf("confidential text shown to coordinators: %q", e.Text)
			}
		}
		if bali, err := w.s.EscalationsOfHub(ctx, w.bali.ID); err != nil || len(bali) != 0 {
			t.Errorf("Bali escalations %+v, %v", bali, err)
		}
		// A late answer ends the overdue state but the late mark stays.
		if err := w.s.Answer(ctx, w.actor(org.RoleAdmin), w.reload(t, c), "Sudah kami laporkan ke PLN."); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if c.Overdue(w.clock.Now()) || !c.Late(w.clock.Now()) || c.AnsweredOnTime() {
			t.Errorf("late answer: overdue %v late %v", c.Overdue(w.clock.Now()), c.Late(w.clock.Now()))
		}
		want := []string{"diterima", "pengingat", "terlambat", "eskalasi", "jawaban"}
		if got := kinds(t, w.s, c); !slices.Equal(got, want) {
			t.Errorf("log %v, want %v", got, want)
		}
	})
}

func TestEscalationWithoutHubGoesToPlatformAdmins(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		if _, err := d.Exec(ctx, `UPDATE users SET is_admin = TRUE WHERE email = 'viewer@example.org'`); err != nil {
			t.Fatal(err)
		}
		in := w.input("Sanggar tidak pernah buka pada jadwalnya.")
		in.OrgID = w.other.ID // Bali
		if _, err := d.Exec(ctx, `DELETE FROM hubs WHERE id = ?`, w.bali.ID); err != nil {
			t.Fatal(err)
		}
		w.file(t, in)
		w.clock.Add(49 * time.Hour)
		r, err := w.s.Sweep(ctx)
		if err != nil || r.Overdue != 1 || r.Escalated != 0 {
			t.Fatalf("sweep %+v, %v", r, err)
		}
		if got := to(mails(t, d), "melewati batas waktu"); strings.Join(got, ",") != "viewer@example.org" {
			t.Errorf("escalation to %v", got)
		}
	})
}

func TestDeadlineJobSchedulesItselfOnce(t *testing.T) {
	d := dbtest.SQLite(t)
	ctx := context.Background()
	w := newWorld(t, d)
	for range 2 { // two instances start
		if err := complaint.ScheduleDeadlines(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	pending := func() int {
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND done_at IS NULL`, complaint.DeadlineJobKind).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := pending(); n != 1 {
		t.Fatalf("%d sweep jobs queued", n)
	}
	w.file(t, w.input("Antrean pendaftaran sangat panjang."))
	w.clock.Add(49 * time.Hour)
	worker := &jobs.Worker{DB: d}
	worker.Handle(complaint.DeadlineJobKind, w.s.DeadlineHandler(time.Hour))
	if ran, err := worker.RunOnce(ctx); err != nil || !ran {
		t.Fatalf("ran %v, %v", ran, err)
	}
	if n := pending(); n != 1 {
		t.Errorf("%d sweep jobs after a run, want the next one only", n)
	}
	if got := to(mails(t, d), "melewati batas waktu"); len(got) != 1 {
		t.Errorf("the job escalated to %v", got)
	}
}
