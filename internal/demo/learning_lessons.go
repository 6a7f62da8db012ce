package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/lesson"
)

// demoLesson is one lesson of the library. In evidence, "{org}" is the
// organisation's slug and "{ini}" its first published initiative's (a
// line naming {ini} is left out when it has none); region "" is the
// organisation's own.
type demoLesson struct {
	org, owner string
	stage      int
	daysAgo    int
	title      string
	body       string
	issues     []string
	region     string
	ledTo      string
	evidence   []string // "label | path"
	draft      bool
	fromCycle  bool // written from the cycle's stage (source kind "cycle")
}

// demoLessons: a dozen published lessons of six organisations from every
// stage of the cycle, and two drafts the public does not see.
var demoLessons = []demoLesson{
	{org: "terang-kampung", owner: "pemilik", stage: 1, daysAgo: 300, fromCycle: true,
		title:  "Peta titik gelap dibuat bersama warga, bukan oleh pengurus",
		body:   "Pemetaan pertama kami lakukan sendiri dan hanya menemukan 18 titik gelap. Ketika ibu-ibu pengajian dan remaja masjid ikut berjalan malam, ditemukan 41 titik, termasuk gang yang dihindari anak perempuan sepulang les. Orang yang setiap hari melewati jalan itu tahu lebih banyak daripada kami.",
		issues: []string{"energi", "tata_kelola"}, ledTo: "Jalan malam bersama warga menjadi langkah tetap setiap awal siklus; hasilnya dibawa ke musrenbang kelurahan.",
		evidence: []string{"Profil dan laporan Terang Kampung | /organisasi/{org}/laporan", "Inisiatif yang lahir dari peta itu | /inisiatif/{ini}"}},
	{org: "terang-kampung", owner: "pemilik", stage: 5, daysAgo: 120,
		title:  "Posko pengaduan yang menjawab cepat membuat warga mau merawat lampu",
		body:   "Sebelum ada posko, lampu rusak dibiarkan berminggu-minggu dan warga menganggap itu urusan pemerintah. Setelah setiap laporan dijawab dalam sehari dan hasilnya diumumkan di grup RW, warga mulai melapor lebih awal dan beberapa RT menyisihkan iuran untuk baterai cadangan.",
		issues: []string{"energi"}, ledTo: "Waktu jawab pengaduan kini dipantau setiap bulan dan dibahas di rapat pengurus.",
		evidence: []string{"Log pengaduan publik | /organisasi/{org}/pengaduan-publik", "Laporan inisiatif | /inisiatif/{ini}/laporan"}},
	{org: "terang-kampung", owner: "pemilik", stage: 7, daysAgo: 30, fromCycle: true,
		title:  "Bergandeng tangan dengan kelurahan lebih berhasil daripada menuntut",
		body:   "Dua tahun kami datang ke kelurahan membawa daftar tuntutan dan pulang tanpa hasil. Ketika kami mengundang lurah dan staf dinas perhubungan ikut jalan malam dan memakai aula kelurahan untuk rapat warga, usulan PJU masuk ke rencana kerja tahun berikutnya.",
		issues: []string{"tata_kelola"}, region: "32.73", ledTo: "Siklus berikutnya dimulai dengan forum bersama kelurahan, bukan audiensi satu arah.",
		evidence: []string{"Hasil & pembelajaran Terang Kampung | /organisasi/{org}/pembelajaran", "Kerangka siklus, tahap 7 | /siklus#tahap-7"}},
	{org: "perempuan-kapas-timor", owner: "pengurus5", stage: 4, daysAgo: 260,
		title:  "Harga yang diumumkan terbuka membangun kepercayaan penenun",
		body:   "Penenun curiga koperasi mengambil untung seperti tengkulak. Sejak harga beli kapas dan harga jual kain ditulis di papan balai desa dan dibacakan di setiap pertemuan kelompok, anggota yang keluar kembali bergabung dan kelompok baru minta ikut.",
		issues: []string{"ekonomi_perempuan"}, ledTo: "Papan harga menjadi aturan koperasi; pembukuan dibacakan tiap tiga bulan.",
		evidence: []string{"Laporan koperasi | /organisasi/{org}/laporan", "Tenun Kapas Adil | /inisiatif/{ini}"}},
	{org: "perempuan-kapas-timor", owner: "pengurus5", stage: 6, daysAgo: 150,
		title:  "Biaya pendampingan di tiap kecamatan tidak bisa disamaratakan",
		body:   "Anggaran kami menghitung biaya kunjungan yang sama untuk semua kelompok. Kenyataannya, kelompok di kecamatan pegunungan butuh ongkos tiga kali lipat dan dua hari perjalanan. Kelompok terjauh paling jarang didampingi padahal paling membutuhkan.",
		issues: []string{"ekonomi_perempuan", "tata_kelola"}, region: "53.02", ledTo: "Rencana anggaran kini disusun per kelompok, dengan biaya perjalanan sesuai jarak.",
		evidence: []string{"Laporan inisiatif | /inisiatif/{ini}/laporan"}},
	{org: "perempuan-kapas-timor", owner: "pengurus5", stage: 7, daysAgo: 20, fromCycle: true,
		title:  "Refleksi yang melibatkan penenun sendiri mengubah arah koperasi",
		body:   "Dalam refleksi bersama, kelompok penenun duduk terpisah dari pengurus dan mitra, lalu bertemu dalam satu forum. Suara mereka tidak hilang: mereka meminta sekolah tenun untuk remaja putri dan kebun pewarna alam, dua hal yang tidak pernah muncul di rapat pengurus.",
		issues: []string{"ekonomi_perempuan", "budaya"}, ledTo: "Sekolah tenun remaja dan kebun pewarna alam menjadi inisiatif siklus kedua.",
		evidence: []string{"Hasil & pembelajaran koperasi | /organisasi/{org}/pembelajaran", "Tenun Kapas Adil | /inisiatif/{ini}"}},
	{org: "perempuan-kapas-timor", owner: "pengurus5", stage: 2, daysAgo: 5, draft: true,
		title:  "Catatan: lahan kapas anggota belum terdata",
		body:   "Kami belum tahu berapa luas lahan kapas anggota; perlu didata sebelum musim tanam.",
		issues: []string{"pertanian_pangan"}},
	{org: "sanggar-seni-badung", owner: "pengurus6", stage: 3, daysAgo: 280,
		title:  "Banjar mau meminjamkan bale dan gamelan bila anak-anak pentas untuk banjar",
		body:   "Kami semula ingin menyewa tempat latihan. Prajuru banjar justru menawarkan bale dan gamelan, dengan satu permintaan: anak-anak ikut ngayah saat upacara. Pertukaran ini lebih kuat daripada uang sewa karena orang tua ikut merasa memiliki.",
		issues: []string{"budaya", "anak_remaja"}, ledTo: "Setiap banjar baru diajak dengan kesepakatan ngayah yang sama.",
		evidence: []string{"Sanggar Anak Banjar | /inisiatif/{ini}"}},
	{org: "sanggar-seni-badung", owner: "pengurus6", stage: 6, daysAgo: 100,
		title:  "Pentas untuk hotel bisa membiayai kelas gratis tanpa donor",
		body:   "Honor pelatih dulu bergantung pada hibah yang datang tidak menentu. Setelah anak-anak yang sudah mahir pentas untuk hotel dua kali sebulan, pendapatannya melebihi honor pelatih. Kuncinya: pentas tetap dijadwalkan di luar jam sekolah dan uangnya diumumkan ke orang tua.",
		issues: []string{"budaya"}, region: "51.03", ledTo: "Sisa pendapatan pentas dipakai membeli gamelan untuk banjar ketiga.",
		evidence: []string{"Laporan yayasan | /organisasi/{org}/laporan", "Laporan inisiatif | /inisiatif/{ini}/laporan"}},
	{org: "sanggar-seni-badung", owner: "pengurus6", stage: 7, daysAgo: 15, fromCycle: true,
		title:  "Alumni sanggar menjadi pelatih: yang berlanjut tanpa dana luar",
		body:   "Dua alumni kini membuka kelas di banjarnya sendiri dengan cara yang sama. Desa adat memasukkan kelas anak ke perarem, sehingga kelas tetap berjalan walau yayasan tidak lagi mendampingi.",
		issues: []string{"budaya", "anak_remaja"}, ledTo: "Siklus kedua menyiapkan remaja banjar mengelola sanggar sendiri.",
		evidence: []string{"Hasil & pembelajaran sanggar | /organisasi/{org}/pembelajaran"}},
	{org: "peduli-anggaran-jambi", owner: "pengurus6", stage: 2, daysAgo: 200,
		title:  "Warga paham APBD bila angkanya digambar, bukan dibacakan",
		body:   "Kelas pertama membacakan tabel APBD dan peserta pulang sebelum selesai. Ketika anggaran digambar sebagai piring makan — berapa untuk jalan, sekolah, puskesmas — ibu-ibu mulai bertanya dan membandingkan dengan usulan musrenbang mereka.",
		issues: []string{"tata_kelola"}, ledTo: "Semua materi kelas kini bergambar dan diperbarui setiap APBD disahkan.",
		evidence: []string{"Sekolah Anggaran Warga | /inisiatif/{ini}", "Laporan perkumpulan | /organisasi/{org}/laporan"}},
	{org: "mangrove-pesisir-selatan", owner: "pengurus7", stage: 5, daysAgo: 90,
		title:  "Bibit mangrove hidup bila nelayan ikut memilih lokasi tanam",
		body:   "Penanaman pertama mengikuti peta dinas dan separuh bibit mati tersapu ombak. Nelayan menunjukkan teluk kecil yang terlindung dan waktu tanam setelah musim angin barat. Di lokasi pilihan mereka, sembilan dari sepuluh bibit hidup.",
		issues: []string{"lingkungan"}, ledTo: "Lokasi tanam kini diputuskan dalam rembuk nelayan sebelum bibit disemai.",
		evidence: []string{"Inisiatif pembibitan | /inisiatif/{ini}", "Profil yayasan | /organisasi/{org}"}},
	{org: "posyandu-ceria", owner: "pengurus9", stage: 3, daysAgo: 60,
		title:  "Kader posyandu lebih didengar bila memasak bersama ibu balita",
		body:   "Penyuluhan gizi di meja posyandu jarang mengubah menu di rumah. Saat kader memasak makanan tambahan dari bahan pasar setempat bersama ibu balita, resepnya dibawa pulang dan dibagikan ke tetangga.",
		issues: []string{"kesehatan", "anak_remaja"}, ledTo: "Kelas masak bulanan menggantikan penyuluhan ceramah.",
		evidence: []string{"Inisiatif makanan tambahan | /inisiatif/{ini}", "Profil yayasan | /organisasi/{org}"}},
	{org: "terang-kampung", owner: "pemilik", stage: 4, daysAgo: 8, draft: true,
		title:  "Draf: perawatan baterai panel surya",
		body:   "Baterai di tiga titik cepat rusak; perlu dicatat jadwal perawatannya sebelum dibagikan.",
		issues: []string{"energi"}},
}

