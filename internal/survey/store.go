package survey

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/shortcode"
	"lokadaya/internal/validate"
)

// Store keeps survey rounds and their responses.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// ErrClosed is an online answer to a round that no longer takes them.
var ErrClosed = errors.New("survey: round closed")

const roundColumns = `id, org_id, initiative_id, code, title, period_from, period_to, population, open,
	created_by, created_name, created_at, updated_at`

func scanRound(sc interface{ Scan(...any) error }) (*Round, error) {
	r := &Round{}
	var pop sql.NullInt64
	if err := sc.Scan(&r.ID, &r.OrgID, &r.InitiativeID, &r.Code, &r.Title, &r.PeriodFrom, &r.PeriodTo, &pop,
		&r.Open, &r.CreatedBy, &r.CreatedName, &r.CreatedAt, &r.UpdatedAt); err != nil {
		return nil, err
	}
	r.Population = pop.Int64
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return r, nil
}

func nullPositive(n int64) any {
	if n <= 0 {
		return nil
	}
	return n
}

// CreateRound opens a round for an initiative of the organisation, checked
// as of today (YYYY-MM-DD in the organisation's zone). Bad input is a
// validate.Errors.
func (s *Store) CreateRound(ctx context.Context, a Actor, orgID, initiativeID int64, in RoundInput, today string) (*Round, error) {
	if e := in.Check(today); len(e) > 0 {
		return nil, e
	}
	var r *Round
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var owner int64
		err := tx.QueryRow(ctx, `SELECT org_id FROM initiatives WHERE id = ?`, initiativeID).Scan(&owner)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != orgID) {
			return validate.Errors{"initiative": "survey.err.initiative"}
		}
		if err != nil {
			return fmt.Errorf("survey: initiative: %w", err)
		}
		code, err := shortcode.Free(ctx, tx, "survey_rounds", "code", CodeLength)
		if err != nil {
			return err
		}
		now := s.now()
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO survey_rounds (org_id, initiative_id, code, title, period_from,
			period_to, population, open, created_by, created_name, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?) RETURNING id`,
			orgID, initiativeID, code, in.Title, in.From, in.To, nullPositive(in.Population), a.ID, a.Name,
			now, now).Scan(&id); err != nil {
			return fmt.Errorf("survey: create round: %w", err)
		}
		if r, err = getRound(ctx, tx, `id = ?`, id); err != nil {
			return err
		}
		return recordRound(ctx, tx, a, "survey.round.create", r)
	})
	return r, err
}

// UpdateRound changes a round's title, period and typed population.
func (s *Store) UpdateRound(ctx context.Context, a Actor, r *Round, in RoundInput, today string) error {
	if e := in.Check(today); len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		if _, err := tx.Exec(ctx, `UPDATE survey_rounds SET title = ?, period_from = ?, period_to = ?,
			population = ?, updated_at = ? WHERE id = ?`,
			in.Title, in.From, in.To, nullPositive(in.Population), now, r.ID); err != nil {
			return fmt.Errorf("survey: update round: %w", err)
		}
		r.Title, r.PeriodFrom, r.PeriodTo, r.Population, r.UpdatedAt = in.Title, in.From, in.To, in.Population, now
		return recordRound(ctx, tx, a, "survey.round.update", r)
	})
}

// SetOpen opens or closes the round's public questionnaire.
func (s *Store) SetOpen(ctx context.Context, a Actor, r *Round, open bool) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		if _, err := tx.Exec(ctx, `UPDATE survey_rounds SET open = ?, updated_at = ? WHERE id = ?`, open, now, r.ID); err != nil {
			return fmt.Errorf("survey: open round: %w", err)
		}
		r.Open, r.UpdatedAt = open, now
		action := "survey.round.close"
		if open {
			action = "survey.round.open"
		}
		return recordRound(ctx, tx, a, action, r)
	})
}

func recordRound(ctx context.Context, q db.Querier, a Actor, action string, r *Round) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "survey_round", TargetID: strconv.FormatInt(r.ID, 10),
		Detail: r.Code + " " + r.Period() + " " + r.Title})
}

func getRound(ctx context.Context, q db.Querier, where string, args ...any) (*Round, error) {
	r, err := scanRound(q.QueryRow(ctx, `SELECT `+roundColumns+` FROM survey_rounds WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("survey: round: %w", err)
	}
	return r, nil
}

// Round returns the organisation's round id, or db.ErrNotFound.
func (s *Store) Round(ctx context.Context, orgID, id int64) (*Round, error) {
	return getRound(ctx, s.DB, `id = ? AND org_id = ?`, id, orgID)
}

// RoundByCode returns the round with that public code, or db.ErrNotFound.
func (s *Store) RoundByCode(ctx context.Context, code string) (*Round, error) {
	return getRound(ctx, s.DB, `code = ?`, code)
}

// Rounds lists an initiative's rounds by period, oldest first: the order
// of a trend.
func (s *Store) Rounds(ctx context.Context, initiativeID int64) ([]*Round, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+roundColumns+` FROM survey_rounds WHERE initiative_id = ?
		ORDER BY period_from, period_to, id`, initiativeID)
	if err != nil {
		return nil, fmt.Errorf("survey: rounds: %w", err)
	}
	defer rows.Close()
	var out []*Round
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			return nil, fmt.Errorf("survey: rounds: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
