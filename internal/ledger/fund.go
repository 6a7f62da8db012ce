package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
)

// Funds a campaign may collect (campaigns.fund).
const (
	// FundUmum is general money, booked in category program.
	FundUmum = "umum"
	// FundZakatInfak is zakat and infak money, booked in CatZakatInfak.
	FundZakatInfak = "zakat_infak"
)

// Funds lists the funds in the order forms offer them.
var Funds = []string{FundUmum, FundZakatInfak}

// CampaignCategory is the category of what a campaign receives: CatZakatInfak
// for a campaign collecting zakat and infak, CatProgram otherwise.
// db.ErrNotFound for an unknown campaign. On PostgreSQL the campaign's row
// is share-locked for the rest of the transaction, so its fund cannot
// change before the entry is appended.
func CampaignCategory(ctx context.Context, tx *db.Tx, campaignID int64) (Category, error) {
	q := `SELECT fund FROM campaigns WHERE id = ?`
	if tx.Dialect == db.Postgres {
		q += ` FOR SHARE`
	}
	var fund string
	err := tx.QueryRow(ctx, q, campaignID).Scan(&fund)
	if errors.Is(err, sql.ErrNoRows) {
		return "", db.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("ledger: campaign fund: %w", err)
	}
	if fund == FundZakatInfak {
		return CatZakatInfak, nil
	}
	return CatProgram, nil
}
