// Package db opens Lokadaya's storage (SQLite by default, PostgreSQL for
// multi-instance deployments) and hides the few differences between the two.
//
// Queries are written once, with '?' placeholders; Rebind turns them into
// PostgreSQL's $1, $2, … form. Everything else is kept to the SQL both accept.
package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Dialect names the SQL flavour behind a DB.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ErrNotFound is returned by stores when a row does not exist.
var ErrNotFound = errors.New("not found")

// DB is a connection pool together with its dialect.
type DB struct {
	*sql.DB
	Dialect Dialect
	URL     string
	// writers queues this process's SQLite transactions: SQLite has one
	// writer at a time, and waiting here is cheaper and fairer than its
	// busy handler, which polls with growing sleeps. Nil on PostgreSQL.
	writers chan struct{}
	// writeConn is the connection SQLite transactions run on (see
	// begin); only the holder of the writers' turn touches it.
	writeConn *sql.Conn
	// open is a transaction left uncommitted for those waiting to join
	// it (see batch.go); waiting counts them. Only the holder of the
	// writers' turn touches open.
	open    *batch
	waiting atomic.Int32
	commits atomic.Int64 // SQLite transactions ended, to see batches form
	stmts   *stmtCache   // SQLite's prepared statements; nil on PostgreSQL
	version versioner    // see WriteVersion
}

// Open connects to url: "sqlite:PATH" (or a bare path) or "postgres://…".
func Open(ctx context.Context, url string) (*DB, error) {
	d := &DB{URL: url}
	var err error
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		d.Dialect = Postgres
		d.DB, err = openPostgres(url)
		if err == nil {
			d.SetMaxOpenConns(20)
			d.SetMaxIdleConns(10)
			d.SetConnMaxIdleTime(5 * time.Minute)
		}
	default:
		d.Dialect = SQLite
		d.writers = make(chan struct{}, 1)
		d.DB, err = openSQLite(strings.TrimPrefix(url, "sqlite:"))
		d.stmts = &stmtCache{pool: d.DB}
	}
	if err != nil {
		return nil, fmt.Errorf("db: open: %w", err)
	}
	if err := d.PingContext(ctx); err != nil {
		d.Close()
		return nil, fmt.Errorf("db: ping: %w", err)
	}
	return d, nil
}

// openPostgres opens url with plans made for each statement's own
// arguments (plan_cache_mode force_custom_plan) unless the URL chooses.
// After five runs of a prepared statement PostgreSQL otherwise settles on
// a generic plan, priced without the arguments: on 10 million
// contributions that plan read a whole index for a common word, a big
// province or the country, and the home page, a province's page and the
// map took 115–250 ms instead of 4–20 ms.
func openPostgres(url string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	if _, set := cfg.RuntimeParams["plan_cache_mode"]; !set {
		cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	return stdlib.OpenDB(*cfg), nil
}

// openSQLite opens path in WAL mode with foreign keys and a busy timeout.
// Transactions start IMMEDIATE so that two writers queue on the busy timeout
// instead of failing when a read lock is upgraded.
func openSQLite(path string) (*sql.DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, err
		}
	}
	dsn := "file:" + uriPath(path) + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite"
	pool, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	pool.SetMaxOpenConns(8)
	pool.SetMaxIdleConns(8)
	return pool, nil
}

// uriPath escapes what a "file:" URI would read otherwise: a '?' starts
// its parameters, a '#' its fragment, and '%' escapes; a path holding one
// (a directory named "a#1") would open another file.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Rebind rewrites '?' placeholders for the dialect. Question marks inside
// single-quoted strings are left alone.
func (d *DB) Rebind(q string) string {
	return rebind(d.Dialect, q)
}

