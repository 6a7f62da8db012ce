package figures_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

// TestRegionRowsLockedTopDown: on PostgreSQL, a change to an
// organisation's figures locks its regions' rows from the nation down,
// so that two transactions sharing rows (every donation confirmed
// anywhere shares the nation's) can never each hold one the other waits
// for. The nation's row is first moved after its province's in the
// table: a single UPDATE … WHERE region_code IN (…), planned as a bitmap
// scan (as on a table grown by many updates), then locked the province's
// row first, and confirmations in two organisations deadlocked.
func TestRegionRowsLockedTopDown(t *testing.T) {
	d := dbtest.Postgres(t)
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@kunci.example", "Bendahara", "", "kata-sandi-panjang-uji")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca Kunci", Slug: "taman-baca-kunci",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001", FocusIssues: []string{"pendidikan"}})
	if err != nil {
		t.Fatal(err)
	}
	// Written anew, the nation's row goes to the end of the table.
	if _, err := d.Exec(ctx, `WITH gone AS (DELETE FROM region_figures WHERE region_code = '' RETURNING *)
		INSERT INTO region_figures SELECT * FROM gone`); err != nil {
		t.Fatal(err)
	}
	var after bool
	if err := d.QueryRow(ctx, `SELECT (SELECT ctid FROM region_figures WHERE region_code = '')
		> (SELECT ctid FROM region_figures WHERE region_code = '32')`).Scan(&after); err != nil || !after {
		t.Fatalf("the nation's row is not after its province's (%v)", err)
	}

	holder, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	if _, err := holder.ExecContext(ctx, `SELECT 1 FROM region_figures WHERE region_code = '' FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	changed := make(chan error, 1)
	go func() {
		changed <- d.InTx(ctx, func(tx *db.Tx) error {
			// Planned as on a table grown by many updates: by bitmap
			// scans, which visit rows in the order they sit in the table.
			if _, err := tx.Exec(ctx, `SET LOCAL enable_indexscan = off`); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `UPDATE org_figures SET money_confirmed = money_confirmed + 1000 WHERE org_id = ?`, o.ID)
			return err
		})
	}()
	dbtest.WaitForLockWait(t, d)

	probe, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"32", "32.73", "32.73.01", "32.73.01.1001"} {
		if _, err := probe.ExecContext(ctx, `SELECT 1 FROM region_figures WHERE region_code = $1 FOR UPDATE NOWAIT`, code); err != nil {
			t.Errorf("waiting for the nation's row, the change already holds %s's: %v", code, err)
			break
		}
	}
	_ = probe.Rollback()
	_ = holder.Rollback()
	if err := <-changed; err != nil {
		t.Fatal(err)
	}
	var nation, province int64
	if err := d.QueryRow(ctx, `SELECT (SELECT money_confirmed FROM region_figures WHERE region_code = ''),
		(SELECT money_confirmed FROM region_figures WHERE region_code = '32')`).Scan(&nation, &province); err != nil {
		t.Fatal(err)
	}
	if nation != 1000 || province != 1000 {
		t.Errorf("the nation holds Rp%d, the province Rp%d; want Rp1000 each", nation, province)
	}
}
