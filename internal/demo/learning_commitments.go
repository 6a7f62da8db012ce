package demo

import (
	"context"
	"fmt"

	"lokadaya/internal/account"
	"lokadaya/internal/commitment"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
)

// demoFollowUp is one time the organisation collected on a promise,
// daysAgo before today.
type demoFollowUp struct {
	daysAgo int
	action  string
	by      string
	status  string
}

// demoCommitment is a promise made daysAgo before today; due and next
// are days from today (negative: in the past, 0: none given).
type demoCommitment struct {
	org, who, position, office, kind, level, what string
	daysAgo                                       int
	event, place, evidence, evidenceURL, region   string
	due, next                                     int
	published                                     bool
	followUps                                     []demoFollowUp
}

// demoCommitments are promises of officials and partners to the two
// organisations of the learning demo, in their own kabupaten/kota, kept,
// partly kept, not yet and broken. The names are fictional.
var demoCommitments = []demoCommitment{
	{org: "perempuan-kapas-timor", who: "Drs. Yohanis Nope", position: "Bupati", office: "Pemerintah Kabupaten Timor Tengah Selatan",
		kind: "pemda", level: "kabupaten", what: "Menganggarkan 30 alat tenun gedogan dan pelatihan pewarnaan alami bagi kelompok tenun perempuan dalam APBD perubahan.",
		daysAgo: 300, event: "Audiensi koperasi dengan Bupati", place: "Kantor Bupati, Soe", evidence: "Notulen audiensi dan foto bersama",
		evidenceURL: "https://example.org/kapas-timor/audiensi-bupati", region: "53.02", due: -120, next: 0, published: true,
		followUps: []demoFollowUp{
			{240, "Menyerahkan proposal rinci kebutuhan alat ke Bappelitbangda", "Ketua koperasi", "belum"},
			{180, "Audiensi lanjutan: 15 alat masuk APBD perubahan", "Ketua dan bendahara", "sebagian"},
			{90, "Alat diterima 6 kelompok; pelatihan pewarnaan dijalankan Dinas Perindustrian", "Pengurus", "ditepati"},
		}},
	{org: "perempuan-kapas-timor", who: "Maria Tse'u, S.Pd.", position: "Anggota Komisi II", office: "DPRD Kabupaten Timor Tengah Selatan",
		kind: "dprd", level: "kabupaten", what: "Memperjuangkan pokok pikiran dewan untuk rumah produksi tenun di Mollo Utara.",
		daysAgo: 220, event: "Sarasehan perempuan penenun", place: "Balai Desa O'besi", evidence: "Rekaman sarasehan",
		region: "53.02.03", due: -30, next: -10, published: true,
		followUps: []demoFollowUp{
			{150, "Mengirim surat dan foto lokasi ke sekretariat dewan", "Sekretaris koperasi", "belum"},
			{60, "Rumah produksi masuk pokir, tetapi hanya separuh anggaran", "Ketua koperasi", "sebagian"},
		}},
	{org: "perempuan-kapas-timor", who: "Ir. Agustinus Benu", position: "Kepala Dinas", office: "Dinas Koperasi dan UKM Kabupaten Timor Tengah Selatan",
		kind: "pemda", level: "kabupaten", what: "Memberikan 12 alat pintal kapas dan satu mesin pemisah biji kapas untuk koperasi.",
		daysAgo: 400, event: "Rapat koordinasi UMKM", place: "Aula Dinas Koperasi, Soe", evidence: "Surat jawaban dinas",
		region: "53.02", due: -200, next: 0, published: true,
		followUps: []demoFollowUp{
			{330, "Menanyakan jadwal pengadaan ke bidang UMKM", "Bendahara koperasi", "belum"},
			{200, "Dinas menyatakan anggaran dialihkan; alat tidak diberikan", "Ketua koperasi", "diingkari"},
		}},
	{org: "perempuan-kapas-timor", who: "Yakobus Tanesib", position: "Kepala Desa", office: "Pemerintah Desa Biloto",
		kind: "desa", level: "desa", what: "Menyediakan lahan desa 20 are untuk kebun kapas kelompok perempuan.",
		daysAgo: 120, event: "Musyawarah desa", place: "Kantor Desa Biloto", evidence: "Berita acara musyawarah desa",
		region: "53.02.02.2001", due: 60, next: -5, published: true},
	{org: "perempuan-kapas-timor", who: "Dr. Lusia Manafe", position: "Dosen", office: "Fakultas Pertanian Universitas Nusa Cendana",
		kind: "akademisi", level: "", what: "Mendampingi uji mutu serat kapas lokal dua kali setahun.",
		daysAgo: 90, event: "Refleksi bersama mitra", place: "Soe", region: "53.02", due: 270, next: 30, published: false},

	{org: "terang-kampung", who: "H. Ridwan Saputra", position: "Wali Kota", office: "Pemerintah Kota Bandung",
		kind: "pemda", level: "kabupaten", what: "Memasukkan 120 titik lampu jalan gang di Sukasari ke dalam APBD perubahan.",
		daysAgo: 280, event: "Audiensi warga dan komunitas", place: "Balai Kota Bandung", evidence: "Siaran pers pemkot",
		evidenceURL: "https://example.org/terang-kampung/audiensi-walikota", region: "32.73.01", due: -90, next: -20, published: true,
		followUps: []demoFollowUp{
			{200, "Menyerahkan peta 120 titik gelap ke Dinas Perhubungan", "Koordinator pemetaan", "belum"},
			{100, "60 titik terpasang; sisanya dijanjikan tahun depan", "Ketua komunitas", "sebagian"},
		}},
	{org: "terang-kampung", who: "Dedi Kurniawan, S.T.", position: "Kepala Bidang PJU", office: "Dinas Perhubungan Kota Bandung",
		kind: "pemda", level: "kabupaten", what: "Memperbaiki 15 lampu jalan mati di Gegerkalong dalam tiga bulan.",
		daysAgo: 200, event: "Rapat teknis PJU", place: "Kantor Dinas Perhubungan", evidence: "Daftar lampu yang disepakati",
		region: "32.73.01.1002", due: -110, next: 0, published: true,
		followUps: []demoFollowUp{{100, "Memeriksa 15 titik bersama warga: semuanya menyala", "Relawan RW 05", "ditepati"}}},
	{org: "terang-kampung", who: "Siti Rahmawati", position: "Anggota Komisi C", office: "DPRD Kota Bandung",
		kind: "dprd", level: "kabupaten", what: "Mengusulkan 40 lampu tenaga surya untuk gang sempit sebagai pokok pikiran dewan.",
		daysAgo: 150, event: "Sarasehan kampung terang", place: "Aula Kelurahan Sukarasa", evidence: "Video sarasehan",
		region: "32.73.01.1001", due: -15, next: 0, published: true,
		followUps: []demoFollowUp{{20, "Usulan tidak masuk daftar pokir tahun ini", "Ketua komunitas", "diingkari"}}},
	{org: "terang-kampung", who: "Asep Hermawan", position: "Lurah", office: "Kelurahan Isola",
		kind: "desa", level: "kelurahan", what: "Mengutamakan usulan lampu gang dalam musrenbang kelurahan.",
		daysAgo: 60, event: "Pra-musrenbang", place: "Kantor Kelurahan Isola", region: "32.73.01.1003", due: 40, next: 10, published: true},
}

