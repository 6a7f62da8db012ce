package web

import (
	"context"

	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/reflection"
)

// loadCycleReflection finds the latest reflection session on the cycle,
// held or planned, with its findings and open actions.
func (s *Server) loadCycleReflection(ctx context.Context, c *cycle.Cycle) (*cycleReflection, error) {
	store := &reflection.Store{DB: s.db}
	list, err := store.Sessions(ctx, c.OrgID, false)
	if err != nil {
		return nil, err
	}
	for _, sess := range list { // the latest first
		if sess.CycleID != c.ID {
			continue
		}
		out := &cycleReflection{Session: sess}
		if out.Findings, err = store.Findings(ctx, sess.ID); err != nil {
			return nil, err
		}
		actions, err := store.SessionActions(ctx, sess.ID)
		if err != nil {
			return nil, err
		}
		for _, a := range actions {
			if a.Open() {
				out.Open++
			}
		}
		return out, nil
	}
	return nil, db.ErrNotFound
}
