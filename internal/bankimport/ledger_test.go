package bankimport_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"lokadaya/internal/bankimport"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ledger"
)

// Donations a statement import confirms are booked with it, once, even
// when the same statement is confirmed several times at once.
func TestImportConfirmationsAreBookedOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		imp, err := f.store.Upload(ctx, f.orgID, f.account, "mutasi.csv", sample(t, "bca"), f.actor)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				if _, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor); err != nil && !errors.Is(err, bankimport.ErrConfirmed) {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		var confirmed, booked, n int64
		if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM donations WHERE org_id = ? AND status = 'confirmed'`,
			f.orgID).Scan(&confirmed, &n); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE org_id = ? AND kind = 'donation'`,
			f.orgID).Scan(&booked); err != nil {
			t.Fatal(err)
		}
		res, err := ledger.Verify(ctx, d, f.orgID)
		if err != nil || !res.OK || res.Entries != n || n == 0 || booked != confirmed {
			t.Errorf("verify %+v, %v; %d confirmed donations worth %d, booked %d", res, err, n, confirmed, booked)
		}
		e, err := ledger.BySource(ctx, d, "donation", f.ids["ani"], ledger.KindDonation)
		if err != nil || e.RecordedBy != f.actor.ID || e.Description == "" {
			t.Errorf("ani's entry %+v, %v", e, err)
		}
	})
}
