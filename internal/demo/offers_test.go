package demo_test

import (
	"testing"

	"lokadaya/internal/demo/demotest"
)

func TestDemoOffers(t *testing.T) {
	d := demotest.Open(t)
	for _, tc := range []struct {
		name, query string
		atLeast     int
	}{
		{"needs offered to", `SELECT COUNT(DISTINCT need_id) FROM offers`, 3},
		{"keahlian and kemitraan", `SELECT COUNT(DISTINCT n.kind) FROM offers o JOIN campaign_needs n ON n.id = o.need_id`, 2},
		{"new", `SELECT COUNT(*) FROM offers WHERE status = 'baru'`, 1},
		{"in discussion", `SELECT COUNT(*) FROM offers WHERE status = 'dibahas'`, 1},
		{"agreed", `SELECT COUNT(*) FROM offers WHERE status = 'disepakati'`, 2},
		{"declined", `SELECT COUNT(*) FROM offers WHERE status = 'ditolak' AND reject_reason <> ''`, 1},
		{"offerers' replies", `SELECT COUNT(*) FROM offer_messages WHERE NOT from_org`, 2},
		{"organisations' words", `SELECT COUNT(*) FROM offer_messages WHERE from_org AND body <> ''`, 6},
		{"status changes audited", `SELECT COUNT(*) FROM audit_log WHERE action = 'offer.status'`, 6},
	} {
		if got := count(t, d, tc.query); got < tc.atLeast {
			t.Errorf("%s = %d, want at least %d", tc.name, got, tc.atLeast)
		}
	}
	if n := count(t, d, `SELECT COUNT(*) FROM offers WHERE status IN ('baru', 'dibahas') AND decided_at IS NOT NULL`); n != 0 {
		t.Errorf("%d open offers with a decision date", n)
	}
}
