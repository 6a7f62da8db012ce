package demo

import (
	"context"
	"fmt"
	"sort"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
)

// demoComplaint is a complaint of the demo and what became of it. Times
// count from its receipt; zero means it did not happen.
type demoComplaint struct {
	org, staff string
	received   time.Duration // how long ago it came
	channel    string
	visibility string
	category   string
	text       string
	contact    string
	answerIn   time.Duration
	answer     string
	reject     string // turned down with this reason instead of answered
	closeIn    time.Duration
	rating     int
	reopen     string        // the complainant's reason, a day after closing
	againIn    time.Duration // the second answer, after reopening
	again      string
}

const day = 24 * time.Hour

// demoComplaints cover what the public log must show: answered on time,
// answered late after an escalation, overdue and escalated, reopened,
// turned down, confidential, and one not yet due.
var demoComplaints = []demoComplaint{
	{org: "terang-kampung", staff: "editor", received: 40 * day, channel: complaint.ChannelWeb, visibility: complaint.VisPublic,
		category: "layanan", text: "Lampu gang di RT 02 RW 05 mati sudah seminggu, anak-anak pulang mengaji dalam gelap.",
		contact: "warga.rw05@example.net", answerIn: 6 * time.Hour, closeIn: 3 * day, rating: 5,
		answer: "Terima kasih. Tim posko sudah mengganti lampu dan baterai panel surya pada Sabtu pagi."},
	{org: "terang-kampung", staff: "editor", received: 30 * day, channel: complaint.ChannelPhone, visibility: complaint.VisPublic,
		category: "waktu", text: "Laporan lampu rusak di depan musala belum ditangani padahal sudah lapor ke posko dua kali.",
		answerIn: 70 * time.Hour, closeIn: 5 * day, rating: 3,
		answer: "Maaf atas keterlambatan: suku cadang panel surya baru tiba. Lampu sudah menyala sejak Kamis."},
	{org: "terang-kampung", staff: "editor", received: 3 * day, channel: complaint.ChannelWeb, visibility: complaint.VisPublic,
		category: "fasilitas", text: "Tiang lampu di ujung gang miring dan kabelnya terjuntai, berbahaya saat hujan."},
	{org: "bank-sampah-bersinar", staff: "pengurus1", received: 12 * day, channel: complaint.ChannelWeb, visibility: complaint.VisPublic,
		category: "biaya", text: "Harga timbang botol plastik turun tanpa pemberitahuan di papan pengumuman.",
		contact: "nasabah.bersinar@example.net", answerIn: 20 * time.Hour, closeIn: 2 * day, rating: 2,
		answer: "Harga dari pengepul turun minggu lalu; daftar harga baru sudah kami tempel di gudang.",
		reopen: "Daftar harga di gudang masih yang lama.", againIn: 10 * time.Hour,
		again: "Papan harga sudah diganti hari ini dan dikirim juga ke grup WhatsApp nasabah."},
	{org: "bank-sampah-bersinar", staff: "pengurus1", received: 20 * day, channel: complaint.ChannelWeb, visibility: complaint.VisConfidential,
		category: "petugas", text: "Petugas timbang membulatkan berat ke bawah untuk nasabah tertentu.",
		contact: "0813-5555-1212", answerIn: 2 * time.Hour, closeIn: 4 * day, rating: 4,
		answer: "Kami sudah memeriksa catatan timbang dan menegur petugas; timbangan kini dibaca berdua."},
	{org: "bank-sampah-bersinar", staff: "pengurus1", received: 15 * day, channel: complaint.ChannelPaper, visibility: complaint.VisPublic,
		category: "lainnya", text: "Minta bank sampah menerima kasur bekas dan sofa rusak.",
		reject: "Bank sampah hanya menerima sampah terpilah yang dapat didaur ulang; kasur dan sofa dapat diserahkan ke DLH kota."},
	{org: "tyto-alba-lestari", staff: "pengurus4", received: 5 * time.Hour, channel: complaint.ChannelWeb, visibility: complaint.VisAnonymous,
		category: "informasi", text: "Jadwal sekolah lapang bulan ini belum diumumkan di balai kelompok tani."},
}

