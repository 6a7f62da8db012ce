package expense

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
	"lokadaya/internal/validate"
)

// SourceType is how ledger entries name an expense they book.
const SourceType = "expense"

// Store keeps expenses.
type Store struct {
	DB     *db.DB
	Policy Policy
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const columns = `id, org_id, amount, category, campaign_id, initiative_id, description, payee, spent_on,
	receipt_key, receipt_type, status, recorded_by, recorded_name, created_at, decided_by, decided_name,
	decided_at, reject_reason, ledger_seq, reversal_seq, reversal_reason`

func scan(sc interface{ Scan(...any) error }) (*Expense, error) {
	e := &Expense{}
	var campaign, initiative, decidedBy, seq, reversal sql.NullInt64
	var receipt sql.NullString
	var decidedAt sql.NullTime
	if err := sc.Scan(&e.ID, &e.OrgID, &e.Amount, &e.Category, &campaign, &initiative, &e.Description, &e.Payee,
		&e.SpentOn, &receipt, &e.ReceiptType, &e.Status, &e.RecordedBy, &e.RecordedName, &e.CreatedAt, &decidedBy,
		&e.DecidedName, &decidedAt, &e.RejectReason, &seq, &reversal, &e.ReversalNote); err != nil {
		return nil, err
	}
	e.CampaignID, e.InitiativeID, e.DecidedBy = campaign.Int64, initiative.Int64, decidedBy.Int64
	e.LedgerSeq, e.ReversalSeq, e.ReceiptKey = seq.Int64, reversal.Int64, receipt.String
	e.CreatedAt = e.CreatedAt.UTC()
	if decidedAt.Valid {
		t := decidedAt.Time.UTC()
		e.DecidedAt = &t
	}
	return e, nil
}

// Get returns the organisation's expense id, or db.ErrNotFound.
func (s *Store) Get(ctx context.Context, orgID, id int64) (*Expense, error) {
	return get(ctx, s.DB, orgID, id)
}

func get(ctx context.Context, q db.Querier, orgID, id int64) (*Expense, error) {
	e, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM expenses WHERE id = ? AND org_id = ?`, id, orgID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("expense: get: %w", err)
	}
	return e, nil
}

// Filter narrows List; empty fields match everything.
type Filter struct {
	Status     string
	Category   string
	CampaignID int64
	// Limit is the most returned (default and at most 200).
	Limit int
}

// List returns the organisation's expenses, newest first.
func (s *Store) List(ctx context.Context, orgID int64, f Filter) ([]*Expense, error) {
	where, args := `org_id = ?`, []any{orgID}
	if f.Status != "" {
		where += ` AND status = ?`
		args = append(args, f.Status)
	}
	if f.Category != "" {
		where += ` AND category = ?`
		args = append(args, f.Category)
	}
	if f.CampaignID != 0 {
		where += ` AND campaign_id = ?`
		args = append(args, f.CampaignID)
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 200
	}
	rows, err := s.DB.Query(ctx, `SELECT `+columns+` FROM expenses WHERE `+where+
		` ORDER BY id DESC LIMIT `+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, fmt.Errorf("expense: list: %w", err)
	}
	defer rows.Close()
	var out []*Expense
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("expense: list: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Receipt is a stored receipt file.
type Receipt struct {
	Key  string // blob key, under "receipts/"
	Type string // content type
}

// Record stores a new expense awaiting approval, checked as of today
// (YYYY-MM-DD in the organisation's zone). It returns validate.Errors for
// a form to correct and a *CapError when the campaign's cap would be
// exceeded counting the other expenses awaiting approval.
func (s *Store) Record(ctx context.Context, orgID int64, in Input, today string, r Receipt, actor Actor) (*Expense, error) {
	in.HasReceipt = r.Key != ""
	if errs := in.Check(today, s.Policy.Receipt()); len(errs) > 0 {
		return nil, errs
	}
	var e *Expense
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		c, err := s.checkTarget(ctx, tx, orgID, in.Category, in.CampaignID, in.InitiativeID)
		if err != nil {
			return err
		}
		if c != nil && IsCapped(in.Category) {
			if err := s.checkCap(ctx, tx, c, in.Amount, 0, true); err != nil {
				return err
			}
		}
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO expenses (org_id, amount, category, campaign_id, initiative_id,
			description, payee, spent_on, receipt_key, receipt_type, status, recorded_by, recorded_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'diajukan', ?, ?, ?) RETURNING id`,
			orgID, in.Amount, in.Category, nullID(in.CampaignID), nullID(in.InitiativeID), in.Description, in.Payee,
			in.SpentOn, nullText(r.Key), r.Type, actor.ID, actor.Name, s.now()).Scan(&id); err != nil {
			return fmt.Errorf("expense: insert: %w", err)
		}
		if e, err = get(ctx, tx, orgID, id); err != nil {
			return err
		}
		return record(ctx, tx, actor, "expense.record", e, fmt.Sprintf("%d %s", e.Amount, e.Category))
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// checkTarget checks that the campaign or initiative is the
// organisation's, and the zakat rule: zakat and infak spending only from a
// zakat and infak campaign, and such a campaign's money only for zakat and
// infak spending. It returns the campaign, nil when none.
func (s *Store) checkTarget(ctx context.Context, q db.Querier, orgID int64, category string, campaignID, initiativeID int64) (*campaignInfo, error) {
	errs := validate.Errors{}
	var c *campaignInfo
	if campaignID != 0 {
		var err error
		c, err = loadCampaign(ctx, q, campaignID)
		if errors.Is(err, db.ErrNotFound) || (err == nil && c.orgID != orgID) {
			errs.Add("campaign", "expense.err.campaign")
			c = nil
		} else if err != nil {
			return nil, err
		}
	}
	if initiativeID != 0 {
		var org int64
		err := q.QueryRow(ctx, `SELECT org_id FROM initiatives WHERE id = ?`, initiativeID).Scan(&org)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && org != orgID) {
			errs.Add("initiative", "expense.err.initiative")
		} else if err != nil {
			return nil, fmt.Errorf("expense: initiative: %w", err)
		}
	}
	zakat := category == string(ledger.CatZakatInfak)
	switch {
	case len(errs) > 0:
	case zakat && (c == nil || !c.zakat):
		errs.Add("category", "expense.err.zakat_only")
	case !zakat && c != nil && c.zakat:
		errs.Add("category", "expense.err.zakat_campaign")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// Approve approves an expense awaiting approval and books it in the
// ledger in the same transaction: kind expense (fee for biaya_platform),
// the amount negated, the payee as counterparty, the receipt, source
// ("expense", id). The checker must not be the maker (ErrSameMaker). A
// second approval, also a concurrent one, gets ErrNotPending and books
// nothing. The cap is checked again against what the ledger holds.
func (s *Store) Approve(ctx context.Context, orgID, id int64, actor Actor) (*Expense, error) {
	var out *Expense
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		e, err := s.claim(ctx, tx, orgID, id, actor)
		if err != nil {
			return err
		}
		if e.CampaignID != 0 && IsCapped(e.Category) {
			c, err := loadCampaign(ctx, tx, e.CampaignID)
			if err != nil {
				return err
			}
			// Approvals charging one campaign queue here, so two of them
			// cannot both fit under the cap that only one fits under.
			if tx.Dialect == db.Postgres {
				if _, err := tx.Exec(ctx, `SELECT id FROM campaigns WHERE id = ? FOR UPDATE`, c.id); err != nil {
					return fmt.Errorf("expense: lock campaign: %w", err)
				}
			}
			if err := s.checkCap(ctx, tx, c, e.Amount, e.ID, false); err != nil {
				return err
			}
		}
		kind := ledger.KindExpense
		if e.Category == string(ledger.CatPlatform) {
			kind = ledger.KindFee
		}
		entry, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: orgID, Kind: kind, Amount: -e.Amount,
			Category: ledger.Category(e.Category), CampaignID: e.CampaignID, InitiativeID: e.InitiativeID,
			Description: e.Description, Counterparty: e.Payee, ReceiptKey: e.ReceiptKey,
			SourceType: SourceType, SourceID: e.ID, RecordedBy: actor.ID})
		if errors.Is(err, ledger.ErrDuplicate) {
			return ErrNotPending
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE expenses SET status = 'disetujui', ledger_seq = ? WHERE id = ?`,
			entry.Seq, e.ID); err != nil {
			return fmt.Errorf("expense: approve: %w", err)
		}
		if out, err = get(ctx, tx, orgID, id); err != nil {
			return err
		}
		return record(ctx, tx, actor, "expense.approve", out, "ledger #"+strconv.FormatInt(entry.Seq, 10))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// claim marks an expense awaiting approval as being decided by actor; the
// conditional UPDATE locks its row, so of two concurrent decisions one
// goes on and the other gets ErrNotPending.
func (s *Store) claim(ctx context.Context, tx *db.Tx, orgID, id int64, actor Actor) (*Expense, error) {
	e, err := get(ctx, tx, orgID, id)
	if err != nil {
		return nil, err
	}
	if e.RecordedBy == actor.ID {
		return nil, ErrSameMaker
	}
	res, err := tx.Exec(ctx, `UPDATE expenses SET decided_by = ?, decided_name = ?, decided_at = ?
		WHERE id = ? AND org_id = ? AND status = 'diajukan'`, actor.ID, actor.Name, s.now(), id, orgID)
	if err != nil {
		return nil, fmt.Errorf("expense: claim: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err != nil {
			return nil, fmt.Errorf("expense: claim: %w", err)
		}
		return nil, ErrNotPending
	}
	return get(ctx, tx, orgID, id)
}

// Reject rejects an expense awaiting approval with a reason; the checker
// must not be the maker.
func (s *Store) Reject(ctx context.Context, orgID, id int64, reason string, actor Actor) error {
	reason, errs := CheckReason(reason)
	if errs != nil {
		return errs
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := s.claim(ctx, tx, orgID, id, actor); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE expenses SET status = 'ditolak', reject_reason = ? WHERE id = ?`, reason, id); err != nil {
			return fmt.Errorf("expense: reject: %w", err)
		}
		e, err := get(ctx, tx, orgID, id)
		if err != nil {
			return err
		}
		return record(ctx, tx, actor, "expense.reject", e, reason)
	})
}

