package planning

import (
	"context"
	"database/sql"
	"fmt"
)

// Entry is a proposal in a round, with its scores so far by group and
// combined (thousandths of a point on the 1–5 scale), and once the round
// is settled its place in the result.
type Entry struct {
	ProposalID   int64
	Title        string
	RegionCode   string
	ProposerName string
	Cost         int64
	Supporters   int
	// Groups is the weighted score of each group that scored.
	Groups map[string]int
	// Scorers counts the participants who scored it, by group.
	Scorers map[string]int
	// Means is each group's mean score on each criterion (thousandths).
	Means    map[string]map[int64]int
	Combined int

	// The result, once settled.
	Rank      int
	Year      int // planned year; 0 beyond the round
	FirstYear int // the year first planned at settlement; 0 beyond
	Funded    bool
}

// GroupScore is a group's score, and whether it scored at all.
func (e *Entry) GroupScore(group string) (int, bool) {
	m, ok := e.Groups[group]
	return m, ok
}

// Carried reports whether the proposal moved past the year first planned.
func (e *Entry) Carried() bool { return e.FirstYear != 0 && e.Year != e.FirstYear && !e.Funded }

// Entries lists the round's proposals with their scores, in rank order
// once settled (else by combined score so far).
func (s *Store) Entries(ctx context.Context, r *Round) ([]*Entry, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.id, p.title, p.region_code, COALESCE(u.name, ''), COALESCE(p.cost, 0),
		(SELECT COUNT(*) FROM proposal_supports x WHERE x.proposal_id = p.id),
		COALESCE(res.rank, 0), res.planned_year, res.first_year, COALESCE(res.funded, FALSE)
		FROM planning_entries e JOIN proposals p ON p.id = e.proposal_id LEFT JOIN users u ON u.id = p.proposer_id
		LEFT JOIN planning_results res ON res.round_id = e.round_id AND res.proposal_id = e.proposal_id
		WHERE e.round_id = ? ORDER BY p.id`, r.ID)
	if err != nil {
		return nil, fmt.Errorf("planning: entries: %w", err)
	}
	var list []*Entry
	byID := map[int64]*Entry{}
	for rows.Next() {
		e := &Entry{Groups: map[string]int{}, Scorers: map[string]int{}, Means: map[string]map[int64]int{}}
		var planned, first sql.NullInt64
		if err := rows.Scan(&e.ProposalID, &e.Title, &e.RegionCode, &e.ProposerName, &e.Cost, &e.Supporters,
			&e.Rank, &planned, &first, &e.Funded); err != nil {
			rows.Close()
			return nil, err
		}
		e.Year, e.FirstYear = int(planned.Int64), int(first.Int64)
		list = append(list, e)
		byID[e.ProposalID] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.tallyInto(ctx, r, byID); err != nil {
		return nil, err
	}
	order := make([]*ranked, len(list))
	for i, e := range list {
		order[i] = &ranked{ProposalID: e.ProposalID, Score: e.Combined, Supporters: e.Supporters, Rank: e.Rank}
	}
	if r.Status != StatusSettled {
		rankOrder(order)
	} else {
		sortByRank(order)
	}
	out := make([]*Entry, len(list))
	for i, x := range order {
		out[i] = byID[x.ProposalID]
	}
	return out, nil
}

// tallyInto sums the round's scores into its entries.
func (s *Store) tallyInto(ctx context.Context, r *Round, byID map[int64]*Entry) error {
	rows, err := s.DB.Query(ctx, `SELECT proposal_id, criterion_id, grp, score, user_id FROM planning_scores
		WHERE round_id = ?`, r.ID)
	if err != nil {
		return fmt.Errorf("planning: scores: %w", err)
	}
	defer rows.Close()
	tallies := map[int64]*tally{}
	scorers := map[int64]map[string]map[int64]bool{}
	for rows.Next() {
		var pid, cid, uid int64
		var grp string
		var score int
		if err := rows.Scan(&pid, &cid, &grp, &score, &uid); err != nil {
			return err
		}
		if tallies[pid] == nil {
			tallies[pid], scorers[pid] = newTally(), map[string]map[int64]bool{}
		}
		tallies[pid].add(grp, cid, score)
		if scorers[pid][grp] == nil {
			scorers[pid][grp] = map[int64]bool{}
		}
		scorers[pid][grp][uid] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for pid, t := range tallies {
		e := byID[pid]
		if e == nil {
			continue
		}
		for _, g := range Groups {
			if m, ok := t.groupMilli(g, r.Criteria); ok {
				e.Groups[g] = m
				e.Scorers[g] = len(scorers[pid][g])
				e.Means[g] = map[int64]int{}
				for _, c := range r.Criteria {
					if n := t.count[g][c.ID]; n > 0 {
						e.Means[g][c.ID] = 1000 * t.sum[g][c.ID] / n
					}
				}
			}
		}
		e.Combined = combinedMilli(e.Groups)
	}
	return nil
}
