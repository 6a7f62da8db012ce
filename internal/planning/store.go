package planning

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

const roundColumns = `r.id, r.region_code, r.title, r.description, r.first_year, r.years, r.status, r.org_id,
	o.slug, o.name, r.created_at, r.settled_at`

const roundFrom = ` FROM planning_rounds r JOIN organizations o ON o.id = r.org_id`

func scanRound(sc interface{ Scan(...any) error }) (*Round, error) {
	r := &Round{}
	var settled sql.NullTime
	if err := sc.Scan(&r.ID, &r.RegionCode, &r.Title, &r.Description, &r.FirstYear, &r.Years, &r.Status, &r.OrgID,
		&r.OrgSlug, &r.OrgName, &r.CreatedAt, &settled); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		return nil, err
	}
	r.CreatedAt = r.CreatedAt.UTC()
	if settled.Valid {
		t := settled.Time.UTC()
		r.SettledAt = &t
	}
	return r, nil
}

// Create stores a new round in setup, convened by in.OrgID; the caller
// has checked that the actor may speak for that organisation.
func (s *Store) Create(ctx context.Context, actor Actor, in RoundInput) (*Round, error) {
	r, e := in.check(s.now().Year())
	if in.RegionCode != "" {
		var n int
		if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, in.RegionCode).Scan(&n); err != nil {
			return nil, fmt.Errorf("planning: region: %w", err)
		}
		if n == 0 {
			e.Add("region", "region.required")
		}
	}
	if err := e.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	err := s.DB.QueryRow(ctx, `INSERT INTO planning_rounds (region_code, title, description, first_year, years, status,
		org_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.RegionCode, r.Title, r.Description, r.FirstYear, r.Years, StatusSetup, r.OrgID, actor.ID, now, now).Scan(&r.ID)
	if err != nil {
		return nil, fmt.Errorf("planning: create: %w", err)
	}
	return s.Get(ctx, r.ID)
}

// Get returns a round with its stages, criteria and ceilings.
func (s *Store) Get(ctx context.Context, id int64) (*Round, error) {
	r, err := scanRound(s.DB.QueryRow(ctx, `SELECT `+roundColumns+roundFrom+` WHERE r.id = ?`, id))
	if err != nil {
		return nil, err
	}
	return r, s.loadRules(ctx, r)
}

func (s *Store) loadRules(ctx context.Context, r *Round) error {
	rows, err := s.DB.Query(ctx, `SELECT name, starts_on, ends_on FROM planning_stages WHERE round_id = ? ORDER BY position`, r.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var st Stage
		if err := rows.Scan(&st.Name, &st.StartsOn, &st.EndsOn); err != nil {
			rows.Close()
			return err
		}
		r.Stages = append(r.Stages, st)
	}
	rows.Close()
	rows, err = s.DB.Query(ctx, `SELECT id, name, description, weight FROM planning_criteria WHERE round_id = ? ORDER BY position`, r.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c Criterion
		if err := rows.Scan(&c.ID, &c.Name, &c.Description, &c.Weight); err != nil {
			rows.Close()
			return err
		}
		r.Criteria = append(r.Criteria, c)
	}
	rows.Close()
	rows, err = s.DB.Query(ctx, `SELECT year, ceiling, decided_at IS NOT NULL FROM planning_years WHERE round_id = ? ORDER BY year`, r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var y Year
		if err := rows.Scan(&y.Year, &y.Ceiling, &y.Decided); err != nil {
			return err
		}
		r.Ceilings = append(r.Ceilings, y)
	}
	return rows.Err()
}

// ListOptions filter and page the rounds.
type ListOptions struct {
	// Region keeps the rounds of that region and the regions below it.
	Region string
	After  int64 // cursor: the last id of the previous page
	Limit  int
}

// List returns a page of rounds, newest first, and the next cursor (0 at
// the end). Stages, criteria and ceilings are loaded too.
func (s *Store) List(ctx context.Context, opt ListOptions) ([]*Round, int64, error) {
	if opt.Limit <= 0 || opt.Limit > 100 {
		opt.Limit = 20
	}
	var where []string
	var args []any
	if opt.Region != "" {
		where = append(where, `r.region_code >= ? AND r.region_code < ?`)
		args = append(args, opt.Region, opt.Region+"/")
	}
	if opt.After > 0 {
		where = append(where, `r.id < ?`)
		args = append(args, opt.After)
	}
	q := `SELECT ` + roundColumns + roundFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += fmt.Sprintf(` ORDER BY r.id DESC LIMIT %d`, opt.Limit+1)
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("planning: list: %w", err)
	}
	var out []*Round
	for rows.Next() {
		r, err := scanRound(rows)
		if err != nil {
			rows.Close()
			return nil, 0, err
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var next int64
	if len(out) > opt.Limit {
		out = out[:opt.Limit]
		next = out[len(out)-1].ID
	}
	for _, r := range out {
		if err := s.loadRules(ctx, r); err != nil {
			return nil, 0, err
		}
	}
	return out, next, nil
}

// SaveSetup replaces a round's stages, criteria and ceilings, while it is
// in setup: once scoring opens the rules are fixed.
func (s *Store) SaveSetup(ctx context.Context, r *Round, form Setup, errs validate.Errors) error {
	if r.Status != StatusSetup {
		return ErrNotSetup
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var status string
		if err := tx.QueryRow(ctx, `SELECT status FROM planning_rounds WHERE id = ?`, r.ID).Scan(&status); err != nil {
			return err
		}
		if status != StatusSetup {
			return ErrNotSetup
		}
		for _, q := range []string{`DELETE FROM planning_stages WHERE round_id = ?`,
			`DELETE FROM planning_criteria WHERE round_id = ?`, `DELETE FROM planning_years WHERE round_id = ?`} {
			if _, err := tx.Exec(ctx, q, r.ID); err != nil {
				return err
			}
		}
		for i, st := range form.Stages {
			if _, err := tx.Exec(ctx, `INSERT INTO planning_stages (round_id, position, name, starts_on, ends_on)
				VALUES (?, ?, ?, ?, ?)`, r.ID, i, st.Name, st.StartsOn, st.EndsOn); err != nil {
				return err
			}
		}
		for i, c := range form.Criteria {
			if _, err := tx.Exec(ctx, `INSERT INTO planning_criteria (round_id, position, name, description, weight)
				VALUES (?, ?, ?, ?, ?)`, r.ID, i, c.Name, c.Description, c.Weight); err != nil {
				return err
			}
		}
		for _, y := range form.Ceilings {
			if _, err := tx.Exec(ctx, `INSERT INTO planning_years (round_id, year, ceiling) VALUES (?, ?, ?)`,
				r.ID, y.Year, y.Ceiling); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `UPDATE planning_rounds SET updated_at = ? WHERE id = ?`, s.now(), r.ID)
		return err
	})
}
