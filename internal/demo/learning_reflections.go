package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
)

// demoSession is a completed reflection session (CoRel) of a demo
// organisation on its first cycle: groups that sat apart and together,
// what each said, the structured outcome, the self-assessment and the
// action plan; its new initiatives open as drafts in the second cycle.
type demoSession struct {
	org, owner, actionOwner   string
	title, place, facilitator string
	heldDaysAgo               int
	groups                    []demoGroup
	findings                  []reflection.FindingInput
	scores                    []int // per default area, earlier session first when two
	earlier                   []int // scores of an earlier, smaller session; nil when none
	actions                   []demoAction
}

type demoGroup struct {
	reflection.GroupInput
	inputs [][2]string // kind, text
}

type demoAction struct {
	what     string
	dueDays  int // from today; negative is past
	budget   int64
	status   string
	fromKind string // the kind of the finding it follows from
}

var demoSessions = []demoSession{
	{org: "perempuan-kapas-timor", owner: "pengurus5", actionOwner: "pengurus5",
		title: "CoRel Koperasi Perempuan Kapas Timor", place: "Aula Kantor Camat Amanuban Tengah", facilitator: "Yuliana Benu (fasilitator mitra)",
		heldDaysAgo: 40,
		groups: []demoGroup{
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupStaff, Name: "Pengurus dan staf koperasi", Participants: 7, Women: 7},
				inputs: [][2]string{{"berhasil", "Harga kain naik setelah koperasi menjual langsung ke toko di Kupang."},
					{"kurang", "Laporan program ke mitra masih bergantung pada dua orang di sekretariat."}}},
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupServed, Name: "Penenun anggota dari enam kelompok", Participants: 31, Women: 31},
				inputs: [][2]string{{"berhasil", "Kami tahu harga jual kain dan berapa bagian kami; dulu tidak pernah tahu."},
					{"kurang", "Benang pabrik mahal dan sering habis; pewarna alam belum cukup."},
					{"usul", "Remaja putri ingin belajar menenun di sekolah sore, bukan hanya dari ibu."}}},
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupPartners, Name: "Mitra strategis: Dinas Koperasi, DPRD, Universitas Nusa Cendana", Participants: 5, Women: 2},
				inputs: [][2]string{{"berhasil", "Koperasi sudah berbadan hukum dan laporannya rapi, sehingga bisa menerima hibah alat."},
					{"usul", "Koperasi perlu diundang dalam musrenbang kecamatan dan forum ekonomi kreatif."}}},
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupJoint, Name: "Duduk bersama semua kelompok", Participants: 43, Women: 40},
				inputs: [][2]string{{"usul", "Setiap kegiatan dipakai untuk konsolidasi, kaderisasi dan pengakuan koperasi."}}},
		},
		findings: []reflection.FindingInput{
			{Kind: reflection.FindingNewInitiative, Title: "Sekolah tenun sore untuk remaja putri", Body: "Penenun senior mengajar remaja putri dua kali seminggu; kain latihan dijual sebagai produk sekolah."},
			{Kind: reflection.FindingNewInitiative, Title: "Kebun pewarna alam bersama", Body: "Lahan anggota ditanami tarum dan mengkudu agar koperasi tidak bergantung pada pewarna pabrik."},
			{Kind: reflection.FindingFundamentalChange, Title: "Dari menjual ke tengkulak menjadi bergandeng tangan dengan pemda dan kampus", Body: "Koperasi tidak lagi hanya menuntut; ia mengajak Dinas Koperasi dan Undana menjadi narasumber dan memakai balai desa untuk pertemuan."},
			{Kind: reflection.FindingLesson, Title: "Harga yang diumumkan menjaga kepercayaan penenun", Body: "Papan harga di setiap kelompok membuat penenun berani bertanya dan ikut mengawasi."},
			{Kind: reflection.FindingLesson, Title: "Kaderisasi harus direncanakan, bukan kebetulan", Body: "Kemampuan menulis laporan masih pada sedikit orang; perlu pelatihan kepemimpinan berjenjang."},
			{Kind: reflection.FindingImpact, Title: "Enam kelompok tenun di tiga kecamatan bergabung; bagi hasil tercatat terbuka", Body: "Penenun menerima bagian sesuai jam kerja yang dicatat bersama."},
			{Kind: reflection.FindingSustainability, Title: "Toko koperasi dan simpan pinjam benang berjalan tanpa dana luar", Body: "Laba penjualan kain menutup biaya toko dan modal benang bergulir."},
			{Kind: reflection.FindingRecommendation, Title: "Pelatihan penulisan laporan dan proposal untuk kader kelompok", AddressedTo: "Dinas Koperasi dan UKM Kabupaten Timor Tengah Selatan"},
			{Kind: reflection.FindingRecommendation, Title: "Libatkan koperasi dalam musrenbang kecamatan", AddressedTo: "Camat Amanuban Tengah"},
		},
		earlier: []int{2, 2, 2, 3, 1, 2, 2, 1},
		scores:  []int{3, 3, 3, 4, 3, 4, 2, 2},
		actions: []demoAction{
			{what: "Jadwal sekolah tenun sore dan daftar 20 remaja putri", dueDays: 20, budget: 3_000_000, status: reflection.ActionUnderway, fromKind: reflection.FindingNewInitiative},
			{what: "Pelatihan menulis laporan untuk satu kader tiap kelompok", dueDays: -12, budget: 4_500_000, status: reflection.ActionPlanned, fromKind: reflection.FindingRecommendation},
			{what: "Papan harga kain dipasang di enam kelompok", dueDays: -30, budget: 600_000, status: reflection.ActionDone, fromKind: reflection.FindingLesson},
		}},
	{org: "terang-kampung", owner: "pemilik", actionOwner: "editor",
		title: "Refleksi bersama warga: setahun Lampu Kampung", place: "Balai RW 05", facilitator: "Sri Lestari (koordinator simpul)",
		heldDaysAgo: 25,
		groups: []demoGroup{
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupStaff, Name: "Pengurus dan teknisi relawan", Participants: 6, Women: 3},
				inputs: [][2]string{{"berhasil", "Teknisi warga memperbaiki lampu rusak dalam dua hari."},
					{"kurang", "Iuran perawatan sering terlambat di dua RT."}}},
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupServed, Name: "Ibu-ibu dan remaja pengguna gang", Participants: 18, Women: 14},
				inputs: [][2]string{{"berhasil", "Anak-anak berani pulang mengaji setelah magrib."},
					{"kurang", "Gang belakang pasar masih gelap dan sering dipakai nongkrong."},
					{"usul", "Lampu dekat pos ronda supaya ronda malam hidup lagi."}}},
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupPartners, Name: "Lurah, Babinkamtibmas dan Karang Taruna", Participants: 4, Women: 1},
				inputs: [][2]string{{"usul", "Dana kelurahan untuk PJU bisa dipakai untuk titik yang disepakati warga."}}},
			{GroupInput: reflection.GroupInput{Kind: reflection.GroupJoint, Name: "Musyawarah bersama", Participants: 28, Women: 18},
				inputs: [][2]string{{"usul", "Urutan titik lampu baru ditentukan bersama, gang belakang pasar lebih dulu."}}},
		},
		findings: []reflection.FindingInput{
			{Kind: reflection.FindingNewInitiative, Title: "Ronda warga di gang yang sudah terang", Body: "Pos ronda diberi lampu dan jadwal ronda bergilir dengan Karang Taruna."},
			{Kind: reflection.FindingFundamentalChange, Title: "Titik lampu dipilih warga bersama kelurahan, bukan oleh pengurus saja"},
			{Kind: reflection.FindingLesson, Title: "Laporan iuran bulanan di grup WhatsApp membuat warga mau membayar", Body: "RT yang melihat laporan rutin hampir tidak pernah menunggak."},
			{Kind: reflection.FindingImpact, Title: "Gang yang terang dipakai anak-anak dan perempuan setelah magrib"},
			{Kind: reflection.FindingSustainability, Title: "Perawatan dibiayai iuran Rp5.000 per rumah per bulan"},
			{Kind: reflection.FindingRecommendation, Title: "Alokasikan dana PJU kelurahan untuk gang belakang pasar", AddressedTo: "Lurah"},
		},
		earlier: []int{3, 2, 3, 2, 2, 3, 2, 2},
		scores:  []int{3, 3, 4, 3, 3, 4, 3, 3},
		actions: []demoAction{
			{what: "Usulan titik lampu gang belakang pasar ke musrenbang kelurahan", dueDays: -5, budget: 0, status: reflection.ActionPlanned, fromKind: reflection.FindingRecommendation},
			{what: "Laporan iuran bulanan di semua grup RT", dueDays: 14, budget: 150_000, status: reflection.ActionUnderway, fromKind: reflection.FindingLesson},
		}},
}

