package ratelimit

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// rows is how many rows rate_limits holds.
func rows(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM rate_limits`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSQLiteCountsInMemory: on SQLite an attempt writes nothing, and the
// limit still holds; a second database has counts of its own.
func TestSQLiteCountsInMemory(t *testing.T) {
	ctx := context.Background()
	d := dbtest.SQLite(t)
	l := &Limiter{DB: d, Max: 3, Window: time.Hour}
	for i := range 4 {
		ok, err := l.Allow(ctx, "donasi:10.0.0.1")
		if err != nil || ok != (i < 3) {
			t.Fatalf("attempt %d: %v, %v", i+1, ok, err)
		}
	}
	if err := l.Record(ctx, "login:10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	if n := rows(t, d); n != 0 {
		t.Errorf("%d rows written", n)
	}
	if over, err := l.Over(ctx, "donasi:10.0.0.1"); err != nil || !over {
		t.Errorf("Over = %v, %v; want true", over, err)
	}
	other := &Limiter{DB: dbtest.SQLite(t), Max: 3, Window: time.Hour}
	if ok, err := other.Allow(ctx, "donasi:10.0.0.1"); err != nil || !ok {
		t.Errorf("another database's limiter: %v, %v", ok, err)
	}
}

// TestFullMemorySpillsToTheTable: past maxKept slots in use, attempts of
// new keys are counted in the table, and a key's count adds both.
func TestFullMemorySpillsToTheTable(t *testing.T) {
	defer func(k int) { maxKept = k }(maxKept)
	maxKept = 2
	ctx := context.Background()
	d := dbtest.SQLite(t)
	l := &Limiter{DB: d, Max: 3, Window: time.Hour}
	for _, k := range []string{"a", "b", "c", "c", "c"} {
		if _, err := l.Allow(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	if n := rows(t, d); n != 1 {
		t.Errorf("%d rows, want 1 (key c)", n)
	}
	if ok, err := l.Allow(ctx, "c"); err != nil || ok {
		t.Errorf("the fourth attempt of c, counted in the table: %v, %v; want refused", ok, err)
	}
	if ok, err := l.Allow(ctx, "a"); err != nil || !ok {
		t.Errorf("the second attempt of a: %v, %v", ok, err)
	}
}

// TestMemorySweepsWhatNoLongerCounts: a slot is kept through the window
// after its own, where it weighs as the previous one, then dropped.
func TestMemorySweepsWhatNoLongerCounts(t *testing.T) {
	m := &memory{counts: map[slot]tally{}}
	w := time.Hour
	start := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	m.add("k", start, w, start.Add(time.Minute))
	for _, tc := range []struct {
		at   time.Duration
		kept bool
	}{{w + 59*time.Minute, true}, {2 * w, false}} {
		m.sweep(start.Add(tc.at))
		if got := m.count("k", start) == 1; got != tc.kept {
			t.Errorf("at +%s: kept %v, want %v", tc.at, got, tc.kept)
		}
	}
}
