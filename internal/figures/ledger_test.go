package figures_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/figures"
	"lokadaya/internal/ledger"
)

// ledgerDays is ledger_days as text, row by row in key order.
func ledgerDays(t *testing.T, d *db.DB) string {
	t.Helper()
	rows, err := d.Query(context.Background(), `SELECT org_id, scope, scope_id, CAST(day AS TEXT), category, kind,
		money_in, money_out, entries FROM ledger_days WHERE entries <> 0 ORDER BY 1, 2, 3, 4, 5, 6`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var org, scopeID, in, out, n int64
		var scope, day, category, kind string
		if err := rows.Scan(&org, &scope, &scopeID, &day, &category, &kind, &in, &out, &n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, org, scope, scopeID, day, category, kind, in, out, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLedgerDaysMatchTheEntries: the day totals the triggers kept while
// the demo booked its entries, then as entries are reversed, moved to
// another day and deleted, equal a rebuild from the entries.
func TestLedgerDaysMatchTheEntries(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		check := func(when string) {
			t.Helper()
			kept := ledgerDays(t, d)
			if kept == "" {
				t.Fatalf("%s: no day totals", when)
			}
			if err := d.InTx(ctx, func(tx *db.Tx) error { return figures.RebuildLedger(ctx, tx) }); err != nil {
				t.Fatal(err)
			}
			if rebuilt := ledgerDays(t, d); kept != rebuilt {
				t.Errorf("%s: the triggers kept\n%s\na rebuild finds\n%s", when, kept, rebuilt)
			}
		}
		check("after the demo")
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := d.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		}
		// A reversal counts as the kind it reverses, on the day it is made.
		var org, seq int64
		if err := d.QueryRow(ctx, `SELECT org_id, MIN(seq) FROM ledger_entries WHERE kind = 'donation'
			AND campaign_id IS NOT NULL GROUP BY org_id ORDER BY org_id LIMIT 1`).Scan(&org, &seq); err != nil {
			t.Fatal(err)
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Reverse(ctx, tx, org, seq, "uji", 0)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		check("after a reversal")
		// Straight SQL, past the ledger's own checks: the totals follow
		// the rows whatever writes them.
		var at time.Time
		if err := d.QueryRow(ctx, `SELECT recorded_at FROM ledger_entries WHERE org_id = ? AND seq = ?`, org, seq).Scan(&at); err != nil {
			t.Fatal(err)
		}
		exec(`UPDATE ledger_entries SET recorded_at = ?, campaign_id = NULL WHERE org_id = ? AND seq = ?`,
			at.Add(-72*time.Hour), org, seq)
		check("an entry moved three days back, off its campaign")
		exec(`DELETE FROM ledger_entries WHERE org_id = ? AND reverses_seq = ?`, org, seq)
		check("the reversal deleted")
	})
}
