package forum

import (
	"context"
	"database/sql"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

func (s *Store) activities(ctx context.Context, teamID int64) ([]*Activity, error) {
	rows, err := s.DB.Query(ctx, `SELECT a.id, a.team_id, a.what, a.owner_id, COALESCE(u.name, ''), a.starts_on, a.due_on,
		a.budget, a.indicator, a.datasets, a.status FROM action_team_activities a LEFT JOIN users u ON u.id = a.owner_id
		WHERE a.team_id = ? ORDER BY a.starts_on, a.id`, teamID)
	if err != nil {
		return nil, fmt.Errorf("forum: plan: %w", err)
	}
	defer rows.Close()
	var out []*Activity
	for rows.Next() {
		a := &Activity{}
		var owner sql.NullInt64
		if err := rows.Scan(&a.ID, &a.TeamID, &a.What, &owner, &a.OwnerName, &a.StartsOn, &a.DueOn, &a.Budget,
			&a.Indicator, &a.Datasets, &a.Status); err != nil {
			return nil, err
		}
		a.OwnerID = owner.Int64
		out = append(out, a)
	}
	return out, rows.Err()
}

// Activity is the plan activity id of team t, or nil.
func (t *Team) Activity(id int64) *Activity {
	for _, a := range t.Activities {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// ownerInTeam refuses an owner who is not a member of the team, checked
// inside the transaction that writes the activity.
func ownerInTeam(ctx context.Context, q db.Querier, teamID, ownerID int64) error {
	n, err := count(ctx, q, `SELECT COUNT(*) FROM action_team_members WHERE team_id = ? AND user_id = ?`, teamID, ownerID)
	if err != nil {
		return err
	}
	if n == 0 {
		return validate.Errors{"owner": "forum.err.owner_not_member"}
	}
	return nil
}

// SaveActivity adds an activity to team t's plan (id 0) or changes one,
// by one who manages the team. The owner must be a member of the team;
// bad input is a validate.Errors and nothing is written. It returns the
// activity's id.
func (s *Store) SaveActivity(ctx context.Context, actor Actor, t *Team, id int64, in ActivityInput) (int64, error) {
	if e := in.check(); len(e) > 0 {
		return 0, e
	}
	cited, err := s.addCitations(ctx, t.ID, in.Cite)
	if err != nil {
		return 0, err
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mustManage(ctx, tx, actor, t); err != nil {
			return err
		}
		if err := ownerInTeam(ctx, tx, t.ID, in.OwnerID); err != nil {
			return err
		}
		if err := s.cite(ctx, tx, CiteTeamPlan, t.ID, cited); err != nil {
			return err
		}
		now := s.now()
		if id == 0 {
			if err := tx.QueryRow(ctx, `INSERT INTO action_team_activities (team_id, what, owner_id, starts_on, due_on, budget,
				indicator, datasets, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				t.ID, in.What, in.OwnerID, in.StartsOn, in.DueOn, in.Budget, in.Indicator, in.Datasets, in.Status, now, now).Scan(&id); err != nil {
				return fmt.Errorf("forum: activity: %w", err)
			}
			return record(ctx, tx, actor, "team.activity_add", "action_team", t.ID, in.What)
		}
		res, err := tx.Exec(ctx, `UPDATE action_team_activities SET what = ?, owner_id = ?, starts_on = ?, due_on = ?, budget = ?,
			indicator = ?, datasets = ?, status = ?, updated_at = ? WHERE id = ? AND team_id = ?`,
			in.What, in.OwnerID, in.StartsOn, in.DueOn, in.Budget, in.Indicator, in.Datasets, in.Status, now, id, t.ID)
		if err != nil {
			return fmt.Errorf("forum: activity: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, actor, "team.activity_update", "action_team", t.ID, in.What)
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}