// shareLessons writes the library's lessons, published over the past
// months. The search index is rebuilt after the demo is loaded, so the
// lessons are written without touching it.
func shareLessons(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	now := db.Now()
	for _, dl := range demoLessons {
		at := now.AddDate(0, 0, -dl.daysAgo)
		s := &lesson.Store{DB: d, Now: func() time.Time { return at }, NoSearch: true}
		in, err := dl.input(ctx, d)
		if err != nil {
			return err
		}
		u := users[dl.owner]
		if u == nil {
			return fmt.Errorf("demo: lesson of %s: no user %s", dl.org, dl.owner)
		}
		if _, err := s.Create(ctx, lesson.Actor{ID: u.ID, Name: u.Name}, in); err != nil {
			return fmt.Errorf("demo: lesson %q: %w", dl.title, err)
		}
	}
	return nil
}

// input is the lesson's input, with its organisation's first published
// initiative and, when written from the cycle, its latest cycle.
func (dl demoLesson) input(ctx context.Context, d *db.DB) (lesson.Input, error) {
	in := lesson.Input{Stage: dl.stage, Title: dl.title, Body: dl.body, Issues: dl.issues, RegionCode: dl.region,
		LedTo: dl.ledTo, Published: !dl.draft}
	var ini string
	err := d.QueryRow(ctx, `SELECT o.id, COALESCE(MAX(c.id), 0) FROM organizations o LEFT JOIN cycles c ON c.org_id = o.id
		WHERE o.slug = ? GROUP BY o.id`, dl.org).Scan(&in.OrgID, &in.SourceID)
	if err != nil {
		return in, fmt.Errorf("demo: lesson of %s: %w", dl.org, err)
	}
	err = d.QueryRow(ctx, `SELECT id, slug FROM initiatives WHERE org_id = ? AND status = 'published' ORDER BY id LIMIT 1`,
		in.OrgID).Scan(&in.InitiativeID, &ini)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return in, fmt.Errorf("demo: initiative of %s: %w", dl.org, err)
	}
	if dl.fromCycle && in.SourceID > 0 {
		in.SourceKind = lesson.SourceCycle
	} else {
		in.SourceID = 0
	}
	for _, line := range dl.evidence {
		if strings.Contains(line, "{ini}") && ini == "" {
			continue
		}
		label, path, _ := strings.Cut(strings.NewReplacer("{org}", dl.org, "{ini}", ini).Replace(line), " | ")
		in.Evidence = append(in.Evidence, lesson.Evidence{Label: label, URL: path})
	}
	return in, nil
}
