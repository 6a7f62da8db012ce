package demo

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/planning"
)

// demoOffices are the government offices of the demo, verified by the
// Jawa–Bali hub: the kelurahan that convenes Pajang's musrenbang and the
// city's planning office.
var demoOffices = []struct {
	owner, slug, name string
	kind              org.Kind
	region            string
}{
	{"lurah", "kelurahan-pajang", "Kantor Kelurahan Pajang", org.KindDesa, pajang},
	{"lurah", "bappeda-surakarta", "Bappeda Kota Surakarta", org.KindOPD, "33.72"},
}

// The demo's planning rounds: Pajang's, settled, and the city's, being
// scored.
const (
	demoRoundTitle     = "Musrenbang Kelurahan Pajang 2026–2028"
	demoCityRoundTitle = "Forum Perangkat Daerah Kota Surakarta 2027"
)

// planTogether registers the government offices and runs Pajang's
// three-year planning round on the residents' proposals made above:
// scored by residents, an OMS and the kelurahan, settled into years, and
// its first year funded in part, so that one proposal is carried to the
// next year with its rank and its proposer told (in the dev outbox).
func planTogether(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	orgs := &org.Store{DB: d}
	var office int64
	for _, o := range demoOffices {
		u := users[o.owner]
		created, err := orgs.Create(ctx, u.ID, org.Input{Name: o.name, Slug: o.slug, Kind: string(o.kind), RegionCode: o.region,
			Email: "pemerintahan@" + o.slug + ".go.id.test"})
		if err != nil {
			return fmt.Errorf("demo: office %s: %w", o.slug, err)
		}
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'verified', verified_at = ? WHERE id = ?`,
			db.Now().AddDate(0, -3, 0), created.ID); err != nil {
			return err
		}
		if office == 0 {
			office = created.ID
		}
	}
	now := db.Now()
	at := now.AddDate(0, 0, -120)
	s := &planning.Store{DB: d, Now: func() time.Time { return at }}
	lurah := users["lurah"]
	r, err := s.Create(ctx, planning.Actor{ID: lurah.ID}, planning.RoundInput{Title: demoRoundTitle,
		Description: "Musyawarah perencanaan pembangunan kelurahan untuk tiga tahun. Usulan yang belum didanai pada tahunnya pindah ke tahun berikutnya.",
		RegionCode:  pajang, FirstYear: "2026", Years: "3", OrgID: office})
	if err != nil {
		return fmt.Errorf("demo: round: %w", err)
	}
	day := func(days int) string { return at.AddDate(0, 0, days).Format(time.DateOnly) }
	form := url.Values{
		"stage_name_0": {"Pengumpulan usulan RT/RW"}, "stage_from_0": {day(0)}, "stage_to_0": {day(14)},
		"stage_name_1": {"Forum kriteria dan bobot"}, "stage_from_1": {day(15)}, "stage_to_1": {day(15)},
		"stage_name_2": {"Penilaian oleh warga, OMS dan kelurahan"}, "stage_from_2": {day(16)}, "stage_to_2": {day(30)},
		"stage_name_3": {"Penetapan dan pembagian per tahun"}, "stage_from_3": {day(31)}, "stage_to_3": {day(31)},
		"crit_name_0": {"Manfaat bagi warga"}, "crit_desc_0": {"Berapa banyak warga terbantu dan seberapa besar"}, "crit_weight_0": {"40"},
		"crit_name_1": {"Kemendesakan"}, "crit_desc_1": {"Seberapa parah masalahnya bila ditunda"}, "crit_weight_1": {"35"},
		"crit_name_2": {"Kesiapan pelaksanaan"}, "crit_desc_2": {"Lahan, pelaksana dan swadaya warga sudah ada"}, "crit_weight_2": {"25"},
		"ceiling_2026": {"60.000.000"}, "ceiling_2027": {"75.000.000"}, "ceiling_2028": {"75.000.000"},
	}
	setup, errs := planning.SetupFrom(form, r)
	if err := s.SaveSetup(ctx, r, setup, errs); err != nil {
		return fmt.Errorf("demo: round rules: %w", err)
	}
	for _, p := range []struct{ key, group string }{{"lurah", "pemerintah"}, {"pemilik", "oms"},
		{"pengurus9", "warga"}, {"pengurus7", "warga"}, {"pengurus2", "warga"}} {
		if err := s.AddParticipant(ctx, r, users[p.key].Email, p.group); err != nil {
			return fmt.Errorf("demo: participant %s: %w", p.key, err)
		}
	}
	if r, err = s.Get(ctx, r.ID); err != nil {
		return err
	}
	if err := s.OpenScoring(ctx, r); err != nil {
		return fmt.Errorf("demo: open round: %w", err)
	}
	if err := scoreAndSettle(ctx, s, r.ID, users, &at, now); err != nil {
		return err
	}
	return scoreTheCity(ctx, d, users)
}

// scoreTheCity opens the city's one-year round, convened by its planning
// office and still being scored: the OMS has scored, the kelurahan not yet.
func scoreTheCity(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	at := db.Now().AddDate(0, 0, -5)
	s := &planning.Store{DB: d, Now: func() time.Time { return at }}
	var office int64
	if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'bappeda-surakarta'`).Scan(&office); err != nil {
		return err
	}
	r, err := s.Create(ctx, planning.Actor{ID: users["lurah"].ID}, planning.RoundInput{Title: demoCityRoundTitle,
		Description: "Usulan kelurahan se-Kota Surakarta yang belum terdanai dinilai bersama perangkat daerah, OMS dan warga.",
		RegionCode:  "33.72", FirstYear: "2027", Years: "1", OrgID: office})
	if err != nil {
		return fmt.Errorf("demo: city round: %w", err)
	}
	day := func(days int) string { return at.AddDate(0, 0, days).Format(time.DateOnly) }
	form := url.Values{"stage_name_0": {"Penilaian"}, "stage_from_0": {day(0)}, "stage_to_0": {day(21)},
		"crit_name_0": {"Manfaat bagi warga"}, "crit_weight_0": {"60"}, "crit_name_1": {"Keselarasan dengan RPJMD"}, "crit_weight_1": {"40"},
		"ceiling_2027": {"150.000.000"}}
	setup, errs := planning.SetupFrom(form, r)
	if err := s.SaveSetup(ctx, r, setup, errs); err != nil {
		return fmt.Errorf("demo: city round rules: %w", err)
	}
	for _, p := range []struct{ key, group string }{{"lurah", "pemerintah"}, {"pemilik", "oms"}, {"pengurus9", "warga"}} {
		if err := s.AddParticipant(ctx, r, users[p.key].Email, p.group); err != nil {
			return fmt.Errorf("demo: city participant %s: %w", p.key, err)
		}
	}
	if r, err = s.Get(ctx, r.ID); err != nil {
		return err
	}
	if err := s.OpenScoring(ctx, r); err != nil {
		return fmt.Errorf("demo: open city round: %w", err)
	}
	if r, err = s.Get(ctx, r.ID); err != nil {
		return err
	}
	entries, err := s.Entries(ctx, r)
	if err != nil || len(entries) == 0 {
		return fmt.Errorf("demo: city round entries: %d, %v", len(entries), err)
	}
	return s.Score(ctx, r, planning.Actor{ID: users["pemilik"].ID}, entries[0].ProposalID,
		map[int64]int{r.Criteria[0].ID: 4, r.Criteria[1].ID: 4})
}

