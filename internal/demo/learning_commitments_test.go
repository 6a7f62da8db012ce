package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/cadre"
	"lokadaya/internal/commitment"
	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
)

// TestDemoCommitmentsAndCadres: both learning organisations have promises
// kept, partly kept, not yet and broken, mostly published, and a register
// of a dozen cadres across desa and kecamatan whose counts add up.
func TestDemoCommitmentsAndCadres(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		cs := &commitment.Store{DB: d}
		rs := &cadre.Store{DB: d}
		for _, slug := range []string{"terang-kampung", "perempuan-kapas-timor"} {
			var orgID int64
			if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, slug).Scan(&orgID); err != nil {
				t.Fatal(err)
			}
			all, err := cs.List(ctx, orgID, false)
			if err != nil {
				t.Fatal(err)
			}
			pub, _ := cs.List(ctx, orgID, true)
			counts := commitment.Count(all)
			for _, s := range commitment.Statuses {
				if counts[s] == 0 {
					t.Errorf("%s: no %s commitment", slug, s)
				}
			}
			if 2*len(pub) <= len(all) {
				t.Errorf("%s: %d of %d published", slug, len(pub), len(all))
			}
			for _, c := range all {
				want := commitment.StatusNotYet
				if n := len(c.FollowUps); n > 0 {
					want = c.FollowUps[n-1].Status
				}
				if c.Status != want {
					t.Errorf("%s: %s has status %s, latest follow-up %s", slug, c.Who, c.Status, want)
				}
			}
			list, err := rs.List(ctx, orgID)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) < 10 || len(list) > 15 {
				t.Errorf("%s: %d cadres", slug, len(list))
			}
			rows := cadre.CountByArea(list)
			total, active, levels := rows[len(rows)-1], 0, map[string]bool{}
			sum := 0
			for _, r := range rows[:len(rows)-1] {
				sum += r.Total
			}
			for _, c := range list {
				if c.Active {
					active++
					levels[c.Level] = true
				}
				if len(c.Skills) == 0 {
					t.Errorf("%s: %s has no skill", slug, c.Name)
				}
			}
			if total.Total != active || sum != active || !levels["desa"] || !levels["kecamatan"] {
				t.Errorf("%s: total %d, areas %d, active %d, levels %v", slug, total.Total, sum, active, levels)
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM cadres WHERE volunteer_signup_id IS NOT NULL`); n == 0 {
			t.Error("no cadre is linked to a volunteer sign-up")
		}
	})
}