// reflectTogether records the demo sessions.
func reflectTogether(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	store := &reflection.Store{DB: d}
	for _, ds := range demoSessions {
		if err := ds.record(ctx, d, store, users); err != nil {
			return fmt.Errorf("demo: reflection %s: %w", ds.org, err)
		}
	}
	return nil
}

func (ds demoSession) record(ctx context.Context, d *db.DB, store *reflection.Store, users map[string]*account.User) error {
	u := users[ds.owner]
	actor := reflection.Actor{ID: u.ID, Name: u.Name}
	var orgID, firstCycle, nextCycle int64
	var opened time.Time
	if err := d.QueryRow(ctx, `SELECT o.id, c.id, c.opened_at FROM organizations o JOIN cycles c ON c.org_id = o.id
		WHERE o.slug = ? AND c.number = 1`, ds.org).Scan(&orgID, &firstCycle, &opened); err != nil {
		return err
	}
	if err := d.QueryRow(ctx, `SELECT id FROM cycles WHERE org_id = ? AND number = 2`, orgID).Scan(&nextCycle); err != nil {
		return err
	}
	var inits []int64
	rows, err := d.Query(ctx, `SELECT id FROM initiatives WHERE org_id = ? AND cycle_id = ? ORDER BY id`, orgID, firstCycle)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		inits = append(inits, id)
	}
	rows.Close()
	today := time.Now().UTC()
	day := func(daysAgo int) string { return today.AddDate(0, 0, -daysAgo).Format(time.DateOnly) }
	o, err := (&org.Store{DB: d}).ByID(ctx, orgID)
	if err != nil {
		return err
	}
	areas, err := store.Areas(ctx, orgID, false)
	if err != nil {
		return err
	}
	if ds.earlier != nil {
		if err := ds.earlierSession(ctx, store, actor, o, areas, day); err != nil {
			return err
		}
	}
	from := opened.Format(time.DateOnly)
	to := day(ds.heldDaysAgo + 1)
	if from > to {
		from = day(ds.heldDaysAgo + 365)
	}
	s, err := store.CreateSession(ctx, actor, orgID, reflection.SessionInput{Title: ds.title, HeldOn: day(ds.heldDaysAgo),
		Place: ds.place, Facilitator: ds.facilitator, PeriodFrom: from, PeriodTo: to, CycleID: firstCycle, InitiativeIDs: inits,
		Purpose: "Melihat kemajuan terhadap target, mendengar orang yang dilayani, dan menyusun rencana tindak lanjut untuk setahun ke depan."})
	if err != nil {
		return err
	}
	for _, g := range ds.groups {
		g.SatOn = s.HeldOn
		grp, err := store.AddGroup(ctx, actor, s.ID, g.GroupInput)
		if err != nil {
			return err
		}
		for _, in := range g.inputs {
			if err := store.AddInput(ctx, actor, s.ID, grp.ID, in[0], in[1]); err != nil {
				return err
			}
		}
	}
	byKind := map[string]int64{}
	for _, f := range ds.findings {
		got, err := store.AddFinding(ctx, actor, s.ID, f)
		if err != nil {
			return err
		}
		if byKind[f.Kind] == 0 {
			byKind[f.Kind] = got.ID
		}
	}
	if err := store.SetScores(ctx, actor, s, scoresOf(areas, ds.scores)); err != nil {
		return err
	}
	owner := users[ds.actionOwner].ID
	for _, a := range ds.actions {
		if _, err := store.AddAction(ctx, actor, orgID, s.ID, reflection.ActionInput{What: a.what, OwnerID: owner,
			DueOn: today.AddDate(0, 0, a.dueDays).Format(time.DateOnly), Budget: a.budget, Status: a.status,
			FindingID: byKind[a.fromKind]}); err != nil {
			return err
		}
	}
	if err := store.MarkHeld(ctx, actor, s.ID); err != nil {
		return err
	}
	if err := store.SetPublished(ctx, actor, s.ID, true); err != nil {
		return err
	}
	if s, err = store.Session(ctx, s.ID); err != nil {
		return err
	}
	// The search index is rebuilt after the demo is loaded.
	if err := store.SyncLessons(ctx, &lesson.Store{DB: d, NoSearch: true}, actor, o, s, true); err != nil {
		return err
	}
	cycles := &cycle.Store{DB: d}
	next, err := cycles.Get(ctx, nextCycle)
	if err != nil {
		return err
	}
	_, _, err = store.StartNextCycle(ctx, actor, cycles, orgID, firstCycle, next)
	return err
}

