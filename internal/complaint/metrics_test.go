package complaint_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/metrics"
)

// The metrics read the complaints' deadlines from the database: the
// world's complaints were filed in March, so their deadlines have passed.
func TestMetricsCountMissedDeadlines(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		late := w.file(t, w.input("Lampu jalan di gang kami mati sebulan."))
		answered := w.file(t, w.input("Antrean di loket terlalu panjang."))
		// Answered on time: no longer owed, and its first deadline kept.
		if _, err := d.Exec(context.Background(), `UPDATE complaints SET awaiting_answer = FALSE,
			first_answer_at = first_due_at, answered_at = first_due_at WHERE id = ?`, answered.ID); err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		metrics.New(d).Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		out := rec.Body.String()
		for _, want := range []string{
			"\nlokadaya_complaints_overdue 1\n",
			"\nlokadaya_complaints_first_deadline_missed 1\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("missing %q (complaint %d late) in\n%s", strings.TrimSpace(want), late.ID, out)
			}
		}
	})
}
