package jobs_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/jobs"
)

type greeting struct{ Name string }

func TestEnqueueAndRun(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var got []string
		w := &jobs.Worker{DB: d}
		w.Handle("greet", func(ctx context.Context, payload []byte) error {
			var g greeting
			if err := json.Unmarshal(payload, &g); err != nil {
				return err
			}
			got = append(got, g.Name)
			return nil
		})
		id, err := jobs.Enqueue(ctx, d, "greet", greeting{"Siti"}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		// Due later: not run yet. Unknown kind: never claimed by this worker.
		if _, err := jobs.Enqueue(ctx, d, "greet", greeting{"Budi"}, db.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := jobs.Enqueue(ctx, d, "other", greeting{"X"}, time.Time{}); err != nil {
			t.Fatal(err)
		}
		for i, want := range []bool{true, false} {
			ran, err := w.RunOnce(ctx)
			if err != nil || ran != want {
				t.Fatalf("RunOnce #%d = %v, %v; want %v", i, ran, err, want)
			}
		}
		if len(got) != 1 || got[0] != "Siti" {
			t.Errorf("handled %v", got)
		}
		j, err := jobs.Get(ctx, d, id)
		if err != nil {
			t.Fatal(err)
		}
		if j.DoneAt == nil || j.FailedAt != nil || j.Attempts != 1 {
			t.Errorf("job after run: %+v", j)
		}
		if _, err := jobs.Get(ctx, d, 99999); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Get missing = %v", err)
		}
	})
}

func TestEnqueueInRolledBackTx(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := d.InTx(ctx, func(tx *db.Tx) error {
			if _, err := jobs.Enqueue(ctx, tx, "greet", greeting{"A"}, time.Time{}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		list, err := jobs.Recent(ctx, d, "greet", 10)
		if err != nil || len(list) != 0 {
			t.Errorf("after rollback: %v, %v", list, err)
		}
	})
}

func TestRetryThenGiveUp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		calls := 0
		w := &jobs.Worker{DB: d, MaxAttempts: 3, Backoff: func(int) time.Duration { return -time.Second }}
		w.Handle("flaky", func(context.Context, []byte) error {
			calls++
			if calls == 2 {
				panic("bad payload")
			}
			return errors.New("smtp down")
		})
		id, err := jobs.Enqueue(ctx, d, "flaky", nil, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			attempts int
			failed   bool
			lastErr  string
		}{
			{1, false, "smtp down"},
			{2, false, "panic: bad payload"},
			{3, true, "smtp down"},
		} {
			if ran, err := w.RunOnce(ctx); !ran || err != nil {
				t.Fatalf("RunOnce = %v, %v", ran, err)
			}
			j, err := jobs.Get(ctx, d, id)
			if err != nil {
				t.Fatal(err)
			}
			if j.Attempts != tc.attempts || (j.FailedAt != nil) != tc.failed || j.LastError != tc.lastErr {
				t.Errorf("after attempt %d: %+v", tc.attempts, j)
			}
		}
		if ran, _ := w.RunOnce(ctx); ran {
			t.Error("a given-up job ran again")
		}
	})
}

func TestDefaultBackoffDelaysRetry(t *testing.T) {
	d := dbtest.SQLite(t)
	ctx := context.Background()
	w := &jobs.Worker{DB: d}
	w.Handle("flaky", func(context.Context, []byte) error { return errors.New("no") })
	id, _ := jobs.Enqueue(ctx, d, "flaky", nil, time.Time{})
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	j, err := jobs.Get(ctx, d, id)
	if err != nil {
		t.Fatal(err)
	}
	if wait := time.Until(j.RunAt); wait < 20*time.Second || wait > 40*time.Second {
		t.Errorf("retry in %v, want about 30s", wait)
	}
	if ran, _ := w.RunOnce(ctx); ran {
		t.Error("retried before its time")
	}
}

// TestWorkersNeverShareAJob runs several workers over one queue at once;
// every job must be handled exactly once.
func TestWorkersNeverShareAJob(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		const n = 40
		for i := range n {
			if _, err := jobs.Enqueue(ctx, d, "count", i, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		seen := map[int]int{}
		total := 0
		handler := func(ctx context.Context, payload []byte) error {
			var i int
			if err := json.Unmarshal(payload, &i); err != nil {
				return err
			}
			time.Sleep(time.Millisecond) // widen the window for a double claim
			mu.Lock()
			defer mu.Unlock()
			seen[i]++
			total++
			if total == n {
				cancel()
			}
			return nil
		}
		var wg sync.WaitGroup
		for range 4 {
			w := &jobs.Worker{DB: d, Poll: 10 * time.Millisecond}
			w.Handle("count", handler)
			wg.Go(func() { _ = w.Run(ctx) })
		}
		select {
		case <-ctx.Done():
		case <-time.After(30 * time.Second):
			t.Error("workers did not finish the queue")
			cancel()
		}
		wg.Wait() // Run returns on cancel
		mu.Lock()
		defer mu.Unlock()
		for i := range n {
			if seen[i] != 1 {
				t.Errorf("job %d ran %d times", i, seen[i])
			}
		}
	})
}

func TestPurge(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := &jobs.Worker{DB: d}
		w.Handle("x", func(context.Context, []byte) error { return nil })
		if _, err := jobs.Enqueue(ctx, d, "x", nil, time.Time{}); err != nil {
			t.Fatal(err)
		}
		pending, _ := jobs.Enqueue(ctx, d, "x", nil, db.Now().Add(time.Hour))
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		n, err := jobs.Purge(ctx, d, db.Now().Add(time.Minute))
		if err != nil || n != 1 {
			t.Fatalf("Purge = %d, %v", n, err)
		}
		if _, err := jobs.Get(ctx, d, pending); err != nil {
			t.Errorf("pending job purged: %v", err)
		}
	})
}
