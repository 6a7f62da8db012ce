package demo_test

import (
	"testing"

	"lokadaya/internal/demo/demotest"
)

func TestDemoGoods(t *testing.T) {
	d := demotest.Open(t)
	for _, tc := range []struct {
		name, query string
		atLeast     int
	}{
		{"needs pledged to", `SELECT COUNT(DISTINCT need_id) FROM goods_pledges`, 2},
		{"partly received", `SELECT COUNT(*) FROM goods_pledges WHERE status = 'partial'`, 1},
		{"received in full", `SELECT COUNT(*) FROM goods_pledges WHERE status = 'received'`, 2},
		{"awaited", `SELECT COUNT(*) FROM goods_pledges WHERE status = 'pledged'`, 1},
		{"anonymous", `SELECT COUNT(*) FROM goods_pledges WHERE anonymous`, 1},
		{"receipts", `SELECT COUNT(*) FROM goods_receipts`, 4},
	} {
		if got := count(t, d, tc.query); got < tc.atLeast {
			t.Errorf("%s = %d, want at least %d", tc.name, got, tc.atLeast)
		}
	}
	if n := count(t, d, `SELECT COUNT(*) FROM goods_pledges p WHERE received <> (SELECT COALESCE(SUM(quantity), 0)
		FROM goods_receipts r WHERE r.pledge_id = p.id)`); n != 0 {
		t.Errorf("%d pledges whose receipts do not add up", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM campaign_needs n WHERE n.target < (SELECT COALESCE(SUM(p.quantity), 0)
		FROM goods_pledges p WHERE p.need_id = n.id AND p.status <> 'cancelled')`); n != 0 {
		t.Errorf("a need pledged past its target")
	}
}