// Correct reverses an approved expense's ledger entry with a reason: the
// only way to correct it. A second correction gets ErrNotCorrectable.
func (s *Store) Correct(ctx context.Context, orgID, id int64, reason string, actor Actor) (*Expense, error) {
	reason, errs := CheckReason(reason)
	if errs != nil {
		return nil, errs
	}
	var out *Expense
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE expenses SET reversal_reason = ?
			WHERE id = ? AND org_id = ? AND status = 'disetujui' AND reversal_seq IS NULL`, reason, id, orgID)
		if err != nil {
			return fmt.Errorf("expense: correct: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if _, gerr := get(ctx, tx, orgID, id); gerr != nil {
				return gerr
			}
			return ErrNotCorrectable
		}
		e, err := get(ctx, tx, orgID, id)
		if err != nil {
			return err
		}
		rev, err := ledger.Reverse(ctx, tx, orgID, e.LedgerSeq, reason, actor.ID)
		if errors.Is(err, ledger.ErrAlreadyReversed) {
			return ErrNotCorrectable
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE expenses SET reversal_seq = ? WHERE id = ?`, rev.Seq, id); err != nil {
			return fmt.Errorf("expense: correct: %w", err)
		}
		if out, err = get(ctx, tx, orgID, id); err != nil {
			return err
		}
		return record(ctx, tx, actor, "expense.correct", out, reason)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetAppeal marks a campaign a general (umum) or disaster (bencana) appeal.
func SetAppeal(ctx context.Context, q db.Querier, campaignID int64, appeal string) error {
	if !ValidAppeal(appeal) {
		return validate.Errors{"appeal": "expense.err.appeal"}
	}
	if _, err := q.Exec(ctx, `UPDATE campaigns SET appeal = ? WHERE id = ?`, appeal, campaignID); err != nil {
		return fmt.Errorf("expense: set appeal: %w", err)
	}
	return nil
}

// AppealOf returns a campaign's appeal kind.
func AppealOf(ctx context.Context, q db.Querier, campaignID int64) (string, error) {
	var a string
	err := q.QueryRow(ctx, `SELECT appeal FROM campaigns WHERE id = ?`, campaignID).Scan(&a)
	if errors.Is(err, sql.ErrNoRows) {
		return "", db.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("expense: appeal: %w", err)
	}
	return a, nil
}

// record writes the audit log entry of an action on e.
func record(ctx context.Context, q db.Querier, actor Actor, action string, e *Expense, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: action,
		TargetType: "expense", TargetID: strconv.FormatInt(e.ID, 10), Detail: detail})
}

func nullID(n int64) any {
	if n <= 0 {
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
