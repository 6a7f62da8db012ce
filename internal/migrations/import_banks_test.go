package migrations_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/migrations"
)

// TestImportBanksWidened checks that after migration 71 an import may be of
// a BNI or BSI account, that other banks are still refused, and that the
// statement lines recorded before it are kept.
func TestImportBanksWidened(t *testing.T) {
	fresh(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Migrate(ctx, upTo(70)); err != nil {
			t.Fatal(err)
		}
		u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@example.org", "Bendahara", "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		o := oldOrg(t, d, u.ID, "lazis-contoh", "Lazis Contoh")
		var acct int64
		if err := d.QueryRow(ctx, `INSERT INTO org_bank_accounts (org_id, bank, account_number, account_name, created_at)
			VALUES (?, 'bsi', '7001234567', 'Lazis Contoh', ?) RETURNING id`, o.ID, db.Now()).Scan(&acct); err != nil {
			t.Fatal(err)
		}
		insert := func(id, bank string) error {
			_, err := d.Exec(ctx, `INSERT INTO bank_statement_imports (id, org_id, bank_account_id, bank, status, created_at)
				VALUES (?, ?, ?, ?, 'confirmed', ?)`, id, o.ID, acct, bank, db.Now())
			return err
		}
		if err := insert("before", "bca"); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO bank_statement_lines (bank_account_id, fingerprint, import_id, line_number, booked_on, amount)
			VALUES (?, 'f1', 'before', 1, ?, 5000)`, acct, db.Now()); err != nil {
			t.Fatal(err)
		}
		if err := insert("bsi-early", "bsi"); err == nil {
			t.Fatal("a BSI import accepted before the migration")
		}
		if _, err := d.Migrate(ctx, migrations.All()); err != nil {
			t.Fatal(err)
		}
		for _, bank := range []string{"bni", "bsi", "mandiri"} {
			if err := insert("after-"+bank, bank); err != nil {
				t.Errorf("%s import refused: %v", bank, err)
			}
		}
		if err := insert("after-btn", "btn"); err == nil {
			t.Error("an import of an unknown bank accepted")
		}
		var lines int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM bank_statement_lines WHERE import_id = 'before'`).Scan(&lines); err != nil || lines != 1 {
			t.Fatalf("recorded lines after the migration: %d, %v", lines, err)
		}
		if _, err := d.Exec(ctx, `DELETE FROM bank_statement_imports WHERE id = 'before'`); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM bank_statement_lines WHERE import_id = 'before'`).Scan(&lines); err != nil || lines != 0 {
			t.Fatalf("the lines' foreign key no longer cascades: %d, %v", lines, err)
		}
	})
}
