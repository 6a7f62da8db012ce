package migrations

import (
	"context"

	"lokadaya/internal/db"
)

// createSearchFTS adds the full-text part of the search index, which the
// two databases spell differently: an FTS5 table keyed by search_docs.id
// on SQLite (prefix indexes for half-typed words), a weighted tsvector
// with a GIN index on PostgreSQL. Words are split and stemmed in Go
// (internal/search) before they reach either, so both use no language
// rules of their own ('simple', unicode61).
func createSearchFTS(ctx context.Context, tx *db.Tx) error {
	stmts := []string{`CREATE VIRTUAL TABLE search_fts USING fts5(title, body,
		tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4')`}
	if tx.Dialect == db.Postgres {
		stmts = []string{`ALTER TABLE search_docs ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector`,
			`CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv)`}
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
