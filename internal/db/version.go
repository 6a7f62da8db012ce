package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// versioner keeps what WriteVersion needs on SQLite: one connection of its
// own, and how many it has had. Values of different connections cannot be
// compared, so the generation is part of the version and a new connection
// never repeats an old value.
type versioner struct {
	mu   sync.Mutex
	pool *sql.DB
	conn *sql.Conn
	stmt *sql.Stmt // PRAGMA data_version, prepared once on conn
	gen  int

	// index is the WAL index, mapped while conn is open (which keeps the
	// file in place); read without taking mu.
	indexMu    sync.RWMutex
	index      *walIndex
	indexTried bool
}

// WriteVersion is a value that changes whenever a write is committed to
// the database, by this process or any other: equal values read at two
// moments mean nothing was written in between. Caches of what the
// database holds compare it to stay exact.
//
// On SQLite it is the change counter in the WAL index's header, which
// every commit moves (see walIndex), or where that cannot be read, PRAGMA
// data_version, which changes when another connection commits, read on a
// connection of its own (every connection of the pool is "another" to it). On PostgreSQL it is the current snapshot
// (oldest running transaction, next transaction id, those in progress),
// which moves when any write transaction starts or ends; a transaction
// that only reads is given no id and moves nothing. The snapshot is the
// server's, so writes to other databases on it move it too: a spurious
// change costs a cache a miss, never a stale answer.
func (d *DB) WriteVersion(ctx context.Context) (string, error) {
	if d.Dialect == Postgres {
		var snap string
		if err := d.QueryRowContext(ctx, `SELECT pg_current_snapshot()::text`).Scan(&snap); err != nil {
			return "", fmt.Errorf("db: write version: %w", err)
		}
		return snap, nil
	}
	v := &d.version
	if s, ok := v.fromIndex(); ok {
		return s, nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	// Whoever held mu may have just mapped the index: callers that came
	// in together then read one kind of value, and a cache they share is
	// not emptied by a change of kind alone.
	if s, ok := v.fromIndex(); ok {
		return s, nil
	}
	if v.conn == nil {
		if v.pool == nil {
			pool, err := openSQLite(strings.TrimPrefix(d.URL, "sqlite:"))
			if err != nil {
				return "", fmt.Errorf("db: write version: %w", err)
			}
			pool.SetMaxOpenConns(1)
			v.pool = pool
		}
		conn, err := v.pool.Conn(ctx)
		if err != nil {
			return "", fmt.Errorf("db: write version: %w", err)
		}
		stmt, err := conn.PrepareContext(ctx, `PRAGMA data_version`)
		if err != nil {
			_ = conn.Close()
			return "", fmt.Errorf("db: write version: %w", err)
		}
		v.conn, v.stmt = conn, stmt
		v.gen++
	}
	var n int64
	if err := v.stmt.QueryRowContext(ctx).Scan(&n); err != nil {
		v.closeConn()
		return "", fmt.Errorf("db: write version: %w", err)
	}
	if !v.indexTried {
		// The connection has read the database, so its WAL index exists.
		v.indexTried = true
		if w, err := mapWALIndex(strings.TrimPrefix(d.URL, "sqlite:")); err == nil {
			v.indexMu.Lock()
			v.index = w
			v.indexMu.Unlock()
			if s, ok := v.fromIndex(); ok {
				return s, nil
			}
		}
	}
	return fmt.Sprintf("%d.%d", v.gen, n), nil
}

// fromIndex reads the version from the mapped WAL index, if there is one
// and no commit is half-written to it.
func (v *versioner) fromIndex() (string, bool) {
	v.indexMu.RLock()
	defer v.indexMu.RUnlock()
	if v.index == nil {
		return "", false
	}
	return v.index.version()
}

// Close closes the pool and the connection WriteVersion keeps.
func (d *DB) Close() error {
	v := &d.version
	v.mu.Lock()
	v.closeConn()
	if v.pool != nil {
		_ = v.pool.Close()
		v.pool = nil
	}
	v.mu.Unlock()
	if d.stmts != nil {
		d.stmts.close()
	}
	// The transactions' connection, unless a transaction still runs on
	// it (closing the pool then closes it once that transaction ends).
	select {
	case d.writers <- struct{}{}:
		d.settle()
		if d.writeConn != nil {
			_ = d.writeConn.Close()
			d.writeConn = nil
		}
		<-d.writers
	default:
	}
	return d.DB.Close()
}

// closeConn lets go of the connection, and of the WAL index it kept in
// place; the next read opens another.
func (v *versioner) closeConn() {
	v.indexMu.Lock()
	if v.index != nil {
		v.index.unmap()
		v.index = nil
	}
	v.indexMu.Unlock()
	v.indexTried = false
	if v.stmt != nil {
		_ = v.stmt.Close()
		v.stmt = nil
	}
	if v.conn != nil {
		_ = v.conn.Close()
		v.conn = nil
	}
}
