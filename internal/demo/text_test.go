package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
)

// TestDemoTextHasNoFormattingErrors scans every text column of every table
// after loading the demo for fmt's complaints ("%!(EXTRA …)", "%!s(MISSING)"
// …), which show when a template and its arguments disagree.
func TestDemoTextHasNoFormattingErrors(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		columns := textColumns(t, d)
		if len(columns) < 50 {
			t.Fatalf("only %d text columns found", len(columns))
		}
		for _, c := range columns {
			var n int
			q := `SELECT COUNT(*) FROM ` + c[0] + ` WHERE ` + c[1] + ` LIKE '%#%!%' ESCAPE '#'`
			if err := d.QueryRow(ctx, q).Scan(&n); err != nil {
				t.Fatalf("%s.%s: %v", c[0], c[1], err)
			}
			if n > 0 {
				t.Errorf("%s.%s: %d demo rows carry a formatting error", c[0], c[1], n)
			}
		}
		if count(t, d, `SELECT COUNT(*) FROM answer_versions`) == 0 {
			t.Fatal("the demo has no answers to scan")
		}
	})
}

// textColumns lists (table, column) of every text column in the schema.
func textColumns(t *testing.T, d *db.DB) [][2]string {
	t.Helper()
	q := `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND data_type = 'text' ORDER BY 1, 2`
	if d.Dialect == db.SQLite {
		q = `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite#_%' ESCAPE '#' AND UPPER(p.type) = 'TEXT' ORDER BY 1, 2`
	}
	rows, err := d.Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var c [2]string
		if err := rows.Scan(&c[0], &c[1]); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
