package indicator

import (
	"context"
	"fmt"
	"sort"

	"lokadaya/internal/db"
)

// ForInitiative is the initiative's indicators, in key order, each with
// its actuals (typed and computed) in period order.
func (s *Store) ForInitiative(ctx context.Context, initiativeID int64) ([]*Indicator, error) {
	return s.load(ctx, `initiative_id = ?`, initiativeID)
}

// ForOrg is all the organisation's indicators, by initiative then key,
// each with its actuals.
func (s *Store) ForOrg(ctx context.Context, orgID int64) ([]*Indicator, error) {
	return s.load(ctx, `org_id = ?`, orgID)
}

// ForInitiatives is the indicators of the initiatives listed, with their
// actuals.
func (s *Store) ForInitiatives(ctx context.Context, ids []int64) ([]*Indicator, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return s.load(ctx, `initiative_id IN (`+db.Marks(len(ids))+`)`, args...)
}

// load reads the indicators matching where, then their typed actuals in
// one query and their computed actuals in one grouped query per source
// used: the number of queries does not grow with indicators or periods.
func (s *Store) load(ctx context.Context, where string, args ...any) ([]*Indicator, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+indicatorColumns+` FROM indicators WHERE `+where+`
		ORDER BY initiative_id, ikey`, args...)
	if err != nil {
		return nil, fmt.Errorf("indicator: list: %w", err)
	}
	var out []*Indicator
	for rows.Next() {
		i, err := scanIndicator(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("indicator: list: %w", err)
		}
		out = append(out, i)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("indicator: list: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	if err := s.typedActuals(ctx, out); err != nil {
		return nil, err
	}
	if err := s.computedActuals(ctx, out); err != nil {
		return nil, err
	}
	for _, i := range out {
		sort.Slice(i.Actuals, func(a, b int) bool { return i.Actuals[a].Period < i.Actuals[b].Period })
	}
	return out, nil
}

// typedActuals attaches the typed actuals, with their parts.
func (s *Store) typedActuals(ctx context.Context, list []*Indicator) error {
	byID := map[int64]*Indicator{}
	var args []any
	for _, i := range list {
		if !i.Computed() {
			byID[i.ID] = i
			args = append(args, i.ID)
		}
	}
	if len(args) == 0 {
		return nil
	}
	marks := db.Marks(len(args))
	rows, err := s.DB.Query(ctx, `SELECT id, indicator_id, period, value, note, created_name, created_at, updated_at
		FROM indicator_actuals WHERE indicator_id IN (`+marks+`)`, args...)
	if err != nil {
		return fmt.Errorf("indicator: actuals: %w", err)
	}
	actuals := map[int64]*Actual{}
	for rows.Next() {
		a := &Actual{Source: SourceTyped}
		var ind int64
		if err := rows.Scan(&a.ID, &ind, &a.Period, &a.Value, &a.Note, &a.CreatedName, &a.CreatedAt, &a.UpdatedAt); err != nil {
			rows.Close()
			return fmt.Errorf("indicator: actuals: %w", err)
		}
		a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
		byID[ind].Actuals = append(byID[ind].Actuals, a)
		actuals[a.ID] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("indicator: actuals: %w", err)
	}
	rows, err = s.DB.Query(ctx, `SELECT p.actual_id, p.grp, p.value FROM indicator_actual_parts p
		JOIN indicator_actuals a ON a.id = p.actual_id WHERE a.indicator_id IN (`+marks+`)`, args...)
	if err != nil {
		return fmt.Errorf("indicator: parts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var g string
		var v Value
		if err := rows.Scan(&id, &g, &v); err != nil {
			return fmt.Errorf("indicator: parts: %w", err)
		}
		if a := actuals[id]; a != nil {
			if a.Parts == nil {
				a.Parts = map[string]Value{}
			}
			a.Parts[g] = v
		}
	}
	return rows.Err()
}

// Latest is the actual of the latest period, nil when there is none.
func (i *Indicator) Latest() *Actual {
	if len(i.Actuals) == 0 {
		return nil
	}
	return i.Actuals[len(i.Actuals)-1]
}

// Progress is how far the latest actual has come from the baseline
// towards the target, in percent (0 at the baseline, 100 at the target;
// below 0 when it moved the wrong way, above 100 past the target). ok is
// false when there is no actual or the target equals the baseline.
func (i *Indicator) Progress() (percent int64, ok bool) {
	l := i.Latest()
	span := int64(i.Target - i.Baseline)
	if l == nil || span == 0 {
		return 0, false
	}
	moved := int64(l.Value - i.Baseline)
	// Round half away from zero.
	num := moved * 100
	if (num < 0) != (span < 0) {
		return (num - span/2) / span, true
	}
	return (num + span/2) / span, true
}

// Reached reports whether the latest actual has reached the target in the
// indicator's direction.
func (i *Indicator) Reached() bool {
	l := i.Latest()
	if l == nil {
		return false
	}
	if i.Direction == Fall {
		return l.Value <= i.Target
	}
	return l.Value >= i.Target
}
