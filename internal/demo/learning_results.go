package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/indicator"
)

// demoIndicator is an indicator of a demo initiative: typed ones carry
// their actuals for the quarters before this one, oldest first; computed
// ones name their source and are monthly.
type demoIndicator struct {
	in      indicator.Input
	actuals []string
	parts   []map[string]string
}

// demoResults are the indicators of one organisation's initiative.
type demoResults struct {
	org, owner, initiative string
	indicators             []demoIndicator
}

var resultsDemo = []demoResults{
	{org: "terang-kampung", owner: "pemilik", indicators: []demoIndicator{
		{in: indicator.Input{Key: "warga-terlayani", Name: "Warga terlayani posko lampu", Kind: "output", Unit: "orang",
			Direction: "rise", Baseline: "40", Target: "250", Verification: "Catatan layanan posko",
			Disaggregation: "sex", Source: indicator.SourceServiceRecords}},
		{in: indicator.Input{Key: "gang-terang", Name: "Gang yang terang sepanjang malam", Kind: "outcome", Unit: "%",
			Direction: "rise", Baseline: "35", Target: "90", Verification: "Survei malam bersama karang taruna"},
			actuals: []string{"42", "55,5", "68", "76,5"}},
		{in: indicator.Input{Key: "lampu-rusak", Name: "Lampu rusak lebih dari seminggu", Kind: "outcome", Unit: "titik",
			Direction: "fall", Baseline: "48", Target: "5", Verification: "Buku laporan kerusakan posko"},
			actuals: []string{"39", "27", "18", "11"}},
	}},
	{org: "perempuan-kapas-timor", owner: "pengurus5", initiative: "tenun-kapas-adil", indicators: []demoIndicator{
		{in: indicator.Input{Key: "penenun-didampingi", Name: "Penenun yang didampingi", Kind: "output", Unit: "orang",
			Direction: "rise", Baseline: "10", Target: "60", Verification: "Catatan layanan rumah tenun",
			Disaggregation: "age", Source: indicator.SourceServiceRecords}},
		{in: indicator.Input{Key: "pendapatan-penenun", Name: "Pendapatan rata-rata penenun per bulan", Kind: "outcome",
			Unit: "Rp", Direction: "rise", Baseline: "450.000", Target: "900.000",
			Verification: "Buku kas kelompok dan wawancara penenun"},
			actuals: []string{"480.000", "560.000", "655.000", "730.000"}},
		{in: indicator.Input{Key: "penenun-aktif", Name: "Penenun aktif dalam koperasi", Kind: "output", Unit: "orang",
			Direction: "rise", Baseline: "120", Target: "300", Verification: "Daftar anggota koperasi",
			Disaggregation: "age"},
			actuals: []string{"150", "190", "236", "271"},
			parts: []map[string]string{{"6_17": "12", "18_59": "120", "60_plus": "18"}, nil, nil,
				{"6_17": "31", "18_59": "205", "60_plus": "35"}}},
	}},
	{org: "sanggar-seni-badung", owner: "pengurus6", indicators: []demoIndicator{
		{in: indicator.Input{Key: "anak-berlatih", Name: "Anak berlatih di sanggar", Kind: "output", Unit: "anak",
			Direction: "rise", Baseline: "30", Target: "200", Verification: "Catatan layanan bale banjar",
			Source: indicator.SourceServiceRecords}},
		{in: indicator.Input{Key: "pentas-anak", Name: "Pentas anak di banjar", Kind: "output", Unit: "pentas",
			Direction: "rise", Baseline: "0", Target: "8", Verification: "Foto dan daftar hadir pentas"},
			actuals: []string{"1", "2", "2", "3"}},
	}},
}

// measureResults gives three organisations' initiatives their indicators:
// typed actuals for the last four quarters and monthly actuals computed
// from the service records, so the results pages show both kinds.
func measureResults(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	store := &indicator.Store{DB: d}
	now := db.Now().UTC()
	quarter := time.Date(now.Year(), time.Month((int(now.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, dr := range resultsDemo {
		orgID, iniID, err := resultsInitiative(ctx, d, dr)
		if err != nil {
			return err
		}
		u := users[dr.owner]
		actor := indicator.Actor{ID: u.ID, Name: u.Name}
		for _, di := range dr.indicators {
			in := di.in
			if in.Source != "" {
				in.Period = indicator.Monthly
				in.From = month.AddDate(0, -serviceMonths, 0).Format(time.DateOnly)
				in.To = month.AddDate(0, 6, -1).Format(time.DateOnly)
			} else {
				in.Period = indicator.Quarterly
				in.From = quarter.AddDate(0, -3*len(di.actuals), 0).Format(time.DateOnly)
				in.To = quarter.AddDate(0, 6, -1).Format(time.DateOnly)
			}
			ind, err := store.Create(ctx, actor, orgID, iniID, in)
			if err != nil {
				return fmt.Errorf("demo: indicator %s: %w", in.Key, err)
			}
			for k, v := range di.actuals {
				at := quarter.AddDate(0, -3*(len(di.actuals)-k), 0).Format(time.DateOnly)
				a := indicator.ActualInput{Period: indicator.PeriodOf(indicator.Quarterly, at), Value: v,
					Note: "Rekap triwulan pengurus"}
				if k < len(di.parts) {
					a.Parts = di.parts[k]
				}
				if _, err := store.AddActual(ctx, actor, ind, a); err != nil {
					return fmt.Errorf("demo: actual %s %s: %w", in.Key, a.Period, err)
				}
			}
		}
	}
	return nil
}

// resultsInitiative is the organisation's named initiative, or else its
// first one with service records, or else its first one.
func resultsInitiative(ctx context.Context, d *db.DB, dr demoResults) (orgID, iniID int64, err error) {
	if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, dr.org).Scan(&orgID); err != nil {
		return 0, 0, fmt.Errorf("demo: results org %s: %w", dr.org, err)
	}
	err = d.QueryRow(ctx, `SELECT i.id FROM initiatives i WHERE i.org_id = ? AND (i.slug = ? OR ? = '')
		ORDER BY (SELECT COUNT(*) FROM service_records r WHERE r.initiative_id = i.id) DESC, i.id LIMIT 1`,
		orgID, dr.initiative, dr.initiative).Scan(&iniID)
	if err != nil {
		return 0, 0, fmt.Errorf("demo: results initiative of %s: %w", dr.org, err)
	}
	return orgID, iniID, nil
}
