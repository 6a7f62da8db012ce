// Package jobs is Lokadaya's background queue, kept in the database so that
// any instance can pick work up and nothing is lost on a restart.
//
// Callers Enqueue a job of some kind with a JSON payload, inside their own
// transaction when the job must exist only if their change commits. A Worker
// claims due jobs one at a time, runs the handler registered for the kind
// and either marks the job done or schedules a retry with backoff.
package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// Job is one stored unit of background work.
type Job struct {
	ID        int64
	Kind      string
	Payload   []byte
	RunAt     time.Time
	Attempts  int
	DoneAt    *time.Time
	FailedAt  *time.Time
	LastError string
	CreatedAt time.Time
}

// Enqueue stores a job of kind to run at runAt (now when zero). The payload
// is encoded as JSON. Pass a transaction as q to tie the job to its commit.
func Enqueue(ctx context.Context, q db.Querier, kind string, payload any, runAt time.Time) (int64, error) {
	body, err := json.Marshal(payload)
	if err != nil {
		return 0, fmt.Errorf("jobs: encode %s payload: %w", kind, err)
	}
	now := db.Now()
	if runAt.IsZero() {
		runAt = now
	}
	var id int64
	err = q.QueryRow(ctx, `INSERT INTO jobs (kind, payload, run_at, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
		kind, string(body), runAt.UTC(), now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("jobs: enqueue %s: %w", kind, err)
	}
	return id, nil
}

const jobColumns = `id, kind, payload, run_at, attempts, done_at, failed_at, last_error, created_at`

func scanJob(row interface{ Scan(...any) error }) (*Job, error) {
	var j Job
	var payload string
	var done, failed sql.NullTime
	if err := row.Scan(&j.ID, &j.Kind, &payload, &j.RunAt, &j.Attempts, &done, &failed,
		&j.LastError, &j.CreatedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		return nil, err
	}
	j.Payload = []byte(payload)
	j.RunAt = j.RunAt.UTC()
	j.CreatedAt = j.CreatedAt.UTC()
	if done.Valid {
		t := done.Time.UTC()
		j.DoneAt = &t
	}
	if failed.Valid {
		t := failed.Time.UTC()
		j.FailedAt = &t
	}
	return &j, nil
}

// Get returns the job with id.
func Get(ctx context.Context, q db.Querier, id int64) (*Job, error) {
	return scanJob(q.QueryRow(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
}

// Recent returns the newest jobs of kind, at most limit of them.
func Recent(ctx context.Context, q db.Querier, kind string, limit int) ([]*Job, error) {
	rows, err := q.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE kind = ? ORDER BY id DESC LIMIT ?`, kind, limit)
	if err != nil {
		return nil, fmt.Errorf("jobs: recent: %w", err)
	}
	defer rows.Close()
	var out []*Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("jobs: recent: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// Purge deletes finished jobs (done or given up) older than before. Mail
// payloads hold personal data, so they should not be kept for ever.
func Purge(ctx context.Context, q db.Querier, before time.Time) (int64, error) {
	res, err := q.Exec(ctx, `DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at < ?`, before.UTC())
	if err != nil {
		return 0, fmt.Errorf("jobs: purge: %w", err)
	}
	return res.RowsAffected()
}
