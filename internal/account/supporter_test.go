package account_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// supportWith gives a campaign of org a confirmed donation and a verified
// signature left with email, and a news subscription; it returns the
// campaign.
func supportWith(t *testing.T, d *db.DB, org int64, slug, email string) int64 {
	t.Helper()
	ctx := context.Background()
	now := db.Now()
	var ini, c, dana, adv int64
	steps := []struct {
		q    string
		args []any
		id   *int64
	}{
		{`INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at) VALUES (?, ?, 'I', 'published', ?, ?)`,
			[]any{org, slug, now, now}, &ini},
		{`INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
			VALUES (?, ?, ?, 'Kampanye', 'active', ?, ?)`, nil, &c},
		{`INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Dana', 1000000)`, nil, &dana},
		{`INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'advokasi', 'Petisi', 100)`, nil, &adv},
	}
	for i, st := range steps {
		switch i {
		case 1:
			st.args = []any{ini, org, slug, now, now}
		case 2, 3:
			st.args = []any{c}
		}
		if err := d.QueryRow(ctx, st.q+" RETURNING id", st.args...).Scan(st.id); err != nil {
			t.Fatal(err)
		}
	}
	for _, x := range []struct {
		q    string
		args []any
	}{
		{`INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, donor_name, message, contact_email,
			contact_phone, status, form_token, created_at, expires_at, confirmed_at)
			VALUES (?, ?, ?, 'qris', 150000, 150000, 'Eka', 'Semangat', ?, '+628111', 'confirmed', ?, ?, ?, ?)`,
			[]any{c, dana, org, email, slug + "-d", now, now, now}},
		{`INSERT INTO petition_signatures (campaign_id, need_id, email, name, region_code, kab_code, token_hash,
			token_expires_at, created_at, verified_at) VALUES (?, ?, ?, 'Eka', '32.73', '32.73', ?, ?, ?, ?)`,
			[]any{c, adv, email, slug + "-s", now, now, now}},
		{`INSERT INTO campaign_subscribers (campaign_id, email, name, token, created_at) VALUES (?, ?, 'Eka', ?, ?)`,
			[]any{c, email, slug + "-n", now}},
	} {
		if _, err := d.Exec(ctx, x.q, x.args...); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// campaignTotals is a campaign's confirmed money and verified signatures.
func campaignTotals(t *testing.T, d *db.DB, c int64) [2]int64 {
	t.Helper()
	var out [2]int64
	if err := d.QueryRow(context.Background(), `SELECT
		(SELECT COALESCE(SUM(amount), 0) FROM donations WHERE campaign_id = ? AND status = 'confirmed'),
		(SELECT COUNT(*) FROM petition_signatures WHERE campaign_id = ? AND verified_at IS NOT NULL)`, c, c).Scan(&out[0], &out[1]); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExportAndDeleteSupporterRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		eka, _ := s.Create(ctx, "eka@example.org", "Eka", "", "rahasia-panjang-1")
		fajar, _ := s.Create(ctx, "fajar@example.org", "Fajar", "", "rahasia-panjang-1")
		org := addOrg(t, d, "dukung", nil)
		ce := supportWith(t, d, org, "kampanye-eka", "Eka@Example.org")
		cf := supportWith(t, d, org, "kampanye-fajar", "fajar@example.org")

		// Unverified, the account shows nothing of what the address left.
		e, err := s.Export(ctx, eka.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.Support != nil {
			t.Errorf("unverified export has supporter records: %+v", e.Support)
		}
		if _, err := d.Exec(ctx, `UPDATE users SET email_verified_at = ? WHERE id = ?`, db.Now(), eka.ID); err != nil {
			t.Fatal(err)
		}
		if e, err = s.Export(ctx, eka.ID); err != nil {
			t.Fatal(err)
		}
		r := e.Support
		if r == nil || len(r.Donations) != 1 || r.Donations[0].Amount != 150_000 || r.Donations[0].Message != "Semangat" ||
			len(r.Signatures) != 1 || len(r.Subscriptions) != 1 || r.Subscriptions[0].Slug != "kampanye-eka" {
			t.Fatalf("export %+v", r)
		}

		before := [2][2]int64{campaignTotals(t, d, ce), campaignTotals(t, d, cf)}
		if _, err := s.Delete(ctx, eka.ID); err != nil {
			t.Fatal(err)
		}
		// An unverified account's deletion leaves the address's records.
		if _, err := s.Delete(ctx, fajar.ID); err != nil {
			t.Fatal(err)
		}
		if after := [2][2]int64{campaignTotals(t, d, ce), campaignTotals(t, d, cf)}; after != before {
			t.Errorf("totals %v, were %v", after, before)
		}
		var left, fajars int64
		if err := d.QueryRow(ctx, `SELECT
			(SELECT COUNT(*) FROM donations WHERE campaign_id = ? AND (donor_name <> '' OR contact_email <> '' OR message <> ''))
			+ (SELECT COUNT(*) FROM petition_signatures WHERE campaign_id = ? AND (name <> '' OR email LIKE '%example.org'))
			+ (SELECT COUNT(*) FROM campaign_subscribers WHERE campaign_id = ?)`, ce, ce, ce).Scan(&left); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM donations WHERE contact_email = 'fajar@example.org'`).Scan(&fajars); err != nil {
			t.Fatal(err)
		}
		if left != 0 || fajars != 1 {
			t.Errorf("after deletion: %d records name eka, %d donations of fajar", left, fajars)
		}
	})
}
