package ledger

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// Why a chain is bad, in Result.Problem.
const (
	ProblemMissing  = "missing entry"  // a seq is absent (a deleted row)
	ProblemLink     = "broken link"    // prev_hash is not the previous entry's hash
	ProblemHash     = "hash mismatch"  // the entry's fields do not give its hash
	ProblemHeadSeq  = "missing tail"   // the stored head is past the last entry
	ProblemHeadHash = "head mismatch"  // the stored head's hash differs from the entry's
	ProblemBadSeq   = "unexpected seq" // a seq below 1
)

// Result is the outcome of checking one organisation's chain.
type Result struct {
	OrgID int64
	OK    bool
	// Entries is how many entries were read.
	Entries int64
	// Head is the last entry's stored hash, Genesis for an empty chain.
	Head string
	// FirstBad is the seq of the first entry that does not check out (for a
	// deleted entry, its seq); nil when OK.
	FirstBad *int64
	// Problem says what is wrong with FirstBad, one of the Problem… values.
	Problem string
}

// Verify recomputes the organisation's chain: seqs 1, 2, 3, … without gaps,
// every prev_hash equal to the previous hash (Genesis first), every hash
// equal to the hash of its canonical encoding, and the stored head equal to
// the entry it names. Entries appended while it runs are checked too, or not
// read at all; they never make a good chain look bad.
func Verify(ctx context.Context, q db.Querier, orgID int64) (Result, error) {
	return verify(ctx, q, orgID, 0)
}

// VerifyUpTo checks the organisation's chain from its first entry to entry
// seq, as Verify does, for a receipt of that entry: an entry verifies when
// it and every entry before it check out, whatever came after. Head is
// entry seq's stored hash.
func VerifyUpTo(ctx context.Context, q db.Querier, orgID, seq int64) (Result, error) {
	return verify(ctx, q, orgID, seq)
}

// verify checks the chain up to entry upTo, or all of it when upTo is 0.
func verify(ctx context.Context, q db.Querier, orgID, upTo int64) (Result, error) {
	res := Result{OrgID: orgID, Head: Genesis}
	// The head first: every entry it names was committed before it, so the
	// entries read next include them.
	headSeq, headHash, err := Head(ctx, q, orgID)
	if err != nil {
		return res, err
	}
	bad := func(seq int64, problem string) {
		if res.FirstBad == nil {
			res.FirstBad, res.Problem = &seq, problem
		}
	}
	query, args := `SELECT `+columns+` FROM ledger_entries e WHERE e.org_id = ?`, []any{orgID}
	if upTo > 0 {
		query, args = query+` AND e.seq <= ?`, append(args, upTo)
	}
	rows, err := q.Query(ctx, query+` ORDER BY e.seq`, args...)
	if err != nil {
		return res, fmt.Errorf("ledger: verify: %w", err)
	}
	defer rows.Close()
	var last int64
	prev := Genesis
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return res, fmt.Errorf("ledger: verify: %w", err)
		}
		res.Entries++
		switch {
		case e.Seq < 1:
			bad(e.Seq, ProblemBadSeq)
		case e.Seq != last+1:
			bad(last+1, ProblemMissing)
		case e.PrevHash != prev:
			bad(e.Seq, ProblemLink)
		case ComputeHash(e) != e.Hash:
			bad(e.Seq, ProblemHash)
		}
		if e.Seq == headSeq && e.Hash != headHash {
			bad(e.Seq, ProblemHeadHash)
		}
		last, prev, res.Head = e.Seq, e.Hash, e.Hash
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("ledger: verify: %w", err)
	}
	switch {
	case upTo > 0 && last < upTo:
		bad(last+1, ProblemMissing)
	case upTo == 0 && headSeq > last:
		bad(last+1, ProblemHeadSeq)
	}
	res.OK = res.FirstBad == nil
	return res, nil
}
