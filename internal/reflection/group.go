package reflection

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"lokadaya/internal/db"
)

// AddGroup seats a participant group in the session.
func (s *Store) AddGroup(ctx context.Context, actor Actor, sessionID int64, in GroupInput) (*Group, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	g := &Group{SessionID: sessionID, Kind: in.Kind, Name: in.Name, Participants: in.Participants, Women: in.Women, SatOn: in.SatOn}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO reflection_groups (session_id, kind, name, participants, women, sat_on, position)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, sessionID, in.Kind, in.Name, in.Participants, in.Women, in.SatOn,
			slices.Index(GroupKinds, in.Kind)).Scan(&g.ID); err != nil {
			return fmt.Errorf("reflection: group: %w", err)
		}
		return record(ctx, tx, actor, "reflection.group", sessionID, in.Name)
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// UpdateGroup changes a group of the session.
func (s *Store) UpdateGroup(ctx context.Context, actor Actor, sessionID, groupID int64, in GroupInput) error {
	if errs := in.Check(); len(errs) > 0 {
		return errs
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE reflection_groups SET kind = ?, name = ?, participants = ?, women = ?, sat_on = ?,
			position = ? WHERE id = ? AND session_id = ?`, in.Kind, in.Name, in.Participants, in.Women, in.SatOn,
			slices.Index(GroupKinds, in.Kind), groupID, sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, actor, "reflection.group", sessionID, in.Name)
	})
}

// AddInput records what a group said. The text is kept as given: an
// input belongs to its group and is never merged into another's.
func (s *Store) AddInput(ctx context.Context, actor Actor, sessionID, groupID int64, kind, body string) error {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	if errs := checkInput(kind, body); len(errs) > 0 {
		return errs
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM reflection_groups WHERE id = ? AND session_id = ?`,
			groupID, sessionID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return db.ErrNotFound
		}
		if _, err := tx.Exec(ctx, `INSERT INTO reflection_inputs (session_id, group_id, kind, body, created_at)
			VALUES (?, ?, ?, ?, ?)`, sessionID, groupID, kind, body, s.now()); err != nil {
			return fmt.Errorf("reflection: input: %w", err)
		}
		return record(ctx, tx, actor, "reflection.input", sessionID, "")
	})
}

// RemoveInput takes back an input typed by mistake.
func (s *Store) RemoveInput(ctx context.Context, actor Actor, sessionID, inputID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM reflection_inputs WHERE id = ? AND session_id = ?`, inputID, sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, actor, "reflection.input_remove", sessionID, fmt.Sprint(inputID))
	})
}

// Groups lists the session's groups, each with its inputs, in seating
// order: staff, the people served, partners, then the joint sitting.
func (s *Store) Groups(ctx context.Context, sessionID int64) ([]*Group, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, session_id, kind, name, participants, women, sat_on
		FROM reflection_groups WHERE session_id = ? ORDER BY position, id`, sessionID)
	if err != nil {
		return nil, err
	}
	var out []*Group
	byID := map[int64]*Group{}
	for rows.Next() {
		var g Group
		if err := rows.Scan(&g.ID, &g.SessionID, &g.Kind, &g.Name, &g.Participants, &g.Women, &g.SatOn); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, &g)
		byID[g.ID] = &g
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.DB.Query(ctx, `SELECT id, group_id, kind, body FROM reflection_inputs WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var in Input
		if err := rows.Scan(&in.ID, &in.GroupID, &in.Kind, &in.Body); err != nil {
			return nil, err
		}
		if g := byID[in.GroupID]; g != nil {
			g.Inputs = append(g.Inputs, in)
		}
	}
	return out, rows.Err()
}
