package migrations

import (
	"context"

	"lokadaya/internal/db"
)

// createOrgNameIndex indexes the organisations' names by trigrams, so the
// directory's name search ("part of the name", LIKE '%word%') reads the
// names that contain the word instead of every organisation: at 100,000
// organisations a rare word cost a scan of all of them.
//
// SQLite: an FTS5 table with the trigram tokenizer over organizations.name
// (external content: the names are not stored twice), kept by triggers.
// A phrase matches the names containing it as a substring, case folded;
// the store then checks its LIKE on those few rows, so the results are
// exactly the LIKE's. PostgreSQL: pg_trgm's GIN index on LOWER(name),
// which serves the LIKE as written.
func createOrgNameIndex(ctx context.Context, tx *db.Tx) error {
	stmts := []string{
		`CREATE VIRTUAL TABLE org_names USING fts5(name, content = 'organizations', content_rowid = 'id',
			tokenize = 'trigram')`,
		`INSERT INTO org_names (org_names) VALUES ('rebuild')`,
		`CREATE TRIGGER org_names_ins AFTER INSERT ON organizations BEGIN
			INSERT INTO org_names (rowid, name) VALUES (NEW.id, NEW.name); END`,
		// An external-content index is told the old text to take out.
		`CREATE TRIGGER org_names_upd AFTER UPDATE OF name ON organizations BEGIN
			INSERT INTO org_names (org_names, rowid, name) VALUES ('delete', OLD.id, OLD.name);
			INSERT INTO org_names (rowid, name) VALUES (NEW.id, NEW.name); END`,
		`CREATE TRIGGER org_names_del AFTER DELETE ON organizations BEGIN
			INSERT INTO org_names (org_names, rowid, name) VALUES ('delete', OLD.id, OLD.name); END`,
	}
	if tx.Dialect == db.Postgres {
		stmts = []string{`CREATE EXTENSION IF NOT EXISTS pg_trgm`,
			`CREATE INDEX organizations_name_trgm ON organizations USING GIN (LOWER(name) gin_trgm_ops)`}
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
