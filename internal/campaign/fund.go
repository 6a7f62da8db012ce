package campaign

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
	"lokadaya/internal/validate"
)

// fund is the fund the input chooses, ledger.FundUmum when blank.
func (in Input) fund() string {
	if in.Fund == "" {
		return ledger.FundUmum
	}
	return in.Fund
}

// ZakatInfak reports whether the campaign collects zakat and infak, kept
// in the ledger's own category.
func (c *Campaign) ZakatInfak() bool { return c.Fund == ledger.FundZakatInfak }

// fundChange allows a change of the campaign's fund only while nothing of
// the campaign is booked in the ledger, so that its entries never end up
// in two categories. The campaign's row is locked first: a confirmation
// reads the fund under a shared lock, so none can book in between.
func fundChange(ctx context.Context, tx *db.Tx, cur *Campaign, fund string) error {
	if cur.Fund == fund {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE campaigns SET fund = fund WHERE id = ?`, cur.ID); err != nil {
		return fmt.Errorf("campaign: lock: %w", err)
	}
	var n int64
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE campaign_id = ?`, cur.ID).Scan(&n); err != nil {
		return fmt.Errorf("campaign: entries: %w", err)
	}
	if n > 0 {
		return validate.Errors{"fund": "campaign.err.fund_locked"}
	}
	return nil
}
