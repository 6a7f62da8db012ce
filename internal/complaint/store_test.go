package complaint_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

func kinds(t *testing.T, s *complaint.Store, c *complaint.Complaint) []string {
	t.Helper()
	evs, err := s.Events(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Kind)
	}
	return out
}

func TestCreateKeepsEverythingAndTellsMembers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		in := w.input("Antrean di posyandu <b>tiga jam</b>; hubungi 0812-3456-7890.")
		in.InitiativeID, in.Token = &w.initiative, "form-token-0001"
		c := w.file(t, in)
		if c.Status != complaint.StatusReceived || !c.AwaitingAnswer || c.Contact != "siti@example.net" {
			t.Fatalf("created %+v", c)
		}
		if want := w.clock.Now().Add(48 * time.Hour); !c.DueAt.Equal(want) || !c.FirstDueAt.Equal(want) {
			t.Errorf("due %v, want %v", c.DueAt, want)
		}
		if c.Body != in.Text || c.PublicBody != "Antrean di posyandu <b>tiga jam</b>; hubungi [disamarkan]." {
			t.Errorf("body %q, public %q", c.Body, c.PublicBody)
		}
		rs, err := w.s.Redactions(ctx, c.ID)
		if err != nil || len(rs) != 1 || !rs[0].Automatic {
			t.Errorf("automatic masking not logged: %+v %v", rs, err)
		}
		// A double submit files nothing more.
		again, created, err := w.s.Create(ctx, in)
		if err != nil || created || again.ID != c.ID {
			t.Errorf("second submit: %v, created %v", err, created)
		}
		if got, err := w.s.ByCode(ctx, strings.ToLower(strings.ReplaceAll(c.Code, "-", " "))); err != nil || got.ID != c.ID {
			t.Errorf("ByCode: %v", err)
		}
		if _, err := w.s.OfOrg(ctx, w.other.ID, c.Code); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation reads it: %v", err)
		}
		// Owner, admin and editor are told at once; treasurer and viewer not.
		got := to(mails(t, d), "Pengaduan untuk Klinik Warga")
		slices.Sort(got)
		if strings.Join(got, ",") != "admin@example.org,editor@example.org,owner@example.org" {
			t.Errorf("new complaint mailed to %v", got)
		}
		// Another organisation's initiative is refused.
		bad := w.input("Antrean di posyandu terlalu lama.")
		var foreign int64
		now := db.Now()
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, 'lain', 'Lain', 'published', ?, ?) RETURNING id`, w.other.ID, now, now).Scan(&foreign); err != nil {
			t.Fatal(err)
		}
		bad.InitiativeID = &foreign
		var verrs validate.Errors
		if _, _, err := w.s.Create(ctx, bad); !errors.As(err, &verrs) || verrs["initiative"] == "" {
			t.Errorf("foreign initiative: %v", err)
		}
	})
}

func TestStaffLogFromPaperWithPastDate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		in := w.input("Petugas tidak ramah di loket pendaftaran.")
		in.Channel, in.Visibility = complaint.ChannelPaper, complaint.VisConfidential
		in.ReceivedAt = w.clock.Now().Add(-50 * time.Hour)
		in.LoggedBy = w.actor(org.RoleEditor)
		c := w.file(t, in)
		if !c.ReceivedAt.Equal(in.ReceivedAt) || !c.Overdue(w.clock.Now()) || c.LoggedBy == nil {
			t.Errorf("paper complaint received %v, overdue %v", c.ReceivedAt, c.Overdue(w.clock.Now()))
		}
		var n int
		if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.logged'
			AND target_id = ?`, c.Code).Scan(&n); err != nil || n != 1 {
			t.Errorf("audit entries %d, %v", n, err)
		}
	})
}

