package campaign_test

import (
	"context"
	"sync"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// Views gathered in memory reach campaign_visits on the day they were
// made, added to what is there, exactly once each.
func TestVisitCounter(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := f.store
		c, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Kunjungan"))
		if err != nil {
			t.Fatal(err)
		}
		gone, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Dihapus"))
		if err != nil {
			t.Fatal(err)
		}
		v := &campaign.VisitCounter{Store: s}
		if err := v.Flush(ctx); err != nil { // nothing to write
			t.Fatal(err)
		}
		for range 3 {
			v.Add(c.ID, nil)
		}
		v.Add(gone.ID, nil)
		// A campaign deleted before the flush loses its views, not the others'.
		if _, err := d.Exec(ctx, `DELETE FROM campaigns WHERE id = ?`, gone.ID); err != nil {
			t.Fatal(err)
		}
		// A flush that fails keeps the counts for the next one.
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if err := v.Flush(cancelled); err == nil {
			t.Fatal("flush with a cancelled context succeeded")
		}
		if err := v.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		// The next day, from many requests at once, flushed while they count.
		f.clock = f.clock.AddDate(0, 0, 1)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 25 {
					v.Add(c.ID, nil)
				}
			})
		}
		wg.Go(func() {
			if err := v.Flush(ctx); err != nil {
				t.Error(err)
			}
		})
		wg.Wait()
		if err := v.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		v.Add(c.ID, nil) // added to the day's stored count
		if err := v.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		list, total, err := s.Visits(ctx, c.ID)
		if err != nil || total != 204 || len(list) != 2 || list[0].Count != 3 || list[1].Count != 201 {
			t.Fatalf("visits %v total %d %v", list, total, err)
		}
		var left int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM campaign_visits WHERE campaign_id = ?`, gone.ID).Scan(&left); err != nil || left != 0 {
			t.Fatalf("deleted campaign's visits: %d %v", left, err)
		}
		m, err := s.MoneyProgress(ctx, c)
		if err != nil || m != (campaign.Money{}) {
			t.Fatalf("money %+v %v", m, err)
		}
	})
}
