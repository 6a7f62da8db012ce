package indicator_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/indicator"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

type world struct {
	d          *db.DB
	store      *indicator.Store
	org        int64
	initiative int64
	point      int64
	staff      indicator.Actor
}

func setup(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, store: &indicator.Store{DB: d}}
	u, err := (&account.Store{DB: d}).Create(ctx, "ani@example.org", "Bu Ani", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Klinik Ani", Slug: "klinik-ani",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'posyandu', 'Posyandu', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&w.initiative); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO service_points (org_id, initiative_id, code, name, region_code, created_at,
		updated_at) VALUES (?, ?, 'PT1', 'Pos 1', '32.73.01.1001', ?, ?) RETURNING id`, o.ID, w.initiative, now, now).Scan(&w.point); err != nil {
		t.Fatal(err)
	}
	w.org, w.staff = o.ID, indicator.Actor{ID: u.ID, Name: u.Name}
	return w
}

func typed() indicator.Input {
	return indicator.Input{Key: "balita-ditimbang", Name: "Balita ditimbang", Kind: "output", Unit: "anak",
		Direction: "rise", Baseline: "40", Target: "120", Period: "quarterly", From: "2025-01-01", To: "2025-12-31",
		Verification: "Buku KIA", Disaggregation: "sex"}
}

func TestIndicatorErrors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		if _, err := w.store.Create(ctx, w.staff, w.org, w.initiative, typed()); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name, field, key string
			edit             func(*indicator.Input)
		}{
			{"rise below baseline", "target", "indicator.err.target_below", func(in *indicator.Input) { in.Target = "30" }},
			{"fall above baseline", "target", "indicator.err.target_above", func(in *indicator.Input) {
				in.Direction, in.Target = "fall", "50"
			}},
			{"missing unit", "unit", "form.required", func(in *indicator.Input) { in.Unit = " " }},
			{"missing name", "name", "form.required", func(in *indicator.Input) { in.Name = "" }},
			{"duplicate key", "key", "indicator.err.key_taken", func(in *indicator.Input) {}},
			{"bad key", "key", "indicator.err.key", func(in *indicator.Input) { in.Key = "Balita Ditimbang!" }},
			{"non-numeric baseline", "baseline", "indicator.err.number", func(in *indicator.Input) { in.Baseline = "empat puluh" }},
			{"three decimals", "target", "indicator.err.number", func(in *indicator.Input) { in.Target = "120,1255" }},
			{"rupiah with cents", "target", "indicator.err.whole_rupiah", func(in *indicator.Input) {
				in.Unit, in.Target = "Rp", "120,5"
			}},
			{"to before from", "to", "indicator.err.to_before_from", func(in *indicator.Input) { in.To = "2024-12-31" }},
			{"bad date", "from", "indicator.err.date", func(in *indicator.Input) { in.From = "1 Januari" }},
			{"unknown source", "source", "indicator.err.choice", func(in *indicator.Input) { in.Source = "tebakan" }},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := typed()
				c.edit(&in)
				_, err := w.store.Create(ctx, w.staff, w.org, w.initiative, in)
				var e validate.Errors
				if !errors.As(err, &e) || e[c.field] != c.key {
					t.Fatalf("err = %v, want %s: %s", err, c.field, c.key)
				}
			})
		}
		list, err := w.store.ForInitiative(ctx, w.initiative)
		if err != nil || len(list) != 1 {
			t.Fatalf("half-written: %d indicators, %v", len(list), err)
		}
	})
}

func TestActuals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		ind, err := w.store.Create(ctx, w.staff, w.org, w.initiative, typed())
		if err != nil {
			t.Fatal(err)
		}
		id, err := w.store.AddActual(ctx, w.staff, ind, indicator.ActualInput{Period: "2025-Q2", Value: "75",
			Note: "Laporan kader", Parts: map[string]string{"perempuan": "40", "laki_laki": "35"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.AddActual(ctx, w.staff, ind, indicator.ActualInput{Period: "2025-Q1", Value: "52,5"}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name  string
			in    indicator.ActualInput
			field string
			key   string
		}{
			{"outside", indicator.ActualInput{Period: "2026-Q1", Value: "1"}, "period", "indicator.err.period_outside"},
			{"not a quarter", indicator.ActualInput{Period: "2025-05", Value: "1"}, "period", "indicator.err.period_quarterly"},
			{"taken", indicator.ActualInput{Period: "2025-Q2", Value: "1"}, "period", "indicator.err.period_taken"},
			{"not a number", indicator.ActualInput{Period: "2025-Q3", Value: "banyak"}, "value", "indicator.err.number"},
			{"parts do not add up", indicator.ActualInput{Period: "2025-Q3", Value: "10",
				Parts: map[string]string{"perempuan": "4", "laki_laki": "5"}}, "parts", "indicator.err.parts_sum"},
			{"part not a number", indicator.ActualInput{Period: "2025-Q3", Value: "10",
				Parts: map[string]string{"perempuan": "x"}}, "part_perempuan", "indicator.err.number"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, err := w.store.AddActual(ctx, w.staff, ind, c.in)
				var e validate.Errors
				if !errors.As(err, &e) || e[c.field] != c.key {
					t.Fatalf("err = %v, want %s: %s", err, c.field, c.key)
				}
			})
		}
		list, err := w.store.ForInitiative(ctx, w.initiative)
		if err != nil {
			t.Fatal(err)
		}
		got := list[0]
		if len(got.Actuals) != 2 || got.Actuals[0].Period != "2025-Q1" || got.Actuals[0].Value != 5250 ||
			got.Actuals[1].Parts["perempuan"] != 4000 || got.Actuals[1].Source != indicator.SourceTyped {
			t.Fatalf("actuals = %+v", got.Actuals)
		}
		// (75 − 40) / (120 − 40) = 43,75 % → 44.
		if p, ok := got.Progress(); !ok || p != 44 {
			t.Fatalf("progress = %d %v", p, ok)
		}
		if err := w.store.UpdateActual(ctx, w.staff, ind, id, indicator.ActualInput{Period: "2025-Q2", Value: "130"}); err != nil {
			t.Fatal(err)
		}
		if err := w.store.DeleteActual(ctx, w.staff, ind, id); err != nil {
			t.Fatal(err)
		}
		var audits int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action LIKE 'indicator.%'`).Scan(&audits); err != nil {
			t.Fatal(err)
		}
		if audits != 5 {
			t.Fatalf("audit entries = %d, want 5", audits)
		}
		// Narrowing the time frame would strand the 2025-Q1 actual.
		in := typed()
		in.From = "2025-06-01"
		var e validate.Errors
		if err := w.store.Update(ctx, w.staff, ind.ID, in); !errors.As(err, &e) || e["from"] != "indicator.err.actuals_outside" {
			t.Fatalf("update = %v", err)
		}
	})
}