func TestLifecycleAnswerRateReopen(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		c := w.file(t, w.input("Obat di apotek klinik sering kosong."))
		admin, editor := w.actor(org.RoleAdmin), w.actor(org.RoleEditor)

		// Only members who handle complaints can be assigned.
		if err := w.s.Assign(ctx, admin, c, w.users[org.RoleViewer].ID); !errors.Is(err, complaint.ErrNotMember) {
			t.Errorf("viewer assigned: %v", err)
		}
		if err := w.s.Assign(ctx, admin, c, w.users[org.RoleEditor].ID); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if c.AssigneeID == nil || *c.AssigneeID != editor.ID || c.AssigneeName != editor.Name {
			t.Errorf("assignee %v %q", c.AssigneeID, c.AssigneeName)
		}
		if !complaint.MaySeePrivate(org.RoleEditor, editor.ID, c) || complaint.MaySeePrivate(org.RoleEditor, 999, c) {
			t.Error("assignee rule wrong")
		}
		// No skipping: diterima cannot become selesai.
		if err := w.s.Move(ctx, editor, c, complaint.StatusResolved, ""); !errors.Is(err, complaint.ErrTransition) {
			t.Errorf("skip to selesai: %v", err)
		}
		if err := w.s.Move(ctx, editor, c, complaint.StatusVerified, ""); err != nil {
			t.Fatal(err)
		}
		// A stale copy cannot move it again.
		if err := w.s.Move(ctx, editor, c, complaint.StatusFollowUp, ""); !errors.Is(err, complaint.ErrTransition) {
			t.Errorf("stale move: %v", err)
		}
		c = w.reload(t, c)
		if err := w.s.Move(ctx, editor, c, complaint.StatusFollowUp, ""); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if err := w.s.Move(ctx, editor, c, complaint.StatusResolved, ""); !errors.Is(err, complaint.ErrNoAnswer) {
			t.Errorf("resolved unanswered: %v", err)
		}
		if err := w.s.Rate(ctx, c, 4); !errors.Is(err, complaint.ErrCannotRate) {
			t.Errorf("rated before an answer: %v", err)
		}
		w.clock.Add(20 * time.Hour)
		if err := w.s.Answer(ctx, editor, c, "Stok sudah kami tambah; hubungi 022-1234-5678 bila kosong."); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if c.AwaitingAnswer || c.FirstAnswerAt == nil || !c.AnsweredOnTime() {
			t.Fatalf("after answer %+v", c)
		}
		if d, _ := c.TimeToFirstAnswer(); d != 20*time.Hour {
			t.Errorf("time to first answer %v", d)
		}
		// The complainant with an e-mail address gets the answer.
		if got := to(mails(t, d), "Jawaban atas pengaduan "+c.Code); len(got) != 1 || got[0] != "siti@example.net" {
			t.Errorf("answer mailed to %v", got)
		}
		if err := w.s.Move(ctx, editor, c, complaint.StatusResolved, ""); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		for _, bad := range []int{0, 6, -1} {
			var verrs validate.Errors
			if err := w.s.Rate(ctx, c, bad); !errors.As(err, &verrs) {
				t.Errorf("rating %d: %v", bad, err)
			}
		}
		if err := w.s.Rate(ctx, c, 2); err != nil {
			t.Fatal(err)
		}
		// Reopen once, within the window (14 days by default).
		w.clock.Add(24 * time.Hour)
		if err := w.s.Reopen(ctx, c, ""); err == nil {
			t.Error("reopened without a reason")
		}
		if err := w.s.Reopen(ctx, c, "Obat masih kosong minggu ini."); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if c.Status != complaint.StatusFollowUp || !c.AwaitingAnswer || c.ClosedAt != nil ||
			!c.DueAt.Equal(w.clock.Now().Add(48*time.Hour)) || c.FirstAnswerAt == nil {
			t.Errorf("after reopen %+v", c)
		}
		if err := w.s.Answer(ctx, editor, c, "Kami pesan dari gudang kabupaten."); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if err := w.s.Move(ctx, editor, c, complaint.StatusResolved, ""); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if err := w.s.Reopen(ctx, c, "Lagi."); !errors.Is(err, complaint.ErrCannotReopen) {
			t.Errorf("second reopen: %v", err)
		}
		want := []string{"diterima", "ditugaskan", "diverifikasi", "ditindaklanjuti", "jawaban", "selesai", "dinilai",
			"dibuka_kembali", "jawaban", "selesai"}
		if got := kinds(t, w.s, c); !slices.Equal(got, want) {
			t.Errorf("log %v\nwant %v", got, want)
		}
	})
}

