package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/ledger"
)

func TestDemoSurplusSpinOff(t *testing.T) {
	d := demotest.Open(t)
	ctx := context.Background()
	if n := count(t, d, `SELECT COUNT(*) FROM surplus_allocations a JOIN initiatives c ON c.id = a.target_id
		JOIN surplus_periods p ON p.id = a.period_id
		WHERE a.kind = 'pemisahan' AND a.created_target AND c.parent_id = p.initiative_id AND c.status = 'published'`); n != 1 {
		t.Errorf("%d published spin-offs linked to their parent, want 1", n)
	}
	var org int64
	if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'terang-kampung'`).Scan(&org); err != nil {
		t.Fatal(err)
	}
	if res, err := ledger.Verify(ctx, d, org); err != nil || !res.OK {
		t.Errorf("verify: %+v %v", res, err)
	}
}
