package demo

import (
	"context"
	"fmt"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
)

// subscribeDonors gives the demo campaigns readers of their news: every
// demo donor who left an e-mail asked for it, so an update posted in the
// demo goes to them (the dev outbox shows the e-mails).
func subscribeDonors(ctx context.Context, d *db.DB) error {
	rows, err := d.Query(ctx, `SELECT campaign_id, contact_email, MIN(donor_name) FROM donations
		WHERE contact_email <> '' GROUP BY campaign_id, contact_email ORDER BY campaign_id, contact_email`)
	if err != nil {
		return fmt.Errorf("demo: news subscribers: %w", err)
	}
	type sub struct {
		campaignID  int64
		email, name string
	}
	var subs []sub
	for rows.Next() {
		var s sub
		if err := rows.Scan(&s.campaignID, &s.email, &s.name); err != nil {
			rows.Close()
			return fmt.Errorf("demo: news subscribers: %w", err)
		}
		subs = append(subs, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: news subscribers: %w", err)
	}
	for _, s := range subs {
		if err := campaign.Subscribe(ctx, d, s.campaignID, s.email, s.name, "id"); err != nil {
			return fmt.Errorf("demo: subscribe %s: %w", s.email, err)
		}
	}
	return nil
}
