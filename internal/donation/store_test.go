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
	"lokadaya/internal/validate"
)

func TestConcurrentCreatesNeverShareAnAmount(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &donation.Store{DB: d}
		const n = 50
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				if _, _, err := s.Create(context.Background(), f.target, input(100_000, i)); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		list, err := s.Pending(context.Background(), f.target.OrgID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, x := range list {
			if x.UniqueCode < 1 || x.UniqueCode > donation.MaxCode || x.Amount != 100_000+x.UniqueCode {
				t.Errorf("donation %d: code %d amount %d", x.ID, x.UniqueCode, x.Amount)
			}
			if seen[x.Amount] {
				t.Errorf("amount %d shared", x.Amount)
			}
			seen[x.Amount] = true
		}
		if len(list) != n {
			t.Errorf("%d pending, want %d", len(list), n)
		}
	})
}

func TestSameTokenOneDonation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		s := &donation.Store{DB: d}
		ctx := context.Background()
		var wg sync.WaitGroup
		ids := make([]int64, 8)
		created := make([]bool, 8)
		for i := range ids {
			wg.Go(func() {
				x, c, err := s.Create(ctx, f.target, input(50_000, 7))
				if err != nil {
					t.Error(err)
					return
				}
				ids[i], created[i] = x.ID, c
			})
		}
		wg.Wait()
		nCreated := 0
		for i := range ids {
			if ids[i] != ids[0] {
				t.Errorf("ids differ: %v", ids)
			}
			if created[i] {
				nCreated++
			}
		}
		if nCreated != 1 {
			t.Errorf("created %d times", nCreated)
		}
		x, err := s.ByToken(ctx, token(7))
		if err != nil || x.ID != ids[0] || x.BaseAmount != 50_000 {
			t.Fatalf("by token: %+v %v", x, err)
		}
	})
}

func TestConcurrentConfirmsCountOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		var hooks int
		var mu sync.Mutex
		s := &donation.Store{DB: d, OnConfirm: func(context.Context, db.Querier, *donation.Donation) error {
			mu.Lock()
			hooks++
			mu.Unlock()
			return nil
		}}
		x, _, err := s.Create(ctx, f.target, input(100_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var mu2 sync.Mutex
		ok, notPending := 0, 0
		for range 10 {
			wg.Go(func() {
				_, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor)
				mu2.Lock()
				defer mu2.Unlock()
				switch {
				case err == nil:
					ok++
				case errors.Is(err, donation.ErrNotPending):
					notPending++
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if ok != 1 || notPending != 9 || hooks != 1 {
			t.Errorf("ok %d, not pending %d, hooks %d", ok, notPending, hooks)
		}
		m, err := s.Money(ctx, f.target.CampaignID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Confirmed != x.Amount || m.Pending != 0 || m.Donors != 1 {
			t.Errorf("money %+v, want %d confirmed", m, x.Amount)
		}
		if err := s.Reject(ctx, f.target.OrgID, x.ID, "salah", f.actor); !errors.Is(err, donation.ErrNotPending) {
			t.Errorf("reject confirmed: %v", err)
		}
		if _, err := s.Confirm(ctx, f.target.OrgID+1000, x.ID, f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("other org confirm: %v", err)
		}
	})
}

func TestExpiryFreesTheCode(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		c := &clock{t: db.Now()}
		s := &donation.Store{DB: d, Now: c.now}
		// Take every code but one, then the last.
		var last *donation.Donation
		for i := range donation.MaxCode {
			x, _, err := s.Create(ctx, f.target, input(20_000, i))
			if err != nil {
				t.Fatalf("create %d: %v", i, err)
			}
			last = x
		}
		if _, _, err := s.Create(ctx, f.target, input(20_000, 5000)); !errors.Is(err, donation.ErrNoCode) {
			t.Fatalf("all codes taken: %v", err)
		}
		c.t = c.t.Add(donation.DefaultTTL + time.Second)
		n, err := s.ExpireDue(ctx)
		if err != nil || n != donation.MaxCode {
			t.Fatalf("expired %d, %v", n, err)
		}
		x, _, err := s.Create(ctx, f.target, input(20_000, 5001))
		if err != nil {
			t.Fatalf("after expiry: %v", err)
		}
		got, err := s.ByID(ctx, last.ID)
		if err != nil || got.Status != donation.StatusExpired {
			t.Fatalf("last: %+v %v", got, err)
		}
		// A late transfer may still be confirmed.
		if _, err := s.Confirm(ctx, f.target.OrgID, last.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		m, err := s.Money(ctx, f.target.CampaignID)
		if err != nil || m.Pending != x.Amount || m.Confirmed != last.Amount {
			t.Errorf("money %+v %v", m, err)
		}
	})
}

func TestCreateValidates(t *testing.T) {
	d := dbtest.Open(t)
	f := setup(t, d)
	s := &donation.Store{DB: d}
	tests := []struct {
		name  string
		edit  func(*donation.Input)
		field string
	}{
		{"below minimum", func(in *donation.Input) { in.Amount = 9_999 }, "amount"},
		{"no amount", func(in *donation.Input) { in.Amount, in.AmountRaw = 0, "" }, "amount"},
		{"no name", func(in *donation.Input) { in.Name = "" }, "name"},
		{"bad email", func(in *donation.Input) { in.Email = "siti@" }, "email"},
		{"bad phone", func(in *donation.Input) { in.Phone = "12" }, "phone"},
		{"no token", func(in *donation.Input) { in.Token = "" }, "token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(10_000, 1)
			tt.edit(&in)
			_, _, err := s.Create(context.Background(), f.target, in)
			var v validate.Errors
			if !errors.As(err, &v) || v[tt.field] == "" {
				t.Fatalf("err %v, want a %s error", err, tt.field)
			}
		})
	}
	in := input(10_000, 2)
	in.Name, in.Anonymous, in.Phone = "", true, "0812-3456-7890"
	x, _, err := s.Create(context.Background(), f.target, in)
	if err != nil || x.Phone != "+6281234567890" || x.PublicName() != "" {
		t.Fatalf("anonymous: %+v %v", x, err)
	}
}
