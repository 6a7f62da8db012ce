package generate

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"lokadaya/internal/db"
)

// table is one destination of the bulk load: its columns and the rows
// waiting to be written.
type table struct {
	name    string
	cols    []string
	rows    [][]any
	written int64
	stmt    *sql.Stmt // SQLite: the prepared multi-row INSERT
	perStmt int       // SQLite: rows per prepared INSERT
}

// loader writes rows in bulk: multi-row prepared INSERTs inside large
// transactions on SQLite (one connection, foreign-key checks and fsync off
// for the load), COPY on PostgreSQL. Rows are buffered per table and
// written table by table in the order the tables were declared, so a
// parent row always lands before the rows that point at it.
type loader struct {
	dialect  db.Dialect
	tables   []*table
	buffered int
	// flushAt is how many buffered rows trigger a write.
	flushAt int

	conn        *sql.Conn // SQLite
	inTx        bool
	sinceCommit int
	pg          *pgx.Conn // PostgreSQL

	// deferred are the indexes dropped for the load, built again by finish.
	deferred []index
}

// index is a secondary index and the statement that creates it.
type index struct{ name, create string }

// deferredTables are the tables whose secondary indexes are dropped for the
// load and built once after it: sorting every row once is far cheaper than
// updating half a dozen indexes row by row, most of them in random order.
// Only the contribution tables and the ledger: the triggers that stay on
// during the load (open publishers) read the indexes of organisations,
// initiatives and campaigns.
var deferredTables = []string{"donations", "goods_pledges", "goods_receipts", "volunteer_signups",
	"volunteer_hours", "offers", "ledger_entries"}

// SQLite page cache sizes in KiB (negative): 256 MB for the load, and
// SQLite's default, which db.Open leaves.
const (
	loadCacheSize    = "-262144"
	defaultCacheSize = "-2000"
)

// sqliteVars is the most bound parameters one SQLite statement may hold.
const sqliteVars = 32766

// withLoader runs fn with a loader on a connection of its own, and restores
// that connection's settings afterwards.
func withLoader(ctx context.Context, d *db.DB, fn func(l *loader) error) error {
	conn, err := d.Conn(ctx)
	if err != nil {
		return fmt.Errorf("generate: connection: %w", err)
	}
	defer conn.Close()
	l := &loader{dialect: d.Dialect, flushAt: 20000}
	if d.Dialect == db.Postgres {
		return conn.Raw(func(dc any) error {
			sc, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("generate: unexpected PostgreSQL driver %T", dc)
			}
			l.pg = sc.Conn()
			for _, q := range []string{`SET synchronous_commit = off`, `SET maintenance_work_mem = '512MB'`} {
				if _, err := l.pg.Exec(ctx, q); err != nil {
					return fmt.Errorf("generate: %w", err)
				}
			}
			err := l.dropIndexes(ctx)
			if err == nil {
				err = fn(l)
			}
			for _, q := range []string{`RESET synchronous_commit`, `RESET maintenance_work_mem`} {
				_, _ = l.pg.Exec(context.WithoutCancel(ctx), q)
			}
			return err
		})
	}
	l.conn = conn
	for _, p := range []string{`PRAGMA foreign_keys = OFF`, `PRAGMA synchronous = OFF`,
		`PRAGMA cache_size = ` + loadCacheSize, `PRAGMA temp_store = MEMORY`} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("generate: %s: %w", p, err)
		}
	}
	err = l.dropIndexes(ctx)
	if err == nil {
		err = fn(l)
	}
	bg := context.WithoutCancel(ctx)
	if l.inTx {
		_, _ = conn.ExecContext(bg, `ROLLBACK`)
	}
	for _, t := range l.tables {
		if t.stmt != nil {
			t.stmt.Close()
		}
	}
	// Back to what db.Open sets, before the connection returns to the pool.
	for _, p := range []string{`PRAGMA foreign_keys = ON`, `PRAGMA synchronous = NORMAL`, `PRAGMA cache_size = ` + defaultCacheSize} {
		if _, perr := conn.ExecContext(bg, p); perr != nil && err == nil {
			err = fmt.Errorf("generate: %s: %w", p, perr)
		}
	}
	return err
}

// table declares a destination. Declare parents before children.
func (l *loader) table(name string, cols ...string) *table {
	t := &table{name: name, cols: cols}
	t.perStmt = min(500, sqliteVars/len(cols))
	l.tables = append(l.tables, t)
	return t
}

// add buffers one row of t, writing everything once enough is buffered.
func (l *loader) add(ctx context.Context, t *table, row ...any) error {
	if len(row) != len(t.cols) {
		return fmt.Errorf("generate: %s: %d values for %d columns", t.name, len(row), len(t.cols))
	}
	t.rows = append(t.rows, row)
	l.buffered++
	if l.buffered >= l.flushAt {
		return l.flush(ctx)
	}
	return nil
}

