package demo

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
)

// serviceMonths is how many whole months of service records the demo
// initiatives have, besides the current month.
const serviceMonths = 6

// demoService is an initiative that records the people it serves: its
// organisation, who records, its service points and the kinds of service
// given there.
type demoService struct {
	org, staff string
	points     []string
	kinds      []demoServiceKind
	// femalePct is the share of women and girls among those served;
	// ages weigh the age bands 0–5, 6–17, 18–59, 60+.
	femalePct int
	ages      [4]int
	// groups are the vulnerable groups served, with their share (%).
	groups map[string]int
}

// demoServiceKind is a kind of service with the people one session
// serves, at least min and up to min+spread.
type demoServiceKind struct {
	name        string
	min, spread int
	everyWeek   bool // weekly; otherwise twice a month
}

// serviceInitiatives are the demo initiatives with service records. The
// point names are those the feedback and charter demos expect.
var serviceInitiatives = []demoService{
	{org: "terang-kampung", staff: "editor", points: []string{"Posko Lampu RW 05", "Posko Lampu RW 07"},
		kinds: []demoServiceKind{
			{"Laporan dan perbaikan lampu gang", 6, 14, true},
			{"Pelatihan perawatan panel surya", 12, 10, false},
		},
		femalePct: 54, ages: [4]int{4, 18, 58, 20}, groups: map[string]int{"miskin": 30, "perempuan_kk": 12}},
	{org: "bank-sampah-bersinar", staff: "pengurus1", points: []string{"Gudang Pilah Bersinar"},
		kinds: []demoServiceKind{
			{"Setor sampah terpilah", 35, 40, true},
			{"Penarikan tabungan sampah", 10, 15, false},
		},
		femalePct: 72, ages: [4]int{0, 8, 70, 22}, groups: map[string]int{"miskin": 40, "perempuan_kk": 18}},
	{org: "tyto-alba-lestari", staff: "pengurus4", points: []string{"Balai Kelompok Tani Sido Makmur", "Rubuha Hamparan Sawah Utara"},
		kinds: []demoServiceKind{
			{"Pendampingan petani dan pemantauan rubuha", 8, 12, true},
			{"Sekolah lapang pengendalian tikus", 15, 15, false},
		},
		femalePct: 38, ages: [4]int{0, 3, 72, 25}, groups: map[string]int{"miskin": 35}},
	{org: "peduli-tb-makassar", staff: "pengurus2", points: []string{"Pos Pendamping Tamalate", "Pos Pendamping Rappocini"},
		kinds: []demoServiceKind{
			{"Kunjungan pendampingan minum obat", 10, 12, true},
			{"Penyuluhan keluarga pasien", 8, 10, false},
		},
		femalePct: 46, ages: [4]int{2, 8, 70, 20}, groups: map[string]int{"miskin": 55}},
	{org: "taman-baca-pelita", staff: "pengurus2", points: []string{"Berugak Baca Dusun Gerung Utara"},
		kinds: []demoServiceKind{
			{"Membaca bersama dan dongeng", 15, 20, true},
			{"Perpustakaan keliling", 20, 25, false},
		},
		femalePct: 52, ages: [4]int{15, 80, 5, 0}, groups: map[string]int{"miskin": 35}},
	{org: "paralegal-nagari-adil", staff: "pengurus3", points: []string{"Pos Paralegal Kantor Wali Nagari"},
		kinds: []demoServiceKind{
			{"Konsultasi hukum warga", 4, 6, true},
			{"Penyuluhan hukum di surau", 20, 20, false},
		},
		femalePct: 45, ages: [4]int{0, 5, 75, 20}, groups: map[string]int{"miskin": 45, "perempuan_kk": 10}},
	{org: "sanggar-seni-badung", staff: "pengurus6", points: []string{"Bale Banjar Kaja", "Bale Banjar Kelod"},
		kinds: []demoServiceKind{
			{"Kelas tari anak", 18, 14, true},
			{"Kelas tabuh anak", 10, 8, true},
		},
		femalePct: 60, ages: [4]int{5, 90, 5, 0}, groups: map[string]int{"miskin": 20}},
	{org: "energi-surya-sumba", staff: "pemilik", points: []string{"Rumah Panel Dusun Praikaroku"},
		kinds: []demoServiceKind{
			{"Perawatan dan isi ulang baterai warga", 12, 18, true},
			{"Pelatihan teknisi desa", 6, 6, false},
		},
		femalePct: 48, ages: [4]int{0, 10, 70, 20}, groups: map[string]int{"miskin": 60}},
	{org: "perempuan-kapas-timor", staff: "pengurus5", points: []string{"Rumah Tenun Kapas Oesao"},
		kinds: []demoServiceKind{
			{"Pendampingan tenun dan pewarnaan alami", 8, 10, true},
		},
		femalePct: 96, ages: [4]int{0, 12, 70, 18}, groups: map[string]int{"miskin": 50, "perempuan_kk": 30}},
}

// recordService gives the demo initiatives service points (when they
// have none) and months of service records: each past month came in as
// the field team's filled-in template, imported and confirmed; this
// month's records were typed in. Their cycles are dated back to when the
// service began, so stage 5 and stage 7 have the figures of the cycle.
func recordService(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	rng := rand.New(rand.NewPCG(5, 2026))
	for _, ds := range serviceInitiatives {
		if err := ds.record(ctx, d, users[ds.staff], rng); err != nil {
			return fmt.Errorf("demo: service of %s: %w", ds.org, err)
		}
	}
	return nil
}

