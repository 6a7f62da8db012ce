// Package ratelimit counts attempts per key in fixed time windows, in the
// database, so that every instance behind a load balancer sees one count.
package ratelimit

import (
	"context"
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
// limit. Old windows are swept now and then by the caller's traffic.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, error) {
	now := time.Now().UTC()
	start := now.Truncate(l.Window)
	var n int
	err := l.DB.QueryRow(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
		ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
		RETURNING count`, key, start).Scan(&n)
	if err != nil {
		return false, err
	}
	if n == 1 && now.UnixNano()%16 == 0 {
		_, _ = l.DB.Exec(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, start.Add(-24*time.Hour))
	}
	return n <= l.Max, nil
}
