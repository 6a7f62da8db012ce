package cycle

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/cycletool"
	"lokadaya/internal/db"
	"lokadaya/internal/framework"
)

// NextCycle is "Menggeser Titik Tolak": it closes the organisation's open
// cycle N, which must stand at the last stage with that stage's minimum of
// answers, and opens cycle N+1 at stage 1 under the current edition,
// prefilled with every latest answer of N as its version 1, and with N's
// funding table and asset inventory (stages 1 and 2 start from the last
// cycle). All of it happens in one transaction.
func (s *Store) NextCycle(ctx context.Context, orgID int64, actor Actor) (*Cycle, error) {
	var next *Cycle
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := getCycle(ctx, tx, `org_id = ? ORDER BY number DESC LIMIT 1`, orgID)
		if err != nil {
			return err
		}
		if !c.Open() {
			return ErrClosed
		}
		if c.CurrentStage != LastStage {
			return ErrNotLastStage
		}
		if err := checkReady(ctx, tx, c, LastStage); err != nil {
			return err
		}
		now := db.Now()
		res, err := tx.Exec(ctx, `UPDATE cycles SET status = ?, closed_at = ? WHERE id = ? AND status = ?`,
			StatusClosed, now, c.ID, StatusOpen)
		if err != nil {
			return fmt.Errorf("cycle: close: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return ErrMoved
		}
		if err := recordMove(ctx, tx, c.ID, LastStage, 0, KindClose, "", actor, now); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{At: now, ActorID: actor.ID, ActorName: actor.Name,
			Action: "cycle.next", TargetType: "cycle", TargetID: fmt.Sprint(c.ID),
			Detail: fmt.Sprintf("org %d: cycle %d closed, cycle %d opened", orgID, c.Number, c.Number+1)}); err != nil {
			return err
		}
		if next, err = openCycle(ctx, tx, orgID, c.Number+1, actor); err != nil {
			return err
		}
		if err := carryOver(ctx, tx, c.ID, next.ID, now); err != nil {
			return err
		}
		return cycletool.CarryOver(ctx, tx, c.ID, next.ID, c.Number)
	})
	if db.IsUniqueViolation(err) {
		return nil, ErrMoved
	}
	return next, err
}

// carryOver copies the latest answers of cycle from into cycle to as their
// version 1, keeping who wrote them and marking them carried over.
func carryOver(ctx context.Context, tx *db.Tx, from, to int64, at time.Time) error {
	latest, err := latestAnswers(ctx, tx, from)
	if err != nil {
		return err
	}
	for _, a := range latest {
		var author any
		if a.AuthorID != 0 {
			author = a.AuthorID
		}
		if _, err := tx.Exec(ctx, `INSERT INTO answer_versions (cycle_id, question_key, version, body, author_id, author_name, carried_over, created_at)
			VALUES (?, ?, 1, ?, ?, ?, TRUE, ?)`, to, a.QuestionKey, a.Body, author, a.AuthorName, at); err != nil {
			return fmt.Errorf("cycle: carry over: %w", err)
		}
	}
	return nil
}

// CompareRow is one guiding question with the latest answers of two cycles.
type CompareRow struct {
	Question framework.Question
	A, B     *Answer
}

// CompareStage is one stage of a comparison.
type CompareStage struct {
	Stage framework.Stage
	Rows  []CompareRow
}

// Compare returns, per stage and guiding question of cycle b's edition, the
// latest answers of the organisation's cycles a and b.
func (s *Store) Compare(ctx context.Context, orgID int64, a, b int) (ca, cb *Cycle, out []CompareStage, err error) {
	if ca, err = s.ByNumber(ctx, orgID, a); err != nil {
		return nil, nil, nil, err
	}
	if cb, err = s.ByNumber(ctx, orgID, b); err != nil {
		return nil, nil, nil, err
	}
	la, err := s.Latest(ctx, ca.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	lb, err := s.Latest(ctx, cb.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, st := range cb.Framework().Stages {
		cs := CompareStage{Stage: st}
		for _, q := range st.Questions {
			row := CompareRow{Question: q}
			if x, ok := la[q.Key]; ok {
				row.A = &x
			}
			if x, ok := lb[q.Key]; ok {
				row.B = &x
			}
			cs.Rows = append(cs.Rows, row)
		}
		out = append(out, cs)
	}
	return ca, cb, out, nil
}
