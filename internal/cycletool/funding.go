package cycletool

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"lokadaya/internal/db"
)

// FundingSources are the sources of funding and support of stage 1, in
// the order the table shows them; each has the label "tools.source.<key>".
var FundingSources = []string{"donor", "pemda", "swasta", "komunitas", "penerima_manfaat", "lainnya"}

// ValidSource reports whether key is one of FundingSources.
func ValidSource(key string) bool { return inList(FundingSources, key) }

// Year bounds of the funding table.
const (
	MinYear = 1945
	MaxYear = 2100
)

// FundingCell is one amount: a source in a year.
type FundingCell struct {
	Year   int
	Source string
	Amount int64
	Note   string
	// CarriedFrom is the number of the cycle the cell was carried from; 0
	// when the cell was started in this cycle.
	CarriedFrom int
}

// Store keeps the stage tools' rows.
type Store struct {
	DB *db.DB
}

// Funding returns every cell of a cycle's funding table, by year and source.
func (s *Store) Funding(ctx context.Context, cycleID int64) ([]FundingCell, error) {
	return funding(ctx, s.DB, cycleID)
}

func funding(ctx context.Context, q db.Querier, cycleID int64) ([]FundingCell, error) {
	rows, err := q.Query(ctx, `SELECT year, source, amount, note, carried_from_cycle FROM cycle_funding
		WHERE cycle_id = ? ORDER BY year, source`, cycleID)
	if err != nil {
		return nil, fmt.Errorf("cycletool: funding: %w", err)
	}
	defer rows.Close()
	var out []FundingCell
	for rows.Next() {
		var c FundingCell
		var carried sql.NullInt64
		if err := rows.Scan(&c.Year, &c.Source, &c.Amount, &c.Note, &carried); err != nil {
			return nil, fmt.Errorf("cycletool: funding: %w", err)
		}
		c.CarriedFrom = int(carried.Int64)
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddYear adds a column to the table: a zero row for every source.
// Adding a year that is already there changes nothing.
func (s *Store) AddYear(ctx context.Context, cycleID int64, year int) error {
	if year < MinYear || year > MaxYear {
		return fmt.Errorf("cycletool: year %d out of range", year)
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		for _, src := range FundingSources {
			if _, err := tx.Exec(ctx, `INSERT INTO cycle_funding (cycle_id, year, source, amount, note)
				VALUES (?, ?, ?, 0, '') ON CONFLICT (cycle_id, year, source) DO NOTHING`, cycleID, year, src); err != nil {
				return fmt.Errorf("cycletool: add year: %w", err)
			}
		}
		return nil
	})
}

// RemoveYear deletes a year's column.
func (s *Store) RemoveYear(ctx context.Context, cycleID int64, year int) error {
	if _, err := s.DB.Exec(ctx, `DELETE FROM cycle_funding WHERE cycle_id = ? AND year = ?`, cycleID, year); err != nil {
		return fmt.Errorf("cycletool: remove year: %w", err)
	}
	return nil
}

// SaveFunding writes the given cells in one transaction.
func (s *Store) SaveFunding(ctx context.Context, cycleID int64, cells []FundingCell) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		for _, c := range cells {
			if !ValidSource(c.Source) || c.Amount < 0 || c.Year < MinYear || c.Year > MaxYear {
				return fmt.Errorf("cycletool: invalid funding cell %+v", c)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO cycle_funding (cycle_id, year, source, amount, note)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (cycle_id, year, source) DO UPDATE SET amount = excluded.amount, note = excluded.note`,
				cycleID, c.Year, c.Source, c.Amount, c.Note); err != nil {
				return fmt.Errorf("cycletool: save funding: %w", err)
			}
		}
		return nil
	})
}

// FundingGrid is the table as the page shows it: years as columns,
// sources as rows, with totals and shares.
type FundingGrid struct {
	Years      []int
	Rows       []FundingRow
	YearTotals []int64
	Total      int64
	YearShares []float64 // each year's share of the total, in %
	// CarriedFrom is the cycle the table was started from; 0 when it was
	// started in this cycle.
	CarriedFrom int
}

// FundingRow is one source across the years.
type FundingRow struct {
	Source string
	Cells  []FundingCell // one per year of the grid, in order
	Total  int64
	Share  float64 // share of the grand total, in %
}

// Grid arranges cells into a FundingGrid; missing cells are zero.
func Grid(cells []FundingCell) *FundingGrid {
	g := &FundingGrid{}
	seen := map[int]bool{}
	at := map[[2]any]FundingCell{}
	for _, c := range cells {
		if !seen[c.Year] {
			seen[c.Year] = true
			g.Years = append(g.Years, c.Year)
		}
		at[[2]any{c.Year, c.Source}] = c
		g.CarriedFrom = max(g.CarriedFrom, c.CarriedFrom)
	}
	sort.Ints(g.Years)
	g.YearTotals = make([]int64, len(g.Years))
	for _, src := range FundingSources {
		row := FundingRow{Source: src}
		for i, y := range g.Years {
			c, ok := at[[2]any{y, src}]
			if !ok {
				c = FundingCell{Year: y, Source: src}
			}
			row.Cells = append(row.Cells, c)
			row.Total += c.Amount
			g.YearTotals[i] += c.Amount
		}
		g.Total += row.Total
		g.Rows = append(g.Rows, row)
	}
	for i := range g.Rows {
		g.Rows[i].Share = share(g.Rows[i].Total, g.Total)
	}
	for _, t := range g.YearTotals {
		g.YearShares = append(g.YearShares, share(t, g.Total))
	}
	return g
}

func share(part, total int64) float64 {
	if total == 0 {
		return 0
	}
	return float64(part) * 100 / float64(total)
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