func (ds demoService) record(ctx context.Context, d *db.DB, u *account.User, rng *rand.Rand) error {
	var orgID, iniID int64
	var regionCode string
	if err := d.QueryRow(ctx, `SELECT o.id, o.region_code, i.id FROM organizations o JOIN initiatives i ON i.org_id = o.id
		WHERE o.slug = ? ORDER BY i.id LIMIT 1`, ds.org).Scan(&orgID, &regionCode, &iniID); err != nil {
		return err
	}
	store := &service.Store{DB: d}
	actor := service.Actor{ID: u.ID, Name: u.Name}
	points, err := ensurePoints(ctx, store, actor, orgID, iniID, regionCode, ds.points)
	if err != nil {
		return err
	}
	zone := region.Zone(regionCode)
	now := db.Now().In(zone)
	thisMonth := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, zone)
	begin := thisMonth.AddDate(0, -serviceMonths, 0)
	if err := backdateCycle(ctx, d, orgID, begin); err != nil {
		return err
	}
	today := service.Today(db.Now(), zone)
	for m := range serviceMonths {
		month := begin.AddDate(0, m, 0)
		file := ds.monthFile(rng, points, month, month.AddDate(0, 1, -1))
		name := "catatan-layanan-" + month.Format("2006-01") + ".csv"
		imp, err := store.Upload(ctx, actor, orgID, iniID, name, file)
		if err != nil {
			return fmt.Errorf("upload %s: %w", name, err)
		}
		if _, err := store.Confirm(ctx, actor, iniID, imp.ID, today); err != nil {
			return fmt.Errorf("confirm %s: %w", name, err)
		}
	}
	// This month so far, typed in record by record; today is not over.
	yesterday := now.AddDate(0, 0, -1)
	byCode := service.PointsByCode(points)
	for _, in := range ds.sessions(rng, points, thisMonth, yesterday) {
		c, errs := in.Check(today, byCode)
		if len(errs) > 0 {
			return fmt.Errorf("record %v: %v", in, errs)
		}
		if _, err := store.AddRecord(ctx, actor, orgID, iniID, c); err != nil {
			return err
		}
	}
	return nil
}

// ensurePoints are the initiative's service points, made with the given
// names in the organisation's region when it has none.
func ensurePoints(ctx context.Context, store *service.Store, actor service.Actor, orgID, iniID int64, regionCode string,
	names []string) ([]*service.Point, error) {
	points, err := store.Points(ctx, iniID)
	if err != nil || len(points) > 0 {
		return points, err
	}
	for _, name := range names {
		p, err := store.CreatePoint(ctx, actor, orgID, iniID,
			service.PointInput{Name: name, RegionCode: regionCode, Hours: "Senin–Sabtu 08.00–16.00"})
		if err != nil {
			return nil, fmt.Errorf("point %s: %w", name, err)
		}
		points = append(points, p)
	}
	return points, nil
}

// backdateCycle dates the organisation's first cycle from the day its
// service began: the demo walks the cycle in a moment, a real
// organisation over months.
func backdateCycle(ctx context.Context, d *db.DB, orgID int64, began time.Time) error {
	_, err := d.Exec(ctx, `UPDATE cycles SET opened_at = ? WHERE org_id = ? AND number = 1`, began.UTC(), orgID)
	return err
}

// monthFile is the filled-in import template of the sessions between
// from and to (days in the organisation's zone), as a CSV file.
func (ds demoService) monthFile(rng *rand.Rand, points []*service.Point, from, to time.Time) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	cols := service.Columns()
	_ = w.Write(cols)
	for _, in := range ds.sessions(rng, points, from, to) {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = in[c]
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// sessions are the service sessions at each point between from and to:
// each kind of service weekly or every other week, on a day of its own.
func (ds demoService) sessions(rng *rand.Rand, points []*service.Point, from, to time.Time) []service.RecordInput {
	var out []service.RecordInput
	for day := from; !day.After(to); day = day.AddDate(0, 0, 1) {
		for pi, p := range points {
			for ki, k := range ds.kinds {
				weekday := time.Weekday(1 + (pi+2*ki)%6) // Monday to Saturday
				if day.Weekday() != weekday || (!k.everyWeek && day.Day() > 14 && day.Day() <= 21) ||
					(!k.everyWeek && day.Day() <= 7) {
					continue
				}
				out = append(out, ds.session(rng, p.Code, k, day))
			}
		}
	}
	return out
}

// session is one record: the people served counted every way, each way
// adding up to the total.
func (ds demoService) session(rng *rand.Rand, point string, k demoServiceKind, day time.Time) service.RecordInput {
	total := k.min + rng.IntN(k.spread+1)
	female := total * (ds.femalePct - 8 + rng.IntN(17)) / 100
	in := service.RecordInput{
		service.FieldDate: day.Format(time.DateOnly), service.FieldPoint: point, service.FieldType: k.name,
		service.FieldTotal: strconv.Itoa(total), service.FieldFemale: strconv.Itoa(female),
		service.FieldMale: strconv.Itoa(total - female), service.FieldDisability: strconv.Itoa(total * rng.IntN(6) / 100),
	}
	for i, n := range splitByWeight(total, ds.ages) {
		in[service.AgeFields[i]] = strconv.Itoa(n)
	}
	for g, pct := range ds.groups {
		if n := total * (pct/2 + rng.IntN(pct+1)) / 100; n > 0 {
			in[service.GroupField(g)] = strconv.Itoa(n)
		}
	}
	return in
}

// splitByWeight shares total among the weights, rounding down, the rest
// going to the heaviest.
func splitByWeight(total int, weights [4]int) [4]int {
	var out [4]int
	sum, heaviest, given := 0, 0, 0
	for i, w := range weights {
		sum += w
		if w > weights[heaviest] {
			heaviest = i
		}
	}
	for i, w := range weights {
		out[i] = total * w / sum
		given += out[i]
	}
	out[heaviest] += total - given
	return out
}
