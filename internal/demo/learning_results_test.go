package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/indicator"
)

// TestDemoResults checks that the demo organisations' results show both
// kinds of actual on first start, and recomputes each computed actual
// from the service records.
func TestDemoResults(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		store := &indicator.Store{DB: d}
		for _, slug := range []string{"terang-kampung", "perempuan-kapas-timor", "sanggar-seni-badung"} {
			var orgID int64
			if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, slug).Scan(&orgID); err != nil {
				t.Fatal(err)
			}
			list, err := store.ForOrg(ctx, orgID)
			if err != nil {
				t.Fatal(err)
			}
			typed, computed := 0, 0
			for _, ind := range list {
				for _, a := range ind.Actuals {
					if a.Typed() {
						typed++
						continue
					}
					computed++
					from, to, _ := indicator.PeriodRange(ind.Period, a.Period)
					var want int64
					if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(total), 0) FROM service_records
						WHERE initiative_id = ? AND served_on >= ? AND served_on <= ?`, ind.InitiativeID, from, to).Scan(&want); err != nil {
						t.Fatal(err)
					}
					if a.Source != indicator.SourceServiceRecords || a.Value != indicator.Whole(want) {
						t.Errorf("%s %s %s = %s from %s, want %d", slug, ind.Key, a.Period, a.Value, a.Source, want)
					}
				}
			}
			if typed < 3 || computed < 3 {
				t.Errorf("%s: %d typed and %d computed actuals", slug, typed, computed)
			}
		}
	})
}