func rebind(dialect Dialect, q string) string {
	if dialect != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n, quoted := 0, false
	for _, r := range q {
		switch {
		case r == '\'':
			quoted = !quoted
			b.WriteRune(r)
		case r == '?' && !quoted:
			n++
			fmt.Fprintf(&b, "$%d", n)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Exec runs a statement written with '?' placeholders.
func (d *DB) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := d.prepared(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return d.ExecContext(ctx, d.Rebind(q), args...)
}

// Query runs a query written with '?' placeholders.
func (d *DB) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := d.prepared(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return d.QueryContext(ctx, d.Rebind(q), args...)
}

// QueryRow runs a single-row query written with '?' placeholders.
func (d *DB) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if st := d.prepared(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return d.QueryRowContext(ctx, d.Rebind(q), args...)
}

// prepared is q kept prepared, on SQLite; nil otherwise.
func (d *DB) prepared(ctx context.Context, q string) *sql.Stmt {
	if d.stmts == nil {
		return nil
	}
	return d.stmts.get(ctx, q)
}

// Tx is a transaction that rebinds like DB.
type Tx struct {
	*sql.Tx
	Dialect Dialect
	stmts   *stmtCache // nil on PostgreSQL
	// shared marks a transaction others may share (see batch.go): a
	// statement started runs to its end even when the caller's context
	// ends meanwhile, as SQLite rolls back the whole transaction when a
	// write is interrupted, and with it the others' work. One not started
	// yet fails with the context's error, as usual.
	shared bool
}

// stmtCtx is the context a statement of t runs under.
func (t *Tx) stmtCtx(ctx context.Context) context.Context {
	if t.shared && ctx.Err() == nil {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

// Exec runs a statement inside the transaction.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	ctx = t.stmtCtx(ctx)
	if st := t.prepared(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.ExecContext(ctx, rebind(t.Dialect, q), args...)
}

// Query runs a query inside the transaction. It is never run from a
// statement kept prepared: a loop over its rows may run the same text
// again, and one prepared statement has one cursor.
func (t *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	ctx = t.stmtCtx(ctx)
	return t.QueryContext(ctx, rebind(t.Dialect, q), args...)
}

// QueryRow runs a single-row query inside the transaction.
func (t *Tx) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	ctx = t.stmtCtx(ctx)
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.QueryRowContext(ctx, rebind(t.Dialect, q), args...)
}

// prepared is q kept prepared, bound to the transaction, on SQLite; nil
// otherwise.
func (t *Tx) prepared(ctx context.Context, q string) *sql.Stmt {
	if t.stmts == nil {
		return nil
	}
	st := t.stmts.forTx(q)
	if st == nil {
		return nil
	}
	return t.StmtContext(ctx, st)
}

// InTx runs fn in a transaction, committing when fn returns nil.
// On SQLite, transactions that queue at the same time share one commit
// (see batch.go); each still returns only once its writes are committed.
func (d *DB) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	if d.writers != nil {
		return d.inBatch(ctx, fn)
	}
	if err := d.queue(ctx); err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	defer d.unqueue()
	sqlTx, err := d.begin(ctx)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	// A panic in fn must not leave the transaction open on the kept
	// connection; after a commit this does nothing.
	defer func() { _ = sqlTx.Rollback() }()
	tx := &Tx{Tx: sqlTx, Dialect: d.Dialect, stmts: d.stmts}
	if err := fn(tx); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// begin starts a transaction. On SQLite, where this process's writers take
// turns (see queue; the caller holds the turn), every transaction runs on
// one connection kept for them, whose page cache then stays warm: a
// connection re-reads pages another connection has written since, so
// transactions spread over the pool read far more.
func (d *DB) begin(ctx context.Context) (*sql.Tx, error) {
	if d.writers == nil {
		return d.BeginTx(ctx, nil)
	}
	for range 2 {
		if err := d.holdWriteConn(ctx); err != nil {
			return nil, err
		}
		tx, err := d.writeConn.BeginTx(ctx, nil)
		if !errors.Is(err, sql.ErrConnDone) && !errors.Is(err, driver.ErrBadConn) {
			return tx, err
		}
		// The connection broke: the next try takes a fresh one.
		_ = d.writeConn.Close()
		d.writeConn = nil
	}
	return nil, sql.ErrConnDone
}

// holdWriteConn takes the connection SQLite transactions run on from the
// pool, if it holds none. Its temporary files stay in memory: a shared
// commit's savepoints (see batch.go) copy each page they change to a
// sub-journal, which otherwise spills to a file at 64 KB, two system
// calls a page on the one writer's path; the generator's bulk load keeps
// its temporary data in memory the same way.
func (d *DB) holdWriteConn(ctx context.Context) error {
	if d.writeConn != nil {
		return nil
	}
	c, err := d.Conn(ctx)
	if err != nil {
		return err
	}
	if _, err := c.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
		_ = c.Close()
		return err
	}
	d.writeConn = c
	return nil
}

// WriteConnPragmas runs PRAGMA statements on SQLite's connection for
// transactions (see begin), outside a transaction, where settings such as
// synchronous may change: a bulk load tunes it for the rebuilds that
// follow. It does nothing on PostgreSQL.
func (d *DB) WriteConnPragmas(ctx context.Context, pragmas ...string) error {
	if d.writers == nil {
		return nil
	}
	if err := d.queue(ctx); err != nil {
		return fmt.Errorf("db: pragma: %w", err)
	}
	defer d.unqueue()
	if err := d.holdWriteConn(ctx); err != nil {
		return fmt.Errorf("db: pragma: %w", err)
	}
	for _, p := range pragmas {
		if _, err := d.writeConn.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("db: %s: %w", p, err)
		}
	}
	return nil
}

// Write runs fn, a single statement that writes (an upsert that returns a
// count, say), through q: on PostgreSQL q is d and the statement commits
// on its own; on SQLite q is a transaction in this process's queue of
// writers, shared with those queued beside it (see InTx), as waiting
// there is cheaper than SQLite's busy handler, which sleeps.
func (d *DB) Write(ctx context.Context, fn func(q Querier) error) error {
	if d.writers == nil {
		return fn(d)
	}
	return d.InTx(ctx, func(tx *Tx) error { return fn(tx) })
}

// queue waits for this process's turn to write to SQLite and settles a
// batch of transactions left open for others (see batch.go), so the holder
// may take SQLite's write lock; unqueue ends the turn. Both do nothing on
// PostgreSQL.
func (d *DB) queue(ctx context.Context) error {
	if err := d.wait(ctx); err != nil {
		return err
	}
	if d.writers != nil {
		d.settle()
	}
	return nil
}

// wait waits for the writers' turn.
func (d *DB) wait(ctx context.Context) error {
	if d.writers == nil {
		return nil
	}
	select {
	case d.writers <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (d *DB) unqueue() {
	if d.writers != nil {
		<-d.writers
	}
}

// Querier is what both DB and Tx offer, so store functions can run in either.
type Querier interface {
	Exec(ctx context.Context, q string, args ...any) (sql.Result, error)
	Query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, q string, args ...any) *sql.Row
}

var (
	_ Querier = (*DB)(nil)
	_ Querier = (*Tx)(nil)
)

// Now is the storage clock: UTC, truncated to microseconds, which is what
// PostgreSQL keeps, so a value read back equals the value written.
func Now() time.Time {
	return time.Now().UTC().Truncate(time.Microsecond)
}

// NowFrom is Now read from a store's clock, which tests set to move time;
// a nil clock is the real one.
func NowFrom(clock func() time.Time) time.Time {
	if clock == nil {
		return Now()
	}
	return clock().UTC().Truncate(time.Microsecond)
}

// IsUniqueViolation reports whether err is a unique-constraint failure on
// either database.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505")
}

// IsDeadlock reports whether PostgreSQL aborted the transaction to break
// a deadlock: it rolled everything back, and the same transaction may
// simply be run again.
func IsDeadlock(err error) bool {
	return err != nil && strings.Contains(err.Error(), "SQLSTATE 40P01")
}
