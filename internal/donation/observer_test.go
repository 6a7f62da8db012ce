package donation_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
)

// tally is an Observer keeping what it heard.
type tally struct {
	mu        sync.Mutex
	created   map[string]int
	confirmed map[string]int
	waited    []time.Duration
}

func newTally() *tally { return &tally{created: map[string]int{}, confirmed: map[string]int{}} }

func (o *tally) DonationCreated(method string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.created[method]++
}

func (o *tally) DonationConfirmed(method string, waited time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.confirmed[method]++
	o.waited = append(o.waited, waited)
}

// The Observer hears of each donation created and confirmed once, after
// the commit: not of a resubmitted form, a second confirmation, a
// duplicate notification, nor of a confirmation rolled back.
func TestObserverHearsCommittedDonationsOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		c := &clock{t: time.Date(2026, 5, 4, 3, 0, 0, 0, time.UTC)}
		o := newTally()
		s := &donation.Store{DB: d, Now: c.now, Observer: o}

		x, _, err := s.Create(ctx, f.target, input(50_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		if _, created, err := s.Create(ctx, f.target, input(50_000, 1)); err != nil || created {
			t.Fatalf("resubmit: %v %v", created, err)
		}
		c.t = c.t.Add(2 * time.Hour)
		if _, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor); !errors.Is(err, donation.ErrNotPending) {
			t.Fatalf("second confirmation: %v", err)
		}

		// A confirmation whose transaction fails is not heard of.
		y, _, err := s.Create(ctx, f.target, input(60_000, 2))
		if err != nil {
			t.Fatal(err)
		}
		failing := *s
		failing.OnConfirm = func(context.Context, db.Querier, *donation.Donation) error { return errors.New("receipt not queued") }
		if _, err := failing.Confirm(ctx, f.target.OrgID, y.ID, f.actor); err == nil {
			t.Fatal("confirmed with a failing hook")
		}

		g := newGatewayDonation(t, s, f, 70_000, 3)
		n := notification(t, g.ID, 70_000, "settlement")
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, n); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()

		o.mu.Lock()
		defer o.mu.Unlock()
		if o.created[donation.MethodTransfer] != 2 || o.created[donation.MethodGateway] != 1 || len(o.created) != 2 {
			t.Errorf("created: %v", o.created)
		}
		if o.confirmed[donation.MethodTransfer] != 1 || o.confirmed[donation.MethodGateway] != 1 || len(o.confirmed) != 2 {
			t.Errorf("confirmed: %v", o.confirmed)
		}
		if len(o.waited) == 0 || o.waited[0] != 2*time.Hour {
			t.Errorf("waited: %v, want 2h for the transfer", o.waited)
		}
	})
}
