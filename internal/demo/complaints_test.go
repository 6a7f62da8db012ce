package demo_test

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
)

// TestDemoComplaints checks that the public logs show every case the demo
// promises, and that the figures agree with the rows.
func TestDemoComplaints(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := db.Now()
		for _, tc := range []struct {
			name, query string
			want        int
		}{
			{"complaints", `SELECT COUNT(*) FROM complaints`, 7},
			{"answered on time", `SELECT COUNT(*) FROM complaints WHERE first_answer_at <= first_due_at`, 4},
			{"answered late", `SELECT COUNT(*) FROM complaints WHERE first_answer_at > first_due_at`, 1},
			{"overdue now", `SELECT COUNT(*) FROM complaints WHERE awaiting_answer = TRUE AND due_at < ?`, 1},
			{"escalated to the hub", `SELECT COUNT(DISTINCT complaint_id) FROM complaint_escalations`, 2},
			{"reopened and answered again", `SELECT COUNT(*) FROM complaints WHERE reopened_at IS NOT NULL AND awaiting_answer = FALSE`, 1},
			{"turned down", `SELECT COUNT(*) FROM complaints WHERE status = 'ditolak'`, 1},
			{"rated", `SELECT COUNT(*) FROM complaints WHERE rating > 0`, 4},
			{"contacts masked or kept private", `SELECT COUNT(*) FROM complaints WHERE public_body LIKE '%@%'`, 0},
		} {
			args := []any{}
			if tc.name == "overdue now" {
				args = append(args, now)
			}
			if got := count(t, d, tc.query, args...); got != tc.want {
				t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
			}
		}
		s := &complaint.Store{DB: d}
		var orgID int64
		if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'terang-kampung'`).Scan(&orgID); err != nil {
			t.Fatal(err)
		}
		f, err := s.Figures(ctx, complaint.LogFilter{OrgID: orgID})
		if err != nil {
			t.Fatal(err)
		}
		// Terang Kampung: 6 h and 70 h answers, one overdue: 1 of 3 on time,
		// median of the two answered 38 h.
		if f.Total != 3 || f.OnTime != 1 || f.Decided != 3 || f.Overdue != 1 || f.MedianFirstAnswer != 38*time.Hour {
			t.Errorf("Terang Kampung figures %+v", f)
		}
	})
}
