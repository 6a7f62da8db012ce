package distribution

import (
	"context"
	"fmt"
	"strconv"

	"lokadaya/internal/db"
)

// Source is an entry of the open books goods may come from: an approved,
// unreversed expense or a goods receipt.
type Source struct {
	Value  string // "expense:ID" or "receipt:ID", as the form sends it
	Kind   string // "expense" or "receipt"
	Day    string // YYYY-MM-DD
	Text   string // the expense's description or the goods received
	Amount int64  // rupiah of an expense; items of a receipt
	Unit   string // a receipt's unit
}

// Sources lists what the organisation's goods may come from, newest
// first: its last 100 approved expenses and 100 goods receipts.
func Sources(ctx context.Context, q db.Querier, orgID int64) ([]Source, error) {
	var out []Source
	rows, err := q.Query(ctx, `SELECT id, spent_on, description, amount FROM expenses
		WHERE org_id = ? AND status = 'disetujui' AND reversal_seq IS NULL ORDER BY spent_on DESC, id DESC LIMIT 100`, orgID)
	if err != nil {
		return nil, fmt.Errorf("distribution: sources: %w", err)
	}
	for rows.Next() {
		var id int64
		s := Source{Kind: "expense"}
		if err := rows.Scan(&id, &s.Day, &s.Text, &s.Amount); err != nil {
			rows.Close()
			return nil, fmt.Errorf("distribution: sources: %w", err)
		}
		s.Value = "expense:" + strconv.FormatInt(id, 10)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.Query(ctx, `SELECT r.id, r.received_on, p.item, r.quantity, p.unit FROM goods_receipts r
		JOIN goods_pledges p ON p.id = r.pledge_id WHERE p.org_id = ? ORDER BY r.received_on DESC, r.id DESC LIMIT 100`, orgID)
	if err != nil {
		return nil, fmt.Errorf("distribution: sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		s := Source{Kind: "receipt"}
		if err := rows.Scan(&id, &s.Day, &s.Text, &s.Amount, &s.Unit); err != nil {
			return nil, fmt.Errorf("distribution: sources: %w", err)
		}
		s.Value = "receipt:" + strconv.FormatInt(id, 10)
		out = append(out, s)
	}
	return out, rows.Err()
}
