// Package ratelimit counts attempts per key in fixed time windows, in the
// database, so that every instance behind a load balancer sees one count.
package ratelimit

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"lokadaya/internal/db"
)

// Limiter allows Max attempts per key in each Window.
type Limiter struct {
	DB     *db.DB
	Max    int
	Window time.Duration
}

// Allow records an attempt for key and reports whether it is within the
// limit. The count is a sliding window: this window's attempts plus the
// previous window's, weighted by how much of it still overlaps the last
// Window of time. A plain fixed window would let a client (or a test)
// double its attempts across a window boundary. Old windows are swept now
// and then by the callers' own traffic.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, error) {
	now := time.Now().UTC()
	start := now.Truncate(l.Window)
	var n int
	err := l.DB.Write(ctx, func(q db.Querier) error {
		return q.QueryRow(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
			ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
			RETURNING count`, key, start).Scan(&n)
	})
	if err != nil {
		return false, err
	}
	var prev int
	err = l.DB.QueryRow(ctx, `SELECT count FROM rate_limits WHERE key = ? AND window_start = ?`,
		key, start.Add(-l.Window)).Scan(&prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if n == 1 && now.UnixNano()%16 == 0 {
		_ = l.DB.Write(ctx, func(q db.Querier) error {
			_, err := q.Exec(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, start.Add(-24*time.Hour))
			return err
		})
	}
	overlap := 1 - float64(now.Sub(start))/float64(l.Window)
	return float64(n)+float64(prev)*overlap <= float64(l.Max), nil
}

// Record counts an attempt for key without asking whether it is allowed,
// for limits that count only some outcomes (failed logins, say).
func (l *Limiter) Record(ctx context.Context, key string) error {
	return l.DB.Write(ctx, func(q db.Querier) error {
		_, err := q.Exec(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
			ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1`, key, time.Now().UTC().Truncate(l.Window))
		return err
	})
}

// Over reports, without counting anything, whether one more attempt for
// key would be refused now.
func (l *Limiter) Over(ctx context.Context, key string) (bool, error) {
	now := time.Now().UTC()
	n, prev, err := l.counts(ctx, key, now)
	if err != nil {
		return false, err
	}
	start := now.Truncate(l.Window)
	overlap := 1 - float64(now.Sub(start))/float64(l.Window)
	return float64(n+1)+float64(prev)*overlap > float64(l.Max), nil
}

// RetryAfter is how long key must wait until one more attempt is
// allowed, if it makes none meanwhile: zero when it may try now. It is
// what a 429 answer's Retry-After header says.
func (l *Limiter) RetryAfter(ctx context.Context, key string) (time.Duration, error) {
	now := time.Now().UTC()
	n, prev, err := l.counts(ctx, key, now)
	if err != nil {
		return 0, err
	}
	return retryAfter(now, l.Window, l.Max, n, prev), nil
}

// retryAfter solves the sliding-window rule for the first moment one more
// attempt fits: in this window while the previous one's weight fades, or
// else in the next, while this one's fades.
func retryAfter(now time.Time, window time.Duration, limit, n, prev int) time.Duration {
	start := now.Truncate(window)
	room := float64(limit - 1) // the attempts that may already be counted
	var at time.Time
	switch {
	case float64(n) <= room && float64(n)+float64(prev)*(1-float64(now.Sub(start))/float64(window)) <= room:
		return 0
	case float64(n) <= room: // prev > 0: wait for its weight to fall
		at = start.Add(time.Duration(float64(window) * (1 - (room-float64(n))/float64(prev))))
	default: // this window is full: wait for its weight to fall in the next one
		at = start.Add(window).Add(time.Duration(float64(window) * (1 - room/float64(n))))
	}
	// Rounded up to whole seconds, as the header carries them.
	return max(at.Sub(now).Truncate(time.Second)+time.Second, time.Second)
}

// counts returns key's attempts in the window holding now and in the
// window before it.
func (l *Limiter) counts(ctx context.Context, key string, now time.Time) (n, prev int, err error) {
	start := now.Truncate(l.Window)
	for _, c := range []struct {
		at  time.Time
		dst *int
	}{{start, &n}, {start.Add(-l.Window), &prev}} {
		err := l.DB.QueryRow(ctx, `SELECT count FROM rate_limits WHERE key = ? AND window_start = ?`, key, c.at).Scan(c.dst)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, 0, err
		}
	}
	return n, prev, nil
}
