package demo_test

import (
	"testing"

	"lokadaya/internal/demo/demotest"
)

// TestDemoFeedback: months of votes on the demo service points, notes
// shown and waiting, paper boxes, and one noisy burst flagged.
func TestDemoFeedback(t *testing.T) {
	d := demotest.Open(t)
	checks := []struct {
		name, query string
		min         int
	}{
		{"counted votes", `SELECT COUNT(*) FROM feedback_votes WHERE status = 'dihitung'`, 100},
		{"months with votes", `SELECT COUNT(DISTINCT SUBSTR(day, 1, 7)) FROM feedback_votes`, 6},
		{"paper boxes", `SELECT COUNT(*) FROM feedback_paper_tallies`, 5},
		{"shown notes", `SELECT COUNT(*) FROM feedback_votes WHERE note_status = 'tampil'`, 1},
		{"waiting notes", `SELECT COUNT(*) FROM feedback_votes WHERE note_status = 'menunggu'`, 1},
	}
	for _, c := range checks {
		if n := count(t, d, c.query); n < c.min {
			t.Errorf("%s: %d, want at least %d", c.name, n, c.min)
		}
	}
	if n := count(t, d, `SELECT COUNT(DISTINCT point_id || ' ' || day || ' ' || burst_key) FROM feedback_votes WHERE status = 'ditandai'`); n != 1 {
		t.Errorf("flagged bursts: %d, want the one noisy burst", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM feedback_votes WHERE status = 'ditandai'`); n != 9 {
		t.Errorf("flagged votes: %d, want 12 presses less the day's 3", n)
	}
}
