package db

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// openBatchDB is a fresh SQLite file with a table to write to.
func openBatchDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "batch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Exec(ctx, `CREATE TABLE gifts (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return d
}

// holdTurn starts a transaction that holds the writers' turn until
// release is called, then writes gift id; done gives its outcome.
func holdTurn(t *testing.T, d *DB, id int) (release func(), done <-chan error) {
	t.Helper()
	ch := make(chan struct{})
	out := make(chan error, 1)
	go func() {
		out <- d.InTx(context.Background(), func(tx *Tx) error {
			<-ch
			return insert(id)(tx)
		})
	}()
	waitUntil(t, "the first transaction holds the turn", func() bool { return len(d.writers) == 1 })
	return func() { close(ch) }, out
}

// waitUntil polls cond for up to ten seconds.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// queued runs fns[i] as InTx calls that all wait behind one transaction
// holding the turn, then lets that one finish, so they form batches. It
// returns each call's error (a panic as an error) after all returned, and
// the first transaction's, which writes gift 0.
func queued(t *testing.T, d *DB, fns []func(tx *Tx) error) ([]error, error) {
	return queuedThen(t, d, fns, nil)
}

// queuedThen is queued, calling after (when not nil) in each call's
// goroutine as soon as its InTx has returned.
func queuedThen(t *testing.T, d *DB, fns []func(tx *Tx) error, after func(i int, err error)) ([]error, error) {
	t.Helper()
	release, holder := holdTurn(t, d, 0)
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					errs[i] = fmt.Errorf("panicked: %v", v)
				}
			}()
			errs[i] = d.InTx(context.Background(), fn)
			if after != nil {
				after(i, errs[i])
			}
		})
	}
	waitUntil(t, "every transaction queued", func() bool { return int(d.waiting.Load()) >= len(fns) })
	release()
	wg.Wait()
	return errs, <-holder
}

// insert is a transaction writing gift id.
func insert(id int) func(tx *Tx) error {
	return func(tx *Tx) error {
		_, err := tx.Exec(context.Background(), `INSERT INTO gifts (id, amount) VALUES (?, ?)`, id, 1000*id)
		return err
	}
}

// kept reports which gift ids are stored.
func kept(t *testing.T, d *DB) map[int]bool {
	t.Helper()
	rows, err := d.Query(context.Background(), `SELECT id FROM gifts`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	ids := map[int]bool{}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids[id] = true
	}
	return ids
}

// TestBatchedTransactionsKeepTheirPromises: transactions queued together
// share commits, and whatever each is told holds: nil means its writes
// are stored, an error means none of them are.
func TestBatchedTransactionsKeepTheirPromises(t *testing.T) {
	errRefused := errors.New("refused")
	tests := []struct {
		name string
		fn   func(i int) func(tx *Tx) error
		fail func(i int) bool // whose call must fail
	}{
		{"all succeed", insert, func(int) bool { return false }},
		{"some fail after writing", func(i int) func(tx *Tx) error {
			if i%3 == 0 {
				return func(tx *Tx) error { insert(i)(tx); return errRefused }
			}
			return insert(i)
		}, func(i int) bool { return i%3 == 0 }},
		{"some panic after writing", func(i int) func(tx *Tx) error {
			if i%4 == 1 {
				return func(tx *Tx) error { insert(i)(tx); panic("boom") }
			}
			return insert(i)
		}, func(i int) bool { return i%4 == 1 }},
		{"a unique violation fails alone", func(i int) func(tx *Tx) error {
			return func(tx *Tx) error {
				_, err := tx.Exec(context.Background(), `INSERT INTO gifts (id, amount) VALUES (?, 7)`, min(i, 13))
				return err
			}
		}, nil}, // one of 13…24 stores gift 13, the other eleven fail
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openBatchDB(t)
			const n = 24
			fns := make([]func(tx *Tx) error, n)
			for i := range fns {
				fns[i] = tt.fn(i + 1)
			}
			before := d.commits.Load()
			errs, err := queued(t, d, fns)
			if err != nil {
				t.Fatalf("the first transaction: %v", err)
			}
			ids := kept(t, d)
			if tt.fail == nil {
				failed := 0
				for i, err := range errs {
					if err != nil && i+1 < 13 {
						t.Errorf("transaction %d: %v", i+1, err)
					}
					if err != nil {
						failed++
					}
				}
				if failed != n-13 || !ids[13] {
					t.Errorf("%d failed (want %d), gift 13 stored %v", failed, n-13, ids[13])
				}
				return
			}
			for i, err := range errs {
				id := i + 1
				if tt.fail(id) != (err != nil) {
					t.Errorf("transaction %d: error %v", id, err)
				}
				if ids[id] != (err == nil) {
					t.Errorf("transaction %d: told %v, stored %v", id, err, ids[id])
				}
			}
			if commits := d.commits.Load() - before; commits >= n/2 {
				t.Errorf("%d transactions took %d commits", n+1, commits)
			}
		})
	}
}

