package campaign

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"lokadaya/internal/db"
)

// VisitCounter gathers public page views in memory and writes them in one
// transaction every few seconds. A view then costs no write of its own: a
// busy campaign page neither waits for the database's single writer (on
// SQLite) nor empties every cached page with each view. A count still in
// memory when the process dies is lost; a view is not worth more.
type VisitCounter struct {
	Store *Store

	mu      sync.Mutex
	pending map[visitKey]int64
}

// visitKey is one campaign's day, as campaign_visits keeps it.
type visitKey struct {
	campaign int64
	day      string
}

// Add counts one view of a campaign's public page today, a day of zone (the
// organisation's, so that pages list its own days; UTC when nil).
func (v *VisitCounter) Add(campaignID int64, zone *time.Location) {
	if zone == nil {
		zone = time.UTC
	}
	key := visitKey{campaign: campaignID, day: v.Store.now().In(zone).Format(dateLayout)}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.pending == nil {
		v.pending = map[visitKey]int64{}
	}
	v.pending[key]++
}

// take hands over the counts gathered so far and starts afresh.
func (v *VisitCounter) take() map[visitKey]int64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := v.pending
	v.pending = nil
	return out
}

// giveBack returns counts a failed write could not keep, so the next
// flush tries them again.
func (v *VisitCounter) giveBack(counts map[visitKey]int64) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.pending == nil {
		v.pending = map[visitKey]int64{}
	}
	for k, n := range counts {
		v.pending[k] += n
	}
}

// Flush adds the gathered counts to campaign_visits in one transaction.
// A campaign deleted meanwhile has its views dropped; on any other
// failure the counts wait for the next flush.
func (v *VisitCounter) Flush(ctx context.Context) error {
	counts := v.take()
	if len(counts) == 0 {
		return nil
	}
	err := v.Store.DB.InTx(ctx, func(tx *db.Tx) error {
		for k, n := range counts {
			_, err := tx.Exec(ctx, `INSERT INTO campaign_visits (campaign_id, day, count)
				SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM campaigns WHERE id = ?)
				ON CONFLICT (campaign_id, day) DO UPDATE SET count = campaign_visits.count + excluded.count`,
				k.campaign, k.day, n, k.campaign)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		v.giveBack(counts)
		return fmt.Errorf("campaign: visits: %w", err)
	}
	return nil
}

// Run flushes every interval until ctx ends. The caller flushes once more
// when it has stopped taking requests.
func (v *VisitCounter) Run(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := v.Flush(ctx); err != nil && ctx.Err() == nil {
				log.Warn("campaign visits not written yet", "err", err)
			}
		}
	}
}
