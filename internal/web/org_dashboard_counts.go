package web

import (
	"context"
	"fmt"

	"lokadaya/internal/org"
)

// orgWaiting counts what waits for an organisation's members, each count
// the list a page shows: the donations page, the statement imports, the
// expenses to approve, and per campaign the pledges, sign-ups and offers.
type orgWaiting struct {
	Donations int // pending donations to confirm or reject
	Proofs    int // of those, with a proof of transfer uploaded
	Imports   int // bank-statement imports previewed but not confirmed
	// Expenses awaiting approval that the caller did not record (an
	// owner or admin may approve only someone else's).
	Expenses int
	// Per campaign id: goods pledged and not yet fully received, volunteer
	// sign-ups to accept or decline, offers whose last word is the offerer's.
	Pledges, Volunteers, Offers map[int64]int
	// Changes: a reviewer asked the organisation for changes, and it has
	// not yet sent them (a profile change or a document sends it back).
	Changes bool
}

// orgWaitingCounts counts what waits in organisation o for user userID.
func (s *Server) orgWaitingCounts(ctx context.Context, o *org.Organization, userID int64) (*orgWaiting, error) {
	orgID := o.ID
	w := &orgWaiting{Changes: o.Status == org.StatusNeedsChanges}
	err := s.db.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM donations WHERE org_id = ? AND status = 'pending'),
		(SELECT COUNT(*) FROM donations d JOIN donation_proofs p ON p.donation_id = d.id
			WHERE d.org_id = ? AND d.status = 'pending'),
		(SELECT COUNT(*) FROM bank_statement_imports WHERE org_id = ? AND status = 'pending'),
		(SELECT COUNT(*) FROM expenses WHERE org_id = ? AND status = 'diajukan' AND recorded_by <> ?)`,
		orgID, orgID, orgID, orgID, userID).Scan(&w.Donations, &w.Proofs, &w.Imports, &w.Expenses)
	if err != nil {
		return nil, fmt.Errorf("dashboard: counts: %w", err)
	}
	if w.Pledges, err = s.countByCampaign(ctx, `SELECT campaign_id, COUNT(*) FROM goods_pledges
		WHERE org_id = ? AND status IN ('pledged', 'partial') GROUP BY campaign_id`, orgID); err != nil {
		return nil, err
	}
	if w.Volunteers, err = s.countByCampaign(ctx, `SELECT campaign_id, COUNT(*) FROM volunteer_signups
		WHERE org_id = ? AND status = 'pending' GROUP BY campaign_id`, orgID); err != nil {
		return nil, err
	}
	if w.Offers, err = s.countByCampaign(ctx, `SELECT campaign_id, COUNT(*) FROM offers
		WHERE org_id = ? AND awaiting_org = TRUE AND status IN ('baru', 'dibahas') GROUP BY campaign_id`, orgID); err != nil {
		return nil, err
	}
	return w, nil
}

func (s *Server) countByCampaign(ctx context.Context, q string, orgID int64) (map[int64]int, error) {
	rows, err := s.db.Query(ctx, q, orgID)
	if err != nil {
		return nil, fmt.Errorf("dashboard: counts: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("dashboard: counts: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// total sums a per-campaign count.
func total(m map[int64]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