// recordCommitments records the demo promises and their follow-ups
// through the commitment store, so they pass its rules.
func recordCommitments(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	s := &commitment.Store{DB: d}
	for _, dc := range demoCommitments {
		var orgID int64
		var orgRegion string
		if err := d.QueryRow(ctx, `SELECT id, region_code FROM organizations WHERE slug = ?`, dc.org).Scan(&orgID, &orgRegion); err != nil {
			return fmt.Errorf("demo: commitments of %s: %w", dc.org, err)
		}
		today := db.Now().In(region.Zone(orgRegion))
		day := func(offset int) string {
			if offset == 0 {
				return ""
			}
			return today.AddDate(0, 0, offset).Format(commitment.DateLayout)
		}
		level := dc.level
		if level == "kelurahan" {
			level = "desa"
		}
		in := commitment.Input{Who: dc.who, Position: dc.position, Office: dc.office, Kind: dc.kind, Level: level, What: dc.what,
			MadeOn: day(-dc.daysAgo), Event: dc.event, Place: dc.place, DueOn: day(dc.due), Evidence: dc.evidence,
			EvidenceURL: dc.evidenceURL, RegionCode: dc.region, NextFollowUp: day(dc.next), Published: dc.published}
		c, err := s.Create(ctx, commitment.Actor{Name: "demo"}, orgID, orgRegion, in)
		if err != nil {
			return fmt.Errorf("demo: commitment of %s: %w", dc.who, err)
		}
		for i, f := range dc.followUps {
			next := ""
			if i == len(dc.followUps)-1 {
				next = in.NextFollowUp
			}
			if err := s.AddFollowUp(ctx, commitment.Actor{Name: "demo"}, c, orgRegion, commitment.FollowUpInput{
				DoneOn: day(-f.daysAgo), Action: f.action, By: f.by, Status: f.status, NextFollowUp: next}); err != nil {
				return fmt.Errorf("demo: follow-up of %s: %w", dc.who, err)
			}
		}
	}
	return nil
}
