package expense

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
)

// Share is a campaign's (or the whole organisation's) operational costs
// against the money it raised.
type Share struct {
	CampaignID int64 // 0 for the organisation as a whole
	Title      string
	Slug       string
	Appeal     string
	Zakat      bool // a zakat and infak campaign: its money is apart and not capped here
	Percent    int  // the cap in percent
	Raised     int64
	Used       int64 // approved spending in the capped categories, net of reversals
	Pending    int64 // capped spending awaiting approval
}

// Cap is the most the capped spending may reach.
func (s Share) Cap() int64 { return capOf(s.Raised, s.Percent) }

// Room is what a new expense may still take under the cap (see roomLeft).
func (s Share) Room() int64 { return roomLeft(s.Cap(), s.Used, s.Pending) }

// Over reports whether the spending is above the cap already (after a
// donation was reversed, for example).
func (s Share) Over() bool { return s.Used > s.Cap() }

// Permille is the share in tenths of a percent, rounded as the public
// reports round it; 0 when nothing was raised.
func (s Share) Permille() int64 { return i18n.Permille(s.Used, s.Raised) }

// figures are the ledger sums the cap needs.
type figures struct{ raised, used, entries int64 }

// capWhere selects, from entries e with their reversed entry o, the money
// raised (donations and refunds, net of reversals) and the capped
// spending (expenses and fees in the capped categories, net of reversals).
// Zakat and infak money is never part of either.
const capSums = `COALESCE(SUM(CASE WHEN e.category <> 'zakat_infak'
		AND (e.kind IN ('donation', 'refund') OR (e.kind = 'reversal' AND o.kind IN ('donation', 'refund')))
		THEN e.amount ELSE 0 END), 0),
	COALESCE(-SUM(CASE WHEN e.category IN ('operasional', 'biaya_platform')
		AND (e.kind IN ('expense', 'fee') OR (e.kind = 'reversal' AND o.kind IN ('expense', 'fee')))
		THEN e.amount ELSE 0 END), 0), COUNT(e.seq)
	FROM ledger_entries e LEFT JOIN ledger_entries o ON o.org_id = e.org_id AND o.seq = e.reverses_seq`

// campaignFigures returns one campaign's sums.
func campaignFigures(ctx context.Context, q db.Querier, campaignID int64) (figures, error) {
	var f figures
	err := q.QueryRow(ctx, `SELECT `+capSums+` WHERE e.campaign_id = ?`, campaignID).Scan(&f.raised, &f.used, &f.entries)
	if err != nil {
		return f, fmt.Errorf("expense: cap figures: %w", err)
	}
	return f, nil
}

// pendingCapped is the capped spending awaiting approval for a campaign,
// leaving out expense skip.
func pendingCapped(ctx context.Context, q db.Querier, campaignID, skip int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM expenses
		WHERE campaign_id = ? AND status = 'diajukan' AND id <> ? AND category IN ('operasional', 'biaya_platform')`,
		campaignID, skip).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("expense: pending: %w", err)
	}
	return n, nil
}

// campaignInfo is what the rules need of a campaign.
type campaignInfo struct {
	id, orgID, initiativeID int64
	appeal                  string
	zakat                   bool
}

func loadCampaign(ctx context.Context, q db.Querier, id int64) (*campaignInfo, error) {
	c := &campaignInfo{id: id}
	var fund string
	err := q.QueryRow(ctx, `SELECT org_id, initiative_id, appeal, fund FROM campaigns WHERE id = ?`, id).
		Scan(&c.orgID, &c.initiativeID, &c.appeal, &fund)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("expense: campaign: %w", err)
	}
	c.zakat = fund == ledger.FundZakatInfak
	return c, nil
}

// checkCap returns a *CapError when amount more of capped spending would
// push the campaign above its cap. withPending counts the other expenses
// awaiting approval too (when recording); approval counts only what the
// ledger holds.
func (s *Store) checkCap(ctx context.Context, q db.Querier, c *campaignInfo, amount, self int64, withPending bool) error {
	f, err := campaignFigures(ctx, q, c.id)
	if err != nil {
		return err
	}
	ce := &CapError{CampaignID: c.id, Appeal: c.appeal, Percent: s.Policy.Cap(c.appeal), Raised: f.raised,
		Used: f.used, Amount: amount}
	ce.Cap = capOf(f.raised, ce.Percent)
	if withPending {
		if ce.Pending, err = pendingCapped(ctx, q, c.id, self); err != nil {
			return err
		}
	}
	if amount > ce.Room() {
		return ce
	}
	return nil
}

// Shares returns the organisation's operational share as a whole (first,
// CampaignID 0, with all its capped spending, charged to a campaign or
// not) and for each of its campaigns that has entries in the ledger or
// capped spending awaiting approval, newest campaign first.
func (s *Store) Shares(ctx context.Context, orgID int64) ([]Share, error) {
	var whole figures
	if err := s.DB.QueryRow(ctx, `SELECT `+capSums+` WHERE e.org_id = ?`, orgID).Scan(&whole.raised, &whole.used, &whole.entries); err != nil {
		return nil, fmt.Errorf("expense: shares: %w", err)
	}
	var pending int64
	if err := s.DB.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM expenses WHERE org_id = ? AND status = 'diajukan'
		AND category IN ('operasional', 'biaya_platform')`, orgID).Scan(&pending); err != nil {
		return nil, fmt.Errorf("expense: shares: %w", err)
	}
	out := []Share{{Percent: s.Policy.Cap(AppealGeneral), Raised: whole.raised, Used: whole.used, Pending: pending}}
	rows, err := s.DB.Query(ctx, `SELECT c.id, c.title, c.slug, c.appeal, c.fund,
		COALESCE((SELECT SUM(x.amount) FROM expenses x WHERE x.campaign_id = c.id AND x.status = 'diajukan'
			AND x.category IN ('operasional', 'biaya_platform')), 0)
		FROM campaigns c WHERE c.org_id = ? AND c.status <> 'draft' ORDER BY c.id DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("expense: shares: %w", err)
	}
	var list []Share
	for rows.Next() {
		var sh Share
		var fund string
		if err := rows.Scan(&sh.CampaignID, &sh.Title, &sh.Slug, &sh.Appeal, &fund, &sh.Pending); err != nil {
			rows.Close()
			return nil, fmt.Errorf("expense: shares: %w", err)
		}
		sh.Zakat, sh.Percent = fund == ledger.FundZakatInfak, s.Policy.Cap(sh.Appeal)
		list = append(list, sh)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("expense: shares: %w", err)
	}
	for _, sh := range list {
		f, err := campaignFigures(ctx, s.DB, sh.CampaignID)
		if err != nil {
			return nil, err
		}
		sh.Raised, sh.Used = f.raised, f.used
		if f.entries > 0 || sh.Pending != 0 {
			out = append(out, sh)
		}
	}
	return out, nil
}
