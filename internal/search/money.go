package search

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// moneyOverlap is how far back each look at confirmed donations reaches
// before the last one, so a confirmation committed late (its time taken
// before an earlier look ran) is not missed. Seeing one twice is harmless.
const moneyOverlap = 2 * time.Minute

// RefreshMoney indexes again the campaigns that had a donation confirmed
// since the last call, so their money raised and "most needed" order stay
// current however the money came in (a treasurer, the gateway, a bank
// statement). It returns how many campaigns it refreshed.
func (x *Index) RefreshMoney(ctx context.Context) (int, error) {
	start := x.now()
	var since string
	err := x.DB.QueryRow(ctx, `SELECT value FROM search_meta WHERE name = 'money_since'`).Scan(&since)
	if err != nil && !isNoRows(err) {
		return 0, fmt.Errorf("search: money: %w", err)
	}
	from := start.Add(-moneyOverlap)
	if t, perr := time.Parse(time.RFC3339Nano, since); err == nil && perr == nil {
		from = t.Add(-moneyOverlap)
	}
	ids, err := idList(ctx, x.DB, `SELECT DISTINCT campaign_id FROM donations WHERE confirmed_at > ?`, from)
	if err != nil {
		return 0, fmt.Errorf("search: money: %w", err)
	}
	if err := x.refreshMany(ctx, TypeCampaign, ids); err != nil {
		return 0, err
	}
	if err := x.setMeta(ctx, "money_since", start.Format(time.RFC3339Nano)); err != nil {
		return 0, err
	}
	return len(ids), nil
}

// setMeta stores one value of search_meta.
func (x *Index) setMeta(ctx context.Context, name, value string) error {
	_, err := x.DB.Exec(ctx, `INSERT INTO search_meta (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
	if err != nil {
		return fmt.Errorf("search: meta %s: %w", name, err)
	}
	return nil
}

// RunRefreshMoney calls RefreshMoney every interval until ctx ends. Every
// instance may run it: refreshing a document twice changes nothing.
func (x *Index) RunRefreshMoney(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := x.RefreshMoney(ctx); err != nil && ctx.Err() == nil {
			log.Error("search money figures not refreshed", "err", err)
		} else if n > 0 {
			log.Debug("search money figures refreshed", "campaigns", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
