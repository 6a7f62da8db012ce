package indicator

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// ErrComputed is a typed actual offered to a computed indicator, whose
// actuals come from the platform's records only.
var ErrComputed = errors.New("indicator: computed indicator takes no typed actuals")

// AddActual records a typed actual of an indicator. Bad input (a period
// outside the indicator's time frame, one that already has an actual, a
// value that is not a number…) is a validate.Errors.
func (s *Store) AddActual(ctx context.Context, a Actor, ind *Indicator, in ActualInput) (int64, error) {
	if ind.Computed() {
		return 0, ErrComputed
	}
	v, parts, e := checkActual(ind, in)
	if len(e) > 0 {
		return 0, e
	}
	period, note := strings.TrimSpace(in.Period), strings.TrimSpace(in.Note)
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM indicator_actuals WHERE indicator_id = ? AND period = ?`,
			ind.ID, period).Scan(&n); err != nil {
			return fmt.Errorf("indicator: actual: %w", err)
		}
		if n > 0 {
			return validate.Errors{"period": "indicator.err.period_taken"}
		}
		now := s.now()
		if err := tx.QueryRow(ctx, `INSERT INTO indicator_actuals (indicator_id, period, value, note, created_by,
			created_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			ind.ID, period, v, note, nullID(a.ID), a.Name, now, now).Scan(&id); err != nil {
			return fmt.Errorf("indicator: add actual: %w", err)
		}
		if err := writeParts(ctx, tx, id, parts); err != nil {
			return err
		}
		return record(ctx, tx, a, "indicator.actual.create", "indicator_actual", id, period+" "+v.String())
	})
	return id, err
}

// UpdateActual corrects a typed actual of an indicator.
func (s *Store) UpdateActual(ctx context.Context, a Actor, ind *Indicator, actualID int64, in ActualInput) error {
	v, parts, e := checkActual(ind, in)
	if len(e) > 0 {
		return e
	}
	period, note := strings.TrimSpace(in.Period), strings.TrimSpace(in.Note)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM indicator_actuals WHERE indicator_id = ? AND period = ?
			AND id <> ?`, ind.ID, period, actualID).Scan(&n); err != nil {
			return fmt.Errorf("indicator: actual: %w", err)
		}
		if n > 0 {
			return validate.Errors{"period": "indicator.err.period_taken"}
		}
		res, err := tx.Exec(ctx, `UPDATE indicator_actuals SET period = ?, value = ?, note = ?, updated_at = ?
			WHERE id = ? AND indicator_id = ?`, period, v, note, s.now(), actualID, ind.ID)
		if err != nil {
			return fmt.Errorf("indicator: update actual: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		if _, err := tx.Exec(ctx, `DELETE FROM indicator_actual_parts WHERE actual_id = ?`, actualID); err != nil {
			return fmt.Errorf("indicator: update actual: %w", err)
		}
		if err := writeParts(ctx, tx, actualID, parts); err != nil {
			return err
		}
		return record(ctx, tx, a, "indicator.actual.update", "indicator_actual", actualID, period+" "+v.String())
	})
}

// DeleteActual removes a typed actual of an indicator.
func (s *Store) DeleteActual(ctx context.Context, a Actor, ind *Indicator, actualID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var period string
		var v Value
		err := tx.QueryRow(ctx, `SELECT period, value FROM indicator_actuals WHERE id = ? AND indicator_id = ?`,
			actualID, ind.ID).Scan(&period, &v)
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("indicator: delete actual: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM indicator_actuals WHERE id = ?`, actualID); err != nil {
			return fmt.Errorf("indicator: delete actual: %w", err)
		}
		return record(ctx, tx, a, "indicator.actual.delete", "indicator_actual", actualID, period+" "+v.String())
	})
}

func writeParts(ctx context.Context, tx *db.Tx, actualID int64, parts map[string]Value) error {
	for g, v := range parts {
		if _, err := tx.Exec(ctx, `INSERT INTO indicator_actual_parts (actual_id, grp, value) VALUES (?, ?, ?)`,
			actualID, g, v); err != nil {
			return fmt.Errorf("indicator: actual parts: %w", err)
		}
	}
	return nil
}

// ActualByID is a typed actual with its parts and the id of its
// indicator; db.ErrNotFound when none.
func (s *Store) ActualByID(ctx context.Context, id int64) (int64, *Actual, error) {
	a := &Actual{ID: id, Source: SourceTyped}
	var ind int64
	err := s.DB.QueryRow(ctx, `SELECT indicator_id, period, value, note, created_name, created_at, updated_at
		FROM indicator_actuals WHERE id = ?`, id).Scan(&ind, &a.Period, &a.Value, &a.Note, &a.CreatedName, &a.CreatedAt, &a.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, db.ErrNotFound
	}
	if err != nil {
		return 0, nil, fmt.Errorf("indicator: actual: %w", err)
	}
	rows, err := s.DB.Query(ctx, `SELECT grp, value FROM indicator_actual_parts WHERE actual_id = ?`, id)
	if err != nil {
		return 0, nil, fmt.Errorf("indicator: actual parts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g string
		var v Value
		if err := rows.Scan(&g, &v); err != nil {
			return 0, nil, fmt.Errorf("indicator: actual parts: %w", err)
		}
		if a.Parts == nil {
			a.Parts = map[string]Value{}
		}
		a.Parts[g] = v
	}
	return ind, a, rows.Err()
}