// TestBrokenBatchFailsItsMembers: when a member ends the shared
// transaction itself, every member not yet committed is told so, and the
// next transactions work.
func TestBrokenBatchFailsItsMembers(t *testing.T) {
	d := openBatchDB(t)
	const n = 12
	fns := make([]func(tx *Tx) error, n)
	for i := range fns {
		fns[i] = insert(i + 1)
	}
	fns[6] = func(tx *Tx) error {
		_, err := tx.ExecContext(context.Background(), `ROLLBACK`)
		return err
	}
	errs, first := queued(t, d, fns)
	ids := kept(t, d)
	if ids[0] != (first == nil) {
		t.Errorf("the first transaction: told %v, stored %v", first, ids[0])
	}
	failed := 0
	for i, err := range errs {
		if ids[i+1] != (err == nil) {
			t.Errorf("transaction %d: told %v, stored %v", i+1, err, ids[i+1])
		}
		if err != nil {
			failed++
		}
	}
	if failed == 0 {
		t.Error("no transaction was told of the rollback")
	}
	if err := d.InTx(context.Background(), insert(100)); err != nil {
		t.Fatalf("after a broken batch: %v", err)
	}
	if !kept(t, d)[100] {
		t.Error("the transaction after a broken batch was not stored")
	}
}

