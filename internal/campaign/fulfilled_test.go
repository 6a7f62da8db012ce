package campaign_test

import (
	"context"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
)

// TestFulfilledAllMatchesFulfilled: the one query a campaign's needs are
// read with gives each need what Fulfilled gives it alone, every kind.
func TestFulfilledAllMatchesFulfilled(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &campaign.Store{DB: d}
		list, _, err := s.List(ctx, campaign.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]bool{}
		for _, c := range list {
			all, err := s.FulfilledAll(ctx, c.Needs)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range c.Needs {
				one, err := s.Fulfilled(ctx, &n)
				if err != nil {
					t.Fatal(err)
				}
				if all[n.ID] != one {
					t.Errorf("need %d (%s): together %d, alone %d", n.ID, n.Kind, all[n.ID], one)
				}
				if one > 0 {
					kinds[n.Kind] = true
				}
			}
		}
		if len(kinds) < 4 {
			t.Errorf("the demo fills only the kinds %v", kinds)
		}
	})
}
