package survey

import (
	"context"
	"fmt"
	"lokadaya/internal/db"
	"strings"
)

// Results returns the result of each round listed (an empty result for a
// round without responses), computed from sums and counts in one query.
func (s *Store) Results(ctx context.Context, roundIDs []int64) (map[int64]*Result, error) {
	out := make(map[int64]*Result, len(roundIDs))
	if len(roundIDs) == 0 {
		return out, nil
	}
	cols := []string{"round_id", "COUNT(*)"}
	for i := range NumElements {
		u := ScoreField(i)
		cols = append(cols, "COALESCE(SUM("+u+"), 0)", "SUM(CASE WHEN "+u+" > 0 THEN 1 ELSE 0 END)")
	}
	marks := db.Marks(len(roundIDs))
	args := make([]any, len(roundIDs))
	for i, id := range roundIDs {
		args[i] = id
		out[id] = &Result{}
	}
	rows, err := s.DB.Query(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM survey_responses
		WHERE round_id IN (`+marks+`) GROUP BY round_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("survey: results: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		r := &Result{}
		dest := []any{&id, &r.Respondents}
		for i := range NumElements {
			dest = append(dest, &r.sums[i], &r.counts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("survey: results: %w", err)
		}
		out[id] = r
	}
	return out, rows.Err()
}

// Summary is what a round shows: its result, the population used for the
// sample check and the check itself.
type Summary struct {
	Round  *Round
	Result *Result
	Sample Sample
	// FromRecords is true when the population is the people served recorded
	// for the period, false when it is the number staff typed in.
	FromRecords bool
}

// Summarize puts a round's result together with its population: the
// people served that service records count for the period when there are
// any (served > 0), otherwise the number typed in for the round.
func Summarize(r *Round, res *Result, served int64) Summary {
	if res == nil {
		res = &Result{}
	}
	pop, fromRecords := r.Population, false
	if served > 0 {
		pop, fromRecords = served, true
	}
	return Summary{Round: r, Result: res, Sample: CheckSample(res.Respondents, pop), FromRecords: fromRecords}
}

// ProfileCounts counts a round's respondents by each profile question:
// field ("sex", "age", "education", "occupation") → answer → count, with
// "" for those who did not say.
func (s *Store) ProfileCounts(ctx context.Context, roundID int64) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	for field, col := range map[string]string{"sex": "sex", "age": "age_band", "education": "education",
		"occupation": "occupation"} {
		rows, err := s.DB.Query(ctx, `SELECT `+col+`, COUNT(*) FROM survey_responses WHERE round_id = ? GROUP BY `+col, roundID)
		if err != nil {
			return nil, fmt.Errorf("survey: profile: %w", err)
		}
		out[field] = map[string]int{}
		for rows.Next() {
			var v string
			var n int
			if err := rows.Scan(&v, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("survey: profile: %w", err)
			}
			out[field][v] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("survey: profile: %w", err)
		}
	}
	return out, nil
}
