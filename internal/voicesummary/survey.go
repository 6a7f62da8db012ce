package voicesummary

import (
	"context"

	"lokadaya/internal/service"
	"lokadaya/internal/survey"
)

// SurveySource contributes the latest survey round (SKM) of the
// initiative whose period overlaps the summary's, with its IKM and the
// sample check against the people served in the round's period.
type SurveySource struct {
	Store   *survey.Store
	Service *service.Store
}

// Contribute sets the summary's satisfaction, or leaves it nil when no
// round overlaps the period.
func (src SurveySource) Contribute(ctx context.Context, s *Summary) error {
	rounds, err := src.Store.Rounds(ctx, s.InitiativeID)
	if err != nil {
		return err
	}
	var latest *survey.Round
	for _, r := range rounds { // oldest first: the last that overlaps is the latest
		if (s.Period.To == "" || r.PeriodFrom <= s.Period.To) && (s.Period.From == "" || r.PeriodTo >= s.Period.From) {
			latest = r
		}
	}
	if latest == nil {
		return nil
	}
	results, err := src.Store.Results(ctx, []int64{latest.ID})
	if err != nil {
		return err
	}
	served, err := src.Service.Reach(ctx, s.InitiativeID, service.Period{From: latest.PeriodFrom, To: latest.PeriodTo})
	if err != nil {
		return err
	}
	sum := survey.Summarize(latest, results[latest.ID], served.Total)
	sat := &Satisfaction{RoundTitle: latest.Title, From: latest.PeriodFrom, To: latest.PeriodTo,
		Respondents: sum.Result.Respondents, SampleKnown: sum.Sample.Known, SampleEnough: sum.Sample.Enough,
		SampleRequired: sum.Sample.Required}
	if ikm, ok := sum.Result.IKM(); ok {
		sat.HasIKM, sat.IKM, sat.Grade = true, ikm, sum.Result.Grade()
	}
	s.Satisfaction = sat
	return nil
}
