package indicator

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/survey"
)

// A computed indicator's actuals are derived when read, from the records
// its source names, so they never go stale. Each source is read with one
// query grouped by initiative and month (service records, feedback,
// money, goods and hours are kept by day); the months are then added up
// into the indicator's periods, counting those that touch its time frame.
// The IKM is per survey round: a period's value is that of the latest
// round ending in it.

// cell is one initiative's month of a source: a sum, the whole a share is
// taken of (feedback), and the parts by group (service records).
type cell struct {
	sum, whole int64
	parts      map[string]int64
}

type monthKey struct {
	initiative int64
	month      string // YYYY-MM
}

// sourceQueries read a source by initiative and month: initiative_id,
// month, sum, whole, then the parts in the order of partGroups.
var sourceQueries = map[string]string{
	SourceServiceRecords: `SELECT initiative_id, substr(served_on, 1, 7) AS m, SUM(total), 0,
		SUM(female), SUM(male), SUM(age_0_5), SUM(age_6_17), SUM(age_18_59), SUM(age_60_plus)
		FROM service_records WHERE initiative_id IN (%s) GROUP BY initiative_id, m`,
	SourceFeedback: `SELECT initiative_id, m, SUM(green), SUM(n) FROM (
		SELECT initiative_id, substr(day, 1, 7) AS m, SUM(CASE WHEN colour = 'hijau' THEN 1 ELSE 0 END) AS green,
			COUNT(*) AS n FROM feedback_votes WHERE status = 'dihitung' AND initiative_id IN (%[1]s)
			GROUP BY initiative_id, m
		UNION ALL
		SELECT initiative_id, substr(period_to, 1, 7) AS m, SUM(hijau) AS green, SUM(merah + kuning + hijau) AS n
			FROM feedback_paper_tallies WHERE initiative_id IN (%[1]s) GROUP BY initiative_id, m
		) f GROUP BY initiative_id, m`,
	// The ledger's running totals per initiative and UTC day: money in of
	// donations, their reversals included.
	SourceDonations: `SELECT scope_id, substr(CAST(day AS TEXT), 1, 7) AS m, SUM(money_in), 0 FROM ledger_days
		WHERE scope = 'i' AND kind = 'donation' AND scope_id IN (%s) GROUP BY scope_id, m`,
	SourceGoods: `SELECT c.initiative_id, substr(r.received_on, 1, 7) AS m, SUM(r.quantity), 0
		FROM goods_receipts r JOIN goods_pledges p ON p.id = r.pledge_id JOIN campaigns c ON c.id = p.campaign_id
		WHERE c.initiative_id IN (%s) GROUP BY c.initiative_id, m`,
	SourceVolunteerHours: `SELECT c.initiative_id, substr(h.day, 1, 7) AS m, SUM(h.minutes), 0
		FROM volunteer_hours h JOIN volunteer_signups v ON v.id = h.signup_id JOIN campaigns c ON c.id = v.campaign_id
		WHERE c.initiative_id IN (%s) GROUP BY c.initiative_id, m`,
}

// partGroups are the groups of the service records' parts, in the order
// of their query's columns.
var partGroups = []string{"perempuan", "laki_laki", "0_5", "6_17", "18_59", "60_plus"}

// computedActuals attaches the computed actuals of the computed
// indicators of list.
func (s *Store) computedActuals(ctx context.Context, list []*Indicator) error {
	bySource := map[string][]*Indicator{}
	for _, i := range list {
		if i.Computed() {
			bySource[i.Source] = append(bySource[i.Source], i)
		}
	}
	for src, inds := range bySource {
		ids, args := initiativesOf(inds)
		if src == SourceIKM {
			if err := s.ikmActuals(ctx, inds, args); err != nil {
				return err
			}
			continue
		}
		q, ok := sourceQueries[src]
		if !ok {
			continue
		}
		cells, err := s.readCells(ctx, src, fmt.Sprintf(q, db.Marks(len(ids))), args)
		if err != nil {
			return err
		}
		for _, i := range inds {
			i.Actuals = append(i.Actuals, fold(i, cells)...)
		}
	}
	return nil
}

func initiativesOf(inds []*Indicator) ([]int64, []any) {
	seen := map[int64]bool{}
	var ids []int64
	var args []any
	for _, i := range inds {
		if !seen[i.InitiativeID] {
			seen[i.InitiativeID] = true
			ids = append(ids, i.InitiativeID)
			args = append(args, i.InitiativeID)
		}
	}
	return ids, args
}