// fileComplaints files the demo complaints, oldest first, each on its own
// clock, and lets the deadline check run when it would have: late ones
// are escalated to the Jawa–Bali hub. No e-mail is queued.
func fileComplaints(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	now := db.Now()
	var clock time.Time
	s := &complaint.Store{DB: d, Now: func() time.Time { return clock }}
	list := append([]demoComplaint(nil), demoComplaints...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].received > list[j].received })
	for _, dc := range list {
		start := now.Add(-dc.received)
		at := func(after time.Duration) { clock = start.Add(after) }
		if err := dc.file(ctx, d, s, users[dc.staff], start, at); err != nil {
			return fmt.Errorf("demo: complaint to %s: %w", dc.org, err)
		}
	}
	clock = now
	_, err := s.Sweep(ctx)
	return err
}

func (dc demoComplaint) file(ctx context.Context, d *db.DB, s *complaint.Store, staff *account.User, start time.Time,
	at func(time.Duration)) error {
	var orgID, initiativeID int64
	if err := d.QueryRow(ctx, `SELECT o.id, i.id FROM organizations o JOIN initiatives i ON i.org_id = o.id
		WHERE o.slug = ? AND i.status = 'published' ORDER BY i.id LIMIT 1`, dc.org).Scan(&orgID, &initiativeID); err != nil {
		return err
	}
	actor := complaint.Actor{ID: staff.ID, Name: staff.Name}
	in := complaint.Input{OrgID: orgID, InitiativeID: &initiativeID, Category: dc.category, Text: dc.text,
		Visibility: dc.visibility, Contact: dc.contact, Channel: dc.channel}
	if dc.channel == complaint.ChannelPaper || dc.channel == complaint.ChannelPhone {
		in.LoggedBy, in.ReceivedAt = actor, start
	}
	at(0)
	c, _, err := s.Create(ctx, in)
	if err != nil {
		return err
	}
	if dc.reject != "" {
		at(4 * time.Hour)
		return s.Move(ctx, actor, c, complaint.StatusRejected, dc.reject)
	}
	// The deadline check runs 49 hours on, unless answered before.
	if dc.answerIn == 0 || dc.answerIn > 49*time.Hour {
		if 49*time.Hour < dc.received {
			at(49 * time.Hour)
			if _, err := s.Sweep(ctx); err != nil {
				return err
			}
		}
	}
	if dc.answerIn == 0 {
		return nil
	}
	return dc.answerAndClose(ctx, s, actor, c.ID, at)
}

// answerAndClose answers, closes, rates and, for some, reopens and answers
// again, each at its time.
func (dc demoComplaint) answerAndClose(ctx context.Context, s *complaint.Store, actor complaint.Actor, id int64,
	at func(time.Duration)) error {
	step := func(after time.Duration, do func(c *complaint.Complaint) error) error {
		at(after)
		c, err := s.ByID(ctx, id)
		if err != nil {
			return err
		}
		return do(c)
	}
	move := func(to string) func(c *complaint.Complaint) error {
		return func(c *complaint.Complaint) error { return s.Move(ctx, actor, c, to, "") }
	}
	answer := func(text string) func(c *complaint.Complaint) error {
		return func(c *complaint.Complaint) error { return s.Answer(ctx, actor, c, text) }
	}
	steps := []struct {
		after time.Duration
		do    func(c *complaint.Complaint) error
	}{
		{dc.answerIn, move(complaint.StatusVerified)},
		{dc.answerIn, answer(dc.answer)},
		{dc.answerIn + time.Hour, move(complaint.StatusFollowUp)},
		{dc.closeIn, move(complaint.StatusResolved)},
		{dc.closeIn + 3*time.Hour, func(c *complaint.Complaint) error { return s.Rate(ctx, c, dc.rating) }},
	}
	if dc.reopen != "" {
		reopened := dc.closeIn + day
		steps = append(steps, []struct {
			after time.Duration
			do    func(c *complaint.Complaint) error
		}{
			{reopened, func(c *complaint.Complaint) error { return s.Reopen(ctx, c, dc.reopen) }},
			{reopened + dc.againIn, answer(dc.again)},
			{reopened + dc.againIn + time.Hour, move(complaint.StatusResolved)},
		}...)
	}
	for _, st := range steps {
		if err := step(st.after, st.do); err != nil {
			return err
		}
	}
	return nil
}
