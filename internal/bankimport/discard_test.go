package bankimport_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"lokadaya/internal/bankimport"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestDiscardAndPurgeStale(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		clock := db.Now()
		f.store.Now = func() time.Time { return clock }
		upload := func() *bankimport.Import {
			t.Helper()
			imp, err := f.store.Upload(ctx, f.orgID, f.account, "mutasi.csv", sample(t, "bca"), f.actor)
			if err != nil {
				t.Fatal(err)
			}
			return imp
		}

		// A money manager throws an upload away; nothing else changes.
		thrown := upload()
		if err := f.store.Discard(ctx, f.orgID+1, thrown.ID, f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation's discard: %v", err)
		}
		if err := f.store.Discard(ctx, f.orgID, thrown.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if _, err := f.store.Get(ctx, f.orgID, thrown.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("discarded import still there: %v", err)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'bankimport.discard'`); n != 1 {
			t.Errorf("%d audit entries", n)
		}
		if err := f.store.Discard(ctx, f.orgID, thrown.ID, f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("discard twice: %v", err)
		}

		// A confirmed import stays.
		kept := upload()
		if _, err := f.store.Confirm(ctx, f.orgID, kept.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if err := f.store.Discard(ctx, f.orgID, kept.ID, f.actor); !errors.Is(err, bankimport.ErrConfirmed) {
			t.Errorf("discarding a confirmed import: %v", err)
		}

		// Pending imports older than a week go with their file.
		old := upload()
		clock = clock.Add(3 * 24 * time.Hour)
		fresh := upload()
		clock = clock.Add(bankimport.StaleAfter - 2*24*time.Hour) // old is 8 days old, fresh 5
		n, err := f.store.PurgeStale(ctx)
		if err != nil || n != 1 {
			t.Fatalf("purged %d, %v", n, err)
		}
		if _, err := f.store.Get(ctx, f.orgID, old.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("stale import still there: %v", err)
		}
		for _, id := range []string{fresh.ID, kept.ID} {
			if _, err := f.store.Get(ctx, f.orgID, id); err != nil {
				t.Errorf("import %s: %v", id, err)
			}
		}
		clock = clock.Add(365 * 24 * time.Hour)
		if n, err := f.store.PurgeStale(ctx); err != nil || n != 1 {
			t.Errorf("a year on: purged %d, %v (only the pending one)", n, err)
		}
	})
}
