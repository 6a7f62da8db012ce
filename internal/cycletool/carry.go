package cycletool

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// CarryOver starts cycle to's funding table and asset inventory from those
// of cycle from (number fromNumber), as stages 1 and 2 of a new cycle start
// from the last one. Each carried row is the new cycle's own, marked with
// the cycle it came from. Carrying twice adds nothing: funding cells are
// keyed by year and source, and an asset is carried once per cycle (unique
// index on cycle_id, carried_from_id). It runs in the caller's transaction.
func CarryOver(ctx context.Context, q db.Querier, from, to int64, fromNumber int) error {
	if err := carryFunding(ctx, q, from, to, fromNumber); err != nil {
		return err
	}
	return carryAssets(ctx, q, from, to, fromNumber)
}

func carryFunding(ctx context.Context, q db.Querier, from, to int64, fromNumber int) error {
	cells, err := funding(ctx, q, from)
	if err != nil {
		return err
	}
	for _, c := range cells {
		if _, err := q.Exec(ctx, `INSERT INTO cycle_funding (cycle_id, year, source, amount, note, carried_from_cycle)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cycle_id, year, source) DO NOTHING`,
			to, c.Year, c.Source, c.Amount, c.Note, fromNumber); err != nil {
			return fmt.Errorf("cycletool: carry funding: %w", err)
		}
	}
	return nil
}

func carryAssets(ctx context.Context, q db.Querier, from, to int64, fromNumber int) error {
	list, err := assets(ctx, q, from)
	if err != nil {
		return err
	}
	now := db.Now()
	for _, a := range list {
		if _, err := q.Exec(ctx, `INSERT INTO cycle_assets (cycle_id, name, description, level, holder, status,
			tangible, financial, estimated_value, carried_from_id, carried_from_cycle, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cycle_id, carried_from_id) DO NOTHING`,
			to, a.Name, a.Description, a.Level, a.Holder, a.Status, a.Tangible, a.Financial,
			nullable(a.EstimatedValue), a.ID, fromNumber, now, now); err != nil {
			return fmt.Errorf("cycletool: carry assets: %w", err)
		}
	}
	return nil
}
