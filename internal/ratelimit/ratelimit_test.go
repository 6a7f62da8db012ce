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
