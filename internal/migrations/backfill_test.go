package migrations_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/goods"
	"lokadaya/internal/ledger"
	"lokadaya/internal/migrations"
)

// upTo is the migrations before the ledger backfill.
func upTo(version int) []db.Migration {
	var out []db.Migration
	for _, m := range migrations.All() {
		if m.Version <= version {
			out = append(out, m)
		}
	}
	return out
}

// fresh runs fn on an empty SQLite database and, when configured, an empty
// PostgreSQL database.
func fresh(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	ctx := context.Background()
	t.Run("sqlite", func(t *testing.T) {
		d, err := db.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "old.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		fn(t, d)
	})
	server := os.Getenv(dbtest.PostgresEnv)
	if server == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		admin, err := db.Open(ctx, server)
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		name := "lokadaya_bf_" + hex.EncodeToString(b)
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
			t.Fatal(err)
		}
		defer admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`) //nolint:errcheck
		u, err := url.Parse(server)
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/" + name
		d, err := db.Open(ctx, u.String())
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		fn(t, d)
	})
}

// A database with confirmed donations and valued goods receipts from
// before they were booked gets their entries once, by the migration.
func TestLedgerBackfillMigration(t *testing.T) {
	fresh(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Migrate(ctx, upTo(42)); err != nil {
			t.Fatal(err)
		}
		u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@example.org", "Bendahara", "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		o := oldOrg(t, d, u.ID, "oms-lama", "OMS Lama")
		now := db.Now()
		var ini, camp, dana, barang, bank, pledge int64
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&ini))
		must(d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
			VALUES (?, ?, 'buku', 'Buku', 'active', ?, ?) RETURNING id`, ini, o.ID, now, now).Scan(&camp))
		must(d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Buku', 5000000)
			RETURNING id`, camp).Scan(&dana))
		must(d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target, unit, item_value)
			VALUES (?, 'barang', 'Kursi', 10, 'buah', 150000) RETURNING id`, camp).Scan(&barang))
		must(d.QueryRow(ctx, `INSERT INTO org_bank_accounts (org_id, bank, account_number, account_name, created_at)
			VALUES (?, 'bca', '1234567890', 'OMS', ?) RETURNING id`, o.ID, now).Scan(&bank))
		ds := &donation.Store{DB: d}
		var want int64
		for i, amount := range []int64{100_000, 75_000, 50_000} {
			x, _, err := ds.Create(ctx, donation.Target{CampaignID: camp, NeedID: dana, OrgID: o.ID, BankAccountID: bank},
				donation.Input{Amount: amount, AmountRaw: "x", Name: "Siti", Token: "token-backfill-" + string(rune('a'+i)) + "-abcdef"})
			must(err)
			if i < 2 { // confirmed as the old code did, without an entry
				want += x.Amount
				_, err = d.Exec(ctx, `UPDATE donations SET status = 'confirmed', confirmed_at = ?, confirmed_by = ? WHERE id = ?`,
					now, u.ID, x.ID)
				must(err)
			}
		}
		must(d.QueryRow(ctx, `INSERT INTO goods_pledges (campaign_id, need_id, org_id, item, unit, quantity, received, delivery,
			pledger_name, contact_email, status, form_token, created_at, updated_at)
			VALUES (?, ?, ?, 'Kursi', 'buah', 4, 3, 'antar', 'Budi', 'budi@example.org', 'partial', 'token-goods-backfill-abc', ?, ?) RETURNING id`,
			camp, barang, o.ID, now, now).Scan(&pledge))
		_, err = d.Exec(ctx, `INSERT INTO goods_receipts (pledge_id, quantity, received_on, note, recorder, created_at)
			VALUES (?, 3, '2026-03-01', '', 'Bendahara', ?)`, pledge, now)
		must(err)

		if _, err := d.Migrate(ctx, migrations.All()); err != nil {
			t.Fatal(err)
		}
		res, err := ledger.Verify(ctx, d, o.ID)
		if err != nil || !res.OK || res.Entries != 3 {
			t.Fatalf("after the migration: %+v, %v", res, err)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{CampaignID: camp})
		if err != nil || sum.In != want+3*150_000 || sum.ByCategory[ledger.CatProgram].In != sum.In {
			t.Errorf("totals %+v, %v; want %d in", sum, err, want+3*150_000)
		}
		// Migrating again changes nothing, and the backfill itself books
		// nothing twice.
		if n, err := d.Migrate(ctx, migrations.All()); err != nil || n != 0 {
			t.Errorf("second migrate: %d, %v", n, err)
		}
		must(d.InTx(ctx, func(tx *db.Tx) error {
			n, err := donation.Backfill(ctx, tx)
			if m, gerr := goods.Backfill(ctx, tx); n+m != 0 || gerr != nil {
				t.Errorf("backfill again: %d donations, %d receipts, %v", n, m, gerr)
			}
			return err
		}))
		if res, err := ledger.Verify(ctx, d, o.ID); err != nil || !res.OK || res.Entries != 3 {
			t.Errorf("after a second backfill: %+v, %v", res, err)
		}
	})
}

// oldOrg writes an organisation and its owner as the first schema knew
// them: the store of today writes columns added later.
func oldOrg(t *testing.T, d *db.DB, ownerID int64, slug, name string) struct{ ID int64 } {
	t.Helper()
	ctx := context.Background()
	var o struct{ ID int64 }
	now := db.Now()
	if err := d.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES (?, ?, 'komunitas', '32.73.01.1001', 'pending', ?, ?) RETURNING id`, slug, name, now, now).Scan(&o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)`,
		o.ID, ownerID, now); err != nil {
		t.Fatal(err)
	}
	return o
}