// TestBatchLeftForAWaiterWhoLeftIsCommitted: a batch kept open for a
// waiter that then gave up is committed all the same.
func TestBatchLeftForAWaiterWhoLeftIsCommitted(t *testing.T) {
	d := openBatchDB(t)
	ctx := context.Background()
	release, done := holdTurn(t, d, 1)
	commits := d.commits.Load()
	d.waiting.Add(1) // someone waits…
	release()
	waitUntil(t, "the turn is free", func() bool { return len(d.writers) == 0 }) // …so the batch is left open
	if d.commits.Load() != commits {
		t.Fatal("the batch was committed with someone waiting")
	}
	d.waiting.Add(-1) // …and leaves, as a cancelled wait does
	d.nudge()
	select {
	case err := <-done:
		if err != nil || !kept(t, d)[1] {
			t.Fatalf("error %v, stored %v", err, kept(t, d)[1])
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the batch was never committed")
	}

	// The same through a real cancelled wait.
	release, done = holdTurn(t, d, 2)
	cctx, cancel := context.WithCancel(ctx)
	gaveUp := make(chan error, 1)
	go func() { gaveUp <- d.InTx(cctx, insert(3)) }()
	waitUntil(t, "the third transaction waits", func() bool { return d.waiting.Load() > 0 })
	cancel()
	if err := <-gaveUp; err == nil {
		// It may have got the turn before the cancel: then it ran.
		t.Log("the waiter ran before it was cancelled")
	}
	release()
	select {
	case err := <-done:
		if err != nil || !kept(t, d)[2] {
			t.Fatalf("error %v, stored %v", err, kept(t, d)[2])
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the batch was never committed")
	}
}

// TestCancelledMemberLeavesTheBatch: a member whose caller goes away in
// the middle of a write does not take the others' work with it (SQLite
// rolls back the whole transaction when a write is interrupted).
func TestCancelledMemberLeavesTheBatch(t *testing.T) {
	d := openBatchDB(t)
	long := func(tx *Tx) error {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(5*time.Millisecond, cancel)
		_, err := tx.Exec(ctx, `INSERT INTO gifts (id, amount)
			WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) SELECT i, 1 FROM n`)
		return err
	}
	errs, first := queued(t, d, []func(tx *Tx) error{insert(1), long, insert(3)})
	ids := kept(t, d)
	if first != nil || errs[0] != nil || errs[2] != nil || !ids[0] || !ids[1] || !ids[3] {
		t.Fatalf("first %v, others %v; stored 0 %v, 1 %v, 3 %v", first, errs, ids[0], ids[1], ids[3])
	}
}

// TestALoserFindsTheWinner: a transaction that fails on a unique key
// returns once the batch is committed, so its caller finds the row that
// beat it, as when transactions ran one after another.
func TestALoserFindsTheWinner(t *testing.T) {
	d := openBatchDB(t)
	const n = 8
	fns := make([]func(tx *Tx) error, n)
	for i := range fns {
		fns[i] = insert(7)
	}
	found := make([]bool, n)
	errs, first := queuedThen(t, d, fns, func(i int, _ error) {
		var id int
		found[i] = d.QueryRow(context.Background(), `SELECT id FROM gifts WHERE id = 7`).Scan(&id) == nil
	})
	if first != nil {
		t.Fatal(first)
	}
	won := 0
	for i := range n {
		if errs[i] == nil {
			won++
		}
		if !found[i] {
			t.Errorf("transaction %d (error %v) returned before gift 7 was committed", i, errs[i])
		}
	}
	if won != 1 {
		t.Errorf("%d transactions stored gift 7", won)
	}
}

// TestReadyWriterJoinsTheCommit: a transaction about to commit alone lets
// a goroutine that is ready to run, and about to write, go first, and it
// joins the commit. One processor makes the order near certain: the
// second goroutine cannot run until the first yields. The wait is bounded
// (joinWait), so a loaded machine (a GC pause, the race detector, every
// package's tests at once) may let it pass before the second arrives:
// the test tries a few times and fails only if the writer never joins.
func TestReadyWriterJoinsTheCommit(t *testing.T) {
	d := openBatchDB(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var took []int64
	for try := range 5 {
		first, next := 2*try+1, 2*try+2
		commits := d.commits.Load()
		second := make(chan error, 1)
		err := d.InTx(context.Background(), func(tx *Tx) error {
			go func() { second <- d.InTx(context.Background(), insert(next)) }()
			return insert(first)(tx)
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := <-second; err != nil {
			t.Fatal(err)
		}
		if k := kept(t, d); !k[first] || !k[next] {
			t.Fatalf("stored %v", k)
		}
		took = append(took, d.commits.Load()-commits)
		if took[len(took)-1] == 1 {
			return
		}
	}
	t.Errorf("two transactions took %v commits in each try, want 1", took)
}

// TestWriteConnKeepsTemporaryFilesInMemory: the connection transactions
// run on keeps its sub-journals in memory (see holdWriteConn).
func TestWriteConnKeepsTemporaryFilesInMemory(t *testing.T) {
	d := openBatchDB(t)
	ctx := context.Background()
	var store int
	if err := d.InTx(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `PRAGMA temp_store`).Scan(&store)
	}); err != nil {
		t.Fatal(err)
	}
	if store != 2 { // MEMORY
		t.Errorf("temp_store = %d, want 2 (MEMORY)", store)
	}
}
