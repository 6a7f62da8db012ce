package planning

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/db"
)

// groupKinds are the organisation kinds through which a person speaks for
// the OMS or the government group; residents need no organisation.
var groupKinds = map[string]string{
	GroupOMS:        `('oms')`,
	GroupGovernment: `('opd', 'kecamatan', 'desa', 'dprd')`,
}

// AddParticipant puts the account with email on the round's participant
// list for group. An OMS or government participant must be a member of a
// verified organisation of that kind, which is recorded with them.
func (s *Store) AddParticipant(ctx context.Context, r *Round, email, group string) error {
	if r.Status == StatusSettled {
		return ErrNotScoring
	}
	var userID int64
	err := s.DB.QueryRow(ctx, `SELECT id FROM users WHERE email = ?`, strings.ToLower(strings.TrimSpace(email))).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNoUser
	}
	if err != nil {
		return fmt.Errorf("planning: participant: %w", err)
	}
	var orgID any
	switch group {
	case GroupResidents:
	case GroupOMS, GroupGovernment:
		var id int64
		err := s.DB.QueryRow(ctx, `SELECT o.id FROM memberships m JOIN organizations o ON o.id = m.org_id
			WHERE m.user_id = ? AND o.status = 'verified' AND o.kind IN `+groupKinds[group]+` ORDER BY o.id LIMIT 1`,
			userID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrGroup
		}
		if err != nil {
			return fmt.Errorf("planning: participant: %w", err)
		}
		orgID = id
	default:
		return ErrGroup
	}
	_, err = s.DB.Exec(ctx, `INSERT INTO planning_participants (round_id, user_id, grp, org_id, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (round_id, user_id) DO UPDATE SET grp = excluded.grp, org_id = excluded.org_id`,
		r.ID, userID, group, orgID, s.now())
	if err != nil {
		return fmt.Errorf("planning: participant: %w", err)
	}
	return nil
}

// RemoveParticipant takes a person off the list before they scored.
func (s *Store) RemoveParticipant(ctx context.Context, r *Round, userID int64) error {
	var n int
	if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM planning_scores WHERE round_id = ? AND user_id = ?`,
		r.ID, userID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrScored
	}
	_, err := s.DB.Exec(ctx, `DELETE FROM planning_participants WHERE round_id = ? AND user_id = ?`, r.ID, userID)
	return err
}

// Participants lists the round's participants by group, then name.
func (s *Store) Participants(ctx context.Context, roundID int64) ([]Participant, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.user_id, u.name, u.email, p.grp, COALESCE(p.org_id, 0), COALESCE(o.name, '')
		FROM planning_participants p JOIN users u ON u.id = p.user_id LEFT JOIN organizations o ON o.id = p.org_id
		WHERE p.round_id = ? ORDER BY p.grp, u.name, p.user_id`, roundID)
	if err != nil {
		return nil, fmt.Errorf("planning: participants: %w", err)
	}
	defer rows.Close()
	var out []Participant
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.UserID, &p.Name, &p.Email, &p.Group, &p.OrgID, &p.OrgName); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// GroupOf is the group userID scores for in the round, "" when not a
// participant.
func (s *Store) GroupOf(ctx context.Context, roundID, userID int64) (string, error) {
	var g string
	err := s.DB.QueryRow(ctx, `SELECT grp FROM planning_participants WHERE round_id = ? AND user_id = ?`,
		roundID, userID).Scan(&g)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return g, err
}

// OpenScoring fixes the rules and enters the region's open proposals for
// activities (the region's and those below it): the criteria's weights
// must add up to 100 and at least one proposal must wait.
func (s *Store) OpenScoring(ctx context.Context, r *Round) error {
	if r.Status != StatusSetup {
		return ErrNotSetup
	}
	if len(r.Criteria) == 0 || len(r.Ceilings) != r.Years {
		return ErrNoCriteria
	}
	total := 0
	for _, c := range r.Criteria {
		total += c.Weight
	}
	if total != 100 {
		return ErrWeights
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE planning_rounds SET status = ?, updated_at = ? WHERE id = ? AND status = ?`,
			StatusScoring, s.now(), r.ID, StatusSetup)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrNotSetup
		}
		res, err = tx.Exec(ctx, `INSERT INTO planning_entries (round_id, proposal_id)
			SELECT ?, p.id FROM proposals p WHERE p.region_code >= ? AND p.region_code < ?
			AND p.kind = 'kegiatan' AND p.status = 'terbuka' AND p.merged_into IS NULL`,
			r.ID, r.RegionCode, r.RegionCode+"/")
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNoProposals
		}
		return nil
	})
}

// Score records a participant's scores of one proposal, every criterion
// at once, once: a second scoring of the same proposal is refused, as is
// a score from anyone off the participant list.
func (s *Store) Score(ctx context.Context, r *Round, actor Actor, proposalID int64, scores map[int64]int) error {
	if r.Status != StatusScoring {
		return ErrNotScoring
	}
	group, err := s.GroupOf(ctx, r.ID, actor.ID)
	if err != nil {
		return err
	}
	if group == "" {
		return ErrNotParticipant
	}
	if len(scores) != len(r.Criteria) {
		return ErrNoScores
	}
	for _, c := range r.Criteria {
		if v, ok := scores[c.ID]; !ok || v < MinScore || v > MaxScore {
			return ErrNoScores
		}
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM planning_entries WHERE round_id = ? AND proposal_id = ?`,
			r.ID, proposalID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotInRound
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM planning_scores WHERE round_id = ? AND proposal_id = ? AND user_id = ?`,
			r.ID, proposalID, actor.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrScored
		}
		now := s.now()
		for _, c := range r.Criteria {
			if _, err := tx.Exec(ctx, `INSERT INTO planning_scores (round_id, proposal_id, criterion_id, user_id, grp, score, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, r.ID, proposalID, c.ID, actor.ID, group, scores[c.ID], now); err != nil {
				return err
			}
		}
		return nil
	})
	if db.IsUniqueViolation(err) {
		return ErrScored // a second scoring raced the first
	}
	return err
}

// Scored is the set of proposals userID already scored in the round.
func (s *Store) Scored(ctx context.Context, roundID, userID int64) (map[int64]bool, error) {
	rows, err := s.DB.Query(ctx, `SELECT DISTINCT proposal_id FROM planning_scores WHERE round_id = ? AND user_id = ?`,
		roundID, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
