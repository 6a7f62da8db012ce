package expense

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
)

// Target is a campaign or initiative an expense may be charged to.
type Target struct {
	ID    int64
	Title string
	Zakat bool // a campaign collecting zakat and infak
}

// Targets lists the organisation's campaigns (drafts too: their title
// names past expenses) and initiatives, newest first.
func Targets(ctx context.Context, q db.Querier, orgID int64) (campaigns, initiatives []Target, err error) {
	rows, err := q.Query(ctx, `SELECT id, title, fund FROM campaigns WHERE org_id = ? ORDER BY id DESC`, orgID)
	if err != nil {
		return nil, nil, fmt.Errorf("expense: campaigns: %w", err)
	}
	for rows.Next() {
		var t Target
		var fund string
		if err := rows.Scan(&t.ID, &t.Title, &fund); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("expense: campaigns: %w", err)
		}
		t.Zakat = fund == ledger.FundZakatInfak
		campaigns = append(campaigns, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = q.Query(ctx, `SELECT id, name FROM initiatives WHERE org_id = ? ORDER BY id DESC`, orgID)
	if err != nil {
		return nil, nil, fmt.Errorf("expense: initiatives: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t Target
		if err := rows.Scan(&t.ID, &t.Title); err != nil {
			return nil, nil, fmt.Errorf("expense: initiatives: %w", err)
		}
		initiatives = append(initiatives, t)
	}
	return campaigns, initiatives, rows.Err()
}