// TestComputed recomputes each computed source's actuals from the rows
// the test wrote.
func TestComputed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		now := db.Now()
		records := []struct {
			day          string
			female, male int64
		}{{"2025-01-10", 5, 3}, {"2025-02-11", 7, 2}, {"2025-04-01", 4, 4}, {"2024-12-30", 9, 9}}
		want := map[string]int64{}
		wantFemale := map[string]int64{}
		for _, r := range records {
			total := r.female + r.male
			if _, err := d.Exec(ctx, `INSERT INTO service_records (org_id, initiative_id, point_id, served_on, service_type,
				total, male, female, age_0_5, age_6_17, age_18_59, age_60_plus, disability, created_at)
				VALUES (?, ?, ?, ?, 'timbang', ?, ?, ?, ?, 0, 0, 0, 0, ?)`, w.org, w.initiative, w.point, r.day,
				total, r.male, r.female, total, now); err != nil {
				t.Fatal(err)
			}
			if r.day >= "2025-01-01" {
				p := indicator.PeriodOf("quarterly", r.day)
				want[p] += total
				wantFemale[p] += r.female
			}
		}
		colours := map[string][]string{"2025-01-05": {"hijau", "hijau", "merah"}, "2025-03-09": {"kuning", "hijau"}}
		green, all := 0, 0
		for day, cs := range colours {
			for k, c := range cs {
				if _, err := d.Exec(ctx, `INSERT INTO feedback_votes (org_id, initiative_id, point_id, colour, day,
					device_key, address_key, created_at) VALUES (?, ?, ?, ?, ?, ?, 'a', ?)`, w.org, w.initiative, w.point,
					c, day, day+string(rune('a'+k)), now); err != nil {
					t.Fatal(err)
				}
				all++
				if c == "hijau" {
					green++
				}
			}
		}
		reached := typed()
		reached.Key, reached.Source = "orang-terlayani", indicator.SourceServiceRecords
		if _, err := w.store.Create(ctx, w.staff, w.org, w.initiative, reached); err != nil {
			t.Fatal(err)
		}
		fb := typed()
		fb.Key, fb.Unit, fb.Source, fb.Period, fb.Disaggregation = "puas", "%", indicator.SourceFeedback, "yearly", ""
		fb.Baseline, fb.Target = "50", "80"
		if _, err := w.store.Create(ctx, w.staff, w.org, w.initiative, fb); err != nil {
			t.Fatal(err)
		}
		list, err := w.store.ForOrg(ctx, w.org)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]*indicator.Indicator{}
		for _, i := range list {
			got[i.Key] = i
		}
		r := got["orang-terlayani"]
		if len(r.Actuals) != len(want) {
			t.Fatalf("periods = %d, want %d", len(r.Actuals), len(want))
		}
		for _, a := range r.Actuals {
			if a.Source != "service_records" || a.Value != indicator.Whole(want[a.Period]) ||
				a.Parts["perempuan"] != indicator.Whole(wantFemale[a.Period]) {
				t.Fatalf("%s = %+v, want %d", a.Period, a, want[a.Period])
			}
		}
		f := got["puas"]
		wantShare := indicator.Value((int64(green)*10000*2 + int64(all)) / (2 * int64(all)))
		if len(f.Actuals) != 1 || f.Actuals[0].Value != wantShare || f.Actuals[0].Source != "feedback" {
			t.Fatalf("feedback = %+v, want %d", f.Actuals[0], wantShare)
		}
		if _, err := w.store.AddActual(ctx, w.staff, r, indicator.ActualInput{Period: "2025-Q1", Value: "1"}); !errors.Is(err, indicator.ErrComputed) {
			t.Fatalf("typed actual on computed = %v", err)
		}
	})
}

