package indicator

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const indicatorColumns = `id, org_id, initiative_id, ikey, name, kind, unit, direction, baseline, target,
	period, date_from, date_to, verification, disaggregation, source, created_name, created_at, updated_at`

func scanIndicator(sc interface{ Scan(...any) error }) (*Indicator, error) {
	i := &Indicator{}
	if err := sc.Scan(&i.ID, &i.OrgID, &i.InitiativeID, &i.Key, &i.Name, &i.Kind, &i.Unit, &i.Direction,
		&i.Baseline, &i.Target, &i.Period, &i.From, &i.To, &i.Verification, &i.Disaggregation, &i.Source,
		&i.CreatedName, &i.CreatedAt, &i.UpdatedAt); err != nil {
		return nil, err
	}
	i.CreatedAt, i.UpdatedAt = i.CreatedAt.UTC(), i.UpdatedAt.UTC()
	return i, nil
}

// ByID is one indicator, without its actuals; db.ErrNotFound when none.
func (s *Store) ByID(ctx context.Context, id int64) (*Indicator, error) {
	i, err := scanIndicator(s.DB.QueryRow(ctx, `SELECT `+indicatorColumns+` FROM indicators WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("indicator: by id: %w", err)
	}
	return i, nil
}

// Create adds an indicator to an initiative of the organisation. Bad
// input, a key taken in the initiative included, is a validate.Errors.
func (s *Store) Create(ctx context.Context, a Actor, orgID, initiativeID int64, in Input) (*Indicator, error) {
	c, e := in.check()
	if len(e) > 0 {
		return nil, e
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var owner int64
		err := tx.QueryRow(ctx, `SELECT org_id FROM initiatives WHERE id = ?`, initiativeID).Scan(&owner)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != orgID) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("indicator: initiative: %w", err)
		}
		if err := keyFree(ctx, tx, initiativeID, c.Key, 0); err != nil {
			return err
		}
		now := s.now()
		if err := tx.QueryRow(ctx, `INSERT INTO indicators (org_id, initiative_id, ikey, name, kind, unit, direction,
			baseline, target, period, date_from, date_to, verification, disaggregation, source, created_by,
			created_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			RETURNING id`, orgID, initiativeID, c.Key, c.Name, c.Kind, c.Unit, c.Direction, c.baseline, c.target,
			c.Period, c.From, c.To, c.Verification, c.Disaggregation, c.Source, nullID(a.ID), a.Name, now, now).Scan(&id); err != nil {
			return fmt.Errorf("indicator: create: %w", err)
		}
		return record(ctx, tx, a, "indicator.create", "indicator", id, c.Key)
	})
	if err != nil {
		return nil, err
	}
	return s.ByID(ctx, id)
}

// Update changes an indicator. Its typed actuals must still fall within
// its time frame and period kind; a computed indicator keeps none.
func (s *Store) Update(ctx context.Context, a Actor, id int64, in Input) error {
	c, e := in.check()
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var initiativeID int64
		err := tx.QueryRow(ctx, `SELECT initiative_id FROM indicators WHERE id = ?`, id).Scan(&initiativeID)
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("indicator: update: %w", err)
		}
		if err := keyFree(ctx, tx, initiativeID, c.Key, id); err != nil {
			return err
		}
		if err := actualsStillFit(ctx, tx, id, c); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE indicators SET ikey = ?, name = ?, kind = ?, unit = ?, direction = ?,
			baseline = ?, target = ?, period = ?, date_from = ?, date_to = ?, verification = ?, disaggregation = ?,
			source = ?, updated_at = ? WHERE id = ?`, c.Key, c.Name, c.Kind, c.Unit, c.Direction, c.baseline,
			c.target, c.Period, c.From, c.To, c.Verification, c.Disaggregation, c.Source, s.now(), id); err != nil {
			return fmt.Errorf("indicator: update: %w", err)
		}
		return record(ctx, tx, a, "indicator.update", "indicator", id, c.Key)
	})
}

// actualsStillFit refuses a change that would strand typed actuals: a
// new period kind or time frame they no longer fit, or a computed source.
func actualsStillFit(ctx context.Context, tx *db.Tx, id int64, c checked) error {
	rows, err := tx.Query(ctx, `SELECT period FROM indicator_actuals WHERE indicator_id = ?`, id)
	if err != nil {
		return fmt.Errorf("indicator: actuals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return err
		}
		if c.Source != "" {
			return validate.Errors{"source": "indicator.err.has_typed"}
		}
		from, to, ok := PeriodRange(c.Period, p)
		if !ok {
			return validate.Errors{"period": "indicator.err.actuals_period"}
		}
		if from > c.To || to < c.From {
			return validate.Errors{"from": "indicator.err.actuals_outside"}
		}
	}
	return rows.Err()
}

func keyFree(ctx context.Context, tx *db.Tx, initiativeID int64, key string, self int64) error {
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM indicators WHERE initiative_id = ? AND ikey = ? AND id <> ?`,
		initiativeID, key, self).Scan(&n); err != nil {
		return fmt.Errorf("indicator: key: %w", err)
	}
	if n > 0 {
		return validate.Errors{"key": "indicator.err.key_taken"}
	}
	return nil
}

// Delete removes an indicator and its typed actuals.
func (s *Store) Delete(ctx context.Context, a Actor, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM indicators WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("indicator: delete: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, a, "indicator.delete", "indicator", id, "")
	})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func record(ctx context.Context, q db.Querier, a Actor, action, target string, id int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: target, TargetID: strconv.FormatInt(id, 10), Detail: detail})
}
