package db

import (
	"context"
	"fmt"
	"strings"
)

// Migration is one forward-only schema step. Exactly one of SQL and Func is
// set. SQL is written once for both databases; see portable for the few
// words rewritten for SQLite.
type Migration struct {
	Version int
	Name    string
	SQL     string
	Func    func(ctx context.Context, tx *Tx) error
}

// migrationLock is the PostgreSQL advisory-lock key that serialises
// migrations when several instances start at once.
const migrationLock = 0x4c6f6b61 // "Loka"

// Migrate applies the migrations not yet recorded, in version order, each in
// its own transaction. It returns how many it applied.
func (d *DB) Migrate(ctx context.Context, ms []Migration) (int, error) {
	if err := d.InTx(ctx, func(tx *Tx) error {
		if err := d.lockMigrations(ctx, tx); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`)
		return err
	}); err != nil {
		return 0, fmt.Errorf("db: migrations table: %w", err)
	}
	applied := 0
	for _, m := range ms {
		done, err := d.applyOne(ctx, m)
		if err != nil {
			return applied, fmt.Errorf("db: migration %04d_%s: %w", m.Version, m.Name, err)
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

func (d *DB) applyOne(ctx context.Context, m Migration) (bool, error) {
	applied := false
	err := d.InTx(ctx, func(tx *Tx) error {
		if err := d.lockMigrations(ctx, tx); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if m.Func != nil {
			if err := m.Func(ctx, tx); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, portable(d.Dialect, m.SQL)); err != nil {
			return err
		}
		applied = true
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.Version, m.Name, Now())
		return err
	})
	return applied, err
}

// lockMigrations holds a transaction-scoped advisory lock on PostgreSQL.
// SQLite needs none: its transactions are IMMEDIATE, so writers queue.
func (d *DB) lockMigrations(ctx context.Context, tx *Tx) error {
	if d.Dialect != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock)
	return err
}

// Version reports the highest applied migration, 0 for an empty database.
func (d *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := d.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// portable rewrites the PostgreSQL spellings that SQLite does not know.
// Migrations use BIGSERIAL PRIMARY KEY for generated ids and BYTEA for bytes.
func portable(dialect Dialect, sql string) string {
	if dialect != SQLite {
		return sql
	}
	return strings.NewReplacer(
		"BIGSERIAL PRIMARY KEY", "INTEGER PRIMARY KEY",
		"BYTEA", "BLOB",
	).Replace(sql)
}
