package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/supporter"
)

func TestDemoEveryWayToPay(t *testing.T) {
	d := demotest.Open(t)
	ctx := context.Background()
	for _, method := range []string{"transfer", "qris", "gateway"} {
		if n := count(t, d, `SELECT COUNT(*) FROM donations WHERE status = 'confirmed' AND method = ?`, method); n < 2 {
			t.Errorf("%d confirmed %s donations", n, method)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM donations WHERE status = 'pending' AND method = ?`, method); n < 1 {
			t.Errorf("no pending %s donation", method)
		}
	}
	// Gateway money came through signed notifications, each applied once.
	if n := count(t, d, `SELECT COUNT(*) FROM donations g JOIN donation_payments p ON p.donation_id = g.id
		WHERE g.status = 'confirmed' AND (p.state <> 'paid' OR (SELECT COUNT(*) FROM payment_notifications n
			WHERE n.donation_id = g.id AND n.outcome = 'applied') <> 1)`); n != 0 {
		t.Errorf("%d gateway donations confirmed without their notification", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM org_qris WHERE confirmed_at IS NOT NULL`); n < 1 {
		t.Error("no organisation has a confirmed QRIS")
	}
	// Some campaign has supporters of every kind.
	var id int64
	if err := d.QueryRow(ctx, `SELECT c.id FROM campaigns c WHERE c.status = 'active' AND EXISTS
		(SELECT 1 FROM donations WHERE campaign_id = c.id AND method = 'gateway' AND status = 'confirmed')
		ORDER BY c.id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	all := supporter.Count{}
	orgs, err := d.Query(ctx, `SELECT id FROM organizations`)
	if err != nil {
		t.Fatal(err)
	}
	var orgIDs []int64
	for orgs.Next() {
		var o int64
		if err := orgs.Scan(&o); err != nil {
			t.Fatal(err)
		}
		orgIDs = append(orgIDs, o)
	}
	orgs.Close()
	for _, o := range orgIDs {
		m, err := supporter.Org(ctx, d, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range m {
			all = all.Add(c)
		}
	}
	for _, k := range supporter.Kinds {
		if all.Of(k) == 0 {
			t.Errorf("no %s supporters in the demo", k)
		}
	}
	if c, err := supporter.Campaign(ctx, d, id); err != nil || c.Money < 5 {
		t.Errorf("campaign %d supporters %+v %v", id, c, err)
	}
}
