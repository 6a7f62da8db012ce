package forum

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

func (s *Store) reviews(ctx context.Context, teamID int64) ([]*Review, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, due_on, held_at FROM action_team_reviews WHERE team_id = ? ORDER BY due_on, id`, teamID)
	if err != nil {
		return nil, fmt.Errorf("forum: reviews: %w", err)
	}
	var out []*Review
	byID := map[int64]*Review{}
	for rows.Next() {
		r := &Review{Notes: map[int64]string{}}
		var held sql.NullTime
		if err := rows.Scan(&r.ID, &r.DueOn, &held); err != nil {
			rows.Close()
			return nil, err
		}
		r.Held, r.HeldAt = held.Valid, held.Time
		out = append(out, r)
		byID[r.ID] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	notes, err := s.DB.Query(ctx, `SELECT n.review_id, n.activity_id, n.note FROM action_team_review_notes n
		JOIN action_team_reviews r ON r.id = n.review_id WHERE r.team_id = ?`, teamID)
	if err != nil {
		return nil, fmt.Errorf("forum: review notes: %w", err)
	}
	defer notes.Close()
	for notes.Next() {
		var rid, aid int64
		var note string
		if err := notes.Scan(&rid, &aid, &note); err != nil {
			return nil, err
		}
		if r := byID[rid]; r != nil {
			r.Notes[aid] = note
		}
	}
	return out, notes.Err()
}

// Review is team t's review id, or nil.
func (t *Team) Review(id int64) *Review {
	for _, r := range t.Reviews {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ScheduleReview sets a date on which team t reviews its progress, by one
// who manages the team; a date already set is a field error.
func (s *Store) ScheduleReview(ctx context.Context, actor Actor, t *Team, day string) error {
	e := validate.Errors{}
	day = strings.TrimSpace(day)
	checkDay(e, "due_on", day)
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mustManage(ctx, tx, actor, t); err != nil {
			return err
		}
		if n, err := count(ctx, tx, `SELECT COUNT(*) FROM action_team_reviews WHERE team_id = ? AND due_on = ?`, t.ID, day); err != nil {
			return err
		} else if n > 0 {
			return validate.Errors{"due_on": "forum.err.review_taken"}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO action_team_reviews (team_id, due_on) VALUES (?, ?)`, t.ID, day); err != nil {
			return fmt.Errorf("forum: review: %w", err)
		}
		return record(ctx, tx, actor, "team.review_schedule", "action_team", t.ID, day)
	})
}

// RecordReview keeps the progress notes of a scheduled review, by a member
// of the team (ErrNotMember), once (ErrReviewHeld). Notes are by activity
// id; an activity of another team is ignored, an empty note left out.
func (s *Store) RecordReview(ctx context.Context, actor Actor, t *Team, reviewID int64, notes map[int64]string) error {
	e := validate.Errors{}
	for id, n := range notes {
		n = strings.TrimSpace(n)
		notes[id] = n
		optional(e, fmt.Sprintf("note_%d", id), n, MaxText)
	}
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if n, err := count(ctx, tx, `SELECT COUNT(*) FROM action_team_members WHERE team_id = ? AND user_id = ?`, t.ID, actor.ID); err != nil {
			return err
		} else if n == 0 {
			return ErrNotMember
		}
		res, err := tx.Exec(ctx, `UPDATE action_team_reviews SET held_at = ?, held_by = ? WHERE id = ? AND team_id = ? AND held_at IS NULL`,
			s.now(), actor.ID, reviewID, t.ID)
		if err != nil {
			return fmt.Errorf("forum: review: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if c, err := count(ctx, tx, `SELECT COUNT(*) FROM action_team_reviews WHERE id = ? AND team_id = ?`, reviewID, t.ID); err != nil {
				return err
			} else if c == 0 {
				return db.ErrNotFound
			}
			return ErrReviewHeld
		}
		for _, a := range t.Activities {
			if n := notes[a.ID]; n != "" {
				if _, err := tx.Exec(ctx, `INSERT INTO action_team_review_notes (review_id, activity_id, note) VALUES (?, ?, ?)`,
					reviewID, a.ID, n); err != nil {
					return fmt.Errorf("forum: review note: %w", err)
				}
			}
		}
		return record(ctx, tx, actor, "team.review", "action_team", t.ID, fmt.Sprintf("review %d", reviewID))
	})
}
