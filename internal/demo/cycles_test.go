package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
)

// TestDemoCycles checks the demo shows the development cycle at work:
// organisations at different stages, one in its second cycle, one that went
// back from stage 5, and published initiatives.
func TestDemoCycles(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, tc := range []struct {
			name, query string
			min         int
		}{
			{"distinct current stages of open cycles", `SELECT COUNT(DISTINCT current_stage) FROM cycles WHERE status = 'open'`, 5},
			{"organisations in a second cycle", `SELECT COUNT(*) FROM cycles WHERE number = 2`, 1},
			{"closed first cycles", `SELECT COUNT(*) FROM cycles WHERE number = 1 AND status = 'closed'`, 1},
			{"moves back from stage 5 with a reason", `SELECT COUNT(*) FROM stage_moves WHERE kind = 'back' AND from_stage = 5 AND reason <> ''`, 1},
			{"published initiatives", `SELECT COUNT(*) FROM initiatives WHERE status = 'published'`, 3},
			{"draft initiatives", `SELECT COUNT(*) FROM initiatives WHERE status = 'draft'`, 1},
			{"assets", `SELECT COUNT(*) FROM cycle_assets`, 5},
			{"active campaigns", `SELECT COUNT(*) FROM campaigns WHERE status = 'active'`, 3},
			{"kinds of need in active campaigns", `SELECT COUNT(DISTINCT n.kind) FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id WHERE c.status = 'active'`, 6},
			{"campaigns with a PUB permit", `SELECT COUNT(*) FROM campaigns WHERE pub_permit_number <> ''`, 1},
			{"funding rows", `SELECT COUNT(*) FROM cycle_funding`, 12},
			{"reviews", `SELECT COUNT(*) FROM stage_reviews`, 4},
			{"confirmed donations", `SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`, 8},
			{"pending donations awaiting the treasurer", `SELECT COUNT(*) FROM donations WHERE status = 'pending'`, 4},
			{"bank accounts", `SELECT COUNT(*) FROM org_bank_accounts WHERE active`, 3},
			{"answers carried into cycle 2", `SELECT COUNT(*) FROM answer_versions v JOIN cycles c ON c.id = v.cycle_id WHERE c.number = 2 AND v.carried_over`, 10},
			{"assets carried into cycle 2", `SELECT COUNT(*) FROM cycle_assets a JOIN cycles c ON c.id = a.cycle_id WHERE c.number = 2 AND a.carried_from_cycle = 1`, 3},
			{"assets added in cycle 2", `SELECT COUNT(*) FROM cycle_assets a JOIN cycles c ON c.id = a.cycle_id WHERE c.number = 2 AND a.carried_from_cycle IS NULL`, 1},
			{"funding cells carried into cycle 2", `SELECT COUNT(*) FROM cycle_funding f JOIN cycles c ON c.id = f.cycle_id WHERE c.number = 2 AND f.carried_from_cycle = 1`, 12},
		} {
			var n int
			if err := d.QueryRow(ctx, tc.query).Scan(&n); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if n < tc.min {
				t.Errorf("%s: %d, want at least %d", tc.name, n, tc.min)
			}
		}
	})
}
