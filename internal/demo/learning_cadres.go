package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"lokadaya/internal/account"
	"lokadaya/internal/cadre"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
)

// demoTraining is a training taken daysAgo before today.
type demoTraining struct {
	name, organiser string
	daysAgo         int
}

// demoCadre is one cadre of the demo register; the names are fictional.
type demoCadre struct {
	org, name, role, region, level, skills string
	active                                 bool
	trainings                              []demoTraining
	led                                    map[string]int // activity → days ago
}

var (
	tenunDasar   = demoTraining{"Sekolah perempuan: kepemimpinan kelompok", "Koperasi Perempuan Kapas Timor", 420}
	pewarnaan    = demoTraining{"Pewarnaan alami tenun", "Dinas Perindustrian Kabupaten TTS", 250}
	paralegal    = demoTraining{"Paralegal komunitas", "LBH APIK NTT", 330}
	fasilitasi   = demoTraining{"Fasilitasi refleksi partisipatif (CoRel)", "Koperasi Perempuan Kapas Timor", 120}
	pemetaan     = demoTraining{"Pemetaan titik gelap partisipatif", "Komunitas Terang Kampung", 380}
	teknisi      = demoTraining{"Teknisi lampu surya warga", "Politeknik Negeri Bandung", 200}
	musrenbang   = demoTraining{"Mengawal usulan musrenbang", "Komunitas Terang Kampung", 150}
	tenunCadres  = "perempuan-kapas-timor"
	terangCadres = "terang-kampung"
)

// demoCadres are the two organisations' registers: across desa and
// kecamatan, with skills, trainings and what they led.
var demoCadres = []demoCadre{
	{tenunCadres, "Yuliana Tefa", "ketua kelompok", "53.02.02.2001", "desa", "tenun ikat, pewarnaan alami", true,
		[]demoTraining{tenunDasar, pewarnaan}, map[string]int{"Pertemuan bulanan kelompok tenun Biloto": 30}},
	{tenunCadres, "Marta Nenobais", "ketua kelompok", "53.02.02.2003", "desa", "tenun buna, pembukuan kelompok", true,
		[]demoTraining{tenunDasar}, map[string]int{"Arisan alat tenun": 45}},
	{tenunCadres, "Agustina Selan", "paralegal", "53.02.02.2006", "desa", "pendampingan korban KDRT, mediasi", true,
		[]demoTraining{paralegal}, map[string]int{"Penyuluhan hak perempuan di Tuasene": 60}},
	{tenunCadres, "Dorkas Bana", "fasilitator", "53.02.02", "kecamatan", "fasilitasi, pencatatan", true,
		[]demoTraining{tenunDasar, fasilitasi}, map[string]int{"Refleksi kelompok penerima manfaat": 100}},
	{tenunCadres, "Naomi Liu", "ketua kelompok", "53.02.03.2001", "desa", "pintal kapas, tenun", true,
		[]demoTraining{tenunDasar, pewarnaan}, nil},
	{tenunCadres, "Sarlin Boimau", "ketua kelompok", "53.02.03.2003", "desa", "tenun sotis", false,
		[]demoTraining{tenunDasar}, nil},
	{tenunCadres, "Ruth Tanesib", "paralegal", "53.02.03.2004", "desa", "pendampingan kasus, advokasi desa", true,
		[]demoTraining{paralegal}, map[string]int{"Pendampingan kasus di Polsek Mollo Utara": 75}},
	{tenunCadres, "Elisabeth Nubatonis", "fasilitator", "53.02.03", "kecamatan", "fasilitasi, negosiasi harga", true,
		[]demoTraining{fasilitasi, pewarnaan}, map[string]int{"Rapat harga kain bersama pengepul": 20}},
	{tenunCadres, "Imelda Sanam", "ketua kelompok", "53.02.12.2001", "desa", "kebun kapas, tenun", true,
		[]demoTraining{tenunDasar}, nil},
	{tenunCadres, "Martha Kase", "kader koperasi", "53.02.12", "kecamatan", "simpan pinjam, pembukuan", true,
		[]demoTraining{tenunDasar}, map[string]int{"Rapat anggota tahunan cabang Fatumnasi": 150}},
	{tenunCadres, "Ester Lakapu", "koordinator kabupaten", "53.02", "kabupaten", "advokasi anggaran, lobi DPRD", true,
		[]demoTraining{paralegal, fasilitasi}, map[string]int{"Sarasehan perempuan penenun": 220}},
	{tenunCadres, "Yosina Baun", "ketua kelompok", "53.02.12.2004", "desa", "tenun, pemasaran daring", true, nil, nil},

	{terangCadres, "Ujang Supriatna", "ketua RW siaga terang", "32.73.01.1001", "desa", "pemetaan, instalasi listrik", true,
		[]demoTraining{pemetaan, teknisi}, map[string]int{"Susur gang malam RW 03": 14}},
	{terangCadres, "Neng Yulia", "relawan pemetaan", "32.73.01.1001", "desa", "pemetaan, foto dokumentasi", true,
		[]demoTraining{pemetaan}, nil},
	{terangCadres, "Dadang Sutisna", "teknisi warga", "32.73.01.1002", "desa", "perbaikan lampu surya, kelistrikan", true,
		[]demoTraining{teknisi}, map[string]int{"Perbaikan 15 lampu Gegerkalong": 100}},
	{terangCadres, "Rina Marlina", "fasilitator", "32.73.01.1003", "desa", "fasilitasi rembug warga", true,
		[]demoTraining{pemetaan, musrenbang}, map[string]int{"Rembug warga pra-musrenbang Isola": 60}},
	{terangCadres, "Agus Salim", "teknisi warga", "32.73.01.1004", "desa", "kelistrikan", false,
		[]demoTraining{teknisi}, nil},
	{terangCadres, "Euis Komariah", "koordinator kecamatan", "32.73.01", "kecamatan", "advokasi, musrenbang", true,
		[]demoTraining{musrenbang, pemetaan}, map[string]int{"Mengawal usulan di musrenbang kecamatan": 40}},
	{terangCadres, "Yayan Ruhiyat", "relawan pemetaan", "32.73.02.1004", "desa", "pemetaan", true,
		[]demoTraining{pemetaan}, nil},
	{terangCadres, "Siti Aisyah", "fasilitator", "32.73.02", "kecamatan", "fasilitasi, penulisan laporan", true,
		[]demoTraining{musrenbang}, map[string]int{"Sarasehan kampung terang": 150}},
	{terangCadres, "Bambang Hidayat", "teknisi warga", "32.73.03.1001", "desa", "perbaikan lampu surya", true,
		[]demoTraining{teknisi}, nil},
	{terangCadres, "Iis Sumiati", "koordinator kota", "32.73", "kabupaten", "lobi DPRD, advokasi anggaran", true,
		[]demoTraining{musrenbang}, map[string]int{"Audiensi dengan Wali Kota": 280}},
}

