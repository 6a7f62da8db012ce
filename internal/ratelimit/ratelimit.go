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
	err := l.DB.QueryRow(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
		ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
		RETURNING count`, key, start).Scan(&n)
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
		_, _ = l.DB.Exec(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, start.Add(-24*time.Hour))
	}
	overlap := 1 - float64(now.Sub(start))/float64(l.Window)
	return float64(n)+float64(prev)*overlap <= float64(l.Max), nil
}
