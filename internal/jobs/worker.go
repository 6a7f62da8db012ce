package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"lokadaya/internal/db"
)

// Handler does the work of one job. A returned error schedules a retry,
// unless it wraps ErrPermanent.
type Handler func(ctx context.Context, payload []byte) error

// ErrPermanent marks a failure that retrying cannot cure (a payload that
// cannot be decoded, an address that cannot exist); the job is given up.
var ErrPermanent = errors.New("permanent failure")

// Permanent wraps err so that the worker does not retry it.
func Permanent(err error) error { return fmt.Errorf("%w: %w", ErrPermanent, err) }

// Defaults for a Worker's zero fields.
const (
	DefaultLease       = 5 * time.Minute
	DefaultPoll        = 2 * time.Second
	DefaultMaxAttempts = 8
	DefaultKeep        = 30 * 24 * time.Hour
)

// Worker claims due jobs of the kinds it has handlers for and runs them.
// Several workers, in one process or many, may share a database: a job is
// claimed by a conditional UPDATE that only one of them can win.
type Worker struct {
	DB  *db.DB
	Log *slog.Logger
	// Lease is how long a claimed job stays locked; a worker that dies
	// mid-job frees it for another after this. Handlers get it as deadline.
	Lease time.Duration
	// Poll is the pause between looks at an empty queue.
	Poll time.Duration
	// MaxAttempts is after how many failed runs a job is given up.
	MaxAttempts int
	// Backoff is the wait before retry number attempt (1 after the first
	// failure); exponential from 30 s, capped at 6 h, when nil.
	Backoff func(attempt int) time.Duration
	// Keep is how long finished jobs are kept before Run purges them.
	Keep time.Duration

	handlers map[string]Handler
}

// Handle registers h for jobs of kind.
func (w *Worker) Handle(kind string, h Handler) {
	if w.handlers == nil {
		w.handlers = map[string]Handler{}
	}
	w.handlers[kind] = h
}

// defaultBackoff doubles from 30 seconds up to six hours.
func defaultBackoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < 6*time.Hour; i++ {
		d *= 2
	}
	return min(d, 6*time.Hour)
}

func (w *Worker) lease() time.Duration { return orDefault(w.Lease, DefaultLease) }
func (w *Worker) poll() time.Duration  { return orDefault(w.Poll, DefaultPoll) }

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

func (w *Worker) logger() *slog.Logger {
	if w.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return w.Log
}

// Run works until ctx is cancelled, then returns nil. Errors of the queue
// itself (the database is away) are logged and retried after a pause.
func (w *Worker) Run(ctx context.Context) error {
	lastPurge := time.Time{}
	for ctx.Err() == nil {
		ran, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.logger().Error("jobs: worker", "err", err)
		}
		if time.Since(lastPurge) > time.Hour {
			lastPurge = time.Now()
			if _, err := Purge(ctx, w.DB, db.Now().Add(-orDefault(w.Keep, DefaultKeep))); err != nil && ctx.Err() == nil {
				w.logger().Error("jobs: purge", "err", err)
			}
		}
		if ran && err == nil {
			continue // there may be more waiting
		}
		select {
		case <-ctx.Done():
		case <-time.After(w.poll()):
		}
	}
	return nil
}

// RunOnce claims one due job and runs it. It reports whether there was one.
func (w *Worker) RunOnce(ctx context.Context) (bool, error) {
	job, err := w.claim(ctx)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	runCtx, cancel := context.WithTimeout(ctx, w.lease())
	runErr := w.run(runCtx, job)
	cancel()
	if runErr == nil {
		_, err = w.DB.Exec(ctx, `UPDATE jobs SET done_at = ?, locked_until = NULL, last_error = '' WHERE id = ?`,
			db.Now(), job.ID)
		return true, err
	}
	return true, w.fail(ctx, job, runErr)
}

// run calls the job's handler, turning a panic into an error so that one
// bad payload cannot stop the worker.
func (w *Worker) run(ctx context.Context, job *Job) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	return w.handlers[job.Kind](ctx, job.Payload)
}

// fail records err and schedules the next attempt, or gives up.
func (w *Worker) fail(ctx context.Context, job *Job, runErr error) error {
	msg := runErr.Error()
	if len(msg) > 2000 {
		msg = msg[:2000]
	}
	now := db.Now()
	maxAttempts := w.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = DefaultMaxAttempts
	}
	if job.Attempts >= maxAttempts || errors.Is(runErr, ErrPermanent) {
		w.logger().Error("jobs: giving up", "id", job.ID, "kind", job.Kind, "attempts", job.Attempts, "err", msg)
		_, err := w.DB.Exec(ctx, `UPDATE jobs SET done_at = ?, failed_at = ?, locked_until = NULL, last_error = ? WHERE id = ?`,
			now, now, msg, job.ID)
		return err
	}
	backoff := w.Backoff
	if backoff == nil {
		backoff = defaultBackoff
	}
	w.logger().Warn("jobs: will retry", "id", job.ID, "kind", job.Kind, "attempts", job.Attempts, "err", msg)
	_, err := w.DB.Exec(ctx, `UPDATE jobs SET run_at = ?, locked_until = NULL, last_error = ? WHERE id = ?`,
		now.Add(backoff(job.Attempts)), msg, job.ID)
	return err
}

// claim locks one due job for this worker. Two workers may pick the same
// candidate; the UPDATE's condition lets only one of them lock it, and the
// loser looks again.
func (w *Worker) claim(ctx context.Context) (*Job, error) {
	kinds := make([]string, 0, len(w.handlers))
	for k := range w.handlers {
		kinds = append(kinds, k)
	}
	if len(kinds) == 0 {
		return nil, db.ErrNotFound
	}
	sort.Strings(kinds)
	in := db.Marks(len(kinds))
	for range 5 {
		now := db.Now()
		args := []any{now, now}
		for _, k := range kinds {
			args = append(args, k)
		}
		var id int64
		err := w.DB.QueryRow(ctx, `SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= ?
			AND (locked_until IS NULL OR locked_until < ?) AND kind IN (`+in+`)
			ORDER BY run_at, id LIMIT 1`, args...).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		if err != nil {
			return nil, fmt.Errorf("jobs: claim: %w", err)
		}
		res, err := w.DB.Exec(ctx, `UPDATE jobs SET locked_until = ?, attempts = attempts + 1
			WHERE id = ? AND done_at IS NULL AND (locked_until IS NULL OR locked_until < ?)`,
			now.Add(w.lease()), id, now)
		if err != nil {
			return nil, fmt.Errorf("jobs: claim: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return nil, fmt.Errorf("jobs: claim: %w", err)
		} else if n == 1 {
			return Get(ctx, w.DB, id)
		}
	}
	return nil, db.ErrNotFound
}
