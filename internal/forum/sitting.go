package forum

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

func (s *Store) sittings(ctx context.Context, teamID int64) ([]*Sitting, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, round, side, held_on, participants, notes FROM action_team_sittings
		WHERE team_id = ? ORDER BY round, CASE side WHEN 'pemerintah' THEN 0 WHEN 'oms' THEN 1 ELSE 2 END`, teamID)
	if err != nil {
		return nil, fmt.Errorf("forum: sittings: %w", err)
	}
	var out []*Sitting
	byID := map[int64]*Sitting{}
	for rows.Next() {
		st := &Sitting{Scores: map[string]int{}}
		if err := rows.Scan(&st.ID, &st.Round, &st.Side, &st.HeldOn, &st.Participants, &st.Notes); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, st)
		byID[st.ID] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	scores, err := s.DB.Query(ctx, `SELECT c.sitting_id, c.question, c.score FROM action_team_sitting_scores c
		JOIN action_team_sittings t ON t.id = c.sitting_id WHERE t.team_id = ?`, teamID)
	if err != nil {
		return nil, fmt.Errorf("forum: scores: %w", err)
	}
	defer scores.Close()
	for scores.Next() {
		var id int64
		var q string
		var n int
		if err := scores.Scan(&id, &q, &n); err != nil {
			return nil, err
		}
		if st := byID[id]; st != nil {
			st.Scores[q] = n
		}
	}
	return out, scores.Err()
}

// RecordSitting keeps a reflection sitting with its climate assessment.
// In each round government and OMS sit apart, then together: a member
// records their own side's sitting (ErrOtherSide) or the joint one; the
// joint sitting of a round waits for both separate ones (ErrApartFirst)
// and is not held before them; a side sits once a round and opens the
// next only once the round's joint sitting is held (ErrRoundOpen). It
// returns the round.
func (s *Store) RecordSitting(ctx context.Context, actor Actor, t *Team, in SittingInput) (int, error) {
	if e := in.check(); len(e) > 0 {
		return 0, e
	}
	var round int
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var side string
		err := tx.QueryRow(ctx, `SELECT side FROM action_team_members WHERE team_id = ? AND user_id = ?`, t.ID, actor.ID).Scan(&side)
		if err != nil {
			if n, cerr := count(ctx, tx, `SELECT COUNT(*) FROM action_team_members WHERE team_id = ? AND user_id = ?`, t.ID, actor.ID); cerr == nil && n == 0 {
				return ErrNotMember
			}
			return fmt.Errorf("forum: sitting: %w", err)
		}
		if in.Side != SideBersama && in.Side != side {
			return ErrOtherSide
		}
		held := map[string]int{}   // side → sittings held
		latest := map[int]string{} // round → latest day of its separate sittings
		rows, err := tx.Query(ctx, `SELECT side, round, held_on FROM action_team_sittings WHERE team_id = ?`, t.ID)
		if err != nil {
			return fmt.Errorf("forum: sitting: %w", err)
		}
		for rows.Next() {
			var sd, day string
			var r int
			if err := rows.Scan(&sd, &r, &day); err != nil {
				rows.Close()
				return err
			}
			held[sd]++
			if sd != SideBersama && day > latest[r] {
				latest[r] = day
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		round = held[in.Side] + 1
		if in.Side == SideBersama {
			if held[SidePemerintah] < round || held[SideOMS] < round {
				return ErrApartFirst
			}
			if in.HeldOn < latest[round] {
				return validate.Errors{"held_on": "forum.err.joint_before_apart"}
			}
		} else if held[SideBersama] < round-1 {
			return ErrRoundOpen
		}
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO action_team_sittings (team_id, round, side, held_on, participants, notes, recorded_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, t.ID, round, in.Side, in.HeldOn, in.Participants, in.Notes, actor.ID, s.now()).Scan(&id); err != nil {
			return fmt.Errorf("forum: sitting: %w", err)
		}
		for _, q := range Questions {
			if _, err := tx.Exec(ctx, `INSERT INTO action_team_sitting_scores (sitting_id, question, score) VALUES (?, ?, ?)`,
				id, q, in.Scores[q]); err != nil {
				return fmt.Errorf("forum: score: %w", err)
			}
		}
		return record(ctx, tx, actor, "team.sitting", "action_team", t.ID, fmt.Sprintf("round %d %s", round, in.Side))
	})
	if err != nil {
		return 0, err
	}
	return round, nil
}
