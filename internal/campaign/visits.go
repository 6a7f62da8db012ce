package campaign

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"lokadaya/internal/db"
)

// Visit counts one public view of a campaign's page today, a day of zone
// (the organisation's, so that pages list its own days; UTC when nil).
// The UPDATE-then-INSERT pair is portable; when two first views of a day
// race, the loser of the INSERT retries the UPDATE.
func (s *Store) Visit(ctx context.Context, campaignID int64, zone *time.Location) error {
	if zone == nil {
		zone = time.UTC
	}
	day := s.now().In(zone).Format(dateLayout)
	for range 2 {
		res, err := s.DB.Exec(ctx, `UPDATE campaign_visits SET count = count + 1 WHERE campaign_id = ? AND day = ?`, campaignID, day)
		if err != nil {
			return fmt.Errorf("campaign: visit: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && n > 0 {
			return nil
		}
		_, err = s.DB.Exec(ctx, `INSERT INTO campaign_visits (campaign_id, day, count) VALUES (?, ?, 1)`, campaignID, day)
		if err == nil {
			return nil
		}
		if !db.IsUniqueViolation(err) {
			return fmt.Errorf("campaign: visit: %w", err)
		}
	}
	return nil
}

// Visits lists a campaign's page views per day, oldest first, and the total.
func (s *Store) Visits(ctx context.Context, campaignID int64) ([]Visit, int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT day, count FROM campaign_visits WHERE campaign_id = ? ORDER BY day`, campaignID)
	if err != nil {
		return nil, 0, fmt.Errorf("campaign: visits: %w", err)
	}
	defer rows.Close()
	var out []Visit
	var total int64
	for rows.Next() {
		var v Visit
		if err := rows.Scan(&v.Day, &v.Count); err != nil {
			return nil, 0, fmt.Errorf("campaign: visits: %w", err)
		}
		total += v.Count
		out = append(out, v)
	}
	return out, total, rows.Err()
}

// RunEndDue calls EndDue every interval until ctx ends. Every instance
// may run it: the UPDATE is idempotent.
func (s *Store) RunEndDue(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.EndDue(ctx); err != nil && ctx.Err() == nil {
			log.Error("campaigns not ended", "err", err)
		} else if n > 0 {
			log.Info("campaigns ended at their deadline", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
