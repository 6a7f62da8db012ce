package demo_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/voicesummary"
)

// TestDemoServiceRecords checks that the demo initiatives' reach is there
// on first start, month after month, and that every disaggregation adds
// up to the total, as the reach page, stage 5 and the API show it.
func TestDemoServiceRecords(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		store := &service.Store{DB: d}
		for _, slug := range []string{"terang-kampung", "bank-sampah-bersinar", "tyto-alba-lestari"} {
			var iniID int64
			if err := d.QueryRow(ctx, `SELECT i.id FROM initiatives i JOIN organizations o ON o.id = i.org_id
				WHERE o.slug = ? ORDER BY i.id LIMIT 1`, slug).Scan(&iniID); err != nil {
				t.Fatal(slug, err)
			}
			c, err := store.Reach(ctx, iniID, service.Period{})
			if err != nil {
				t.Fatal(err)
			}
			var ages int64
			for _, n := range c.Ages {
				ages += n
			}
			if c.Total == 0 || c.Male == 0 || c.Female == 0 || c.Male+c.Female != c.Total || ages != c.Total ||
				c.Disability > c.Total {
				t.Errorf("%s reach does not add up: %+v", slug, c)
			}
			for g, n := range c.Groups {
				if n <= 0 || n > c.Total {
					t.Errorf("%s group %s = %d of %d", slug, g, n, c.Total)
				}
			}
			// The sum of the records, recomputed row by row, is the reach.
			if n := count(t, d, `SELECT COALESCE(SUM(total), 0) FROM service_records WHERE initiative_id = ?`, iniID); int64(n) != c.Total {
				t.Errorf("%s reach %d, records sum %d", slug, c.Total, n)
			}
			months, err := store.ReachByMonth(ctx, iniID, service.Period{})
			if err != nil {
				t.Fatal(err)
			}
			if len(months) < 6 {
				t.Errorf("%s has records in %d months, want at least 6", slug, len(months))
			}
			if n := count(t, d, `SELECT COUNT(*) FROM service_imports WHERE initiative_id = ? AND status = 'confirmed'`, iniID); n != 6 {
				t.Errorf("%s has %d confirmed imports, want 6", slug, n)
			}
			// The first cycle began when the service did, so its period
			// holds the records.
			if n := count(t, d, `SELECT COUNT(*) FROM service_records r JOIN cycles c ON c.org_id = r.org_id AND c.number = 1
				WHERE r.initiative_id = ? AND r.served_on < SUBSTR(CAST(c.opened_at AS TEXT), 1, 10)`, iniID); n != 0 {
				t.Errorf("%s has %d records before its first cycle opened", slug, n)
			}
		}
		// Stage 5 of the showcase's first cycle has the figures of its period.
		var orgID, cycleID int64
		var regionCode string
		var opened time.Time
		var closed sql.NullTime
		if err := d.QueryRow(ctx, `SELECT o.id, o.region_code, c.id, c.opened_at, c.closed_at FROM cycles c JOIN organizations o ON o.id = c.org_id
			WHERE o.slug = 'terang-kampung' AND c.number = 1`).Scan(&orgID, &regionCode, &cycleID, &opened, &closed); err != nil {
			t.Fatal(err)
		}
		var end *time.Time
		if closed.Valid {
			end = &closed.Time
		}
		zone := region.Zone(regionCode)
		list, err := voicesummary.New(d, nil).ForOrg(ctx, orgID, voicesummary.CyclePeriod(opened, end, db.Now(), zone), zone)
		if err != nil || len(list) == 0 || list[0].Reach.Total == 0 || list[0].Feedback == nil || list[0].Complaints == nil {
			t.Errorf("the first cycle's summary %+v %v", list, err)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM service_records WHERE male + female <> total
			OR age_0_5 + age_6_17 + age_18_59 + age_60_plus <> total`); n != 0 {
			t.Errorf("%d demo records do not add up", n)
		}
	})
}
