package forum

import (
	"context"
	"slices"

	"lokadaya/internal/db"
)

// Subject kinds under which forums and plans cite catalogue datasets
// (the same words as the dataset package's).
const (
	CiteForum    = "forum"
	CiteTeamPlan = "team_plan"
)

// Citer writes and reads citations of catalogue datasets; the dataset
// store is one. CiteIn replaces the subject's set within the caller's
// transaction, and refuses the whole set when an id is not a published
// dataset.
type Citer interface {
	CiteIn(ctx context.Context, q db.Querier, kind string, subjectID int64, datasetIDs []int64) error
	CitedIDs(ctx context.Context, kind string, subjectID int64) ([]int64, error)
}

// cite writes a subject's citations inside tx when the store has a Citer
// and the caller chose datasets (nil ids: leave the set as it is).
func (s *Store) cite(ctx context.Context, tx *db.Tx, kind string, id int64, ids []int64) error {
	if s.Citations == nil || ids == nil {
		return nil
	}
	return s.Citations.CiteIn(ctx, tx, kind, id, ids)
}

// addCitations is the plan's cited set with ids added, nil when nothing
// is added.
func (s *Store) addCitations(ctx context.Context, teamID int64, ids []int64) ([]int64, error) {
	if s.Citations == nil || len(ids) == 0 {
		return nil, nil
	}
	have, err := s.Citations.CitedIDs(ctx, CiteTeamPlan, teamID)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if !slices.Contains(have, id) {
			have = append(have, id)
		}
	}
	return have, nil
}

// SetPlanCitations replaces the datasets team t's plan cites, by one who
// manages the team.
func (s *Store) SetPlanCitations(ctx context.Context, actor Actor, t *Team, ids []int64) error {
	if ids == nil {
		ids = []int64{}
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mustManage(ctx, tx, actor, t); err != nil {
			return err
		}
		if err := s.cite(ctx, tx, CiteTeamPlan, t.ID, ids); err != nil {
			return err
		}
		return record(ctx, tx, actor, "team.cite", "action_team", t.ID, "")
	})
}
