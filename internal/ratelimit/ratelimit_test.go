package ratelimit_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ratelimit"
)

func TestLimitHoldsUnderConcurrency(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		l := &ratelimit.Limiter{DB: d, Max: 5, Window: time.Hour}
		var allowed atomic.Int32
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				ok, err := l.Allow(context.Background(), "login:1.2.3.4")
				if err != nil {
					t.Error(err)
				}
				if ok {
					allowed.Add(1)
				}
			})
		}
		wg.Wait()
		if allowed.Load() != 5 {
			t.Errorf("allowed %d of 20, want 5", allowed.Load())
		}
		if ok, _ := l.Allow(context.Background(), "login:5.6.7.8"); !ok {
			t.Error("another key was limited")
		}
	})
}

// TestLimitCarriesAcrossWindows: attempts just before a window boundary
// still count just after it. The previous window is so full that even its
// last second's share is over the limit, whatever the minute of the hour.
func TestLimitCarriesAcrossWindows(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		l := &ratelimit.Limiter{DB: d, Max: 5, Window: time.Hour}
		now := time.Now().UTC()
		if now.Sub(now.Truncate(time.Hour)) > time.Hour-time.Second {
			t.Skip("the previous window barely overlaps in the last second of the hour")
		}
		prev := now.Truncate(time.Hour).Add(-time.Hour)
		if _, err := d.Exec(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)`, "k", prev, 1_000_000); err != nil {
			t.Fatal(err)
		}
		if ok, err := l.Allow(ctx, "k"); err != nil || ok {
			t.Errorf("Allow after a full previous window = %v, %v; want refused", ok, err)
		}
	})
}
