package donation

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// ByIDIn returns a donation read with q (a transaction's view);
// db.ErrNotFound when none.
func (s *Store) ByIDIn(ctx context.Context, q db.Querier, id int64) (*Donation, error) {
	return s.get(ctx, q, `id = ?`, id)
}

// OpenTransfers lists, with q, the organisation's bank transfers to one
// account that an incoming credit may still pay: pending, or expired (the
// money may come late), created before until and expiring after since;
// oldest first. A statement import matches its credits against them.
func (s *Store) OpenTransfers(ctx context.Context, q db.Querier, orgID, accountID int64, since, until time.Time) ([]*Donation, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM donations WHERE org_id = ? AND bank_account_id = ?
		AND method = 'transfer' AND status IN ('pending', 'expired') AND expires_at >= ? AND created_at < ?
		ORDER BY id`, orgID, accountID, since.UTC(), until.UTC())
	if err != nil {
		return nil, fmt.Errorf("donation: open transfers: %w", err)
	}
	defer rows.Close()
	var out []*Donation
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("donation: open transfers: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("donation: open transfers: %w", err)
	}
	return out, nil
}
