package donation_test

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
)

func TestQRISDonationLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		c := &clock{t: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
		s := &donation.Store{DB: d, Now: c.now}
		target := f.target
		target.BankAccountID, target.Method = 0, donation.MethodQRIS

		var ids []int64
		for i := range 3 {
			dn, created, err := s.Create(ctx, target, input(50_000, i))
			if err != nil || !created {
				t.Fatalf("create %d: %v %v", i, created, err)
			}
			if dn.Method != donation.MethodQRIS || dn.UniqueCode != 0 || dn.Amount != 50_000 || dn.BankAccountID != nil {
				t.Fatalf("create %d: %+v", i, dn)
			}
			ids = append(ids, dn.ID)
		}
		again, created, err := s.Create(ctx, target, input(50_000, 0))
		if err != nil || created || again.ID != ids[0] {
			t.Fatalf("resubmit: %v %v %v", again, created, err)
		}
		var codes int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM donation_codes`).Scan(&codes); err != nil || codes != 0 {
			t.Fatalf("donation_codes rows: %d %v", codes, err)
		}

		tests := []struct {
			name   string
			act    func(id int64) error
			status string
		}{
			{"confirm", func(id int64) error { _, err := s.Confirm(ctx, f.target.OrgID, id, f.actor); return err }, donation.StatusConfirmed},
			{"reject", func(id int64) error { return s.Reject(ctx, f.target.OrgID, id, "tidak masuk", f.actor) }, donation.StatusRejected},
			{"expire", func(int64) error {
				c.t = c.t.Add(donation.DefaultTTL + time.Minute)
				n, err := s.ExpireDue(ctx)
				if err == nil && n != 1 {
					t.Errorf("expired %d, want 1", n)
				}
				return err
			}, donation.StatusExpired},
		}
		for i, tc := range tests {
			if err := tc.act(ids[i]); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			got, err := s.ByID(ctx, ids[i])
			if err != nil || got.Status != tc.status {
				t.Fatalf("%s: %v %v", tc.name, got, err)
			}
		}
	})
}
