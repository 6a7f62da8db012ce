package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/ledger"
)

func TestDemoExpenses(t *testing.T) {
	d := demotest.Open(t)
	ctx := context.Background()
	var approved, rejected, pending, orgs, self int
	for q, dst := range map[string]*int{
		`SELECT COUNT(*) FROM expenses WHERE status = 'disetujui'`:     &approved,
		`SELECT COUNT(*) FROM expenses WHERE status = 'ditolak'`:       &rejected,
		`SELECT COUNT(*) FROM expenses WHERE status = 'diajukan'`:      &pending,
		`SELECT COUNT(DISTINCT org_id) FROM expenses`:                  &orgs,
		`SELECT COUNT(*) FROM expenses WHERE decided_by = recorded_by`: &self,
	} {
		if err := d.QueryRow(ctx, q).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	if approved < 5 || rejected != 1 || pending < 1 || orgs < 10 || self != 0 {
		t.Fatalf("approved %d, rejected %d, pending %d, in %d organisations, %d self-approved", approved, rejected, pending, orgs, self)
	}
	var n int
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE source_type = 'expense'`).Scan(&n); err != nil || n != approved {
		t.Fatalf("%d expense entries for %d approved (%v)", n, approved, err)
	}
	rows, err := d.Query(ctx, `SELECT DISTINCT org_id FROM expenses`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		if res, err := ledger.Verify(ctx, d, id); err != nil || !res.OK {
			t.Fatalf("org %d books: %+v %v", id, res, err)
		}
	}
}
