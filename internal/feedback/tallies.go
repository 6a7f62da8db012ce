package feedback

import (
	"context"
	"fmt"
	"time"
)

// Scope is what a tally covers: one service point, or every point of an
// initiative.
type Scope struct {
	PointID, InitiativeID int64
}

// where is the scope's condition on a table with point_id and
// initiative_id, with its argument.
func (sc Scope) where() (string, any) {
	if sc.PointID != 0 {
		return "point_id = ?", sc.PointID
	}
	return "initiative_id = ?", sc.InitiativeID
}

// Range is a period of days, YYYY-MM-DD, both ends included; an empty end
// is open.
type Range struct {
	From, To string
}

// clause is the range's condition on a day column, with its arguments.
func (r Range) clause(column string) (string, []any) {
	q, args := "", []any{}
	if r.From != "" {
		q += " AND " + column + " >= ?"
		args = append(args, r.From)
	}
	if r.To != "" {
		q += " AND " + column + " <= ?"
		args = append(args, r.To)
	}
	return q, args
}

// Tally is the public tally of the scope over the range: the counted
// votes cast in it and the paper tallies whose period ends in it. Flagged
// and discarded votes are not in it.
func (s *Store) Tally(ctx context.Context, sc Scope, r Range) (Tally, error) {
	months, err := s.byMonth(ctx, sc, r)
	if err != nil {
		return Tally{}, err
	}
	var t Tally
	for _, m := range months {
		t = t.Plus(m)
	}
	return t, nil
}

// Monthly is the public tally of each of the n months up to and including
// the month of last ("YYYY-MM-DD"), oldest first, months without votes
// included.
func (s *Store) Monthly(ctx context.Context, sc Scope, last string, n int) ([]MonthTally, error) {
	end, err := time.Parse(time.DateOnly, last)
	if err != nil {
		return nil, fmt.Errorf("feedback: monthly: %w", err)
	}
	first := time.Date(end.Year(), end.Month()-time.Month(n-1), 1, 0, 0, 0, 0, time.UTC)
	months, err := s.byMonth(ctx, sc, Range{From: first.Format(time.DateOnly), To: last})
	if err != nil {
		return nil, err
	}
	out := make([]MonthTally, n)
	for i := range out {
		m := first.AddDate(0, i, 0).Format("2006-01")
		out[i] = MonthTally{Month: m, Tally: months[m]}
	}
	return out, nil
}

// byMonth is the public tally of the scope over the range per month
// ("YYYY-MM"): votes by the day they were cast, paper tallies by the last
// day of their period.
func (s *Store) byMonth(ctx context.Context, sc Scope, r Range) (map[string]Tally, error) {
	where, arg := sc.where()
	votesIn, voteArgs := r.clause("day")
	paperIn, paperArgs := r.clause("period_to")
	out := map[string]Tally{}
	rows, err := s.DB.Query(ctx, `SELECT SUBSTR(day, 1, 7), colour, COUNT(*) FROM feedback_votes
		WHERE `+where+` AND status = 'dihitung'`+votesIn+` GROUP BY SUBSTR(day, 1, 7), colour`,
		append([]any{arg}, voteArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("feedback: tally: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var month, colour string
		var n int64
		if err := rows.Scan(&month, &colour, &n); err != nil {
			return nil, err
		}
		t := out[month]
		t.add(colour, n)
		out[month] = t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.addPaperByMonth(ctx, out, `WHERE `+where+paperIn, append([]any{arg}, paperArgs...))
}

func (s *Store) addPaperByMonth(ctx context.Context, out map[string]Tally, where string, args []any) error {
	rows, err := s.DB.Query(ctx, `SELECT SUBSTR(period_to, 1, 7), SUM(merah), SUM(kuning), SUM(hijau)
		FROM feedback_paper_tallies `+where+` GROUP BY SUBSTR(period_to, 1, 7)`, args...)
	if err != nil {
		return fmt.Errorf("feedback: paper tally: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var month string
		var p Tally
		if err := rows.Scan(&month, &p.Merah, &p.Kuning, &p.Hijau); err != nil {
			return err
		}
		out[month] = out[month].Plus(p)
	}
	return rows.Err()
}

// PointTallies is the public tally of every point of the initiative over
// the range, by point id.
func (s *Store) PointTallies(ctx context.Context, initiativeID int64, r Range) (map[int64]Tally, error) {
	out := map[int64]Tally{}
	votesIn, voteArgs := r.clause("day")
	rows, err := s.DB.Query(ctx, `SELECT point_id, colour, COUNT(*) FROM feedback_votes
		WHERE initiative_id = ? AND status = 'dihitung'`+votesIn+` GROUP BY point_id, colour`,
		append([]any{initiativeID}, voteArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("feedback: point tallies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		var colour string
		if err := rows.Scan(&id, &colour, &n); err != nil {
			return nil, err
		}
		t := out[id]
		t.add(colour, n)
		out[id] = t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	paperIn, paperArgs := r.clause("period_to")
	prow, err := s.DB.Query(ctx, `SELECT point_id, SUM(merah), SUM(kuning), SUM(hijau) FROM feedback_paper_tallies
		WHERE initiative_id = ?`+paperIn+` GROUP BY point_id`, append([]any{initiativeID}, paperArgs...)...)
	if err != nil {
		return nil, fmt.Errorf("feedback: point paper tallies: %w", err)
	}
	defer prow.Close()
	for prow.Next() {
		var id int64
		var p Tally
		if err := prow.Scan(&id, &p.Merah, &p.Kuning, &p.Hijau); err != nil {
			return nil, err
		}
		out[id] = out[id].Plus(p)
	}
	return out, prow.Err()
}
