package reflection

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

const sessionColumns = `id, org_id, cycle_id, title, held_on, place, facilitator, period_from, period_to, purpose,
	status, published_at, created_at, updated_at`

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// CreateSession plans a session for the organisation, with the
// initiatives under review (which must be the organisation's).
func (s *Store) CreateSession(ctx context.Context, actor Actor, orgID int64, in SessionInput) (*Session, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	var out *Session
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := checkLinks(ctx, tx, orgID, in); err != nil {
			return err
		}
		now := s.now()
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO reflection_sessions (org_id, cycle_id, title, held_on, place, facilitator,
			period_from, period_to, purpose, status, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			orgID, nullID(in.CycleID), in.Title, in.HeldOn, in.Place, in.Facilitator, in.PeriodFrom, in.PeriodTo,
			in.Purpose, StatusPlanned, nullID(actor.ID), now, now).Scan(&id); err != nil {
			return fmt.Errorf("reflection: create: %w", err)
		}
		if err := setInitiatives(ctx, tx, id, in.InitiativeIDs); err != nil {
			return err
		}
		if err := record(ctx, tx, actor, "reflection.create", id, in.Title); err != nil {
			return err
		}
		var err error
		out, err = getSession(ctx, tx, id)
		return err
	})
	return out, err
}

// UpdateSession changes a session's plan.
func (s *Store) UpdateSession(ctx context.Context, actor Actor, id int64, in SessionInput) (*Session, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	var out *Session
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := getSession(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkLinks(ctx, tx, cur.OrgID, in); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE reflection_sessions SET cycle_id = ?, title = ?, held_on = ?, place = ?,
			facilitator = ?, period_from = ?, period_to = ?, purpose = ?, updated_at = ? WHERE id = ?`,
			nullID(in.CycleID), in.Title, in.HeldOn, in.Place, in.Facilitator, in.PeriodFrom, in.PeriodTo, in.Purpose,
			s.now(), id); err != nil {
			return fmt.Errorf("reflection: update: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM reflection_initiatives WHERE session_id = ?`, id); err != nil {
			return err
		}
		if err := setInitiatives(ctx, tx, id, in.InitiativeIDs); err != nil {
			return err
		}
		if err := record(ctx, tx, actor, "reflection.update", id, in.Title); err != nil {
			return err
		}
		out, err = getSession(ctx, tx, id)
		return err
	})
	return out, err
}

// checkLinks refuses a cycle or an initiative of another organisation.
func checkLinks(ctx context.Context, q db.Querier, orgID int64, in SessionInput) error {
	if in.CycleID != 0 {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM cycles WHERE id = ? AND org_id = ?`, in.CycleID, orgID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return errField("cycle", "reflection.err.cycle")
		}
	}
	for _, id := range in.InitiativeIDs {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM initiatives WHERE id = ? AND org_id = ?`, id, orgID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return errField("initiatives", "reflection.err.initiative")
		}
	}
	return nil
}

func setInitiatives(ctx context.Context, q db.Querier, sessionID int64, ids []int64) error {
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if _, err := q.Exec(ctx, `INSERT INTO reflection_initiatives (session_id, initiative_id) VALUES (?, ?)`, sessionID, id); err != nil {
			return fmt.Errorf("reflection: initiatives: %w", err)
		}
	}
	return nil
}

// Session loads a session with the initiatives under review.
func (s *Store) Session(ctx context.Context, id int64) (*Session, error) {
	return getSession(ctx, s.DB, id)
}

func getSession(ctx context.Context, q db.Querier, id int64) (*Session, error) {
	rows, err := q.Query(ctx, `SELECT `+sessionColumns+` FROM reflection_sessions WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	list, err := scanSessions(rows)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, db.ErrNotFound
	}
	ss := list[0]
	rows, err = q.Query(ctx, `SELECT initiative_id FROM reflection_initiatives WHERE session_id = ? ORDER BY initiative_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var i int64
		if err := rows.Scan(&i); err != nil {
			return nil, err
		}
		ss.InitiativeIDs = append(ss.InitiativeIDs, i)
	}
	return ss, rows.Err()
}

