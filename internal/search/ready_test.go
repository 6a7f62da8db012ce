package search

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// flakySource is the campaign source failing its first fails listings and
// counting every listing from the start of the table.
type flakySource struct {
	Source
	fails  atomic.Int32
	starts atomic.Int32
}

var errFlaky = errors.New("the database went away")

func (s *flakySource) IDs(ctx context.Context, q db.Querier, after int64, limit int) ([]int64, error) {
	if after == 0 {
		s.starts.Add(1)
	}
	if s.fails.Add(-1) >= 0 {
		return nil, errFlaky
	}
	return s.Source.IDs(ctx, q, after, limit)
}

// Pages searching at the same time build a never-built index once; a build
// that fails is tried again by the next search instead of failing every
// search until a restart.
func TestReady(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		src := &flakySource{Source: campaignSource{}}
		src.fails.Store(1)
		x := &Index{DB: d, Sources: []Source{src}, Now: func() time.Time { return w.now }}

		if err := x.Ready(w.ctx); !errors.Is(err, errFlaky) {
			t.Fatalf("first build: %v, want the source's failure", err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Go(func() { errs[i] = x.Ready(w.ctx) })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("search %d after a failed build: %v", i, err)
			}
		}
		if got := src.starts.Load(); got != 2 {
			t.Errorf("builds started: %d, want 2 (the failed one, then one for all eight)", got)
		}
		r, err := x.Search(w.ctx, Params{Type: TypeCampaign})
		if err != nil {
			t.Fatalf("search after the build: %v", err)
		}
		if len(r.Hits) == 0 {
			t.Error("search after the build found no campaign")
		}
	})
}
