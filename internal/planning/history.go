package planning

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Event is one step in a proposal's rank history.
type Event struct {
	ProposalID int64
	RoundID    int64
	RoundTitle string
	// Event is diperingkat (ranked and planned), didanai (funded) or
	// dipindah (moved forward).
	Event  string
	Rank   int
	Score  int // thousandths
	From   int // 0 when none
	To     int // 0 when beyond the round
	Reason string
	At     time.Time
}

// History is a proposal's rank history across rounds, oldest first.
func (s *Store) History(ctx context.Context, proposalID int64) ([]Event, error) {
	return s.events(ctx, `h.proposal_id = ?`, proposalID)
}

// Moves are a round's carried-over proposals: every move forward, oldest
// first.
func (s *Store) Moves(ctx context.Context, roundID int64) ([]Event, error) {
	return s.events(ctx, `h.round_id = ? AND h.event = 'dipindah'`, roundID)
}

// MovedProposals names the proposals of Moves: id → title.
func (s *Store) MovedProposals(ctx context.Context, roundID int64) (map[int64]string, error) {
	rows, err := s.DB.Query(ctx, `SELECT DISTINCT p.id, p.title FROM proposal_rank_history h JOIN proposals p ON p.id = h.proposal_id
		WHERE h.round_id = ? AND h.event = 'dipindah'`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return nil, err
		}
		out[id] = t
	}
	return out, rows.Err()
}

func (s *Store) events(ctx context.Context, where string, arg int64) ([]Event, error) {
	rows, err := s.DB.Query(ctx, `SELECT h.proposal_id, h.round_id, r.title, h.event, h.rank, h.score_milli, h.from_year, h.to_year,
		h.reason, h.created_at FROM proposal_rank_history h JOIN planning_rounds r ON r.id = h.round_id
		WHERE `+where+` ORDER BY h.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("planning: history: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var pid int64
		var from, to sql.NullInt64
		if err := rows.Scan(&pid, &e.RoundID, &e.RoundTitle, &e.Event, &e.Rank, &e.Score, &from, &to, &e.Reason, &e.At); err != nil {
			return nil, err
		}
		e.From, e.To, e.At = int(from.Int64), int(to.Int64), e.At.UTC()
		e.ProposalID = pid
		out = append(out, e)
	}
	return out, rows.Err()
}
