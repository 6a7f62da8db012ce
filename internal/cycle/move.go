package cycle

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/framework"
)

// Kinds of move between stages.
const (
	KindOpen    = "open"    // the cycle was opened at stage 1
	KindAdvance = "advance" // on to the next stage
	KindBack    = "back"    // back to an earlier stage for correction
	KindClose   = "close"   // closed by "Menggeser Titik Tolak"
)

// Move is one recorded move between stages. From is 0 for the opening move;
// To is 0 for the closing one.
type Move struct {
	ID        int64
	CycleID   int64
	From, To  int
	Kind      string
	Reason    string
	ActorID   int64
	ActorName string
	At        time.Time
}

// NotReadyError says the current stage lacks answers before advancing.
type NotReadyError struct {
	Stage    int
	Required int
	Answered int
}

// Missing is how many more questions must be answered.
func (e *NotReadyError) Missing() int { return e.Required - e.Answered }

func (e *NotReadyError) Error() string {
	return fmt.Sprintf("cycle: stage %d needs %d more answers", e.Stage, e.Missing())
}

func recordMove(ctx context.Context, q db.Querier, cycleID int64, from, to int, kind, reason string, actor Actor, at time.Time) error {
	_, err := q.Exec(ctx, `INSERT INTO stage_moves (cycle_id, from_stage, to_stage, kind, reason, actor_id, actor_name, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, cycleID, from, to, kind, reason, actor.id(), actor.Name, at)
	if err != nil {
		return fmt.Errorf("cycle: record move: %w", err)
	}
	return nil
}

// answeredIn counts the questions of stage st with a non-blank latest answer.
func answeredIn(st *framework.Stage, latest map[string]Answer) int {
	n := 0
	for _, q := range st.Questions {
		if a, ok := latest[q.Key]; ok && a.Answered() {
			n++
		}
	}
	return n
}

// checkReady returns a *NotReadyError unless stage n of c has its minimum of answers.
func checkReady(ctx context.Context, q db.Querier, c *Cycle, n int) error {
	st, ok := c.Framework().Stage(n)
	if !ok {
		return fmt.Errorf("cycle: stage %d missing from edition %s", n, c.FrameworkVersion)
	}
	latest, err := latestAnswers(ctx, q, c.ID)
	if err != nil {
		return err
	}
	if got := answeredIn(st, latest); got < st.MinAnswers {
		return &NotReadyError{Stage: n, Required: st.MinAnswers, Answered: got}
	}
	return nil
}

// Advance moves the cycle from its current stage to the next, once the
// current stage has its minimum of answers. From the last stage there is no
// advance: the next step is the next cycle.
func (s *Store) Advance(ctx context.Context, cycleID int64, actor Actor) (*Cycle, error) {
	return s.move(ctx, cycleID, actor, func(ctx context.Context, tx *db.Tx, c *Cycle) (int, string, string, error) {
		if c.CurrentStage >= LastStage {
			return 0, "", "", ErrLastStage
		}
		if err := checkReady(ctx, tx, c, c.CurrentStage); err != nil {
			return 0, "", "", err
		}
		return c.CurrentStage + 1, KindAdvance, "", nil
	})
}

// GoBack returns the cycle to stage `to` for correction or modification,
// where the framework allows it (4 → 3, 5 → 4, 5 → 3), with a reason.
func (s *Store) GoBack(ctx context.Context, cycleID int64, to int, reason string, actor Actor) (*Cycle, error) {
	reason = strings.TrimSpace(reason)
	if n := utf8.RuneCountInString(reason); n < MinReasonRunes {
		return nil, ErrReasonRequired
	} else if n > MaxReasonRunes {
		return nil, ErrTooLong
	}
	return s.move(ctx, cycleID, actor, func(_ context.Context, _ *db.Tx, c *Cycle) (int, string, string, error) {
		if !c.Framework().CanGoBack(c.CurrentStage, to) {
			return 0, "", "", ErrBackNotAllowed
		}
		return to, KindBack, reason, nil
	})
}

// move runs one stage change in a transaction: decide picks the target;
// the update is conditional on the stage read, so of two concurrent moves
// only one applies.
func (s *Store) move(ctx context.Context, cycleID int64, actor Actor,
	decide func(context.Context, *db.Tx, *Cycle) (int, string, string, error)) (*Cycle, error) {
	var out *Cycle
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := getCycle(ctx, tx, `id = ?`, cycleID)
		if err != nil {
			return err
		}
		if !c.Open() {
			return ErrClosed
		}
		to, kind, reason, err := decide(ctx, tx, c)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE cycles SET current_stage = ? WHERE id = ? AND current_stage = ? AND status = ?`,
			to, c.ID, c.CurrentStage, StatusOpen)
		if err != nil {
			return fmt.Errorf("cycle: move: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return ErrMoved
		}
		now := db.Now()
		if err := recordMove(ctx, tx, c.ID, c.CurrentStage, to, kind, reason, actor, now); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{At: now, ActorID: actor.ID, ActorName: actor.Name,
			Action: "cycle." + kind, TargetType: "cycle", TargetID: fmt.Sprint(c.ID),
			Detail: strings.TrimSpace(fmt.Sprintf("%d → %d %s", c.CurrentStage, to, reason))}); err != nil {
			return err
		}
		c.CurrentStage = to
		out = c
		return nil
	})
	return out, err
}

// Timeline returns every move of the cycle, oldest first.
func (s *Store) Timeline(ctx context.Context, cycleID int64) ([]Move, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, cycle_id, from_stage, to_stage, kind, reason, actor_id, actor_name, at
		FROM stage_moves WHERE cycle_id = ? ORDER BY at, id`, cycleID)
	if err != nil {
		return nil, fmt.Errorf("cycle: timeline: %w", err)
	}
	defer rows.Close()
	var out []Move
	for rows.Next() {
		var m Move
		var actor sql.NullInt64
		if err := rows.Scan(&m.ID, &m.CycleID, &m.From, &m.To, &m.Kind, &m.Reason, &actor, &m.ActorName, &m.At); err != nil {
			return nil, fmt.Errorf("cycle: timeline: %w", err)
		}
		m.ActorID = actor.Int64
		m.At = m.At.UTC()
		out = append(out, m)
	}
	return out, rows.Err()
}

// IterationCounts returns how many times each stage was entered, by stage number.
func (s *Store) IterationCounts(ctx context.Context, cycleID int64) (map[int]int, error) {
	rows, err := s.DB.Query(ctx, `SELECT to_stage, COUNT(*) FROM stage_moves
		WHERE cycle_id = ? AND to_stage > 0 GROUP BY to_stage`, cycleID)
	if err != nil {
		return nil, fmt.Errorf("cycle: iterations: %w", err)
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var stage, n int
		if err := rows.Scan(&stage, &n); err != nil {
			return nil, fmt.Errorf("cycle: iterations: %w", err)
		}
		out[stage] = n
	}
	return out, rows.Err()
}
