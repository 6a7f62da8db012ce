package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
)

// Append adds e to the end of its organisation's chain inside the caller's
// transaction and returns the stored entry, with its seq, time, prev_hash and
// hash set. A zero RecordedAt means now. CampaignID, when set, must be one of
// the organisation's campaigns and fills InitiativeID when that is 0.
//
// It returns an error wrapping ErrInvalid for a malformed entry,
// db.ErrNotFound for an unknown organisation (or reversed entry),
// ErrDuplicate when the source is already booked with this kind, and for a
// reversal ErrAlreadyReversed or ErrNotReversible. On an error the caller
// should roll its transaction back.
func Append(ctx context.Context, tx *db.Tx, e Entry) (*Entry, error) {
	normalize(&e)
	if err := validate(&e); err != nil {
		return nil, err
	}
	// A campaign or initiative of the organisation proves it exists
	// (their foreign keys): a donation's entry needs no look-up of its own.
	known, err := checkLinks(ctx, tx, &e)
	if !known {
		var exists int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM organizations WHERE id = ?`, e.OrgID).Scan(&exists); err != nil {
			return nil, fmt.Errorf("ledger: organisation: %w", err)
		}
		if exists == 0 {
			return nil, db.ErrNotFound
		}
	}
	if err != nil {
		return nil, err
	}
	seq, prev, err := lockHead(ctx, tx, e.OrgID)
	if err != nil {
		return nil, err
	}
	// Under the organisation's lock: the checks below cannot race with
	// another append to the same chain. The unique constraints stay as the
	// last word.
	if e.SourceType != "" {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries
			WHERE source_type = ? AND source_id = ? AND kind = ?`, e.SourceType, e.SourceID, string(e.Kind)).Scan(&n); err != nil {
			return nil, fmt.Errorf("ledger: source: %w", err)
		}
		if n > 0 {
			return nil, ErrDuplicate
		}
	}
	if e.Kind == KindReversal {
		if err := checkReversal(ctx, tx, &e); err != nil {
			return nil, err
		}
	}
	if e.RecordedAt.IsZero() {
		e.RecordedAt = db.Now()
	}
	e.Seq, e.PrevHash = seq+1, prev
	e.Hash = ComputeHash(&e)
	if _, err := tx.Exec(ctx, `INSERT INTO ledger_entries (org_id, seq, recorded_at, kind, amount, category,
		campaign_id, initiative_id, description, counterparty, receipt_key, source_type, source_id,
		reverses_seq, recorded_by, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.OrgID, e.Seq, e.RecordedAt, string(e.Kind), e.Amount, string(e.Category),
		nullID(e.CampaignID), nullID(e.InitiativeID), e.Description, e.Counterparty, nullText(e.ReceiptKey),
		nullText(e.SourceType), nullID(e.SourceID), nullID(e.ReversesSeq), nullID(e.RecordedBy),
		e.PrevHash, e.Hash); err != nil {
		if db.IsUniqueViolation(err) && e.SourceType != "" {
			return nil, ErrDuplicate
		}
		return nil, fmt.Errorf("ledger: insert: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE ledger_heads SET seq = ?, hash = ?, updated_at = ? WHERE org_id = ?`,
		e.Seq, e.Hash, db.Now(), e.OrgID); err != nil {
		return nil, fmt.Errorf("ledger: head: %w", err)
	}
	return &e, nil
}

// Reverse appends an entry that cancels entry seq of the organisation: same
// category, campaign, initiative and counterparty, the amount negated, with
// reason as its description. actor is the recording user (0 for none). An
// entry is reversed at most once: a second call returns ErrAlreadyReversed.
func Reverse(ctx context.Context, tx *db.Tx, orgID, seq int64, reason string, actor int64) (*Entry, error) {
	orig, err := Get(ctx, tx, orgID, seq)
	if err != nil {
		return nil, err
	}
	return Append(ctx, tx, Entry{OrgID: orgID, Kind: KindReversal, Amount: -orig.Amount, Category: orig.Category,
		CampaignID: orig.CampaignID, InitiativeID: orig.InitiativeID, Description: reason,
		Counterparty: orig.Counterparty, ReversesSeq: seq, RecordedBy: actor})
}

