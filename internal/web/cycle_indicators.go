package web

import (
	"context"

	"lokadaya/internal/cycle"
	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
	"lokadaya/internal/initiative"
)

// compareIndicatorRow is one indicator key across the two compared
// cycles: in each, the latest actual against the target of the indicator
// with that key among the cycle's initiatives ("" when it has none).
type compareIndicatorRow struct {
	Name, Unit string
	A, B       string
}

// compareIndicators lines up the indicators of the initiatives of cycles
// a and b by key, so a measure carried into the next cycle shows beside
// its earlier self.
func (s *Server) compareIndicators(ctx context.Context, l i18n.Lang, orgID int64, a, b *cycle.Cycle) ([]compareIndicatorRow, error) {
	inits, _, err := s.initiativeStore().List(ctx, initiative.ListOptions{OrgID: orgID})
	if err != nil {
		return nil, err
	}
	cycleOf := map[int64]int64{}
	var ids []int64
	for _, i := range inits {
		if i.CycleID != nil && (*i.CycleID == a.ID || *i.CycleID == b.ID) {
			cycleOf[i.ID] = *i.CycleID
			ids = append(ids, i.ID)
		}
	}
	list, err := (&indicator.Store{DB: s.db, Now: s.pages.now}).ForInitiatives(ctx, ids)
	if err != nil {
		return nil, err
	}
	var rows []compareIndicatorRow
	at := map[string]int{}
	for _, ind := range list {
		k, ok := at[ind.Key]
		if !ok {
			k = len(rows)
			at[ind.Key] = k
			rows = append(rows, compareIndicatorRow{Name: ind.Name, Unit: ind.Unit})
		}
		cell := i18n.T(l, "cycle.compare.indicator_none", ind.Target.Format(l))
		if latest := ind.Latest(); latest != nil {
			cell = i18n.T(l, "cycle.compare.indicator_cell", latest.Value.Format(l), ind.Target.Format(l),
				indicator.PeriodLabel(l, latest.Period))
		}
		if cycleOf[ind.InitiativeID] == a.ID {
			rows[k].A = cell
		} else {
			rows[k].B = cell
		}
	}
	return rows, nil
}
