package demo

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/forum"
)

// demoForumTitle is the demo's forum: street lighting in Pajang.
const demoForumTitle = "Forum penerangan gang Kelurahan Pajang"

// convene writes one forum in Pajang on the dark alleys, convened by the
// showcase organisation, its joint action team of government and OMS
// members, a plan of four activities, one review held and a first round
// of reflection sittings: government, OMS, then together.
func convene(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	now := db.Now()
	s := &forum.Store{DB: d, Now: func() time.Time { return now }, Citations: &dataset.Store{DB: d}}
	act := func(key string) (forum.Actor, error) {
		u := users[key]
		if u == nil {
			return forum.Actor{}, fmt.Errorf("demo: forum: no user %s", key)
		}
		return forum.Actor{ID: u.ID, Name: u.Name, Admin: u.IsAdmin}, nil
	}
	owner, err := act("pemilik")
	if err != nil {
		return err
	}
	var orgID int64
	if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'terang-kampung'`).Scan(&orgID); err != nil {
		return fmt.Errorf("demo: forum: %w", err)
	}
	// The catalogue's datasets about Pajang, once published above: the
	// forum and the plan cite them.
	var cite []int64
	rows, err := d.Query(ctx, `SELECT id FROM datasets WHERE status = 'published' AND region_code = ? ORDER BY id`, pajang)
	if err != nil {
		return fmt.Errorf("demo: forum datasets: %w", err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		cite = append(cite, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	day := func(days int) string { return now.AddDate(0, 0, days).Format(time.DateOnly) }
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	in := forum.ForumFromForm(url.Values{
		"title": {demoForumTitle}, "issue": {"Gang sempit di RW 03–RW 07 gelap di malam hari; warga, terutama perempuan dan anak, merasa tidak aman pulang."},
		"region": {pajang}, "held_on": {day(-60)}, "place": {"Balai Kelurahan Pajang"}, "org": {id(orgID)},
		"n_pemerintah": {"6"}, "n_oms": {"8"}, "n_warga": {"21"}, "n_akademisi": {"2"}, "n_bisnis": {"1"}, "n_media": {"1"},
		"causes":       {"Lampu jalan lama rusak dan tidak tercatat; laporan warga tidak sampai ke dinas; anggaran pemeliharaan tersebar."},
		"implications": {"Warga enggan keluar malam, pencurian di gang meningkat, anak sekolah pulang les dalam gelap."},
		"initiatives":  {"Karang taruna memasang lampu swadaya di dua gang; Komunitas Terang Kampung merawat lampu tenaga surya di RW 03."},
		"data_needs":   {"Daftar titik lampu jalan dan statusnya, laporan kerusakan, anggaran pemeliharaan PJU per kelurahan."},
		"published":    {"1"},
	})
	in.Datasets = cite
	f, err := s.Create(ctx, owner, in)
	if err != nil {
		return fmt.Errorf("demo: forum: %w", err)
	}
	t, err := s.CreateTeam(ctx, owner, f, forum.TeamInput{Name: "Tim Aksi Gang Terang Pajang",
		Purpose: "Memetakan titik gelap dengan data terbuka dan menyalakan kembali lampu gang bersama kelurahan dan warga."})
	if err != nil {
		return fmt.Errorf("demo: team: %w", err)
	}
	members := []struct {
		key, side, role, orgName string
		org                      int64
	}{
		{"pengurus6", forum.SidePemerintah, forum.RoleLead, "Kelurahan Pajang", 0},
		{"pengurus7", forum.SidePemerintah, forum.RoleMember, "Dinas Perhubungan Kota Surakarta", 0},
		{"editor", forum.SideOMS, forum.RoleMember, "", orgID},
		{"pengurus9", forum.SideOMS, forum.RoleMember, "Karang Taruna Pajang", 0},
	}
	for _, m := range members {
		u := users[m.key]
		if u == nil {
			return fmt.Errorf("demo: team: no user %s", m.key)
		}
		if err := s.SaveMember(ctx, owner, t, forum.MemberInput{UserID: u.ID, Side: m.side, Role: m.role, OrgID: m.org, OrgName: m.orgName}); err != nil {
			return fmt.Errorf("demo: team member %s: %w", m.key, err)
		}
	}
	plan := []struct {
		what, owner, indicator, datasets, status string
		from, to                                 int
		budget                                   int64
	}{
		{"Pendataan titik lampu dan titik gelap bersama warga", "pengurus9", "Titik gelap terdata per RW", "Peta titik lampu jalan Pajang", "selesai", -50, -30, 3_500_000},
		{"Membuka data lampu jalan dan laporan kerusakan", "pengurus7", "Data PJU kelurahan terbit di katalog", "Daftar PJU dan laporan kerusakan", "berjalan", -30, 20, 0},
		{"Pemasangan 20 lampu tenaga surya di gang tergelap", "editor", "Gang gelap berkurang", "", "rencana", 20, 80, 60_000_000},
		{"Jadwal perawatan lampu bersama karang taruna", "pengurus6", "Lampu menyala ≥ 90% malam", "Log perawatan lampu", "rencana", 60, 120, 5_000_000},
	}
	lead, err := act("pengurus6")
	if err != nil {
		return err
	}
	var first int64
	for _, p := range plan {
		in := forum.ActivityFromForm(url.Values{"what": {p.what}, "owner": {id(users[p.owner].ID)}, "starts_on": {day(p.from)},
			"due_on": {day(p.to)}, "budget": {id(p.budget)}, "indicator": {p.indicator}, "datasets": {p.datasets}, "status": {p.status}})
		aid, err := s.SaveActivity(ctx, lead, t, 0, in)
		if err != nil {
			return fmt.Errorf("demo: activity %q: %w", p.what, err)
		}
		if first == 0 {
			first = aid
		}
	}
	if err := s.SetPlanCitations(ctx, lead, t, cite); err != nil {
		return fmt.Errorf("demo: plan citations: %w", err)
	}
	if err := s.ScheduleReview(ctx, lead, t, day(-25)); err != nil {
		return fmt.Errorf("demo: review: %w", err)
	}
	if err := s.ScheduleReview(ctx, lead, t, day(30)); err != nil {
		return fmt.Errorf("demo: review: %w", err)
	}
	if t, err = s.Team(ctx, t.ID); err != nil {
		return err
	}
	notes := map[int64]string{first: "Pendataan selesai: 64 titik lampu, 19 mati, 11 gang tanpa lampu sama sekali."}
	if len(t.Activities) > 1 {
		notes[t.Activities[1].ID] = "Dinas menyiapkan daftar PJU; format data disepakati bersama."
	}
	if err := s.RecordReview(ctx, lead, t, t.Reviews[0].ID, notes); err != nil {
		return fmt.Errorf("demo: review notes: %w", err)
	}
	sittings := []struct {
		by, side string
		days     int
		people   int
		scores   []int
		notes    string
	}{
		{"pengurus6", forum.SidePemerintah, -20, 4, []int{3, 2, 4, 3, 3, 3}, "Kelurahan merasa dikritik di awal; setelah pendataan bersama, data warga dianggap membantu."},
		{"editor", forum.SideOMS, -19, 5, []int{2, 2, 4, 3, 2, 3}, "OMS masih ragu data PJU akan benar-benar dibuka; peran di lapangan sudah jelas."},
		{"pengurus9", forum.SideBersama, -15, 9, []int{3, 3, 4, 4, 3, 3}, "Sepakat data PJU terbit sebelum pemasangan lampu, ditinjau tiap bulan."},
	}
	for _, st := range sittings {
		a, err := act(st.by)
		if err != nil {
			return err
		}
		in := forum.SittingInput{Side: st.side, HeldOn: day(st.days), Participants: st.people, Notes: st.notes, Scores: map[string]int{}}
		for i, q := range forum.Questions {
			in.Scores[q] = st.scores[i]
		}
		if _, err := s.RecordSitting(ctx, a, t, in); err != nil {
			return fmt.Errorf("demo: sitting %s: %w", st.side, err)
		}
	}
	return nil
}
