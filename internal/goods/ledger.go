package goods

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
)

// A receipt of goods whose need gives the value of one item is one entry
// of the organisation's ledger, appended in the transaction that records
// the receipt: kind goods, the quantity received times the item value, in
// category program (zakat_infak when the campaign collects zakat and
// infak), the pledger's public name as counterparty, at the receipt's
// time. Goods without a value are not money and are not booked.

// SourceReceipt is a goods receipt's source type in the ledger.
const SourceReceipt = "goods_receipt"

// bookReceipt appends the entry of receipt r of pledge p when the need
// has an item value.
func bookReceipt(ctx context.Context, tx *db.Tx, p *Pledge, r *Receipt) error {
	if p.NeedID == nil {
		return nil
	}
	var value sql.NullInt64
	err := tx.QueryRow(ctx, `SELECT item_value FROM campaign_needs WHERE id = ?`, *p.NeedID).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("goods: item value: %w", err)
	}
	if !value.Valid || value.Int64 <= 0 || r.Quantity <= 0 {
		return nil
	}
	if value.Int64 > math.MaxInt64/r.Quantity {
		return fmt.Errorf("goods: receipt #%d: value out of range", r.ID)
	}
	cat, err := ledger.CampaignCategory(ctx, tx, p.CampaignID)
	if err != nil {
		return fmt.Errorf("goods: book receipt #%d: %w", r.ID, err)
	}
	e := ledger.Entry{OrgID: p.OrgID, RecordedAt: r.CreatedAt, Kind: ledger.KindGoods, Amount: r.Quantity * value.Int64,
		Category: cat, CampaignID: p.CampaignID,
		Description:  fmt.Sprintf("Barang diterima: %d %s %s (janji #%d)", r.Quantity, p.Unit, p.Item, p.ID),
		Counterparty: p.PublicName(), SourceType: SourceReceipt, SourceID: r.ID}
	if r.RecordedBy != nil {
		e.RecordedBy = *r.RecordedBy
	}
	if _, err := ledger.Append(ctx, tx, e); err != nil {
		return fmt.Errorf("goods: book receipt #%d: %w", r.ID, err)
	}
	return nil
}

// Backfill books every receipt of a valued need that has no entry yet,
// oldest first, each at its recorded time, and returns how many it booked.
// It runs once as a migration, for receipts recorded before receipts were
// booked; running it again books nothing.
func Backfill(ctx context.Context, tx *db.Tx) (int, error) {
	// Only the columns the entry needs, so that later changes to the
	// tables do not break this step.
	rows, err := tx.Query(ctx, `SELECT r.id, r.quantity, r.recorded_by, r.created_at, p.id, p.campaign_id, p.need_id,
		p.org_id, p.item, p.unit, p.pledger_name, p.anonymous
		FROM goods_receipts r JOIN goods_pledges p ON p.id = r.pledge_id
		JOIN campaign_needs n ON n.id = p.need_id
		WHERE n.item_value > 0 AND NOT EXISTS (SELECT 1 FROM ledger_entries e
			WHERE e.source_type = 'goods_receipt' AND e.source_id = r.id AND e.kind = 'goods')
		ORDER BY r.created_at, r.id`)
	if err != nil {
		return 0, fmt.Errorf("goods: backfill: %w", err)
	}
	type todo struct {
		p *Pledge
		r *Receipt
	}
	var all []todo
	for rows.Next() {
		p, r := &Pledge{}, &Receipt{}
		if err := rows.Scan(&r.ID, &r.Quantity, &r.RecordedBy, &r.CreatedAt, &p.ID, &p.CampaignID, &p.NeedID,
			&p.OrgID, &p.Item, &p.Unit, &p.Name, &p.Anonymous); err != nil {
			rows.Close()
			return 0, fmt.Errorf("goods: backfill: %w", err)
		}
		r.PledgeID, r.CreatedAt = p.ID, r.CreatedAt.UTC()
		all = append(all, todo{p, r})
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return 0, fmt.Errorf("goods: backfill: %w", err)
	}
	rows.Close()
	n := 0
	for _, t := range all {
		err := bookReceipt(ctx, tx, t.p, t.r)
		if errors.Is(err, ledger.ErrDuplicate) {
			continue
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
