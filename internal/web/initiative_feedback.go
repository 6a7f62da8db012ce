package web

import (
	"context"

	"lokadaya/internal/feedback"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// feedbackMonths is how many months the initiative page's feedback
// covers, as its trend does.
const feedbackMonths = 12

// initiativeFeedback is the red / yellow / green feedback section of an
// initiative's public page: the tally of its points over the last months
// and each point's, linking to the point's page.
type initiativeFeedback struct {
	Slug   string
	Total  feedback.Tally
	Points []pointFeedback
}

type pointFeedback struct {
	Code, Name string
	feedback.Tally
}

// initiativeFeedbackOf is the feedback section of the initiative, nil
// when it has no service points.
func (s *Server) initiativeFeedbackOf(ctx context.Context, i *initiative.Initiative, o *org.Organization) (*initiativeFeedback, error) {
	points, err := s.serviceStore().Points(ctx, i.ID)
	if err != nil || len(points) == 0 {
		return nil, err
	}
	store := &feedback.Store{DB: s.db, Now: s.cfg.Clock}
	today := store.TodayIn(region.Zone(o.RegionCode))
	months, err := store.Monthly(ctx, feedback.Scope{InitiativeID: i.ID}, today, feedbackMonths)
	if err != nil {
		return nil, err
	}
	out := &initiativeFeedback{Slug: i.Slug}
	for _, m := range months {
		out.Total = out.Total.Plus(m.Tally)
	}
	tallies, err := store.PointTallies(ctx, i.ID, feedback.Range{From: months[0].Month + "-01", To: today})
	if err != nil {
		return nil, err
	}
	for _, p := range points {
		out.Points = append(out.Points, pointFeedback{Code: p.Code, Name: p.Name, Tally: tallies[p.ID]})
	}
	return out, nil
}
