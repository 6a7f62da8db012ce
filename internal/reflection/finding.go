package reflection

import (
	"context"
	"database/sql"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
)

// AddFinding adds an item to the session's outcome. A finding may name
// the group it came from, which must sit in the session.
func (s *Store) AddFinding(ctx context.Context, actor Actor, sessionID int64, in FindingInput) (*Finding, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	f := &Finding{SessionID: sessionID, Kind: in.Kind, Title: in.Title, Body: in.Body, AddressedTo: in.AddressedTo, GroupID: in.GroupID}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if in.GroupID != 0 {
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM reflection_groups WHERE id = ? AND session_id = ?`,
				in.GroupID, sessionID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return errField("group", "reflection.err.group")
			}
		}
		f.CreatedAt = s.now()
		if err := tx.QueryRow(ctx, `INSERT INTO reflection_findings (session_id, kind, title, body, addressed_to, group_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, sessionID, in.Kind, in.Title, in.Body, in.AddressedTo,
			nullID(in.GroupID), f.CreatedAt).Scan(&f.ID); err != nil {
			return fmt.Errorf("reflection: finding: %w", err)
		}
		return record(ctx, tx, actor, "reflection.finding", sessionID, in.Title)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// RemoveFinding takes a finding back; its actions stay, unlinked.
func (s *Store) RemoveFinding(ctx context.Context, actor Actor, sessionID, findingID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM reflection_findings WHERE id = ? AND session_id = ?`, findingID, sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, actor, "reflection.finding_remove", sessionID, fmt.Sprint(findingID))
	})
}

// Findings lists the session's outcome in the order of FindingKinds.
func (s *Store) Findings(ctx context.Context, sessionID int64) ([]*Finding, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, session_id, kind, title, body, addressed_to, group_id, initiative_id, created_at
		FROM reflection_findings WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byKind := map[string][]*Finding{}
	for rows.Next() {
		var f Finding
		var group, init sql.NullInt64
		if err := rows.Scan(&f.ID, &f.SessionID, &f.Kind, &f.Title, &f.Body, &f.AddressedTo, &group, &init, &f.CreatedAt); err != nil {
			return nil, err
		}
		f.GroupID, f.InitiativeID = group.Int64, init.Int64
		byKind[f.Kind] = append(byKind[f.Kind], &f)
	}
	var out []*Finding
	for _, k := range FindingKinds {
		out = append(out, byKind[k]...)
	}
	return out, rows.Err()
}

// OpenInitiative opens the draft initiative a "new initiative" finding
// calls for, in the organisation's cycle cycleID (its next cycle), with
// the finding's title as name and its text as the problem it answers. A
// finding that already opened one returns that one's id.
func (s *Store) OpenInitiative(ctx context.Context, actor Actor, findingID, cycleID int64) (int64, error) {
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		id, err = openInitiative(ctx, tx, actor, findingID, cycleID)
		return err
	})
	return id, err
}

func openInitiative(ctx context.Context, tx *db.Tx, actor Actor, findingID, cycleID int64) (int64, error) {
	var kind, title, body string
	var orgID int64
	var existing sql.NullInt64
	if err := tx.QueryRow(ctx, `SELECT f.kind, f.title, f.body, f.initiative_id, s.org_id FROM reflection_findings f
		JOIN reflection_sessions s ON s.id = f.session_id WHERE f.id = ?`, findingID).Scan(&kind, &title, &body, &existing, &orgID); err != nil {
		if err == sql.ErrNoRows {
			return 0, db.ErrNotFound
		}
		return 0, err
	}
	if kind != FindingNewInitiative {
		return 0, errField("finding", "reflection.err.not_new_initiative")
	}
	if existing.Valid {
		return existing.Int64, nil
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM cycles WHERE id = ? AND org_id = ? AND status = 'open'`, cycleID, orgID).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, errField("cycle", "reflection.err.cycle_closed")
	}
	name := []rune(title)
	if len(name) > initiative.MaxName {
		name = name[:initiative.MaxName]
	}
	text := []rune(body)
	if len(text) > initiative.MaxText {
		text = text[:initiative.MaxText]
	}
	in, err := initiative.CreateIn(ctx, tx, initiative.Actor{ID: actor.ID, Name: actor.Name}, orgID, cycleID,
		initiative.Input{Name: string(name), Text: map[string]string{"problem": string(text)}})
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `UPDATE reflection_findings SET initiative_id = ? WHERE id = ?`, in.ID, findingID); err != nil {
		return 0, err
	}
	return in.ID, nil
}

// StrategyChanges lists the fundamental changes recorded against the
// organisation's strategy, the latest first.
func (s *Store) StrategyChanges(ctx context.Context, orgID int64) ([]StrategyChange, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, org_id, session_id, finding_id, change, decided_on, created_at
		FROM strategy_changes WHERE org_id = ? ORDER BY decided_on DESC, id DESC`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StrategyChange
	for rows.Next() {
		var c StrategyChange
		var session, finding sql.NullInt64
		if err := rows.Scan(&c.ID, &c.OrgID, &session, &finding, &c.Change, &c.DecidedOn, &c.CreatedAt); err != nil {
			return nil, err
		}
		c.SessionID, c.FindingID = session.Int64, finding.Int64
		out = append(out, c)
	}
	return out, rows.Err()
}

// recordStrategy records the session's fundamental changes against the
// organisation's strategy, once each (a session marked held again adds
// only the new ones).
func recordStrategy(ctx context.Context, tx *db.Tx, sessionID int64, at any) error {
	_, err := tx.Exec(ctx, `INSERT INTO strategy_changes (org_id, session_id, finding_id, change, decided_on, created_at)
		SELECT s.org_id, s.id, f.id, f.title, s.held_on, ? FROM reflection_findings f
		JOIN reflection_sessions s ON s.id = f.session_id
		WHERE f.session_id = ? AND f.kind = ?
		AND NOT EXISTS (SELECT 1 FROM strategy_changes c WHERE c.finding_id = f.id)`, at, sessionID, FindingFundamentalChange)
	return err
}
