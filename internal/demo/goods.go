package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/goods"
	"lokadaya/internal/region"
)

// demoPledge is a pledge to a demo barang need and what already arrived of
// it, in receipts.
type demoPledge struct {
	in       goods.Input // QuantityRaw: a share of the need's target, in percent
	receipts []int64     // shares of the pledge, in percent
}

// demoPledges are the pledges each active demo barang need gets, scaled to
// its target. Some arrived in full, one partly in two receipts, one is
// anonymous, one is still awaited.
var demoPledges = []demoPledge{
	{in: goods.Input{QuantityRaw: "30", Delivery: goods.DeliverySelf, Name: "Toko Bangunan Sinar Jaya",
		Phone: "081234500111", Message: "Semoga gang kampung makin terang."}, receipts: []int64{100}},
	{in: goods.Input{QuantityRaw: "20", Delivery: goods.DeliveryPickup, Name: "Pak Harun", Email: "harun.contoh@example.org",
		DeliveryNote: "Jemput di bengkel las, Jl. Melati 12, sore hari."}, receipts: []int64{30, 20}},
	{in: goods.Input{QuantityRaw: "10", Delivery: goods.DeliveryCourier, Anonymous: true, Email: "hamba.contoh@example.org",
		Message: "Lillahi ta'ala."}, receipts: []int64{100}},
	{in: goods.Input{QuantityRaw: "10", Delivery: goods.DeliverySelf, Name: "Karang Taruna RW 05",
		Phone: "085712340099"}},
}

// pledgeGoods records pledges to the public demo campaigns' barang needs,
// and what arrived, recorded by each organisation's owner, on days spread
// over the time each campaign was open.
func pledgeGoods(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	rows, err := d.Query(ctx, `SELECT c.id FROM campaigns c WHERE c.status IN ('active', 'ended') AND EXISTS
		(SELECT 1 FROM campaign_needs n WHERE n.campaign_id = c.id AND n.kind = 'barang') ORDER BY c.id`)
	if err != nil {
		return fmt.Errorf("demo: goods: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("demo: goods: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: goods: %w", err)
	}
	campaigns := &campaign.Store{DB: d}
	store := &goods.Store{DB: d}
	for _, id := range ids {
		c, err := campaigns.ByID(ctx, id)
		if err != nil {
			return err
		}
		var slug string
		if err := d.QueryRow(ctx, `SELECT slug FROM organizations WHERE id = ?`, c.OrgID).Scan(&slug); err != nil {
			return fmt.Errorf("demo: goods: %w", err)
		}
		owner := users[ownerOf(slug)]
		for _, n := range c.Needs {
			if n.Kind != campaign.KindBarang {
				continue
			}
			if err := pledgeToNeed(ctx, d, store, c, n, goods.Actor{ID: owner.ID, Name: owner.Name}); err != nil {
				return fmt.Errorf("demo: pledges to %q: %w", n.Title, err)
			}
		}
	}
	return nil
}

func pledgeToNeed(ctx context.Context, d *db.DB, store *goods.Store, c *campaign.Campaign, n campaign.Need, owner goods.Actor) error {
	var regionCode string
	if err := d.QueryRow(ctx, `SELECT region_code FROM organizations WHERE id = ?`, c.OrgID).Scan(&regionCode); err != nil {
		return err
	}
	zone := region.Zone(regionCode)
	from, to, err := campaignSpan(ctx, d, c.ID)
	if err != nil {
		return err
	}
	t := goods.Target{CampaignID: c.ID, NeedID: n.ID, OrgID: c.OrgID, Item: n.Title, Unit: n.Unit}
	for i, dp := range demoPledges {
		// Pledged in the first half of the campaign, received over the
		// following days.
		pledged := within(from, to, i+1, 2*(len(demoPledges)+1))
		store.Now = func() time.Time { return pledged }
		today := pledged.In(zone)
		in := dp.in
		share, err := goods.ParseQuantity(in.QuantityRaw)
		if err != nil {
			return err
		}
		in.Quantity = max(share*n.Target/100, 1)
		in.QuantityRaw = fmt.Sprint(in.Quantity)
		in.Token = fmt.Sprintf("demo-barang-%06d-%02d", n.ID, i)
		p, _, err := store.Create(ctx, t, in, today)
		if err != nil {
			return err
		}
		for k, r := range dp.receipts {
			q := min(r*p.Quantity/100, p.Quantity-p.Received)
			if q <= 0 {
				continue
			}
			arrived := within(pledged, to, k+1, len(dp.receipts)+2)
			store.Now = func() time.Time { return arrived }
			today := arrived.In(zone)
			if p, err = store.Receive(ctx, c.OrgID, p.ID, goods.ReceiptInput{Quantity: q, QuantityRaw: fmt.Sprint(q)},
				today, owner); err != nil {
				return err
			}
		}
	}
	return nil
}
