package demo_test

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/ledger"
)

// TestDemoWorld checks the demo is a world worth exploring: every
// organisation somewhere in the development cycle, a dozen published
// initiatives and campaigns over ten provinces and more, a year of money
// that adds up, and books whose chains verify.
func TestDemoWorld(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, tc := range []struct {
			name, query string
			min         int
		}{
			{"published initiatives", `SELECT COUNT(*) FROM initiatives WHERE status = 'published'`, 12},
			{"public campaigns", `SELECT COUNT(*) FROM campaigns WHERE status IN ('active', 'ended')`, 12},
			{"ended campaigns", `SELECT COUNT(*) FROM campaigns WHERE status = 'ended'`, 3},
			{"provinces of organisations", `SELECT COUNT(DISTINCT SUBSTR(region_code, 1, 2)) FROM organizations`, 10},
			{"provinces of published initiatives", `SELECT COUNT(DISTINCT SUBSTR(r.region_code, 1, 2)) FROM initiative_regions r
				JOIN initiatives i ON i.id = r.initiative_id WHERE i.status = 'published'`, 10},
			{"provinces of public campaigns", `SELECT COUNT(DISTINCT SUBSTR(o.region_code, 1, 2)) FROM campaigns c
				JOIN organizations o ON o.id = c.org_id WHERE c.status IN ('active', 'ended')`, 10},
			{"initiatives serving a whole kabupaten/kota", `SELECT COUNT(*) FROM initiative_regions r JOIN regions g ON g.code = r.region_code
				WHERE g.level IN ('kabupaten', 'kota')`, 5},
			{"initiatives serving a kecamatan", `SELECT COUNT(*) FROM initiative_regions r JOIN regions g ON g.code = r.region_code
				WHERE g.level = 'kecamatan'`, 5},
			{"initiatives serving a desa or kelurahan", `SELECT COUNT(*) FROM initiative_regions r JOIN regions g ON g.code = r.region_code
				WHERE g.level IN ('desa', 'kelurahan')`, 3},
			{"kinds of need", `SELECT COUNT(DISTINCT kind) FROM campaign_needs`, 6},
			{"exchange schemes", `SELECT COUNT(DISTINCT scheme) FROM campaigns`, 5},
			{"focus issues of initiatives", `SELECT COUNT(DISTINCT category) FROM initiatives WHERE status = 'published'`, 10},
			{"organisations in a second cycle", `SELECT COUNT(*) FROM cycles WHERE number = 2`, 3},
			{"distinct stages of open cycles", `SELECT COUNT(DISTINCT current_stage) FROM cycles WHERE status = 'open'`, 6},
			{"active campaigns ending within a week", `SELECT COUNT(*) FROM campaigns WHERE status = 'active' AND ends_at < ?`, 2},
		} {
			var n int
			args := []any{}
			if tc.name == "active campaigns ending within a week" {
				args = append(args, db.Now().AddDate(0, 0, 7))
			}
			if err := d.QueryRow(ctx, tc.query, args...).Scan(&n); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if n < tc.min {
				t.Errorf("%s: %d, want at least %d", tc.name, n, tc.min)
			}
		}
		var without int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM organizations o WHERE o.kind = 'oms' AND NOT EXISTS
			(SELECT 1 FROM cycles c WHERE c.org_id = o.id)`).Scan(&without); err != nil || without != 0 {
			t.Errorf("organisations without a cycle: %d (%v)", without, err)
		}

		// Contributions came in over the past year, not all today.
		months := map[string]bool{}
		rows, err := d.Query(ctx, `SELECT confirmed_at FROM donations WHERE status = 'confirmed'`)
		if err != nil {
			t.Fatal(err)
		}
		now := db.Now()
		for rows.Next() {
			var at time.Time
			if err := rows.Scan(&at); err != nil {
				t.Fatal(err)
			}
			if at.After(now) || at.Before(now.AddDate(-1, 0, -1)) {
				t.Errorf("a donation confirmed at %s, outside the past year", at)
			}
			months[at.UTC().Format("2006-01")] = true
		}
		rows.Close()
		if len(months) < 10 {
			t.Errorf("donations confirmed in %d distinct months, want at least 10: %v", len(months), months)
		}
		// So did goods, volunteers' time and signatures.
		for _, tc := range []struct {
			name, query string
			min         int
		}{
			{"goods received", `SELECT created_at FROM goods_receipts`, 5},
			{"volunteers signed up", `SELECT created_at FROM volunteer_signups`, 5},
			{"signatures verified", `SELECT verified_at FROM petition_signatures WHERE verified_at IS NOT NULL`, 3},
			{"news updates", `SELECT created_at FROM campaign_updates`, 8},
		} {
			months := map[string]bool{}
			rows, err := d.Query(ctx, tc.query)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var at time.Time
				if err := rows.Scan(&at); err != nil {
					t.Fatal(err)
				}
				if at.After(now) {
					t.Errorf("%s at %s, in the future", tc.name, at)
				}
				months[at.UTC().Format("2006-01")] = true
			}
			rows.Close()
			if len(months) < tc.min {
				t.Errorf("%s in %d distinct months, want at least %d", tc.name, len(months), tc.min)
			}
		}
		var early int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM campaign_updates u JOIN campaigns c ON c.id = u.campaign_id
			WHERE u.created_at < c.starts_at`).Scan(&early); err != nil || early != 0 {
			t.Errorf("%d updates before their campaign started (%v)", early, err)
		}
		var hourMonths int
		if err := d.QueryRow(ctx, `SELECT COUNT(DISTINCT SUBSTR(day, 1, 7)) FROM volunteer_hours`).Scan(&hourMonths); err != nil || hourMonths < 3 {
			t.Errorf("volunteer hours in %d distinct months (%v)", hourMonths, err)
		}

		// Every chain verifies.
		orgIDs := ids(t, d, `SELECT DISTINCT org_id FROM ledger_entries ORDER BY org_id`)
		if len(orgIDs) < 10 {
			t.Errorf("only %d organisations keep books", len(orgIDs))
		}
		for _, id := range orgIDs {
			res, err := ledger.Verify(ctx, d, id)
			if err != nil || !res.OK {
				t.Errorf("chain of organisation %d: %+v, %v", id, res, err)
			}
		}

		// Each campaign's money, as its page shows it, is the sum of its
		// confirmed donations and of its donation entries in the books.
		store := &campaign.Store{DB: d}
		var grand int64
		for _, id := range ids(t, d, `SELECT id FROM campaigns WHERE status IN ('active', 'ended') ORDER BY id`) {
			c, err := store.ByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			m, err := store.MoneyProgress(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			var sum, booked int64
			if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE campaign_id = ? AND status = 'confirmed'`,
				id).Scan(&sum); err != nil {
				t.Fatal(err)
			}
			if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE campaign_id = ? AND kind = 'donation'`,
				id).Scan(&booked); err != nil {
				t.Fatal(err)
			}
			if m.Confirmed != sum || booked != sum {
				t.Errorf("campaign %s: page %d, donations %d, books %d", c.Slug, m.Confirmed, sum, booked)
			}
			if c.Status == campaign.StatusEnded && m.Target > 0 && (m.Confirmed < m.Target*9/10 || m.Confirmed > m.Target*12/10) {
				t.Errorf("ended campaign %s raised %d of %d", c.Slug, m.Confirmed, m.Target)
			}
			grand += sum
		}
		// And the organisations' books add the same up.
		var in int64
		for _, id := range orgIDs {
			s, err := ledger.Totals(ctx, d, ledger.Filter{OrgID: id})
			if err != nil {
				t.Fatal(err)
			}
			in += s.In
		}
		var allDonations, rawIn int64
		if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE status = 'confirmed'`).Scan(&allDonations); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM ledger_entries
			WHERE kind IN ('donation', 'goods') AND amount > 0`).Scan(&rawIn); err != nil {
			t.Fatal(err)
		}
		if grand != allDonations || grand == 0 {
			t.Errorf("campaign donations add up to %d, all confirmed donations %d", grand, allDonations)
		}
		if in != rawIn || in < allDonations {
			t.Errorf("books take in %d; their entries add up to %d, confirmed donations %d", in, rawIn, allDonations)
		}
	})
}

func ids(t *testing.T, d *db.DB, query string) []int64 {
	t.Helper()
	rows, err := d.Query(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

// TestDemoBooksKeepUp checks the demo never spends a campaign's money
// before it came or beyond what came: for every campaign, what was spent
// up to any expense is covered by what was raised by then.
func TestDemoBooksKeepUp(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		rows, err := d.Query(ctx, `SELECT e.campaign_id, e.recorded_at, e.amount FROM ledger_entries e
			WHERE e.campaign_id IS NOT NULL AND e.kind IN ('donation', 'expense') ORDER BY e.campaign_id, e.recorded_at, e.seq`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		balance := map[int64]int64{}
		spent := 0
		for rows.Next() {
			var id, amount int64
			var at time.Time
			if err := rows.Scan(&id, &at, &amount); err != nil {
				t.Fatal(err)
			}
			balance[id] += amount
			if amount < 0 {
				spent++
				if balance[id] < 0 {
					t.Errorf("campaign %d spends %d at %s with %d left", id, -amount, at, balance[id])
				}
			}
		}
		if spent < 20 {
			t.Errorf("only %d expenses charged to campaigns", spent)
		}
	})
}