func (s *Store) readCells(ctx context.Context, src, q string, args []any) (map[monthKey]*cell, error) {
	if src == SourceFeedback {
		args = append(args, args...) // the two halves of the union
	}
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("indicator: %s: %w", src, err)
	}
	defer rows.Close()
	out := map[monthKey]*cell{}
	for rows.Next() {
		var k monthKey
		c := &cell{}
		dest := []any{&k.initiative, &k.month, &c.sum, &c.whole}
		var parts []int64
		if src == SourceServiceRecords {
			parts = make([]int64, len(partGroups))
			for i := range parts {
				dest = append(dest, &parts[i])
			}
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("indicator: %s: %w", src, err)
		}
		if parts != nil {
			c.parts = map[string]int64{}
			for i, g := range partGroups {
				c.parts[g] = parts[i]
			}
		}
		out[k] = c
	}
	return out, rows.Err()
}

// fold adds an indicator's months up into its periods.
func fold(i *Indicator, cells map[monthKey]*cell) []*Actual {
	totals := map[string]*cell{}
	for k, c := range cells {
		if k.initiative != i.InitiativeID || k.month < i.From[:7] || k.month > i.To[:7] {
			continue
		}
		p := PeriodOf(i.Period, k.month)
		t := totals[p]
		if t == nil {
			t = &cell{parts: map[string]int64{}}
			totals[p] = t
		}
		t.sum += c.sum
		t.whole += c.whole
		for g, n := range c.parts {
			t.parts[g] += n
		}
	}
	var out []*Actual
	for p, t := range totals {
		a := &Actual{Period: p, Source: i.Source, Value: computedValue(i.Source, t)}
		if t.whole == 0 && i.Source == SourceFeedback {
			continue
		}
		if groups := Groups[i.Disaggregation]; len(groups) > 0 && t.parts != nil && len(t.parts) > 0 {
			a.Parts = map[string]Value{}
			for _, g := range groups {
				a.Parts[g] = Whole(t.parts[g])
			}
		}
		out = append(out, a)
	}
	return out
}

// computedValue turns a period's sum into the indicator's value.
func computedValue(src string, t *cell) Value {
	switch src {
	case SourceFeedback:
		// Percent green, to two decimals, rounded half up.
		return Value((t.sum*10000*2 + t.whole) / (2 * t.whole))
	case SourceVolunteerHours:
		// Minutes to hours, to two decimals, rounded half up.
		return Value((t.sum*100*2 + 60) / 120)
	default:
		return Whole(t.sum)
	}
}

// ikmActuals attaches the IKM of the survey rounds: per period, the
// latest round ending in it that has a complete result.
func (s *Store) ikmActuals(ctx context.Context, inds []*Indicator, args []any) error {
	rows, err := s.DB.Query(ctx, `SELECT id, initiative_id, period_to FROM survey_rounds
		WHERE initiative_id IN (`+db.Marks(len(args))+`) ORDER BY period_to, id`, args...)
	if err != nil {
		return fmt.Errorf("indicator: ikm: %w", err)
	}
	type round struct {
		id, initiative int64
		to             string
	}
	var rounds []round
	var ids []int64
	for rows.Next() {
		var r round
		if err := rows.Scan(&r.id, &r.initiative, &r.to); err != nil {
			rows.Close()
			return fmt.Errorf("indicator: ikm: %w", err)
		}
		rounds, ids = append(rounds, r), append(ids, r.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("indicator: ikm: %w", err)
	}
	results, err := (&survey.Store{DB: s.DB}).Results(ctx, ids)
	if err != nil {
		return err
	}
	for _, i := range inds {
		byPeriod := map[string]*Actual{}
		var order []string
		for _, r := range rounds {
			idx := results[r.id].Index()
			if r.initiative != i.InitiativeID || idx == nil || r.to < i.From || r.to > i.To {
				continue
			}
			p := PeriodOf(i.Period, r.to)
			if byPeriod[p] == nil {
				order = append(order, p)
			}
			// Later rounds come later: the last one wins.
			byPeriod[p] = &Actual{Period: p, Source: SourceIKM, Value: Value(survey.Hundredths(idx))}
		}
		for _, p := range order {
			i.Actuals = append(i.Actuals, byPeriod[p])
		}
	}
	return nil
}
