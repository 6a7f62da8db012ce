package figures_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/donation"
	"lokadaya/internal/figures"
)

// checkCampaigns compares every campaign's and need's running money with
// a recount from the donations, the slow way.
func checkCampaigns(t *testing.T, d *db.DB, when string) {
	t.Helper()
	ctx := context.Background()
	rows, err := d.Query(ctx, `SELECT c.id,
		COALESCE((SELECT SUM(amount) FROM donations x WHERE x.campaign_id = c.id AND x.status = 'confirmed'), 0),
		COALESCE((SELECT SUM(amount) FROM donations x WHERE x.campaign_id = c.id AND x.status = 'pending'), 0),
		(SELECT COUNT(DISTINCT `+figures.DonorKey("x")+`) FROM donations x WHERE x.campaign_id = c.id AND x.status = 'confirmed')
		FROM campaigns c ORDER BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]donation.Money{}
	var ids []int64
	for rows.Next() {
		var id int64
		var m donation.Money
		if err := rows.Scan(&id, &m.Confirmed, &m.Pending, &m.Donors); err != nil {
			t.Fatal(err)
		}
		want[id] = m
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) == 0 {
		t.Fatal("no campaigns")
	}
	batch, err := donation.CampaignsMoney(ctx, d, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		one, err := donation.CampaignMoney(ctx, d, id)
		if err != nil {
			t.Fatal(err)
		}
		if one != want[id] || batch[id] != want[id] {
			t.Errorf("%s: campaign %d: running %+v, batch %+v, recount %+v", when, id, one, batch[id], want[id])
		}
	}
	var empty int
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM campaign_donors WHERE gifts <= 0`).Scan(&empty); err != nil {
		t.Fatal(err)
	}
	if empty != 0 {
		t.Errorf("%s: %d donors kept with no confirmed donation", when, empty)
	}
	needs, err := d.Query(ctx, `SELECT n.id, COALESCE((SELECT SUM(amount) FROM donations x
		WHERE x.need_id = n.id AND x.status = 'confirmed'), 0) FROM campaign_needs n ORDER BY n.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer needs.Close()
	for needs.Next() {
		var id, sum int64
		if err := needs.Scan(&id, &sum); err != nil {
			t.Fatal(err)
		}
		got, err := donation.NeedConfirmed(ctx, d, id)
		if err != nil {
			t.Fatal(err)
		}
		if got != sum {
			t.Errorf("%s: need %d: running %d, recount %d", when, id, got, sum)
		}
	}
}

// TestCampaignMoneyMatchesTheRows changes donations every way a
// campaign's money depends on — confirmed, refused, expired, a donor's
// contact erased or shared by two donations, moved to another need or
// campaign, deleted, given again — and recounts after each write,
// then after a rebuild and a bulk load.
func TestCampaignMoneyMatchesTheRows(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		checkCampaigns(t, d, "after the demo")
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := d.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		}
		var confirmed, pending, campaignID, needID int64
		var email string
		if err := d.QueryRow(ctx, `SELECT id, campaign_id, contact_email FROM donations
			WHERE status = 'confirmed' AND contact_email <> '' ORDER BY id LIMIT 1`).Scan(&confirmed, &campaignID, &email); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT id FROM donations WHERE status = 'pending' ORDER BY id LIMIT 1`).Scan(&pending); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT id FROM campaign_needs WHERE kind = 'dana' AND campaign_id <> ? ORDER BY id LIMIT 1`,
			campaignID).Scan(&needID); err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name, sql string
			args      []any
		}{
			{"pending confirmed", `UPDATE donations SET status = 'confirmed', confirmed_at = created_at WHERE id = ?`, []any{pending}},
			{"confirmed refused", `UPDATE donations SET status = 'rejected', reject_reason = 'uji' WHERE id = ?`, []any{confirmed}},
			{"refused confirmed again", `UPDATE donations SET status = 'confirmed' WHERE id = ?`, []any{confirmed}},
			{"a second donor takes the first's e-mail", `UPDATE donations SET contact_email = ? WHERE id IN
				(SELECT id FROM donations WHERE campaign_id = ? AND status = 'confirmed' AND id <> ? ORDER BY id LIMIT 2)`,
				[]any{email, campaignID, confirmed}},
			{"the donor's contact erased", `UPDATE donations SET contact_email = '', contact_phone = '' WHERE id = ?`, []any{confirmed}},
			{"amount changed", `UPDATE donations SET amount = amount + 1000, base_amount = base_amount + 1000 WHERE id = ?`, []any{confirmed}},
			{"moved to another campaign's need", `UPDATE donations SET campaign_id = (SELECT campaign_id FROM campaign_needs WHERE id = ?),
				need_id = ? WHERE id = ?`, []any{needID, needID, confirmed}},
			{"pending expired", `UPDATE donations SET status = 'expired' WHERE status = 'pending' AND id IN
				(SELECT id FROM donations WHERE status = 'pending' ORDER BY id LIMIT 3)`, nil},
			{"need deleted", `DELETE FROM campaign_needs WHERE id = ?`, []any{needID}},
			{"donation deleted", `DELETE FROM donations WHERE id = ?`, []any{confirmed}},
			// A status alone changing takes the one-write path: a donor
			// with two donations counts once, and until both stop.
			{"two pending donations by one donor", `INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount,
				unique_code, amount, donor_name, contact_email, contact_phone, status, form_token, created_at, expires_at)
				SELECT campaign_id, need_id, org_id, method, base_amount, unique_code, amount, donor_name, 'sama@uji.example', '',
				'pending', 'sama-' || form_token, created_at, expires_at FROM donations
				WHERE id IN (SELECT id FROM donations WHERE campaign_id = ? ORDER BY id LIMIT 2)`, []any{campaignID}},
			{"both confirmed in one statement", `UPDATE donations SET status = 'confirmed', confirmed_at = created_at
				WHERE contact_email = 'sama@uji.example'`, nil},
			{"one of them refused", `UPDATE donations SET status = 'rejected', reject_reason = 'uji'
				WHERE id = (SELECT MIN(id) FROM donations WHERE contact_email = 'sama@uji.example')`, nil},
			{"the other back to pending", `UPDATE donations SET status = 'pending'
				WHERE id = (SELECT MAX(id) FROM donations WHERE contact_email = 'sama@uji.example')`, nil},
			{"the refused one confirmed again", `UPDATE donations SET status = 'confirmed'
				WHERE id = (SELECT MIN(id) FROM donations WHERE contact_email = 'sama@uji.example')`, nil},
			{"a donor gives again", `INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, unique_code, amount,
				donor_name, contact_email, contact_phone, status, form_token, created_at, expires_at, confirmed_at)
				SELECT campaign_id, need_id, org_id, method, base_amount, unique_code, amount, donor_name, contact_email,
				contact_phone, status, 'uji-' || form_token, created_at, expires_at, confirmed_at FROM donations
				WHERE status IN ('confirmed', 'pending') AND id <> ?`, []any{confirmed}},
		}
		for _, s := range steps {
			res, err := d.Exec(ctx, s.sql, s.args...)
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				t.Fatalf("%s: no row changed", s.name)
			}
			checkCampaigns(t, d, s.name)
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error { return figures.RebuildCampaigns(ctx, tx) }); err != nil {
			t.Fatal(err)
		}
		checkCampaigns(t, d, "after a rebuild")
		if err := figures.Bulk(ctx, d, func() error {
			exec(`UPDATE donations SET status = 'confirmed' WHERE status = 'pending'`)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		checkCampaigns(t, d, "after a bulk load")
		exec(`UPDATE donations SET status = 'rejected', reject_reason = 'uji' WHERE id IN (SELECT id FROM donations ORDER BY id LIMIT 3)`)
		checkCampaigns(t, d, "after the triggers are back")
	})
}
