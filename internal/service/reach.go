package service

import (
	"context"
	"fmt"
)

// Period is a span of days, both included, as YYYY-MM-DD; "" is open.
type Period struct{ From, To string }

// Reach sums an initiative's records over a period: the people served
// (visits, as records count them), by sex, age band, disability and group.
func (s *Store) Reach(ctx context.Context, initiativeID int64, p Period) (Counts, error) {
	where, args := periodWhere(initiativeID, p)
	c := Counts{Groups: map[string]int64{}}
	err := s.DB.QueryRow(ctx, `SELECT COALESCE(SUM(total), 0), COALESCE(SUM(male), 0), COALESCE(SUM(female), 0),
		COALESCE(SUM(age_0_5), 0), COALESCE(SUM(age_6_17), 0), COALESCE(SUM(age_18_59), 0), COALESCE(SUM(age_60_plus), 0),
		COALESCE(SUM(disability), 0) FROM service_records r WHERE `+where, args...).
		Scan(&c.Total, &c.Male, &c.Female, &c.Ages[0], &c.Ages[1], &c.Ages[2], &c.Ages[3], &c.Disability)
	if err != nil {
		return c, fmt.Errorf("service: reach: %w", err)
	}
	rows, err := s.DB.Query(ctx, `SELECT g.grp, SUM(g.people) FROM service_record_groups g
		JOIN service_records r ON r.id = g.record_id WHERE `+where+` GROUP BY g.grp`, args...)
	if err != nil {
		return c, fmt.Errorf("service: reach groups: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g string
		var n int64
		if err := rows.Scan(&g, &n); err != nil {
			return c, err
		}
		c.Groups[g] = n
	}
	return c, rows.Err()
}

func periodWhere(initiativeID int64, p Period) (string, []any) {
	where, args := "r.initiative_id = ?", []any{initiativeID}
	if p.From != "" {
		where += " AND r.served_on >= ?"
		args = append(args, p.From)
	}
	if p.To != "" {
		where += " AND r.served_on <= ?"
		args = append(args, p.To)
	}
	return where, args
}

// MonthReach is the reach of one calendar month (YYYY-MM).
type MonthReach struct {
	Month string
	Counts
}

// ReachByMonth is an initiative's reach per month within a period, the
// latest month first; months without records are left out.
func (s *Store) ReachByMonth(ctx context.Context, initiativeID int64, p Period) ([]MonthReach, error) {
	where, args := periodWhere(initiativeID, p)
	rows, err := s.DB.Query(ctx, `SELECT SUBSTR(served_on, 1, 7) AS month, SUM(total), SUM(male), SUM(female),
		SUM(age_0_5), SUM(age_6_17), SUM(age_18_59), SUM(age_60_plus), SUM(disability)
		FROM service_records r WHERE `+where+` GROUP BY SUBSTR(served_on, 1, 7) ORDER BY month DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("service: reach by month: %w", err)
	}
	defer rows.Close()
	var out []MonthReach
	for rows.Next() {
		var m MonthReach
		if err := rows.Scan(&m.Month, &m.Total, &m.Male, &m.Female, &m.Ages[0], &m.Ages[1], &m.Ages[2], &m.Ages[3], &m.Disability); err != nil {
			return nil, fmt.Errorf("service: reach by month: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