func TestReopenWindowAndRejection(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		admin := w.actor(org.RoleAdmin)
		if err := w.s.SaveDeadlines(ctx, admin, complaint.Settings{OrgID: w.org.ID, AnswerHours: 24, ReopenDays: 2}); err != nil {
			t.Fatal(err)
		}
		var verrs validate.Errors
		if err := w.s.SaveDeadlines(ctx, admin, complaint.Settings{OrgID: w.org.ID, AnswerHours: 0, ReopenDays: 91}); !errors.As(err, &verrs) ||
			verrs["answer_hours"] == "" || verrs["reopen_days"] == "" {
			t.Errorf("bad settings: %v", err)
		}
		c := w.file(t, w.input("Tempat parkir klinik ditarik pungutan."))
		if !c.DueAt.Equal(w.clock.Now().Add(24 * time.Hour)) {
			t.Errorf("due %v with a 24-hour deadline", c.DueAt)
		}
		// Turning down needs a reason, and the reason is the answer.
		if err := w.s.Move(ctx, admin, c, complaint.StatusRejected, " "); !errors.As(err, &verrs) || verrs["reason"] == "" {
			t.Errorf("rejected without reason: %v", err)
		}
		w.clock.Add(3 * time.Hour)
		if err := w.s.Move(ctx, admin, c, complaint.StatusRejected, "Parkir dikelola dinas perhubungan, bukan klinik."); err != nil {
			t.Fatal(err)
		}
		c = w.reload(t, c)
		if c.AwaitingAnswer || c.FirstAnswerAt == nil || c.ClosedAt == nil || c.RejectReason == "" {
			t.Errorf("after rejection %+v", c)
		}
		w.clock.Add(49 * time.Hour) // past the two-day window
		if err := w.s.Reopen(ctx, c, "Saya tidak setuju."); !errors.Is(err, complaint.ErrCannotReopen) {
			t.Errorf("reopened after the window: %v", err)
		}
	})
}

func TestRedactionsAreLogged(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		admin := w.actor(org.RoleAdmin)
		c := w.file(t, w.input("Bidan Rina membentak ibu-ibu di posyandu."))
		if err := w.s.Redact(ctx, admin, c, nil, "Rina", ""); err == nil {
			t.Error("redacted without a reason")
		}
		var verrs validate.Errors
		if err := w.s.Redact(ctx, admin, c, nil, "Budi", "nama petugas"); !errors.As(err, &verrs) || verrs["phrase"] == "" {
			t.Errorf("missing phrase: %v", err)
		}
		if err := w.s.Redact(ctx, admin, c, nil, "rina", "Nama petugas tidak dipublikasikan"); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Answer(ctx, admin, c, "Bidan Rina sudah kami tegur."); err != nil {
			t.Fatal(err)
		}
		evs, _ := w.s.Events(ctx, c.ID)
		answer := evs[len(evs)-1].ID
		if err := w.s.Redact(ctx, admin, c, &answer, "Rina", "Nama petugas tidak dipublikasikan"); err != nil {
			t.Fatal(err)
		}
		first := evs[0].ID // the "diterima" entry: not redactable
		if err := w.s.Redact(ctx, admin, c, &first, "web", "x"); !errors.As(err, &verrs) {
			t.Errorf("redacted a status entry: %v", err)
		}
		p, err := w.s.PublicEntry(ctx, w.reload(t, c))
		if err != nil {
			t.Fatal(err)
		}
		if p.Text != "Bidan [disamarkan] membentak ibu-ibu di posyandu." || len(p.Answers) != 1 ||
			p.Answers[0].Text != "Bidan [disamarkan] sudah kami tegur." {
			t.Errorf("public %q, answers %+v", p.Text, p.Answers)
		}
		if len(p.Redactions) != 2 || p.Redactions[0].Automatic || p.Redactions[0].ActorName != admin.Name ||
			p.Redactions[1].EventID == nil || *p.Redactions[1].EventID != answer {
			t.Errorf("redactions %+v", p.Redactions)
		}
		// The original stays for staff; the audit log has both.
		if c := w.reload(t, c); !strings.Contains(c.Body, "Rina") {
			t.Errorf("original lost: %q", c.Body)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.redacted'`).Scan(&n); err != nil || n != 2 {
			t.Errorf("audit %d, %v", n, err)
		}
	})
}
