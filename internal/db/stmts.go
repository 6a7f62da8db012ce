package db

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// maxCachedStmts bounds how many distinct statements a SQLite pool keeps
// prepared. The application has a few hundred fixed statements; texts
// built at run time (lists of placeholders) beyond the bound simply run
// unprepared.
const maxCachedStmts = 400

// stmtCache keeps SQLite statements prepared. SQLite compiles every
// statement into a program before running it, and a statement that
// writes to a table with triggers compiles each trigger's body into it
// too: for the money tables that compiling costs more than running. The
// pure-Go driver prepares anew on every call, so the pool keeps each
// statement text prepared (database/sql prepares it once on each
// connection that runs it). PostgreSQL's driver keeps its own cache.
type stmtCache struct {
	pool    *sql.DB
	mu      sync.RWMutex
	stmts   map[string]*sql.Stmt
	pending map[string]bool // being prepared for a transaction
	full    bool
	closed  bool
}

// get returns q prepared, or nil when it cannot be kept prepared (the
// cache is full, or preparing failed: running it unprepared then reports
// the error where it belongs).
func (c *stmtCache) get(ctx context.Context, q string) *sql.Stmt {
	if !keepable(q) {
		return nil
	}
	st, full := c.lookup(q)
	if st != nil || full {
		return st
	}
	return c.prepare(ctx, q)
}

// keepable reports whether q may be kept prepared. A kept statement is
// compiled again when the schema changes, but SQLite notices the change
// only when the program runs, and an EXPLAIN only lists it: kept, it
// would go on describing the plan of a dropped index.
func keepable(q string) bool {
	q = strings.TrimSpace(q)
	return len(q) < 7 || !strings.EqualFold(q[:7], "EXPLAIN")
}

// forTx returns q prepared, or nil the first time: a transaction holds
// its connection, and preparing on the pool would wait for a second one,
// so q is prepared in the background for the next time and runs
// unprepared this once.
func (c *stmtCache) forTx(q string) *sql.Stmt {
	if !keepable(q) {
		return nil
	}
	st, full := c.lookup(q)
	if st != nil || full {
		return st
	}
	c.mu.Lock()
	busy := c.pending[q]
	if !busy {
		if c.pending == nil {
			c.pending = map[string]bool{}
		}
		c.pending[q] = true
	}
	c.mu.Unlock()
	if !busy {
		go func() {
			c.prepare(context.Background(), q)
			c.mu.Lock()
			delete(c.pending, q)
			c.mu.Unlock()
		}()
	}
	return nil
}

func (c *stmtCache) lookup(q string) (*sql.Stmt, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.stmts[q], c.full
}

// prepare prepares q on the pool and keeps it, room permitting.
func (c *stmtCache) prepare(ctx context.Context, q string) *sql.Stmt {
	prepared, err := c.pool.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.stmts[q]; st != nil { // another caller prepared it meanwhile
		_ = prepared.Close()
		return st
	}
	if len(c.stmts) >= maxCachedStmts || c.closed {
		c.full = true
		_ = prepared.Close()
		return nil
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[q] = prepared
	return prepared
}

// close lets go of every prepared statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		_ = st.Close()
	}
	c.stmts, c.closed = nil, true
}
