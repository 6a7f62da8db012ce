package donation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
)

// Pending lists the organisation's pending donations, oldest first, for
// the treasurer to match against the bank account.
func (s *Store) Pending(ctx context.Context, orgID int64) ([]*Donation, error) {
	return s.list(ctx, `SELECT `+columns+` FROM donations WHERE org_id = ? AND status = 'pending' ORDER BY id`, orgID)
}

// Recent lists the organisation's settled donations (confirmed, rejected,
// expired), newest first.
func (s *Store) Recent(ctx context.Context, orgID int64, limit int) ([]*Donation, error) {
	return s.list(ctx, `SELECT `+columns+` FROM donations WHERE org_id = ? AND status <> 'pending'
		ORDER BY id DESC LIMIT ?`, orgID, limit)
}

// Wall lists a campaign's confirmed donations, newest first, for the
// supporters' wall.
func (s *Store) Wall(ctx context.Context, campaignID int64, limit int) ([]*Donation, error) {
	return s.list(ctx, `SELECT `+columns+` FROM donations WHERE campaign_id = ? AND status = 'confirmed'
		ORDER BY confirmed_at DESC, id DESC LIMIT ?`, campaignID, limit)
}

func (s *Store) list(ctx context.Context, q string, args ...any) ([]*Donation, error) {
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("donation: list: %w", err)
	}
	defer rows.Close()
	var out []*Donation
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("donation: list: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("donation: list: %w", err)
	}
	return out, nil
}

// CampaignMoney is a campaign's money: confirmed money (each donation
// once), pending money, and distinct confirmed donors. It reads the
// running totals package figures keeps in the donations' transactions,
// so a campaign with tens of thousands of donations costs one row.
func CampaignMoney(ctx context.Context, q db.Querier, campaignID int64) (Money, error) {
	var m Money
	err := q.QueryRow(ctx, `SELECT confirmed, pending, donors FROM campaign_money WHERE campaign_id = ?`,
		campaignID).Scan(&m.Confirmed, &m.Pending, &m.Donors)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Money{}, fmt.Errorf("donation: money: %w", err)
	}
	return m, nil
}

// CampaignsMoney is CampaignMoney for several campaigns in one query, by
// campaign id; a campaign without donations may be absent (its Money is
// zero).
func CampaignsMoney(ctx context.Context, q db.Querier, ids []int64) (map[int64]Money, error) {
	out := make(map[int64]Money, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := q.Query(ctx, `SELECT campaign_id, confirmed, pending, donors FROM campaign_money
		WHERE campaign_id IN (`+db.Marks(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("donation: money: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m Money
		if err := rows.Scan(&id, &m.Confirmed, &m.Pending, &m.Donors); err != nil {
			return nil, fmt.Errorf("donation: money: %w", err)
		}
		out[id] = m
	}
	return out, rows.Err()
}

// NeedConfirmed is the confirmed money given to one need, from the
// running totals.
func NeedConfirmed(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT confirmed FROM need_money WHERE need_id = ?`, needID).Scan(&n)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("donation: need money: %w", err)
	}
	return n, nil
}

// Money sums a campaign's donations; see CampaignMoney.
func (s *Store) Money(ctx context.Context, campaignID int64) (Money, error) {
	return CampaignMoney(ctx, s.DB, campaignID)
}
