package cycle_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"lokadaya/internal/cycle"
	"lokadaya/internal/cycletool"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestNextCycleCarriesTools checks that opening the next cycle, even from
// several requests at once, carries the funding table and the asset
// inventory exactly once.
func TestNextCycleCarriesTools(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		tools := &cycletool.Store{DB: d}
		if err := tools.SaveFunding(ctx, c.ID, []cycletool.FundingCell{{Year: 2025, Source: "pemda", Amount: 2_500_000}}); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Balai warga", "Relawan pustaka", "Koleksi buku"} {
			if _, err := tools.AddAsset(ctx, c.ID, cycletool.Asset{Name: name, Level: "organisasi", Status: "melekat"}); err != nil {
				t.Fatal(err)
			}
		}
		f.advanceTo(t, c, cycle.LastStage)
		f.answerMinimum(t, c, cycle.LastStage)

		errs := make([]error, 4)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = f.s.NextCycle(ctx, f.org.ID, f.actor)
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, cycle.ErrMoved) && !errors.Is(err, cycle.ErrClosed) && !errors.Is(err, cycle.ErrNotLastStage):
				t.Errorf("next cycle: %v", err)
			}
		}
		if ok != 1 {
			t.Fatalf("%d next cycles opened, want 1", ok)
		}
		next, err := f.s.ByNumber(ctx, f.org.ID, 2)
		if err != nil {
			t.Fatal(err)
		}
		assets, err := tools.Assets(ctx, next.ID)
		if err != nil || len(assets) != 3 {
			t.Fatalf("%d assets in cycle 2, want 3 (%v)", len(assets), err)
		}
		for _, a := range assets {
			if a.CarriedFrom != 1 {
				t.Errorf("%s not marked as carried from cycle 1", a.Name)
			}
		}
		cells, err := tools.Funding(ctx, next.ID)
		if err != nil || len(cells) != 1 || cells[0].Amount != 2_500_000 || cells[0].CarriedFrom != 1 {
			t.Fatalf("funding of cycle 2 = %+v, %v", cells, err)
		}
		if _, err := f.s.ByNumber(ctx, f.org.ID, 3); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("a third cycle: %v", err)
		}
	})
}