// flush writes every buffered row, tables in declaration order.
func (l *loader) flush(ctx context.Context) error {
	for _, t := range l.tables {
		if len(t.rows) == 0 {
			continue
		}
		var err error
		if l.pg != nil {
			err = l.copyPG(ctx, t)
		} else {
			err = l.insertSQLite(ctx, t)
		}
		if err != nil {
			return fmt.Errorf("generate: write %s: %w", t.name, err)
		}
		t.written += int64(len(t.rows))
		t.rows = t.rows[:0]
	}
	l.buffered = 0
	return nil
}

// finish writes what is left, commits and builds the deferred indexes.
func (l *loader) finish(ctx context.Context) error {
	if err := l.flush(ctx); err != nil {
		return err
	}
	if l.inTx {
		l.inTx = false
		if _, err := l.conn.ExecContext(ctx, `COMMIT`); err != nil {
			return fmt.Errorf("generate: commit: %w", err)
		}
	}
	for _, ix := range l.deferred {
		if err := l.exec(ctx, ix.create); err != nil {
			return fmt.Errorf("generate: build index %s: %w", ix.name, err)
		}
	}
	l.deferred = nil
	return nil
}

// dropIndexes drops the secondary indexes of deferredTables, remembering
// them for finish. Indexes that back a primary key or a unique constraint
// stay: they are part of the table.
func (l *loader) dropIndexes(ctx context.Context) error {
	for _, t := range deferredTables {
		list, err := l.indexes(ctx, t)
		if err != nil {
			return fmt.Errorf("generate: indexes of %s: %w", t, err)
		}
		for _, ix := range list {
			if err := l.exec(ctx, `DROP INDEX `+ix.name); err != nil {
				return fmt.Errorf("generate: drop index %s: %w", ix.name, err)
			}
			l.deferred = append(l.deferred, ix)
		}
	}
	return nil
}

// indexes lists table's secondary indexes.
func (l *loader) indexes(ctx context.Context, table string) ([]index, error) {
	if l.pg != nil {
		rows, err := l.pg.Query(ctx, `SELECT c.relname, pg_get_indexdef(x.indexrelid)
			FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
			WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
			ORDER BY c.relname`, table)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		return scanIndexes(rows)
	}
	// Indexes SQLite makes for PRIMARY KEY and UNIQUE have no SQL.
	rows, err := l.conn.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanIndexes(rows)
}

// scanIndexes reads (name, create statement) rows of either driver.
func scanIndexes(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
}) ([]index, error) {
	var list []index
	for rows.Next() {
		var ix index
		if err := rows.Scan(&ix.name, &ix.create); err != nil {
			return nil, err
		}
		list = append(list, ix)
	}
	return list, rows.Err()
}

// exec runs one statement without arguments on the loader's connection.
func (l *loader) exec(ctx context.Context, q string) error {
	if l.pg != nil {
		_, err := l.pg.Exec(ctx, q)
		return err
	}
	_, err := l.conn.ExecContext(ctx, q)
	return err
}

func (l *loader) copyPG(ctx context.Context, t *table) error {
	_, err := l.pg.CopyFrom(ctx, pgx.Identifier{t.name}, t.cols, pgx.CopyFromRows(t.rows))
	return err
}

// insertSQLite writes t's rows with a prepared INSERT of perStmt rows, the
// remainder with one statement of its own. A transaction spans about half
// a million rows.
func (l *loader) insertSQLite(ctx context.Context, t *table) error {
	if !l.inTx {
		if _, err := l.conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
			return err
		}
		l.inTx, l.sinceCommit = true, 0
	}
	rows := t.rows
	args := make([]any, 0, t.perStmt*len(t.cols))
	for len(rows) >= t.perStmt {
		if t.stmt == nil {
			st, err := l.conn.PrepareContext(ctx, insertSQL(t, t.perStmt))
			if err != nil {
				return err
			}
			t.stmt = st
		}
		args = args[:0]
		for _, r := range rows[:t.perStmt] {
			args = append(args, r...)
		}
		if _, err := t.stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
		rows = rows[t.perStmt:]
	}
	if len(rows) > 0 {
		args = args[:0]
		for _, r := range rows {
			args = append(args, r...)
		}
		if _, err := l.conn.ExecContext(ctx, insertSQL(t, len(rows)), args...); err != nil {
			return err
		}
	}
	l.sinceCommit += len(t.rows)
	if l.sinceCommit >= 500000 {
		l.inTx = false
		if _, err := l.conn.ExecContext(ctx, `COMMIT`); err != nil {
			return err
		}
	}
	return nil
}

// insertSQL is an INSERT of n rows of t.
func insertSQL(t *table, n int) string {
	one := "(" + db.Marks(len(t.cols)) + ")"
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return b.String()
}
