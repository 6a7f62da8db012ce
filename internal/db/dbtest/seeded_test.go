package dbtest_test

import (
	"context"
	"sync/atomic"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestSeededRunsTheSeedOnceAndCopiesIt: every test gets the seed's rows in
// a database of its own, and the seed runs once per kind of database.
func TestSeededRunsTheSeedOnceAndCopiesIt(t *testing.T) {
	var runs atomic.Int32
	seed := func(ctx context.Context, d *db.DB) error {
		runs.Add(1)
		_, err := d.ExecContext(ctx, `INSERT INTO hubs (slug, name, description, created_at) VALUES ('seeded', 'Seeded', '', CURRENT_TIMESTAMP)`)
		return err
	}
	count := func(t *testing.T, d *db.DB) int {
		t.Helper()
		var n int
		if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM hubs WHERE slug = 'seeded'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	kinds := 0
	for i := 0; i < 2; i++ {
		kinds = 0
		dbtest.EachSeeded(t, "seeded-test", seed, func(t *testing.T, d *db.DB) {
			kinds++
			if n := count(t, d); n != 1 {
				t.Fatalf("copy %d holds %d seeded rows, want 1", i, n)
			}
			// A write to one copy is not seen by the next.
			if _, err := d.ExecContext(context.Background(), `DELETE FROM hubs WHERE slug = 'seeded'`); err != nil {
				t.Fatal(err)
			}
		})
	}
	if int(runs.Load()) != kinds {
		t.Errorf("the seed ran %d times for %d kinds of database, want once each", runs.Load(), kinds)
	}
}