// lockHead locks the organisation's chain for the rest of the transaction
// and returns its last seq and hash (0 and Genesis for an empty chain).
func lockHead(ctx context.Context, tx *db.Tx, orgID int64) (int64, string, error) {
	q := `SELECT seq, hash FROM ledger_heads WHERE org_id = ?`
	if tx.Dialect == db.Postgres {
		q += ` FOR UPDATE`
	}
	var seq int64
	var hash string
	err := tx.QueryRow(ctx, q, orgID).Scan(&seq, &hash)
	if err == nil {
		return seq, hash, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("ledger: lock head: %w", err)
	}
	// No head yet: start it from the chain as stored (empty for a new
	// organisation). Concurrent first appends both try; one insert wins and
	// the other waits for it on the unique key, then locks the winner's row.
	seq, hash = 0, Genesis
	err = tx.QueryRow(ctx, `SELECT seq, hash FROM ledger_entries WHERE org_id = ? ORDER BY seq DESC LIMIT 1`, orgID).Scan(&seq, &hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("ledger: last entry: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO ledger_heads (org_id, seq, hash, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (org_id) DO NOTHING`, orgID, seq, hash, db.Now()); err != nil {
		return 0, "", fmt.Errorf("ledger: new head: %w", err)
	}
	if err := tx.QueryRow(ctx, q, orgID).Scan(&seq, &hash); err != nil {
		return 0, "", fmt.Errorf("ledger: lock head: %w", err)
	}
	return seq, hash, nil
}

// checkLinks checks that the campaign and initiative belong to the
// organisation, and fills the initiative from the campaign. known reports
// that they do, and so that the organisation exists.
func checkLinks(ctx context.Context, tx *db.Tx, e *Entry) (known bool, err error) {
	if e.CampaignID != 0 {
		// The campaign and its initiative in one read.
		var org, ini, iniOrg int64
		err := tx.QueryRow(ctx, `SELECT c.org_id, c.initiative_id, i.org_id FROM campaigns c
			JOIN initiatives i ON i.id = c.initiative_id WHERE c.id = ?`, e.CampaignID).Scan(&org, &ini, &iniOrg)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && org != e.OrgID) {
			return false, invalid("campaign %d is not the organisation's", e.CampaignID)
		}
		if err != nil {
			return false, fmt.Errorf("ledger: campaign: %w", err)
		}
		if e.InitiativeID == 0 {
			e.InitiativeID = ini
		} else if e.InitiativeID != ini {
			return false, invalid("campaign %d belongs to another initiative", e.CampaignID)
		}
		if iniOrg != e.OrgID {
			return false, invalid("initiative %d is not the organisation's", e.InitiativeID)
		}
		return true, nil
	}
	if e.InitiativeID != 0 {
		var org int64
		err := tx.QueryRow(ctx, `SELECT org_id FROM initiatives WHERE id = ?`, e.InitiativeID).Scan(&org)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && org != e.OrgID) {
			return false, invalid("initiative %d is not the organisation's", e.InitiativeID)
		}
		if err != nil {
			return false, fmt.Errorf("ledger: initiative: %w", err)
		}
		return true, nil
	}
	return false, nil
}

// checkReversal checks a reversal against the entry it reverses.
func checkReversal(ctx context.Context, tx *db.Tx, e *Entry) error {
	orig, err := Get(ctx, tx, e.OrgID, e.ReversesSeq)
	if err != nil {
		return err
	}
	if orig.Kind == KindReversal {
		return ErrNotReversible
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE org_id = ? AND reverses_seq = ?`,
		e.OrgID, e.ReversesSeq).Scan(&n); err != nil {
		return fmt.Errorf("ledger: reversal: %w", err)
	}
	if n > 0 {
		return ErrAlreadyReversed
	}
	if e.Amount != -orig.Amount || e.Category != orig.Category ||
		e.CampaignID != orig.CampaignID || e.InitiativeID != orig.InitiativeID {
		return invalid("a reversal negates the amount and keeps the category, campaign and initiative")
	}
	return nil
}

func nullID(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}
