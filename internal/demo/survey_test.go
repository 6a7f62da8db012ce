package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/distribution"
	"lokadaya/internal/service"
	"lokadaya/internal/survey"
)

// TestDemoSurveyAndHandouts: Terang Kampung has two survey rounds over its
// recorded service, the first with too small a sample for the people
// served and the second large enough and better; and goods handed out
// from its approved expenses, partly and fully confirmed.
func TestDemoSurveyAndHandouts(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var orgID, iniID int64
		if err := d.QueryRow(ctx, `SELECT o.id, i.id FROM organizations o JOIN initiatives i ON i.org_id = o.id
			WHERE o.slug = 'terang-kampung' ORDER BY i.id LIMIT 1`).Scan(&orgID, &iniID); err != nil {
			t.Fatal(err)
		}
		store := &survey.Store{DB: d}
		rounds, err := store.Rounds(ctx, iniID)
		if err != nil || len(rounds) != 2 {
			t.Fatalf("rounds: %v %d", err, len(rounds))
		}
		res, err := store.Results(ctx, []int64{rounds[0].ID, rounds[1].ID})
		if err != nil {
			t.Fatal(err)
		}
		var ikm [2]float64
		for i, rd := range rounds {
			reach, err := (&service.Store{DB: d}).Reach(ctx, iniID, service.Period{From: rd.PeriodFrom, To: rd.PeriodTo})
			if err != nil {
				t.Fatal(err)
			}
			sum := survey.Summarize(rd, res[rd.ID], reach.Total)
			if !sum.FromRecords || !sum.Sample.Known {
				t.Fatalf("round %d population: %+v", i, sum.Sample)
			}
			if enough := i == 1; sum.Sample.Enough != enough {
				t.Errorf("round %d: %d respondents for %d served (needs %d): enough = %v", i, res[rd.ID].Respondents,
					reach.Total, sum.Sample.Required, sum.Sample.Enough)
			}
			var ok bool
			if ikm[i], ok = res[rd.ID].IKM(); !ok {
				t.Fatalf("round %d has no index", i)
			}
		}
		if ikm[1] <= ikm[0] {
			t.Errorf("IKM %v then %v: the demo shows an improvement", ikm[0], ikm[1])
		}
		list, err := (&distribution.Store{DB: d}).List(ctx, distribution.Scope{OrgID: orgID})
		if err != nil || len(list) != 2 {
			t.Fatalf("handouts: %v %d", err, len(list))
		}
		full, part := 0, 0
		for _, h := range list {
			switch {
			case h.Totals.Confirmed == h.Totals.Recipients:
				full++
			case h.Totals.Confirmed > 0:
				part++
			}
		}
		if full != 1 || part != 1 {
			t.Errorf("fully confirmed %d, partly %d", full, part)
		}
	})
}
