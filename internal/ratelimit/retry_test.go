package ratelimit

import (
	"math/rand/v2"
	"testing"
	"time"
)

// allowedAt applies the sliding-window rule to one more attempt at t,
// given n attempts in the window holding now and prev in the one before.
func allowedAt(t, now time.Time, window time.Duration, limit, n, prev int) bool {
	start := now.Truncate(window)
	switch {
	case t.Before(start.Add(window)):
		return float64(n+1)+float64(prev)*(1-float64(t.Sub(start))/float64(window)) <= float64(limit)
	case t.Before(start.Add(2 * window)):
		return 1+float64(n)*(1-float64(t.Sub(start.Add(window)))/float64(window)) <= float64(limit)
	}
	return true
}

func TestRetryAfter(t *testing.T) {
	w := 15 * time.Minute
	start := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		at      time.Duration // since the window started
		n, prev int
		want    time.Duration
	}{
		{"room left", 5 * time.Minute, 3, 0, 0},
		{"full window", 5 * time.Minute, 10, 0, 11*time.Minute + 30*time.Second},
		{"previous window fading", 0, 5, 20, 12*time.Minute + time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := retryAfter(start.Add(tc.at), w, 10, tc.n, tc.prev); got != tc.want {
				t.Errorf("retryAfter = %v, want %v", got, tc.want)
			}
		})
	}
	// Whatever the counts, one more attempt fits once the wait is over and
	// not two seconds before.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		limit, n, prev := 1+rng.IntN(20), rng.IntN(40), rng.IntN(40)
		now := start.Add(time.Duration(rng.Int64N(int64(w))))
		wait := retryAfter(now, w, limit, n, prev)
		if !allowedAt(now.Add(wait), now, w, limit, n, prev) {
			t.Fatalf("limit %d, n %d, prev %d at %v: still refused after %v", limit, n, prev, now.Sub(start), wait)
		}
		if wait > 2*time.Second && allowedAt(now.Add(wait-2*time.Second), now, w, limit, n, prev) {
			t.Fatalf("limit %d, n %d, prev %d at %v: %v is longer than needed", limit, n, prev, now.Sub(start), wait)
		}
	}
}
