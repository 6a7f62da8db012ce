// Package ratelimit counts attempts per key in fixed time windows: on
// PostgreSQL in the database, so that every instance behind a load
// balancer sees one count; on SQLite, served by one process, in its
// memory (see memory.go).
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
	n, err := l.add(ctx, key, now)
	if err != nil {
		return false, err
	}
	prev, err := l.count(ctx, key, start.Add(-l.Window))
	if err != nil {
		return false, err
	}
	overlap := 1 - float64(now.Sub(start))/float64(l.Window)
	return float64(n)+float64(prev)*overlap <= float64(l.Max), nil
}

// Record counts an attempt for key without asking whether it is allowed,
// for limits that count only some outcomes (failed logins, say).
func (l *Limiter) Record(ctx context.Context, key string) error {
	_, err := l.add(ctx, key, time.Now().UTC())
	return err
}

// add counts an attempt for key at now and returns the attempts of now's
// window so far: in memory on SQLite (see memory.go), else in the table.
func (l *Limiter) add(ctx context.Context, key string, now time.Time) (int, error) {
	start := now.Truncate(l.Window)
	m := memoryOf(l.DB)
	if m == nil {
		return l.addRow(ctx, key, start, now)
	}
	if n, ok := m.add(key, start, l.Window, now); ok {
		stored, err := l.row(ctx, key, start)
		return n + stored, err
	}
	n, err := l.addRow(ctx, key, start, now)
	return n + m.count(key, start), err
}

// addRow counts an attempt in the table and returns the row's count.
func (l *Limiter) addRow(ctx context.Context, key string, start, now time.Time) (int, error) {
	var n int
	err := l.DB.Write(ctx, func(q db.Querier) error {
		return q.QueryRow(ctx, `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
			ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
			RETURNING count`, key, start).Scan(&n)
	})
	if err != nil {
		return 0, err
	}
	if n == 1 && now.UnixNano()%16 == 0 {
		_ = l.DB.Write(ctx, func(q db.Querier) error {
			_, err := q.Exec(ctx, `DELETE FROM rate_limits WHERE window_start < ?`, start.Add(-24*time.Hour))
			return err
		})
	}
	return n, nil
}

// count is key's attempts in the window starting at start, counted in
// memory and in the table.
func (l *Limiter) count(ctx context.Context, key string, start time.Time) (int, error) {
	n, err := l.row(ctx, key, start)
	if m := memoryOf(l.DB); m != nil {
		n += m.count(key, start)
	}
	return n, err
}

// row is key's count in the table for the window starting at start.
func (l *Limiter) row(ctx context.Context, key string, start time.Time) (int, error) {
	var n int
	err := l.DB.QueryRow(ctx, `SELECT count FROM rate_limits WHERE key = ? AND window_start = ?`, key, start).Scan(&n)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	return n, nil
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
	if n, err = l.count(ctx, key, start); err != nil {
		return 0, 0, err
	}
	if prev, err = l.count(ctx, key, start.Add(-l.Window)); err != nil {
		return 0, 0, err
	}
	return n, prev, nil
}
