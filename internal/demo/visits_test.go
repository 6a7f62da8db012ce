package demo

import (
	"testing"
	"time"
)

// Visits are spread over every day a campaign ran, the launch day busiest,
// and add up to the total exactly.
func TestSpreadVisits(t *testing.T) {
	wita := time.FixedZone("WITA", 8*3600)
	start := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC) // 2 March in WITA
	now := time.Date(2026, 3, 10, 17, 0, 0, 0, time.UTC)  // 11 March in WITA
	days := campaignDays(start, now, wita)
	if len(days) != 10 || days[0] != "2026-03-02" || days[9] != "2026-03-11" {
		t.Fatalf("days = %v", days)
	}
	if got := campaignDays(now.AddDate(0, 0, 3), now, wita); len(got) != 1 || got[0] != "2026-03-11" {
		t.Errorf("a campaign starting later is visited today only: %v", got)
	}
	for _, total := range []int64{40, 437, 1001} {
		counts := spreadVisits(total, len(days), 7)
		var sum int64
		for i, n := range counts {
			sum += n
			if n <= 0 || n > counts[0] {
				t.Errorf("total %d: day %d has %d visits, the launch day %d", total, i, n, counts[0])
			}
		}
		if sum != total {
			t.Errorf("total %d: the days add up to %d", total, sum)
		}
	}
}
