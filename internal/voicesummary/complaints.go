package voicesummary

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
)

// ComplaintSource contributes the complaints about the initiative
// received in the period, counted as the public log counts them
// (complaint.FiguresOf), as they stand now.
type ComplaintSource struct {
	DB *db.DB
	// Now is the clock that decides what is overdue; db.Now when nil.
	Now func() time.Time
}

func (c ComplaintSource) now() time.Time {
	if c.Now != nil {
		return c.Now().UTC()
	}
	return db.Now()
}

// Contribute sets the summary's complaint figures.
func (c ComplaintSource) Contribute(ctx context.Context, s *Summary) error {
	where, args := `initiative_id = ? AND org_id = ?`, []any{s.InitiativeID, s.OrgID}
	from, to := s.Bounds()
	if !from.IsZero() {
		where += ` AND received_at >= ?`
		args = append(args, from.UTC())
	}
	if !to.IsZero() {
		where += ` AND received_at < ?`
		args = append(args, to.UTC())
	}
	rows, err := c.DB.Query(ctx, `SELECT received_at, first_due_at, due_at, awaiting_answer, first_answer_at, escalated_at
		FROM complaints WHERE `+where, args...)
	if err != nil {
		return fmt.Errorf("voicesummary: complaints: %w", err)
	}
	defer rows.Close()
	var list []*complaint.Complaint
	for rows.Next() {
		k := &complaint.Complaint{}
		var answered, escalated sql.NullTime
		if err := rows.Scan(&k.ReceivedAt, &k.FirstDueAt, &k.DueAt, &k.AwaitingAnswer, &answered, &escalated); err != nil {
			return fmt.Errorf("voicesummary: complaints: %w", err)
		}
		k.ReceivedAt, k.FirstDueAt, k.DueAt = k.ReceivedAt.UTC(), k.FirstDueAt.UTC(), k.DueAt.UTC()
		k.FirstAnswerAt, k.EscalatedAt = utcPtr(answered), utcPtr(escalated)
		list = append(list, k)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("voicesummary: complaints: %w", err)
	}
	f := complaint.FiguresOf(list, c.now())
	s.Complaints = &Complaints{Received: f.Total, Answered: f.Answered, Decided: f.Decided, OnTime: f.OnTime,
		Overdue: f.Overdue, Escalated: f.Escalated, MedianFirstAnswer: f.MedianFirstAnswer}
	return nil
}

func utcPtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
