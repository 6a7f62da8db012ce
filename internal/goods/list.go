package goods

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// ForCampaign lists a campaign's pledges, open ones first, then oldest
// first, for the organisation's page.
func (s *Store) ForCampaign(ctx context.Context, campaignID int64) ([]*Pledge, error) {
	return s.list(ctx, `SELECT `+columns+` FROM goods_pledges WHERE campaign_id = ?
		ORDER BY CASE WHEN status IN ('pledged', 'partial') THEN 0 ELSE 1 END, id`, campaignID)
}

// Supporters lists the pledges to a need worth thanking in public — not
// cancelled, or cancelled after something arrived — newest first.
func (s *Store) Supporters(ctx context.Context, needID int64, limit int) ([]*Pledge, error) {
	return s.list(ctx, `SELECT `+columns+` FROM goods_pledges WHERE need_id = ?
		AND (status <> 'cancelled' OR received > 0) ORDER BY id DESC LIMIT ?`, needID, limit)
}

func (s *Store) list(ctx context.Context, q string, args ...any) ([]*Pledge, error) {
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("goods: list: %w", err)
	}
	defer rows.Close()
	var out []*Pledge
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("goods: list: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("goods: list: %w", err)
	}
	return out, nil
}

// Receipts lists the receipts of the given pledge (pledgeID) or of every
// pledge of a campaign (campaignID, pledgeID 0), by pledge, oldest first.
func (s *Store) Receipts(ctx context.Context, campaignID, pledgeID int64) (map[int64][]Receipt, error) {
	q, arg := `SELECT r.id, r.pledge_id, r.quantity, r.received_on, r.note, r.recorded_by, r.recorder, r.created_at
		FROM goods_receipts r JOIN goods_pledges p ON p.id = r.pledge_id WHERE p.campaign_id = ? ORDER BY r.id`, campaignID
	if pledgeID != 0 {
		q, arg = `SELECT id, pledge_id, quantity, received_on, note, recorded_by, recorder, created_at
			FROM goods_receipts WHERE pledge_id = ? ORDER BY id`, pledgeID
	}
	return receipts(ctx, s.DB, q, arg)
}

func receipts(ctx context.Context, q db.Querier, query string, args ...any) (map[int64][]Receipt, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("goods: receipts: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Receipt{}
	for rows.Next() {
		var r Receipt
		if err := rows.Scan(&r.ID, &r.PledgeID, &r.Quantity, &r.ReceivedOn, &r.Note, &r.RecordedBy, &r.Recorder,
			&r.CreatedAt); err != nil {
			return nil, fmt.Errorf("goods: receipts: %w", err)
		}
		r.CreatedAt = r.CreatedAt.UTC()
		out[r.PledgeID] = append(out[r.PledgeID], r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("goods: receipts: %w", err)
	}
	return out, nil
}

// Tally sums the pledges to a need; see NeedTally.
func (s *Store) Tally(ctx context.Context, needID int64) (Tally, error) {
	return NeedTally(ctx, s.DB, needID)
}
