package reflection

import (
	"context"
	"database/sql"
	"fmt"

	"lokadaya/internal/db"
)

const actionColumns = `a.id, a.org_id, a.session_id, a.finding_id, a.what, a.owner_id, a.owner_name, a.due_on, a.budget,
	a.indicator_id, a.status, a.note, a.reminded_on, a.created_at, a.updated_at`

// AddAction adds an item to the organisation's action plan, from a
// session (sessionID) and one of its findings when given. The owner must
// be a member of the organisation: the one who is reminded.
func (s *Store) AddAction(ctx context.Context, actor Actor, orgID, sessionID int64, in ActionInput) (*Action, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		owner, err := checkAction(ctx, tx, orgID, sessionID, in)
		if err != nil {
			return err
		}
		now := s.now()
		if err := tx.QueryRow(ctx, `INSERT INTO reflection_actions (org_id, session_id, finding_id, what, owner_id, owner_name,
			due_on, budget, indicator_id, status, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, orgID, nullID(sessionID), nullID(in.FindingID),
			in.What, in.OwnerID, owner, in.DueOn, in.Budget, nullID(in.IndicatorID), in.Status, in.Note, now, now).Scan(&id); err != nil {
			return fmt.Errorf("reflection: action: %w", err)
		}
		return recordAction(ctx, tx, actor, "action.create", id, in.What)
	})
	if err != nil {
		return nil, err
	}
	return s.Action(ctx, orgID, id)
}

// UpdateAction changes an action: its status above all.
func (s *Store) UpdateAction(ctx context.Context, actor Actor, orgID, id int64, in ActionInput) error {
	if errs := in.Check(); len(errs) > 0 {
		return errs
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := getAction(ctx, tx, orgID, id)
		if err != nil {
			return err
		}
		in.FindingID = cur.FindingID
		owner, err := checkAction(ctx, tx, orgID, cur.SessionID, in)
		if err != nil {
			return err
		}
		// A new due day or owner starts the reminders afresh.
		reminded := cur.RemindedOn
		if in.DueOn != cur.DueOn || in.OwnerID != cur.OwnerID {
			reminded = ""
		}
		if _, err := tx.Exec(ctx, `UPDATE reflection_actions SET what = ?, owner_id = ?, owner_name = ?, due_on = ?, budget = ?,
			indicator_id = ?, status = ?, note = ?, reminded_on = ?, updated_at = ? WHERE id = ? AND org_id = ?`,
			in.What, in.OwnerID, owner, in.DueOn, in.Budget, nullID(in.IndicatorID), in.Status, in.Note, reminded, s.now(),
			id, orgID); err != nil {
			return fmt.Errorf("reflection: action: %w", err)
		}
		return recordAction(ctx, tx, actor, "action.update", id, in.Status)
	})
}

// checkAction checks the owner is a member (returning the name to keep),
// the finding is of the session, and the indicator of the organisation.
func checkAction(ctx context.Context, q db.Querier, orgID, sessionID int64, in ActionInput) (string, error) {
	var owner string
	err := q.QueryRow(ctx, `SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ? AND m.user_id = ?`, orgID, in.OwnerID).Scan(&owner)
	if err == sql.ErrNoRows {
		return "", errField("owner", "reflection.err.owner_member")
	}
	if err != nil {
		return "", err
	}
	if in.FindingID != 0 {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM reflection_findings WHERE id = ? AND session_id = ?`,
			in.FindingID, sessionID).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", errField("finding", "reflection.err.finding")
		}
	}
	if in.IndicatorID != 0 {
		ok, err := indicatorOf(ctx, q, orgID, in.IndicatorID)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", errField("indicator", "reflection.err.indicator")
		}
	}
	return owner, nil
}

// indicatorOf reports whether the indicator belongs to one of the
// organisation's initiatives.
func indicatorOf(ctx context.Context, q db.Querier, orgID, indicatorID int64) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM indicators i JOIN initiatives n ON n.id = i.initiative_id
		WHERE i.id = ? AND n.org_id = ?`, indicatorID, orgID).Scan(&n)
	return n > 0, err
}

// Action loads one of the organisation's actions.
func (s *Store) Action(ctx context.Context, orgID, id int64) (*Action, error) {
	return getAction(ctx, s.DB, orgID, id)
}

func getAction(ctx context.Context, q db.Querier, orgID, id int64) (*Action, error) {
	list, err := queryActions(ctx, q, `a.org_id = ? AND a.id = ?`, orgID, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, db.ErrNotFound
	}
	return list[0], nil
}

// Actions lists the organisation's action plan: open ones first by due
// day, then the finished ones, the latest first.
func (s *Store) Actions(ctx context.Context, orgID int64) ([]*Action, error) {
	return queryActions(ctx, s.DB, `a.org_id = ? ORDER BY CASE WHEN a.status IN ('rencana', 'berjalan') THEN 0 ELSE 1 END,
		a.due_on, a.id`, orgID)
}

// SessionActions lists the actions that came from a session.
func (s *Store) SessionActions(ctx context.Context, sessionID int64) ([]*Action, error) {
	return queryActions(ctx, s.DB, `a.session_id = ? ORDER BY a.due_on, a.id`, sessionID)
}

func queryActions(ctx context.Context, q db.Querier, where string, args ...any) ([]*Action, error) {
	rows, err := q.Query(ctx, `SELECT `+actionColumns+` FROM reflection_actions a WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Action
	for rows.Next() {
		var a Action
		var session, finding, owner, indicator sql.NullInt64
		if err := rows.Scan(&a.ID, &a.OrgID, &session, &finding, &a.What, &owner, &a.OwnerName, &a.DueOn, &a.Budget,
			&indicator, &a.Status, &a.Note, &a.RemindedOn, &a.CreatedAt, &a.UpdatedAt); err != nil {
			return nil, err
		}
		a.SessionID, a.FindingID, a.OwnerID, a.IndicatorID = session.Int64, finding.Int64, owner.Int64, indicator.Int64
		out = append(out, &a)
	}
	return out, rows.Err()
}

// OpenCounts are the organisation's open actions and how many of them
// are overdue (today is YYYY-MM-DD in the organisation's zone).
func (s *Store) OpenCounts(ctx context.Context, orgID int64, today string) (open, overdue int, err error) {
	err = s.DB.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END), 0)
		FROM reflection_actions WHERE org_id = ? AND status IN ('rencana', 'berjalan')`, today, orgID).Scan(&open, &overdue)
	return open, overdue, err
}

func recordAction(ctx context.Context, q db.Querier, a Actor, action string, id int64, detail string) error {
	return recordTarget(ctx, q, a, action, "reflection_action", id, detail)
}
