package planning

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
)

// Reasons a proposal moved forward, as stored in its history.
const (
	ReasonNotFunded = "not_funded" // its year did not fund it
	ReasonCeiling   = "ceiling"    // higher-ranked proposals carried into its year filled the ceiling
)

// Settle ranks the round's proposals by their combined scores and splits
// the list into the round's years within each year's ceiling; each
// proposer is told by e-mail where their proposal stands. baseURL roots
// the links in the e-mails.
func (s *Store) Settle(ctx context.Context, r *Round, baseURL string) error {
	if r.Status != StatusScoring {
		return ErrNotScoring
	}
	entries, err := s.Entries(ctx, r)
	if err != nil {
		return err
	}
	list, scored := rankedFrom(entries), false
	for _, e := range entries {
		scored = scored || len(e.Groups) > 0
	}
	if !scored {
		return ErrNoScores
	}
	rankOrder(list)
	place(list, r.Ceilings, r.FirstYear)
	titles := titlesOf(entries)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		res, err := tx.Exec(ctx, `UPDATE planning_rounds SET status = ?, settled_at = ?, updated_at = ? WHERE id = ? AND status = ?`,
			StatusSettled, now, now, r.ID, StatusScoring)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrNotScoring
		}
		for _, x := range list {
			if _, err := tx.Exec(ctx, `INSERT INTO planning_results (round_id, proposal_id, rank, score_milli, cost,
				planned_year, first_year) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				r.ID, x.ProposalID, x.Rank, x.Score, x.Cost, nullYear(x.Year), nullYear(x.Year)); err != nil {
				return err
			}
			if err := s.record(ctx, tx, r, x, "diperingkat", 0, x.Year, ""); err != nil {
				return err
			}
			key, args := "round.mail.planned", []any{titles[x.ProposalID], x.Rank, score(x.Score), x.Year}
			if x.Year == 0 {
				key, args = "round.mail.beyond", []any{titles[x.ProposalID], x.Rank, score(x.Score), r.Period()}
			}
			if err := s.tell(ctx, tx, r, x.ProposalID, baseURL, key, args...); err != nil {
				return err
			}
		}
		return nil
	})
}

// DecideYear records which of the proposals planned for year were funded.
// Those not funded move forward: the years after are planned again, in
// rank order, so a proposal carried forward keeps its place ahead of those
// ranked below it; one that no longer fits the round waits for the next
// round. Every proposer whose proposal was funded or moved is told why.
// Years are decided in order, each once.
func (s *Store) DecideYear(ctx context.Context, r *Round, year int, funded map[int64]bool, baseURL string) error {
	if r.Status != StatusSettled {
		return ErrNotSettled
	}
	if year < r.FirstYear || year > r.LastYear() || r.YearDecided(year) {
		return ErrYearDecided
	}
	for y := r.FirstYear; y < year; y++ {
		if !r.YearDecided(y) {
			return ErrYearOrder
		}
	}
	entries, err := s.Entries(ctx, r)
	if err != nil {
		return err
	}
	list := rankedFrom(entries)
	before := map[int64]int{}
	for _, x := range list {
		before[x.ProposalID] = x.Year
	}
	for id := range funded {
		if before[id] != year {
			return ErrNotInRound
		}
	}
	for _, x := range list {
		if funded[x.ProposalID] {
			x.Funded = true
		}
	}
	place(list, r.Ceilings, year+1)
	titles := titlesOf(entries)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE planning_years SET decided_at = ? WHERE round_id = ? AND year = ? AND decided_at IS NULL`,
			s.now(), r.ID, year)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrYearDecided
		}
		for _, x := range list {
			if err := s.settleOne(ctx, tx, r, x, year, before[x.ProposalID], titles[x.ProposalID], baseURL); err != nil {
				return err
			}
		}
		return nil
	})
}

