package donation_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
)

// TestOnCreateRunsInTheCreatingTransaction checks that the hook sees each
// new donation once, for every way to pay, inside the transaction: when
// it fails, no donation is left behind.
func TestOnCreateRunsInTheCreatingTransaction(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var seen []string
		fail := false
		s := &donation.Store{DB: d, OnCreate: func(ctx context.Context, q db.Querier, dn *donation.Donation, in donation.Input) error {
			var n int
			if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM donations WHERE id = ?`, dn.ID).Scan(&n); err != nil || n != 1 {
				t.Errorf("hook does not see its donation: %d, %v", n, err)
			}
			if fail {
				return errors.New("hook failed")
			}
			seen = append(seen, dn.Method+":"+in.Lang)
			return nil
		}}
		qris := f.target
		qris.BankAccountID, qris.Method = 0, donation.MethodQRIS
		for i, tg := range []donation.Target{f.target, qris} {
			in := input(50_000, i)
			in.News, in.Lang = true, "en"
			for range 2 { // the same form again does not run the hook again
				if _, _, err := s.Create(ctx, tg, in); err != nil {
					t.Fatal(err)
				}
			}
		}
		if len(seen) != 2 || seen[0] != "transfer:en" || seen[1] != "qris:en" {
			t.Errorf("hook saw %v", seen)
		}
		fail = true
		for i, tg := range []donation.Target{f.target, qris} {
			if _, _, err := s.Create(ctx, tg, input(60_000, 10+i)); err == nil {
				t.Error("a failing hook did not fail the donation")
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM donations`).Scan(&n); err != nil || n != 2 {
			t.Errorf("%d donations, want 2: %v", n, err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM donation_codes`).Scan(&n); err != nil || n != 1 {
			t.Errorf("%d codes held, want 1: %v", n, err)
		}
	})
}

func TestFromFormReadsKabar(t *testing.T) {
	if in := donation.FromForm(map[string][]string{"kabar": {"1"}}); !in.News {
		t.Error("ticked kabar not read")
	}
	if in := donation.FromForm(map[string][]string{}); in.News {
		t.Error("unticked kabar read as ticked")
	}
}
