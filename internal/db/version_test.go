package db_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestVersionMovesWithEveryWrite: the write version moves with every
// committed write, whichever connection or process makes it. On SQLite it
// stays put while only reads happen or a write is rolled back; on
// PostgreSQL it may move without a write to this database (any write
// transaction on the server moves the snapshot), which costs a cache a
// miss and nothing else.
func TestVersionMovesWithEveryWrite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Exec(ctx, `CREATE TABLE version_probe (n INTEGER)`); err != nil {
			t.Fatal(err)
		}
		read := func() string {
			t.Helper()
			s, err := d.WriteVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		// A second pool on the same database stands for another process.
		other, err := db.Open(ctx, d.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		steps := []struct {
			name  string
			do    func() error
			moves bool
		}{
			{"nothing", func() error { return nil }, false},
			{"a read", func() error {
				var n int
				return d.QueryRow(ctx, `SELECT COUNT(*) FROM version_probe`).Scan(&n)
			}, false},
			{"an insert", func() error { _, err := d.Exec(ctx, `INSERT INTO version_probe (n) VALUES (1)`); return err }, true},
			{"a transaction", func() error {
				return d.InTx(ctx, func(tx *db.Tx) error {
					_, err := tx.Exec(ctx, `UPDATE version_probe SET n = n + 1`)
					return err
				})
			}, true},
			{"a rolled-back transaction", func() error {
				_ = d.InTx(ctx, func(tx *db.Tx) error {
					if _, err := tx.Exec(ctx, `UPDATE version_probe SET n = n + 1`); err != nil {
						return err
					}
					return context.Canceled
				})
				return nil
			}, false},
			{"another process", func() error { _, err := other.Exec(ctx, `DELETE FROM version_probe`); return err }, true},
		}
		before := read()
		// Read from the mapped WAL index, not by a statement per request.
		if d.Dialect == db.SQLite && runtime.GOOS == "linux" && !strings.HasPrefix(before, "w") {
			t.Errorf("version %q not read from the WAL index", before)
		}
		for _, st := range steps {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			after := read()
			moved := after != before
			if moved != st.moves && (st.moves || d.Dialect == db.SQLite) {
				t.Errorf("%s: version %s → %s, moved %v, want %v", st.name, before, after, moved, st.moves)
			}
			before = after
		}
	})
}

// TestVersionAgreesFromTheStart: callers that ask at once, the very
// first time, read the same value (a cache they share would otherwise be
// emptied by the kind of value changing, though nothing was written).
func TestVersionAgreesFromTheStart(t *testing.T) {
	for range 5 {
		d := dbtest.SQLite(t)
		got := make([]string, 8)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() {
				v, err := d.WriteVersion(context.Background())
				if err != nil {
					t.Error(err)
				}
				got[i] = v
			})
		}
		wg.Wait()
		for _, v := range got {
			if v != got[0] {
				t.Fatalf("versions %q", got)
			}
		}
	}
}
