package goods_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/goods"
	"lokadaya/internal/ledger"
)

func TestValuedReceiptsAreBooked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &goods.Store{DB: d}
		// A second barang need without an item value.
		unvalued := f.target
		if err := d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target, unit)
			VALUES (?, 'barang', 'Buku tulis', 50, 'buah') RETURNING id`, f.target.CampaignID).Scan(&unvalued.NeedID); err != nil {
			t.Fatal(err)
		}
		unvalued.Item = "Buku tulis"
		in := input(4, 1)
		in.Anonymous = true
		p, _, err := s.Create(ctx, f.target, in, today)
		if err != nil {
			t.Fatal(err)
		}
		q, _, err := s.Create(ctx, unvalued, input(10, 2), today)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int64{3, 1} {
			if _, err := s.Receive(ctx, f.target.OrgID, p.ID, receipt(n), today, f.actor); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Receive(ctx, f.target.OrgID, q.ID, receipt(10), today, f.actor); err != nil {
			t.Fatal(err)
		}
		rows, err := d.Query(ctx, `SELECT id, quantity FROM goods_receipts WHERE pledge_id = ? ORDER BY id`, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		type rc struct{ id, qty int64 }
		var got []rc
		for rows.Next() {
			var r rc
			if err := rows.Scan(&r.id, &r.qty); err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		}
		rows.Close()
		for _, r := range got {
			e, err := ledger.BySource(ctx, d, goods.SourceReceipt, r.id, ledger.KindGoods)
			if err != nil {
				t.Fatal(err)
			}
			if e.Amount != r.qty*150_000 || e.Category != ledger.CatProgram || e.CampaignID != f.target.CampaignID ||
				e.Counterparty != "" || e.RecordedBy != f.actor.ID {
				t.Errorf("entry %+v for receipt %+v", e, r)
			}
		}
		res, err := ledger.Verify(ctx, d, f.target.OrgID)
		if err != nil || !res.OK || res.Entries != 2 {
			t.Errorf("verify %+v, %v (the unvalued receipt is not booked)", res, err)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{CampaignID: f.target.CampaignID})
		if err != nil || sum.In != 4*150_000 {
			t.Errorf("totals %+v, %v", sum, err)
		}
	})
}

func TestReceiptRollsBackWhenBookingFails(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &goods.Store{DB: d}
		p, _, err := s.Create(ctx, f.target, input(2, 1), today)
		if err != nil {
			t.Fatal(err)
		}
		// The next receipt's id is already booked: its entry cannot be
		// appended, so the receipt must not land either.
		next := count(t, d, `SELECT COALESCE(MAX(id), 0) + 1 FROM goods_receipts`)
		if d.Dialect == db.Postgres {
			next = count(t, d, `SELECT nextval(pg_get_serial_sequence('goods_receipts', 'id'))`) + 1
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: f.target.OrgID, Kind: ledger.KindGoods, Amount: 1,
				Category: ledger.CatProgram, SourceType: goods.SourceReceipt, SourceID: next})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Receive(ctx, f.target.OrgID, p.ID, receipt(1), today, f.actor); !errors.Is(err, ledger.ErrDuplicate) {
			t.Fatalf("receive: %v", err)
		}
		if n := count(t, d, `SELECT received FROM goods_pledges WHERE id = ?`, p.ID); n != 0 {
			t.Errorf("received %d after a failed booking", n)
		}
	})
}

func TestZakatCampaignGoodsAndBackfill(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		if _, err := d.Exec(ctx, `UPDATE campaigns SET fund = 'zakat_infak' WHERE id = ?`, f.target.CampaignID); err != nil {
			t.Fatal(err)
		}
		s := &goods.Store{DB: d}
		p, _, err := s.Create(ctx, f.target, input(5, 1), today)
		if err != nil {
			t.Fatal(err)
		}
		// A receipt recorded before receipts were booked.
		now := db.Now()
		if _, err := d.Exec(ctx, `INSERT INTO goods_receipts (pledge_id, quantity, received_on, note, recorded_by, recorder, created_at)
			VALUES (?, 2, '2026-03-01', '', ?, 'Editor Rina', ?)`, p.ID, f.actor.ID, now); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE goods_pledges SET received = 2, status = 'partial' WHERE id = ?`, p.ID); err != nil {
			t.Fatal(err)
		}
		for round, want := range []int{1, 0} {
			var n int
			if err := d.InTx(ctx, func(tx *db.Tx) error {
				var err error
				n, err = goods.Backfill(ctx, tx)
				return err
			}); err != nil || n != want {
				t.Fatalf("round %d: booked %d, %v; want %d", round, n, err, want)
			}
		}
		if _, err := s.Receive(ctx, f.target.OrgID, p.ID, receipt(3), today, f.actor); err != nil {
			t.Fatal(err)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{OrgID: f.target.OrgID})
		if err != nil || sum.In != 0 || sum.Zakat.In != 5*150_000 || sum.Entries != 2 {
			t.Errorf("totals %+v, %v", sum, err)
		}
		if res, err := ledger.Verify(ctx, d, f.target.OrgID); err != nil || !res.OK {
			t.Errorf("verify %+v, %v", res, err)
		}
	})
}