// earlierSession is a first, smaller assessment a year before, so the
// change across sessions shows.
func (ds demoSession) earlierSession(ctx context.Context, store *reflection.Store, actor reflection.Actor, o *org.Organization,
	areas []reflection.Area, day func(int) string) error {
	s, err := store.CreateSession(ctx, actor, o.ID, reflection.SessionInput{Title: "Penilaian mandiri awal",
		HeldOn: day(ds.heldDaysAgo + 365), PeriodFrom: day(ds.heldDaysAgo + 730), PeriodTo: day(ds.heldDaysAgo + 366),
		Purpose: "Penilaian kompetensi organisasi sebelum siklus pertama."})
	if err != nil {
		return err
	}
	if _, err := store.AddGroup(ctx, actor, s.ID, reflection.GroupInput{Kind: reflection.GroupStaff, Name: "Pengurus", Participants: 5, Women: 4}); err != nil {
		return err
	}
	if _, err := store.AddFinding(ctx, actor, s.ID, reflection.FindingInput{Kind: reflection.FindingLesson,
		Title: "Kami perlu mendengar orang yang dilayani, bukan hanya pengurus"}); err != nil {
		return err
	}
	if err := store.SetScores(ctx, actor, s, scoresOf(areas, ds.earlier)); err != nil {
		return err
	}
	if err := store.MarkHeld(ctx, actor, s.ID); err != nil {
		return err
	}
	if err := store.SetPublished(ctx, actor, s.ID, true); err != nil {
		return err
	}
	return store.SyncLessons(ctx, &lesson.Store{DB: store.DB, NoSearch: true}, actor, o, s, true)
}

func scoresOf(areas []reflection.Area, scores []int) []reflection.Score {
	var out []reflection.Score
	for i, a := range areas {
		if i < len(scores) {
			out = append(out, reflection.Score{AreaID: a.ID, Score: scores[i]})
		}
	}
	return out
}
