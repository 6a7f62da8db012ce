package dbtest

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/db"
)

// WaitForLockWait returns once a session of d's PostgreSQL database waits
// for a lock, and fails the test after ten seconds: a test that makes
// transactions meet on purpose starts the next step only then.
func WaitForLockWait(t testing.TB, d *db.DB) {
	t.Helper()
	ctx := context.Background()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
	}
	t.Fatal("dbtest: no session waited for a lock")
}
