package voicesummary

import (
	"context"

	"lokadaya/internal/service"
)

// ReachSource contributes the people served, from the service records.
type ReachSource struct{ Store *service.Store }

// Contribute sets the summary's reach.
func (r ReachSource) Contribute(ctx context.Context, s *Summary) error {
	c, err := r.Store.Reach(ctx, s.InitiativeID, s.Period)
	if err != nil {
		return err
	}
	s.Reach = c
	return nil
}