// TestComputedSources reads every computed source on both databases:
// money from the ledger's days, and the sources without records give no
// actuals rather than zeros or errors.
func TestComputedSources(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := setup(t, d)
		ctx := context.Background()
		money := map[string]int64{"2025-02-03": 150000, "2025-03-30": 50000, "2025-05-01": 75000, "2026-01-02": 999}
		for day, amount := range money {
			if _, err := d.Exec(ctx, `INSERT INTO ledger_days (org_id, scope, scope_id, day, category, kind, money_in,
				money_out, entries) VALUES (?, 'i', ?, ?, 'program', 'donation', ?, 0, 1)`, w.org, w.initiative, day, amount); err != nil {
				t.Fatal(err)
			}
		}
		for _, src := range indicator.Sources {
			in := typed()
			in.Key, in.Source, in.Disaggregation, in.Baseline, in.Target = strings.ReplaceAll(src, "_", "-"), src, "", "0", "100"
			if _, err := w.store.Create(ctx, w.staff, w.org, w.initiative, in); err != nil {
				t.Fatal(src, err)
			}
		}
		list, err := w.store.ForInitiative(ctx, w.initiative)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range list {
			want := 0
			if ind.Source == indicator.SourceDonations {
				want = 2
			}
			if len(ind.Actuals) != want {
				t.Errorf("%s: %d actuals, want %d", ind.Source, len(ind.Actuals), want)
			}
			if ind.Source == indicator.SourceDonations && (ind.Actuals[0].Value != indicator.Whole(200000) ||
				ind.Actuals[1].Value != indicator.Whole(75000) || ind.Actuals[1].Source != "donations") {
				t.Errorf("donations = %+v %+v", ind.Actuals[0], ind.Actuals[1])
			}
		}
	})
}
