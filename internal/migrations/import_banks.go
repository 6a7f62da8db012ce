package migrations

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
)

// The banks whose statements an import may hold, before and after BNI and
// BSI (Bank Syariah Indonesia) statements became readable.
const (
	importBanksBefore = `CHECK (bank IN ('bca', 'bri', 'mandiri'))`
	importBanksAfter  = `CHECK (bank IN ('bca', 'bri', 'mandiri', 'bni', 'bsi'))`
)

// widenImportBanks lets bank_statement_imports hold BNI and BSI
// statements. PostgreSQL replaces the named constraint. SQLite cannot
// alter a constraint, and rebuilding the table would cascade-delete the
// recorded statement lines (its foreign keys cannot be switched off inside
// a migration's transaction), so the table's stored definition is edited
// in place: SQLite documents this for loosening a CHECK, which leaves every
// stored row valid.
func widenImportBanks(ctx context.Context, tx *db.Tx) error {
	if tx.Dialect == db.Postgres {
		_, err := tx.Exec(ctx, `ALTER TABLE bank_statement_imports DROP CONSTRAINT IF EXISTS bank_statement_imports_bank_check;
			ALTER TABLE bank_statement_imports ADD CONSTRAINT bank_statement_imports_bank_check `+importBanksAfter)
		return err
	}
	var def string
	if err := tx.QueryRow(ctx, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'bank_statement_imports'`).Scan(&def); err != nil {
		return err
	}
	if !strings.Contains(def, importBanksBefore) {
		return fmt.Errorf("bank_statement_imports: constraint %q not found", importBanksBefore)
	}
	var version int
	if err := tx.QueryRow(ctx, `PRAGMA schema_version`).Scan(&version); err != nil {
		return err
	}
	for _, q := range []string{
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_master SET sql = '` + strings.ReplaceAll(strings.Replace(def, importBanksBefore, importBanksAfter, 1), "'", "''") +
			`' WHERE type = 'table' AND name = 'bank_statement_imports'`,
		fmt.Sprintf(`PRAGMA schema_version = %d`, version+1),
		`PRAGMA writable_schema = OFF`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("bank_statement_imports: %w", err)
		}
	}
	var check string
	if err := tx.QueryRow(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		return fmt.Errorf("bank_statement_imports: integrity after the change: %q, %v", check, err)
	}
	return nil
}
