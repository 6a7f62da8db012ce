package demo

import (
	"context"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
)

// learn gives the demo world its results and learning: indicators with
// typed and computed actuals, two completed reflection sessions (CoRel)
// with their findings and action plans, commitments kept and broken,
// cadres and a dozen published lessons.
func learn(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	for _, step := range []func(context.Context, *db.DB, map[string]*account.User) error{
		measureResults, reflectTogether, recordCommitments, registerCadres, shareLessons,
	} {
		if err := step(ctx, d, users); err != nil {
			return err
		}
	}
	return nil
}
