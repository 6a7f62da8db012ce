package demo_test

import (
	"testing"

	"lokadaya/internal/demo/demotest"
)

func TestDemoVolunteers(t *testing.T) {
	d := demotest.Open(t)
	for _, tc := range []struct {
		name, query string
		atLeast     int
	}{
		{"needs signed up for", `SELECT COUNT(DISTINCT need_id) FROM volunteer_signups`, 2},
		{"accepted", `SELECT COUNT(*) FROM volunteer_signups WHERE status = 'accepted'`, 6},
		{"pending", `SELECT COUNT(*) FROM volunteer_signups WHERE status = 'pending'`, 1},
		{"declined with a reason", `SELECT COUNT(*) FROM volunteer_signups WHERE status = 'declined' AND decline_reason <> ''`, 1},
		{"absent", `SELECT COUNT(*) FROM volunteer_signups WHERE status = 'absent'`, 1},
		{"name hidden", `SELECT COUNT(*) FROM volunteer_signups WHERE hide_name`, 1},
		{"hours logged", `SELECT COUNT(*) FROM volunteer_hours`, 6},
		{"activity set", `SELECT COUNT(*) FROM volunteer_activities`, 1},
		{"news wanted", `SELECT COUNT(*) FROM campaign_subscribers WHERE email = 'lina.contoh@example.org'`, 1},
	} {
		if got := count(t, d, tc.query); got < tc.atLeast {
			t.Errorf("%s = %d, want at least %d", tc.name, got, tc.atLeast)
		}
	}
	if n := count(t, d, `SELECT COUNT(*) FROM (SELECT n.id FROM volunteer_signups v JOIN campaign_needs n ON n.id = v.need_id
		WHERE v.status IN ('pending', 'accepted') GROUP BY n.id, n.target HAVING COUNT(*) > n.target) full_needs`); n != 0 {
		t.Error("a need holds more volunteers than its slots")
	}
}
