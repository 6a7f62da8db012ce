package migrations_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/migrations"
)

// The facet rows of an index built before they carried the sort keys get
// their documents' keys from the migration.
func TestSearchFacetKeysMigration(t *testing.T) {
	fresh(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.Migrate(ctx, upTo(196)); err != nil {
			t.Fatal(err)
		}
		docs := []struct {
			typ                     string
			ends, published, needBP int64
			facets                  [][2]string
		}{
			{"campaign", 1_790_000_000, 1_780_000_000, 7500, [][2]string{{"kind", "dana"}, {"kind", "relawan"}, {"scheme", "barter"}}},
			{"organization", 1 << 62, 1_770_000_000, 0, [][2]string{{"issue", "pendidikan"}}},
		}
		for i, doc := range docs {
			var id int64
			err := d.QueryRow(ctx, `INSERT INTO search_docs (doc_type, doc_id, slug, title, url, ends_unix, published_unix, need_bp)
				VALUES (?, ?, 'a', 'A', '/a', ?, ?, ?) RETURNING id`, doc.typ, i+1, doc.ends, doc.published, doc.needBP).Scan(&id)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range doc.facets {
				if _, err := d.Exec(ctx, `INSERT INTO search_doc_facets (doc, facet, value) VALUES (?, ?, ?)`, id, f[0], f[1]); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, err := d.Migrate(ctx, migrations.All()); err != nil {
			t.Fatal(err)
		}
		for _, doc := range docs {
			var rows, same int
			err := d.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN x.ends_unix = ? AND x.published_unix = ?
				AND x.need_bp = ? THEN 1 ELSE 0 END), 0) FROM search_doc_facets x JOIN search_docs s ON s.id = x.doc
				WHERE s.doc_type = ?`, doc.ends, doc.published, doc.needBP, doc.typ).Scan(&rows, &same)
			if err != nil {
				t.Fatal(err)
			}
			if rows != len(doc.facets) || same != rows {
				t.Errorf("%s: %d facet rows, %d with its keys", doc.typ, rows, same)
			}
		}
	})
}
