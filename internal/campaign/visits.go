package campaign

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

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
