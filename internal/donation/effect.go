package donation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// Figures for the effectiveness review (stage 4): how a campaign's money
// came in and who came back. Only confirmed donations count.

// Methods lists every way to pay, in the order the review shows them.
var Methods = []string{MethodTransfer, MethodQRIS, MethodGateway}

// MethodTotal is the confirmed money that came by one way to pay.
type MethodTotal struct {
	Method string
	Count  int64 // confirmed donations
	Amount int64 // rupiah
}

// ByMethod sums a campaign's confirmed donations per way to pay, one entry
// for each of Methods (zero when none came that way).
func ByMethod(ctx context.Context, q db.Querier, campaignID int64) ([]MethodTotal, error) {
	rows, err := q.Query(ctx, `SELECT method, COUNT(*), COALESCE(SUM(amount), 0) FROM donations
		WHERE campaign_id = ? AND status = 'confirmed' GROUP BY method`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("donation: by method: %w", err)
	}
	defer rows.Close()
	got := map[string]MethodTotal{}
	for rows.Next() {
		var m MethodTotal
		if err := rows.Scan(&m.Method, &m.Count, &m.Amount); err != nil {
			return nil, fmt.Errorf("donation: by method: %w", err)
		}
		got[m.Method] = m
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("donation: by method: %w", err)
	}
	out := make([]MethodTotal, 0, len(Methods))
	for _, m := range Methods {
		out = append(out, MethodTotal{Method: m, Count: got[m].Count, Amount: got[m].Amount})
	}
	return out, nil
}

// knownDonor names a donor across donations by the contact they left: the
// e-mail (trimmed, lower case), else the phone (stored normalised); NULL
// when they left neither, so that they count as nobody's repeat.
const knownDonor = `CASE WHEN TRIM(contact_email) <> '' THEN 'e:' || LOWER(TRIM(contact_email))
	WHEN TRIM(contact_phone) <> '' THEN 'p:' || TRIM(contact_phone) END`

// Repeat counts a campaign's returning donors. Donors are told apart by
// e-mail, else phone; those who left neither cannot be recognised.
type Repeat struct {
	// Known is how many distinct recognisable donors gave (confirmed).
	Known int64
	// Returning gave to an earlier campaign of the same organisation too
	// (one created before this one), confirmed.
	Returning int64
	// Multiple gave more than once to this campaign.
	Multiple int64
}

// RepeatDonors counts a campaign's recognisable, returning and multiple
// donors, from confirmed donations only.
func RepeatDonors(ctx context.Context, q db.Querier, campaignID int64) (Repeat, error) {
	var r Repeat
	err := q.QueryRow(ctx, `WITH k AS (
			SELECT d.campaign_id, `+knownDonor+` AS donor FROM donations d
			WHERE d.status = 'confirmed' AND d.org_id = (SELECT org_id FROM campaigns WHERE id = ?)
		), here AS (
			SELECT donor, COUNT(*) AS gifts FROM k WHERE campaign_id = ? AND donor IS NOT NULL GROUP BY donor
		)
		SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM k e WHERE e.donor = here.donor AND e.campaign_id < ?)
				THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN gifts > 1 THEN 1 ELSE 0 END), 0)
		FROM here`, campaignID, campaignID, campaignID).Scan(&r.Known, &r.Returning, &r.Multiple)
	if err != nil {
		return Repeat{}, fmt.Errorf("donation: repeat donors: %w", err)
	}
	return r, nil
}

// ReachedAt is when a campaign's confirmed money first reached target:
// the confirmation that brought the running total, in order of
// confirmation, to target or beyond. nil when it has not (or target is 0).
func ReachedAt(ctx context.Context, q db.Querier, campaignID, target int64) (*time.Time, error) {
	if target <= 0 {
		return nil, nil
	}
	var at time.Time
	err := q.QueryRow(ctx, `SELECT confirmed_at FROM donations WHERE id = (
			SELECT id FROM (
				SELECT id, confirmed_at, SUM(amount) OVER (ORDER BY confirmed_at, id) AS running
				FROM donations WHERE campaign_id = ? AND status = 'confirmed'
			) t WHERE running >= ? ORDER BY confirmed_at, id LIMIT 1)`, campaignID, target).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("donation: target reached: %w", err)
	}
	at = at.UTC()
	return &at, nil
}

// CampaignTotal is one campaign's confirmed money and distinct donors.
type CampaignTotal struct {
	Confirmed int64
	Donors    int64
}

// OrgCampaignTotals sums the confirmed donations of each campaign of an
// organisation, by campaign id; campaigns without any are absent.
func OrgCampaignTotals(ctx context.Context, q db.Querier, orgID int64) (map[int64]CampaignTotal, error) {
	rows, err := q.Query(ctx, `SELECT m.campaign_id, m.confirmed, m.donors FROM campaign_money m
		JOIN campaigns c ON c.id = m.campaign_id WHERE c.org_id = ? AND m.donors > 0`, orgID)
	if err != nil {
		return nil, fmt.Errorf("donation: campaign totals: %w", err)
	}
	defer rows.Close()
	out := map[int64]CampaignTotal{}
	for rows.Next() {
		var id int64
		var t CampaignTotal
		if err := rows.Scan(&id, &t.Confirmed, &t.Donors); err != nil {
			return nil, fmt.Errorf("donation: campaign totals: %w", err)
		}
		out[id] = t
	}
	return out, rows.Err()
}
