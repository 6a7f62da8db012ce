// Package audit keeps the log of privileged actions: who did what to which
// record, and why. Entries are written inside the transaction of the action
// they describe, so the log never claims something that was rolled back.
package audit

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/db"
)

// Entry is one recorded action.
type Entry struct {
	ID int64
	At time.Time
	// ActorID is the user who acted; 0 for the system (command line, demo).
	ActorID int64
	// ActorName is copied so that the log survives the actor's deletion.
	ActorName  string
	Action     string
	TargetType string
	TargetID   string
	Detail     string
}

// Record writes e with q, which should be the transaction of the action.
func Record(ctx context.Context, q db.Querier, e Entry) error {
	if e.Action == "" || e.TargetType == "" {
		return fmt.Errorf("audit: action and target type are required")
	}
	if e.At.IsZero() {
		e.At = db.Now()
	}
	var actor any
	if e.ActorID != 0 {
		actor = e.ActorID
	}
	_, err := q.Exec(ctx, `INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.At, actor, e.ActorName, e.Action, e.TargetType, e.TargetID, e.Detail)
	if err != nil {
		return fmt.Errorf("audit: record: %w", err)
	}
	return nil
}

// Filter narrows List; empty fields match everything.
type Filter struct {
	Action     string
	TargetType string
	TargetID   string
	ActorID    int64
	// Before lists only entries older than this id (the cursor of the
	// previous page); 0 starts from the newest.
	Before int64
	// Limit is the page size (default 50, at most 200).
	Limit int
}

// Page is one page of entries, newest first.
type Page struct {
	Entries []Entry
	// Next is the cursor of the following page, 0 when this is the last.
	Next int64
}

// List returns entries matching f, newest first, keyset-paginated by id so
// that a page stays stable while new entries arrive.
func List(ctx context.Context, q db.Querier, f Filter) (Page, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 200)
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if f.Action != "" {
		add("action = ?", f.Action)
	}
	if f.TargetType != "" {
		add("target_type = ?", f.TargetType)
	}
	if f.TargetID != "" {
		add("target_id = ?", f.TargetID)
	}
	if f.ActorID != 0 {
		add("actor_id = ?", f.ActorID)
	}
	if f.Before > 0 {
		add("id < ?", f.Before)
	}
	query := `SELECT id, at, actor_id, actor_name, action, target_type, target_id, detail FROM audit_log`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += fmt.Sprintf(" ORDER BY id DESC LIMIT %d", limit+1)
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return Page{}, fmt.Errorf("audit: list: %w", err)
	}
	defer rows.Close()
	var p Page
	for rows.Next() {
		var e Entry
		var actor sql.NullInt64
		if err := rows.Scan(&e.ID, &e.At, &actor, &e.ActorName, &e.Action, &e.TargetType, &e.TargetID, &e.Detail); err != nil {
			return Page{}, fmt.Errorf("audit: list: %w", err)
		}
		e.At = e.At.UTC()
		e.ActorID = actor.Int64
		p.Entries = append(p.Entries, e)
	}
	if err := rows.Err(); err != nil {
		return Page{}, fmt.Errorf("audit: list: %w", err)
	}
	if len(p.Entries) > limit {
		p.Entries = p.Entries[:limit]
		p.Next = p.Entries[limit-1].ID
	}
	return p, nil
}

// Actions lists the distinct actions in the log, for a filter menu.
func Actions(ctx context.Context, q db.Querier) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT DISTINCT action FROM audit_log ORDER BY action`)
	if err != nil {
		return nil, fmt.Errorf("audit: actions: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, fmt.Errorf("audit: actions: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