// settleOne stores one proposal's outcome of a year's decision, records
// it in the proposal's history and tells the proposer.
func (s *Store) settleOne(ctx context.Context, tx *db.Tx, r *Round, x *ranked, year, was int, title, baseURL string) error {
	switch {
	case x.Funded && was == year:
		if _, err := tx.Exec(ctx, `UPDATE planning_results SET funded = TRUE WHERE round_id = ? AND proposal_id = ? AND funded = FALSE`,
			r.ID, x.ProposalID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE proposals SET status = 'didanai', updated_at = ? WHERE id = ?`, s.now(), x.ProposalID); err != nil {
			return err
		}
		if err := s.record(ctx, tx, r, x, "didanai", year, year, ""); err != nil {
			return err
		}
		return s.tell(ctx, tx, r, x.ProposalID, baseURL, "round.mail.funded", title, year)
	case !x.Funded && x.Year != was:
		if _, err := tx.Exec(ctx, `UPDATE planning_results SET planned_year = ? WHERE round_id = ? AND proposal_id = ?`,
			nullYear(x.Year), r.ID, x.ProposalID); err != nil {
			return err
		}
		reason := ReasonCeiling
		if was == year {
			reason = ReasonNotFunded
		}
		if err := s.record(ctx, tx, r, x, "dipindah", was, x.Year, reason); err != nil {
			return err
		}
		if x.Year == 0 {
			return s.tell(ctx, tx, r, x.ProposalID, baseURL, "round.mail.moved_beyond", title, was, x.Rank, r.Period())
		}
		return s.tell(ctx, tx, r, x.ProposalID, baseURL, "round.mail.moved", title, was, x.Year, x.Rank)
	}
	return nil
}

// record adds an event to a proposal's rank history.
func (s *Store) record(ctx context.Context, tx *db.Tx, r *Round, x *ranked, event string, from, to int, reason string) error {
	_, err := tx.Exec(ctx, `INSERT INTO proposal_rank_history (proposal_id, round_id, event, rank, score_milli,
		from_year, to_year, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		x.ProposalID, r.ID, event, x.Rank, x.Score, nullYear(from), nullYear(to), reason, s.now())
	return err
}

// tell queues an e-mail to the proposal's proposer, in their language,
// within the transaction that decided: it is sent if and only if the
// decision holds. A proposal whose proposer left gets none.
func (s *Store) tell(ctx context.Context, tx *db.Tx, r *Round, proposalID int64, baseURL, key string, args ...any) error {
	var email, name, locale string
	err := tx.QueryRow(ctx, `SELECT u.email, u.name, u.locale FROM proposals p JOIN users u ON u.id = p.proposer_id
		WHERE p.id = ?`, proposalID).Scan(&email, &name, &locale)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // no proposer to tell
	}
	if err != nil {
		return err
	}
	l := i18n.Parse(locale)
	base := strings.TrimRight(baseURL, "/")
	var b strings.Builder
	b.WriteString(i18n.T(l, "notify.mail.hello", name) + "\n\n")
	b.WriteString(i18n.T(l, key, args...) + "\n\n")
	b.WriteString(i18n.T(l, "round.mail.links") + "\n")
	b.WriteString(base + "/usulan/" + strconv.FormatInt(proposalID, 10) + "\n")
	b.WriteString(base + Path(r.ID) + "\n")
	return mail.Queue(ctx, tx, mail.Message{To: email, Subject: i18n.T(l, "round.mail.subject", r.Title), Text: b.String()})
}

// Path is a round's page.
func Path(id int64) string { return "/perencanaan/" + strconv.FormatInt(id, 10) }

func rankedFrom(entries []*Entry) []*ranked {
	list := make([]*ranked, len(entries))
	for i, e := range entries {
		list[i] = &ranked{ProposalID: e.ProposalID, Score: e.Combined, Cost: e.Cost, Supporters: e.Supporters,
			Rank: e.Rank, Year: e.Year, Funded: e.Funded}
	}
	return list
}

func titlesOf(entries []*Entry) map[int64]string {
	m := make(map[int64]string, len(entries))
	for _, e := range entries {
		m[e.ProposalID] = e.Title
	}
	return m
}

func nullYear(y int) any {
	if y == 0 {
		return nil
	}
	return y
}

// score writes thousandths of a point as people read a score: "3,25".
func score(milli int) string { return FormatScore(milli) }

// FormatScore writes a score kept in thousandths with two decimals and an
// Indonesian decimal comma: 3250 → "3,25".
func FormatScore(milli int) string {
	hundredths := (milli + 5) / 10
	return fmt.Sprintf("%d,%02d", hundredths/100, hundredths%100)
}
