package voicesummary

import (
	"context"

	"lokadaya/internal/feedback"
)

// FeedbackSource contributes the public red / yellow / green tally of the
// initiative's service points over the period: counted votes and the
// paper box, flagged and discarded votes left out, as the public pages
// count them.
type FeedbackSource struct{ Store *feedback.Store }

// Contribute sets the summary's feedback.
func (f FeedbackSource) Contribute(ctx context.Context, s *Summary) error {
	t, err := f.Store.Tally(ctx, feedback.Scope{InitiativeID: s.InitiativeID}, feedback.Range{From: s.Period.From, To: s.Period.To})
	if err != nil {
		return err
	}
	s.Feedback = &Feedback{Merah: t.Merah, Kuning: t.Kuning, Hijau: t.Hijau}
	return nil
}
