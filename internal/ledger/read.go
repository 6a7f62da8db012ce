package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// columns are an entry's columns in the order scanEntry reads them.
const columns = `e.org_id, e.seq, e.recorded_at, e.kind, e.amount, e.category, e.campaign_id, e.initiative_id,
	e.description, e.counterparty, e.receipt_key, e.source_type, e.source_id, e.reverses_seq, e.recorded_by,
	e.prev_hash, e.hash`

type scanner interface{ Scan(dest ...any) error }

func scanEntry(s scanner, extra ...any) (*Entry, error) {
	var e Entry
	var kind, cat string
	var campaign, initiative, sourceID, reverses, by sql.NullInt64
	var receipt, sourceType sql.NullString
	dest := append([]any{&e.OrgID, &e.Seq, &e.RecordedAt, &kind, &e.Amount, &cat, &campaign, &initiative,
		&e.Description, &e.Counterparty, &receipt, &sourceType, &sourceID, &reverses, &by,
		&e.PrevHash, &e.Hash}, extra...)
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	e.RecordedAt = e.RecordedAt.UTC()
	e.Kind, e.Category = Kind(kind), Category(cat)
	e.CampaignID, e.InitiativeID = campaign.Int64, initiative.Int64
	e.ReceiptKey, e.SourceType, e.SourceID = receipt.String, sourceType.String, sourceID.Int64
	e.ReversesSeq, e.RecordedBy = reverses.Int64, by.Int64
	return &e, nil
}

// Get returns entry seq of the organisation, or db.ErrNotFound.
func Get(ctx context.Context, q db.Querier, orgID, seq int64) (*Entry, error) {
	e, err := scanEntry(q.QueryRow(ctx, `SELECT `+columns+` FROM ledger_entries e WHERE e.org_id = ? AND e.seq = ?`, orgID, seq))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("ledger: get: %w", err)
	}
	return e, nil
}

// BySource returns the entry of the given kind that books the source, or
// db.ErrNotFound. Callers use it to find, for example, a donation's entry in
// order to reverse it.
func BySource(ctx context.Context, q db.Querier, sourceType string, sourceID int64, kind Kind) (*Entry, error) {
	e, err := scanEntry(q.QueryRow(ctx, `SELECT `+columns+` FROM ledger_entries e
		WHERE e.source_type = ? AND e.source_id = ? AND e.kind = ?`, sourceType, sourceID, string(kind)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("ledger: by source: %w", err)
	}
	return e, nil
}

// ReversedBy returns the seq of the entry that reverses entry seq, or 0.
func ReversedBy(ctx context.Context, q db.Querier, orgID, seq int64) (int64, error) {
	var by int64
	err := q.QueryRow(ctx, `SELECT seq FROM ledger_entries WHERE org_id = ? AND reverses_seq = ?`, orgID, seq).Scan(&by)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("ledger: reversed by: %w", err)
	}
	return by, nil
}

// Head returns the organisation's stored chain head: the last seq and its
// hash, or 0 and Genesis when it has no entries.
func Head(ctx context.Context, q db.Querier, orgID int64) (int64, string, error) {
	var seq int64
	var hash string
	err := q.QueryRow(ctx, `SELECT seq, hash FROM ledger_heads WHERE org_id = ?`, orgID).Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, Genesis, nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("ledger: head: %w", err)
	}
	return seq, hash, nil
}

// Orgs returns the ids of the organisations that have a chain, in id order.
func Orgs(ctx context.Context, q db.Querier) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT org_id FROM ledger_heads
		UNION SELECT DISTINCT org_id FROM ledger_entries ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("ledger: orgs: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Listed is an entry as the public list shows it, with the slugs of its
// campaign and initiative ("" when none).
type Listed struct {
	Entry
	CampaignSlug   string
	InitiativeSlug string
}

// ListOptions selects a page of an organisation's entries in seq order.
type ListOptions struct {
	OrgID int64
	// From and To bound the recorded time: From ≤ t < To; zero is open.
	From, To time.Time
	// After is the last seq of the previous page (the cursor).
	After int64
	// Limit is the page size: 100 when 0, at most 500.
	Limit int
}

// List returns a page of entries, oldest first, and the cursor of the next
// page (0 on the last page).
func List(ctx context.Context, q db.Querier, opt ListOptions) ([]Listed, int64, error) {
	if opt.Limit <= 0 {
		opt.Limit = 100
	}
	opt.Limit = min(opt.Limit, 500)
	where, args := `e.org_id = ? AND e.seq > ?`, []any{opt.OrgID, opt.After}
	if !opt.From.IsZero() {
		where += ` AND e.recorded_at >= ?`
		args = append(args, opt.From.UTC())
	}
	if !opt.To.IsZero() {
		where += ` AND e.recorded_at < ?`
		args = append(args, opt.To.UTC())
	}
	rows, err := q.Query(ctx, `SELECT `+columns+`, COALESCE(c.slug, ''), COALESCE(i.slug, '')
		FROM ledger_entries e
		LEFT JOIN campaigns c ON c.id = e.campaign_id
		LEFT JOIN initiatives i ON i.id = e.initiative_id
		WHERE `+where+` ORDER BY e.seq LIMIT ?`, append(args, opt.Limit+1)...)
	if err != nil {
		return nil, 0, fmt.Errorf("ledger: list: %w", err)
	}
	defer rows.Close()
	var out []Listed
	for rows.Next() {
		var l Listed
		e, err := scanEntry(rows, &l.CampaignSlug, &l.InitiativeSlug)
		if err != nil {
			return nil, 0, fmt.Errorf("ledger: list: %w", err)
		}
		l.Entry = *e
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("ledger: list: %w", err)
	}
	var next int64
	if len(out) > opt.Limit {
		out = out[:opt.Limit]
		next = out[len(out)-1].Seq
	}
	return out, next, nil
}
