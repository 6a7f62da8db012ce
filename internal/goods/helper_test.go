package goods_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/goods"
	"lokadaya/internal/org"
)

// fixture is an organisation with an active campaign that asks for ten
// chairs (a barang need) and money, and a member to record receipts.
type fixture struct {
	target goods.Target
	dana   int64 // the campaign's dana need
	other  int64 // another organisation
	actor  goods.Actor
}

// today is a fixed day for the checks.
var today = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	accounts := &account.Store{DB: d}
	u, err := accounts.Create(ctx, "editor@example.org", "Editor Rina", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	orgs := &org.Store{DB: d}
	o, err := orgs.Create(ctx, u.ID, org.Input{Name: "OMS Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := orgs.Create(ctx, u.ID, org.Input{Name: "OMS Lain", Slug: "oms-lain",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	f := fixture{actor: goods.Actor{ID: u.ID, Name: u.Name}, other: other.ID}
	f.target = goods.Target{OrgID: o.ID, Item: "Kursi lipat", Unit: "buah"}
	var initID int64
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&initID))
	must(d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'kursi', 'Kursi', 'active', ?, ?) RETURNING id`, initID, o.ID, now, now).Scan(&f.target.CampaignID))
	must(d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target, unit, item_value)
		VALUES (?, 'barang', 'Kursi lipat', 10, 'buah', 150000) RETURNING id`, f.target.CampaignID).Scan(&f.target.NeedID))
	must(d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target)
		VALUES (?, 'dana', 'Buku', 5000000) RETURNING id`, f.target.CampaignID).Scan(&f.dana))
	return f
}

// token is a distinct valid form token.
func token(i int) string { return fmt.Sprintf("token-%012d-abcdef", i) }

// input is a valid pledge of quantity items.
func input(quantity int64, i int) goods.Input {
	return goods.Input{Quantity: quantity, QuantityRaw: fmt.Sprint(quantity), Delivery: goods.DeliverySelf,
		Name: "Siti", Email: "siti@example.org", Token: token(i)}
}

// receipt is a valid receipt of quantity items today.
func receipt(quantity int64) goods.ReceiptInput {
	return goods.ReceiptInput{Quantity: quantity, QuantityRaw: fmt.Sprint(quantity)}
}

func count(t *testing.T, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