// registerCadres fills the two registers through the cadre store.
func registerCadres(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	s := &cadre.Store{DB: d}
	for _, dc := range demoCadres {
		var orgID int64
		var orgRegion string
		if err := d.QueryRow(ctx, `SELECT id, region_code FROM organizations WHERE slug = ?`, dc.org).Scan(&orgID, &orgRegion); err != nil {
			return fmt.Errorf("demo: cadres of %s: %w", dc.org, err)
		}
		today := db.Now().In(region.Zone(orgRegion))
		day := func(ago int) string { return today.AddDate(0, 0, -ago).Format(cadre.DateLayout) }
		c, err := s.Create(ctx, cadre.Actor{Name: "demo"}, orgID, cadre.Input{Name: dc.name, Role: dc.role, RegionCode: dc.region,
			Level: dc.level, Skills: cadre.SplitSkills(dc.skills), Active: dc.active})
		if err != nil {
			return fmt.Errorf("demo: cadre %s: %w", dc.name, err)
		}
		for _, t := range dc.trainings {
			if err := s.AddTraining(ctx, cadre.Actor{Name: "demo"}, c, orgRegion,
				cadre.TrainingInput{Name: t.name, TakenOn: day(t.daysAgo), Organiser: t.organiser}); err != nil {
				return fmt.Errorf("demo: training of %s: %w", dc.name, err)
			}
		}
		for name, ago := range dc.led {
			if err := s.AddActivity(ctx, cadre.Actor{Name: "demo"}, c, orgRegion, cadre.ActivityInput{Name: name, DoneOn: day(ago)}); err != nil {
				return fmt.Errorf("demo: activity of %s: %w", dc.name, err)
			}
		}
	}
	for _, slug := range []string{terangCadres, tenunCadres} {
		if err := volunteerBecomesCadre(ctx, d, s, slug); err != nil {
			return err
		}
	}
	return nil
}

// volunteerBecomesCadre makes the organisation's first accepted volunteer
// a cadre linked to the sign-up, when it has one.
func volunteerBecomesCadre(ctx context.Context, d *db.DB, s *cadre.Store, slug string) error {
	var orgID, signup int64
	var name, orgRegion string
	err := d.QueryRow(ctx, `SELECT o.id, o.region_code, v.id, v.name FROM volunteer_signups v JOIN organizations o ON o.id = v.org_id
		WHERE o.slug = ? AND v.status = 'accepted' ORDER BY v.id LIMIT 1`, slug).Scan(&orgID, &orgRegion, &signup, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("demo: volunteer cadre of %s: %w", slug, err)
	}
	_, err = s.Create(ctx, cadre.Actor{Name: "demo"}, orgID, cadre.Input{Name: name, Role: "relawan pendamping",
		RegionCode: orgRegion, Level: "desa", Skills: []string{"pendampingan kegiatan"}, Active: true,
		Signup: strconv.FormatInt(signup, 10)})
	if err != nil {
		return fmt.Errorf("demo: volunteer cadre of %s: %w", slug, err)
	}
	return nil
}
