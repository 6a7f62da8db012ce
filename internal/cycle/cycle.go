// Package cycle keeps an organisation's walk through the development cycle
// (Siklus Pengembangan Inisiatif Layanan Lokal): numbered cycles, the
// versioned answers to each stage's guiding questions, attachments, every
// move between stages, accompaniment comments, and "Menggeser Titik Tolak",
// which closes a cycle and opens the next one from its answers.
package cycle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/framework"
)

// Status of a cycle.
const (
	StatusOpen   = "open"
	StatusClosed = "closed"
)

// FirstStage and LastStage bound the stages of a cycle.
const (
	FirstStage = 1
	LastStage  = 7
)

// Errors callers turn into messages.
var (
	ErrExists          = errors.New("cycle: the organisation already has a cycle")
	ErrClosed          = errors.New("cycle: the cycle is closed")
	ErrUnknownQuestion = errors.New("cycle: no such guiding question")
	ErrTooLong         = errors.New("cycle: text too long")
	ErrEmpty           = errors.New("cycle: text is empty")
	ErrLastStage       = errors.New("cycle: the last stage leads to the next cycle")
	ErrNotLastStage    = errors.New("cycle: the next cycle opens only from the last stage")
	ErrBackNotAllowed  = errors.New("cycle: going back there is not allowed")
	ErrReasonRequired  = errors.New("cycle: a reason of at least 10 characters is required")
	ErrMoved           = errors.New("cycle: the cycle moved meanwhile")
)

// Limits on what is written.
const (
	MaxAnswerRunes  = 20000
	MaxCommentRunes = 4000
	MinReasonRunes  = 10
	MaxReasonRunes  = 2000
)

// Actor is who does something; the name is copied so records survive the
// deletion of the account.
type Actor struct {
	ID   int64
	Name string
}

func (a Actor) id() any {
	if a.ID == 0 {
		return nil
	}
	return a.ID
}

// Cycle is one walk of an organisation through the seven stages.
type Cycle struct {
	ID               int64
	OrgID            int64
	Number           int
	CurrentStage     int
	FrameworkVersion string
	Status           string
	OpenedAt         time.Time
	OpenedBy         int64
	ClosedAt         *time.Time
}

// Open reports whether the cycle still takes answers and moves.
func (c *Cycle) Open() bool { return c.Status == StatusOpen }

// Framework is the edition the cycle was opened under, falling back to the
// current one if that edition is no longer embedded.
func (c *Cycle) Framework() *framework.Framework {
	if f, err := framework.Edition(c.FrameworkVersion); err == nil {
		return f
	}
	return framework.Current()
}

// Store keeps cycles in the database.
type Store struct {
	DB *db.DB
}

const cycleColumns = `id, org_id, number, current_stage, framework_version, status, opened_at, opened_by, closed_at`

func scanCycle(row interface{ Scan(...any) error }) (*Cycle, error) {
	var c Cycle
	var by sql.NullInt64
	var closed sql.NullTime
	if err := row.Scan(&c.ID, &c.OrgID, &c.Number, &c.CurrentStage, &c.FrameworkVersion, &c.Status,
		&c.OpenedAt, &by, &closed); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		return nil, err
	}
	c.OpenedAt = c.OpenedAt.UTC()
	c.OpenedBy = by.Int64
	if closed.Valid {
		t := closed.Time.UTC()
		c.ClosedAt = &t
	}
	return &c, nil
}

func getCycle(ctx context.Context, q db.Querier, where string, args ...any) (*Cycle, error) {
	c, err := scanCycle(q.QueryRow(ctx, `SELECT `+cycleColumns+` FROM cycles WHERE `+where, args...))
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return nil, fmt.Errorf("cycle: load: %w", err)
	}
	return c, err
}

// Get returns the cycle with id.
func (s *Store) Get(ctx context.Context, id int64) (*Cycle, error) {
	return getCycle(ctx, s.DB, `id = ?`, id)
}

// ByNumber returns cycle number n of the organisation.
func (s *Store) ByNumber(ctx context.Context, orgID int64, n int) (*Cycle, error) {
	return getCycle(ctx, s.DB, `org_id = ? AND number = ?`, orgID, n)
}

// Current returns the organisation's newest cycle (the open one, when there is one).
func (s *Store) Current(ctx context.Context, orgID int64) (*Cycle, error) {
	return getCycle(ctx, s.DB, `org_id = ? ORDER BY number DESC LIMIT 1`, orgID)
}

// List returns the organisation's cycles, newest first.
func (s *Store) List(ctx context.Context, orgID int64) ([]Cycle, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+cycleColumns+` FROM cycles WHERE org_id = ? ORDER BY number DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("cycle: list: %w", err)
	}
	defer rows.Close()
	var out []Cycle
	for rows.Next() {
		c, err := scanCycle(rows)
		if err != nil {
			return nil, fmt.Errorf("cycle: list: %w", err)
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}

// Start opens cycle 1 at stage 1 under the current edition of the
// framework. It fails with ErrExists when the organisation has a cycle; the
// UNIQUE(org_id, number) constraint settles two concurrent starts.
func (s *Store) Start(ctx context.Context, orgID int64, actor Actor) (*Cycle, error) {
	var c *Cycle
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM cycles WHERE org_id = ?`, orgID).Scan(&n); err != nil {
			return fmt.Errorf("cycle: start: %w", err)
		}
		if n > 0 {
			return ErrExists
		}
		var err error
		c, err = openCycle(ctx, tx, orgID, 1, actor)
		return err
	})
	if db.IsUniqueViolation(err) {
		return nil, ErrExists
	}
	return c, err
}

// openCycle inserts cycle number n at stage 1, records the move that opens
// it and audits it.
func openCycle(ctx context.Context, tx *db.Tx, orgID int64, n int, actor Actor) (*Cycle, error) {
	now := db.Now()
	c := &Cycle{OrgID: orgID, Number: n, CurrentStage: FirstStage, FrameworkVersion: framework.Current().Version,
		Status: StatusOpen, OpenedAt: now, OpenedBy: actor.ID}
	err := tx.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at, opened_by)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, orgID, n, FirstStage, c.FrameworkVersion, StatusOpen, now, actor.id()).Scan(&c.ID)
	if err != nil {
		return nil, fmt.Errorf("cycle: open: %w", err)
	}
	if err := recordMove(ctx, tx, c.ID, 0, FirstStage, KindOpen, "", actor, now); err != nil {
		return nil, err
	}
	if err := audit.Record(ctx, tx, audit.Entry{At: now, ActorID: actor.ID, ActorName: actor.Name, Action: "cycle.open",
		TargetType: "cycle", TargetID: fmt.Sprint(c.ID), Detail: fmt.Sprintf("org %d, cycle %d", orgID, n)}); err != nil {
		return nil, err
	}
	return c, nil
}
