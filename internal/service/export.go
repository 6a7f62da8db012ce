package service

import (
	"context"
	"fmt"
	"strconv"
)

// ExportColumns are the columns of a records export: the import
// template's without the note, which may name people. A file exported
// this way imports again as it is.
func ExportColumns() []string {
	cols := Columns()
	return cols[:len(cols)-1]
}

// RecordsTable is every record of the initiative in the period, oldest
// first, as rows of ExportColumns: the header first, then counts as
// numbers. It holds no names and no notes.
func (s *Store) RecordsTable(ctx context.Context, initiativeID int64, p Period) ([][]string, error) {
	where, args := periodWhere(initiativeID, p)
	groups, err := s.recordGroups(ctx, where, args)
	if err != nil {
		return nil, err
	}
	rows, err := s.DB.Query(ctx, `SELECT r.id, r.served_on, pt.code, r.service_type, r.total, r.male, r.female, r.age_0_5,
		r.age_6_17, r.age_18_59, r.age_60_plus, r.disability
		FROM service_records r JOIN service_points pt ON pt.id = r.point_id WHERE `+where+` ORDER BY r.served_on, r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("service: records table: %w", err)
	}
	defer rows.Close()
	out := [][]string{ExportColumns()}
	for rows.Next() {
		var id int64
		var day, code, kind string
		var c Counts
		if err := rows.Scan(&id, &day, &code, &kind, &c.Total, &c.Male, &c.Female, &c.Ages[0], &c.Ages[1], &c.Ages[2],
			&c.Ages[3], &c.Disability); err != nil {
			return nil, fmt.Errorf("service: records table: %w", err)
		}
		c.Groups = groups[id]
		out = append(out, append([]string{day, code, kind}, countCells(c)...))
	}
	return out, rows.Err()
}

// countCells are the counts in the order of the template's columns from
// jumlah on: total, sex, age bands, disability, groups.
func countCells(c Counts) []string {
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	cells := []string{n(c.Total), n(c.Male), n(c.Female)}
	for _, a := range c.Ages {
		cells = append(cells, n(a))
	}
	cells = append(cells, n(c.Disability))
	for _, g := range VulnerableGroups {
		cells = append(cells, n(c.Groups[g]))
	}
	return cells
}

// recordGroups are the vulnerable groups of the records matching where,
// by record id.
func (s *Store) recordGroups(ctx context.Context, where string, args []any) (map[int64]map[string]int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT g.record_id, g.grp, g.people FROM service_record_groups g
		JOIN service_records r ON r.id = g.record_id WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("service: record groups: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[string]int64{}
	for rows.Next() {
		var id, n int64
		var g string
		if err := rows.Scan(&id, &g, &n); err != nil {
			return nil, fmt.Errorf("service: record groups: %w", err)
		}
		if out[id] == nil {
			out[id] = map[string]int64{}
		}
		out[id][g] = n
	}
	return out, rows.Err()
}

// ReachTable is the initiative's reach in the period per month, oldest
// first, then the total: a header row ("bulan" and the count columns)
// and one row per month with records.
func (s *Store) ReachTable(ctx context.Context, initiativeID int64, p Period) ([][]string, error) {
	months, err := s.ReachByMonth(ctx, initiativeID, p)
	if err != nil {
		return nil, err
	}
	where, args := periodWhere(initiativeID, p)
	monthGroups, err := s.groupsByMonth(ctx, where, args)
	if err != nil {
		return nil, err
	}
	total, err := s.Reach(ctx, initiativeID, p)
	if err != nil {
		return nil, err
	}
	out := [][]string{append([]string{"bulan"}, Columns()[3:len(Columns())-1]...)}
	for i := len(months) - 1; i >= 0; i-- {
		m := months[i]
		m.Groups = monthGroups[m.Month]
		out = append(out, append([]string{m.Month}, countCells(m.Counts)...))
	}
	return append(out, append([]string{"total"}, countCells(total)...)), nil
}

// groupsByMonth sums the records' groups per month (YYYY-MM).
func (s *Store) groupsByMonth(ctx context.Context, where string, args []any) (map[string]map[string]int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT SUBSTR(r.served_on, 1, 7), g.grp, SUM(g.people) FROM service_record_groups g
		JOIN service_records r ON r.id = g.record_id WHERE `+where+` GROUP BY SUBSTR(r.served_on, 1, 7), g.grp`, args...)
	if err != nil {
		return nil, fmt.Errorf("service: groups by month: %w", err)
	}
	defer rows.Close()
	out := map[string]map[string]int64{}
	for rows.Next() {
		var month, g string
		var n int64
		if err := rows.Scan(&month, &g, &n); err != nil {
			return nil, fmt.Errorf("service: groups by month: %w", err)
		}
		if out[month] == nil {
			out[month] = map[string]int64{}
		}
		out[month][g] = n
	}
	return out, rows.Err()
}
