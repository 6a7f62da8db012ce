package db

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

// Group commit on SQLite. A commit writes every page the transaction
// touched to the WAL, two system calls a page, and most of those pages
// (a campaign's totals, the ledger's head, the right edge of each index)
// are the same for concurrent donations. So when other transactions wait
// for the writers' turn as one finishes, it is not committed yet: the next
// one runs in the same SQLite transaction, inside a savepoint of its own,
// and the last of a batch commits them all. Each InTx still returns only
// once its own writes are committed (or with the error that stopped
// them): what a caller acknowledges is on disk as before. A transaction
// that fails is rolled back to its savepoint and leaves the others alone;
// for that, statements of a shared transaction run to their end even when
// their caller's context ends (see Tx.shared).

// maxBatch and maxBatchAge bound how many transactions share one commit
// and how long the first of them waits for its answer: a long one joined
// late would hold the others' answers back.
const (
	maxBatch    = 32
	maxBatchAge = 20 * time.Millisecond
)

// batch is an SQLite transaction shared by successive InTx calls.
type batch struct {
	tx      *Tx
	began   time.Time
	members int
	broken  bool          // a member's failure took the transaction with it
	done    chan struct{} // closed once committed or rolled back
	err     error         // the commit's outcome, set before done closes
}

// memberSavepoint marks where a joining transaction's writes begin. The
// members run one after another, each released before the next.
const memberSavepoint = "lokadaya_member"

// errBatchBroken is a member's answer when another member's failure
// rolled the shared transaction back before it was committed.
var errBatchBroken = errors.New("the shared transaction was rolled back by an error in another")

// inBatch is InTx on SQLite.
func (d *DB) inBatch(ctx context.Context, fn func(tx *Tx) error) error {
	d.waiting.Add(1)
	err := d.wait(ctx)
	d.waiting.Add(-1)
	if err != nil {
		d.nudge()
		return fmt.Errorf("db: begin: %w", err)
	}
	b := d.open
	joined := b != nil
	if !joined {
		// The transaction outlives the request that begins it, so it
		// must not be rolled back when that request's context ends; a
		// member whose context has ended fails alone (see Tx.shared).
		sqlTx, err := d.begin(context.WithoutCancel(ctx))
		if err != nil {
			d.unqueue()
			return fmt.Errorf("db: begin: %w", err)
		}
		b = &batch{tx: &Tx{Tx: sqlTx, Dialect: d.Dialect, stmts: d.stmts, shared: true}, began: time.Now(), done: make(chan struct{})}
		d.open = b
	}
	b.members++
	panicked, ferr := d.runMember(ctx, b, joined, fn)
	if ferr != nil && !joined {
		// The first member failed: nothing else is in the transaction.
		b.broken = true
	}
	if !b.broken && !panicked && b.members < maxBatch && time.Since(b.began) < maxBatchAge && d.joinersCome() {
		// Someone waits for the turn: they join, and the last commits.
		// Even a member that failed waits for the commit, so that when
		// InTx returns every transaction that ran before it is
		// committed, as one after another: a caller that lost a race on
		// a unique key then finds the winner's row.
		d.unqueue()
		<-b.done
		if ferr != nil {
			return ferr
		}
		return b.err
	}
	d.settle()
	d.unqueue()
	if panicked {
		panic(ferr.(panicError).value)
	}
	if ferr != nil {
		return ferr
	}
	return b.err
}

// joinYields and joinWait bound how many times, and for how long, a
// transaction about to commit alone lets the other goroutines run first
// (see joinersCome): on a machine busy with long work (an export being
// rendered) one yield may last a scheduling quantum, and meanwhile the
// transaction holds the writers' turn.
const (
	joinYields = 10
	joinWait   = time.Millisecond
)

// joinersCome reports whether another transaction waits for the turn,
// after letting the goroutines ready to run go first, a few times, when
// none waits yet. A request about to write (the next step of a donation,
// a form being saved) then queues and shares this commit instead of
// paying for one of its own: under load a commit's pages are mostly the
// same as the next one's. Like PostgreSQL's commit_delay, but costing
// nothing when the process is idle: with no goroutine ready to run, a
// yield returns at once.
func (d *DB) joinersCome() bool {
	began := time.Now()
	for range joinYields {
		if d.waiting.Load() > 0 {
			return true
		}
		if time.Since(began) > joinWait {
			break
		}
		runtime.Gosched()
	}
	return d.waiting.Load() > 0
}

// panicError carries a member's panic past the batch's bookkeeping.
type panicError struct{ value any }

func (p panicError) Error() string { return fmt.Sprint("panic: ", p.value) }

// runMember runs fn in b, a joining member inside its savepoint, and
// undoes its writes when it fails.
func (d *DB) runMember(ctx context.Context, b *batch, joined bool, fn func(tx *Tx) error) (panicked bool, err error) {
	bg := context.WithoutCancel(ctx)
	if joined {
		if _, err := b.tx.ExecContext(bg, `SAVEPOINT `+memberSavepoint); err != nil {
			b.broken = true
			return false, fmt.Errorf("db: begin: %w", err)
		}
	}
	func() {
		defer func() {
			if v := recover(); v != nil {
				err, panicked = panicError{v}, true
			}
		}()
		err = fn(b.tx)
	}()
	if !joined {
		return panicked, err
	}
	if err != nil || panicked {
		if _, rerr := b.tx.ExecContext(bg, `ROLLBACK TO `+memberSavepoint); rerr != nil {
			b.broken = true
		}
	}
	if _, rerr := b.tx.ExecContext(bg, `RELEASE `+memberSavepoint); rerr != nil {
		b.broken = true
		if err == nil {
			err = fmt.Errorf("db: commit: %w", rerr)
		}
	}
	return panicked, err
}

// settle ends the open batch, if any: committed, or rolled back when
// broken, its members told the outcome. The caller holds the turn.
func (d *DB) settle() {
	b := d.open
	if b == nil {
		return
	}
	d.open = nil
	if b.broken {
		_ = b.tx.Rollback()
		b.err = fmt.Errorf("db: commit: %w", errBatchBroken)
	} else if err := b.tx.Commit(); err != nil {
		b.err = fmt.Errorf("db: commit: %w", err)
	}
	d.commits.Add(1)
	close(b.done)
}

// nudge settles a batch left open for a transaction that then stopped
// waiting (its context ended): were no one else to come, its members
// would wait for ever.
func (d *DB) nudge() {
	if d.waiting.Load() > 0 {
		return // whoever waits will settle it or join it
	}
	go func() {
		if d.wait(context.Background()) == nil {
			d.settle()
			d.unqueue()
		}
	}()
}