// Sessions lists the organisation's sessions, the latest first;
// publishedOnly leaves out those the public does not see.
func (s *Store) Sessions(ctx context.Context, orgID int64, publishedOnly bool) ([]*Session, error) {
	q := `SELECT ` + sessionColumns + ` FROM reflection_sessions WHERE org_id = ?`
	if publishedOnly {
		q += ` AND published_at IS NOT NULL`
	}
	rows, err := s.DB.Query(ctx, q+` ORDER BY held_on DESC, id DESC`, orgID)
	if err != nil {
		return nil, err
	}
	return scanSessions(rows)
}

// Latest is the organisation's latest session held for the cycle (or of
// any cycle when cycleID is 0); db.ErrNotFound when there is none.
func (s *Store) Latest(ctx context.Context, orgID, cycleID int64) (*Session, error) {
	q := `SELECT id FROM reflection_sessions WHERE org_id = ? AND status = ?`
	args := []any{orgID, StatusHeld}
	if cycleID != 0 {
		q += ` AND cycle_id = ?`
		args = append(args, cycleID)
	}
	var id int64
	if err := s.DB.QueryRow(ctx, q+` ORDER BY held_on DESC, id DESC LIMIT 1`, args...).Scan(&id); err != nil {
		if err == sql.ErrNoRows {
			return nil, db.ErrNotFound
		}
		return nil, err
	}
	return s.Session(ctx, id)
}

func scanSessions(rows *sql.Rows) ([]*Session, error) {
	defer rows.Close()
	var out []*Session
	for rows.Next() {
		var ss Session
		var cycle sql.NullInt64
		var published sql.NullTime
		if err := rows.Scan(&ss.ID, &ss.OrgID, &cycle, &ss.Title, &ss.HeldOn, &ss.Place, &ss.Facilitator,
			&ss.PeriodFrom, &ss.PeriodTo, &ss.Purpose, &ss.Status, &published, &ss.CreatedAt, &ss.UpdatedAt); err != nil {
			return nil, err
		}
		ss.CycleID = cycle.Int64
		if published.Valid {
			t := published.Time.UTC()
			ss.PublishedAt = &t
		}
		out = append(out, &ss)
	}
	return out, rows.Err()
}

// MarkHeld records that the session took place: its outcome is written.
// It needs at least one group and one finding; its fundamental changes
// are recorded against the organisation's strategy.
func (s *Store) MarkHeld(ctx context.Context, actor Actor, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var groups, findings int
		if err := tx.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM reflection_groups WHERE session_id = ?),
			(SELECT COUNT(*) FROM reflection_findings WHERE session_id = ?)`, id, id).Scan(&groups, &findings); err != nil {
			return err
		}
		if groups == 0 {
			return errField("status", "reflection.err.no_groups")
		}
		if findings == 0 {
			return errField("status", "reflection.err.no_findings")
		}
		if _, err := tx.Exec(ctx, `UPDATE reflection_sessions SET status = ?, updated_at = ? WHERE id = ?`,
			StatusHeld, s.now(), id); err != nil {
			return err
		}
		if err := recordStrategy(ctx, tx, id, s.now()); err != nil {
			return err
		}
		return record(ctx, tx, actor, "reflection.held", id, "")
	})
}

// SetPublished publishes the session (its groups' inputs, findings,
// assessment and actions; never a person's name) or withdraws it. Only a
// held session is published.
func (s *Store) SetPublished(ctx context.Context, actor Actor, id int64, publish bool) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		ss, err := getSession(ctx, tx, id)
		if err != nil {
			return err
		}
		if publish && !ss.Held() {
			return errField("publish", "reflection.err.publish_unheld")
		}
		var at any
		action := "reflection.unpublish"
		if publish {
			at, action = s.now(), "reflection.publish"
		}
		if _, err := tx.Exec(ctx, `UPDATE reflection_sessions SET published_at = ?, updated_at = ? WHERE id = ?`,
			at, s.now(), id); err != nil {
			return err
		}
		return record(ctx, tx, actor, action, id, "")
	})
}

func record(ctx context.Context, q db.Querier, a Actor, action string, id int64, detail string) error {
	return recordTarget(ctx, q, a, action, "reflection", id, detail)
}

func recordTarget(ctx context.Context, q db.Querier, a Actor, action, target string, id int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{At: db.Now(), ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: target, TargetID: fmt.Sprint(id), Detail: detail})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