// demoScores are each participant's scores by proposal title, one per
// criterion in order.
var demoScores = map[string]map[string][]int{
	"lurah":     {"Perbaikan saluran air RW 05 Pajang": {5, 5, 4}, "Pelatihan kader posyandu tentang gizi balita": {4, 3, 5}},
	"pemilik":   {"Perbaikan saluran air RW 05 Pajang": {4, 5, 3}, "Pelatihan kader posyandu tentang gizi balita": {4, 3, 4}},
	"pengurus9": {"Perbaikan saluran air RW 05 Pajang": {5, 5, 4}, "Pelatihan kader posyandu tentang gizi balita": {3, 3, 4}},
	"pengurus7": {"Perbaikan saluran air RW 05 Pajang": {4, 4, 4}, "Pelatihan kader posyandu tentang gizi balita": {5, 4, 4}},
	"pengurus2": {"Perbaikan saluran air RW 05 Pajang": {5, 4, 3}},
}

// scoreAndSettle scores the round, settles it and records 2026's
// funding: the drainage works funded, the posyandu training carried to
// 2027.
func scoreAndSettle(ctx context.Context, s *planning.Store, id int64, users map[string]*account.User, at *time.Time, now time.Time) error {
	r, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	entries, err := s.Entries(ctx, r)
	if err != nil {
		return err
	}
	byTitle := map[string]int64{}
	for _, e := range entries {
		byTitle[e.Title] = e.ProposalID
	}
	*at = now.AddDate(0, 0, -100)
	for key, sheet := range demoScores {
		for title, scores := range sheet {
			m := map[int64]int{}
			for i, c := range r.Criteria {
				m[c.ID] = scores[i]
			}
			if err := s.Score(ctx, r, planning.Actor{ID: users[key].ID}, byTitle[title], m); err != nil {
				return fmt.Errorf("demo: score %s by %s: %w", title, key, err)
			}
		}
	}
	*at = now.AddDate(0, 0, -88)
	if err := s.Settle(ctx, r, ""); err != nil {
		return fmt.Errorf("demo: settle: %w", err)
	}
	if r, err = s.Get(ctx, id); err != nil {
		return err
	}
	*at = now.AddDate(0, 0, -14)
	funded := map[int64]bool{byTitle["Perbaikan saluran air RW 05 Pajang"]: true}
	if err := s.DecideYear(ctx, r, 2026, funded, ""); err != nil {
		return fmt.Errorf("demo: fund 2026: %w", err)
	}
	return nil
}

// DemoRoundPath is the demo round's page, for tests and the README.
func DemoRoundPath(ctx context.Context, d *db.DB) (string, error) {
	var id int64
	if err := d.QueryRow(ctx, `SELECT id FROM planning_rounds WHERE title = ?`, demoRoundTitle).Scan(&id); err != nil {
		return "", err
	}
	return "/perencanaan/" + strconv.FormatInt(id, 10), nil
}
