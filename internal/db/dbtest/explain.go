package dbtest

import (
	"context"

	"lokadaya/internal/db"
)

// Explain returns the plan the database chooses for q, one line per step:
// SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN with
// sequential scans priced out, so a plan test's tiny tables still show
// whether an index can serve the query.
func Explain(ctx context.Context, d *db.DB, q string, args ...any) ([]string, error) {
	var lines []string
	if d.Dialect == db.SQLite {
		rows, err := d.Query(ctx, `EXPLAIN QUERY PLAN `+q, args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				return nil, err
			}
			lines = append(lines, detail)
		}
		return lines, rows.Err()
	}
	err := d.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `EXPLAIN `+q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				return err
			}
			lines = append(lines, line)
		}
		return rows.Err()
	})
	return lines, err
}
