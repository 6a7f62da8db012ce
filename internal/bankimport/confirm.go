package bankimport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/bankstatement"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
)

// What a credit line is, in a preview.
const (
	RowMatch     = "match"     // pays one pending donation
	RowAmbiguous = "ambiguous" // could pay several: a person chooses on the donations page
	RowUnmatched = "unmatched" // pays no pending donation ("tidak cocok")
	RowImported  = "imported"  // imported before: changes nothing
	RowRecorded  = "recorded"  // recorded by this (confirmed) import
	RowPending   = "pending"   // not yet posted by the bank: waits for a later statement
)

// Row is one credit line of a preview.
type Row struct {
	Number      int
	Date        time.Time
	Description string
	Amount      int64
	State       string
	// Donation is the donation the line pays (RowMatch) or confirmed
	// (RowRecorded, when it confirmed one).
	Donation    *donation.Donation
	Candidates  []*donation.Donation // RowAmbiguous
	fingerprint string
}

// Preview is what confirming an import would do (or, once confirmed,
// what it did).
type Preview struct {
	Import                                 *Import
	Rows                                   []Row // credit lines in file order
	Debits                                 int   // debit lines, ignored
	Matched, Ambiguous, Unmatched, Already int
	// Pending counts the credits the bank has not posted yet: shown, never
	// matched or recorded, so a later statement with them settled does.
	Pending int
	// Format is the export format the file was read as ("" once confirmed:
	// the file is no longer kept).
	Format bankstatement.Format
}

// Preview shows what confirming imp would do now; it changes nothing.
// A confirmed import shows the lines it recorded.
func (s *Store) Preview(ctx context.Context, imp *Import) (*Preview, error) {
	if !imp.Pending() {
		return s.recorded(ctx, imp)
	}
	st, err := s.reread(ctx, imp)
	if err != nil {
		return nil, err
	}
	return s.preview(ctx, s.DB, imp, st)
}

// reread parses the stored file again, for the bank and as of the time it
// was uploaded, so it reads exactly as it did then.
func (s *Store) reread(ctx context.Context, imp *Import) (*bankstatement.Statement, error) {
	st, err := bankstatement.ParseAt(imp.Bank, bytes.NewReader(imp.content), imp.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("bankimport: stored file %s: %w", imp.ID, err)
	}
	return st, nil
}

// plan is the matching of a statement's new credits against the
// account's open donations.
type plan struct {
	rows  []Row
	pairs map[string]int64 // fingerprint → donation id
	p     *Preview
}

func (s *Store) preview(ctx context.Context, q db.Querier, imp *Import, st *bankstatement.Statement) (*Preview, error) {
	pl, err := s.plan(ctx, q, imp, st)
	if err != nil {
		return nil, err
	}
	return pl.p, nil
}

func (s *Store) plan(ctx context.Context, q db.Querier, imp *Import, st *bankstatement.Statement) (*plan, error) {
	seen, err := imported(ctx, q, imp.BankAccountID, st)
	if err != nil {
		return nil, err
	}
	var fresh []bankstatement.Line
	for _, l := range st.Credits() {
		if !seen[l.Fingerprint] {
			fresh = append(fresh, l)
		}
	}
	open, err := s.open(ctx, q, imp, st)
	if err != nil {
		return nil, err
	}
	pending := make([]bankstatement.Pending, 0, len(open))
	byID := map[int64]*donation.Donation{}
	for _, d := range open {
		pending = append(pending, bankstatement.Pending{ID: d.ID, Amount: d.Amount, CreatedAt: d.CreatedAt, ExpiresAt: d.ExpiresAt})
		byID[d.ID] = d
	}
	m := bankstatement.Match(fresh, pending, s.window())
	pl := &plan{pairs: map[string]int64{}, p: &Preview{Import: imp, Format: st.Format}}
	state := map[string]Row{}
	for _, x := range m.Pairs {
		pl.pairs[x.Line.Fingerprint] = x.Donation.ID
		state[x.Line.Fingerprint] = Row{State: RowMatch, Donation: byID[x.Donation.ID]}
	}
	for _, x := range m.Ambiguous {
		r := Row{State: RowAmbiguous}
		for _, c := range x.Candidates {
			r.Candidates = append(r.Candidates, byID[c.ID])
		}
		state[x.Line.Fingerprint] = r
	}
	for _, l := range st.Lines {
		if l.Amount <= 0 {
			pl.p.Debits++
			continue
		}
		r, ok := state[l.Fingerprint]
		switch {
		case l.Pending:
			r.State = RowPending
			pl.p.Pending++
		case seen[l.Fingerprint]:
			r.State = RowImported
			pl.p.Already++
		case !ok:
			r.State = RowUnmatched
			pl.p.Unmatched++
		case r.State == RowMatch:
			pl.p.Matched++
		default:
			pl.p.Ambiguous++
		}
		r.Number, r.Date, r.Description, r.Amount, r.fingerprint = l.Number, l.Date, l.Description, l.Amount, l.Fingerprint
		pl.p.Rows = append(pl.p.Rows, r)
	}
	pl.rows = pl.p.Rows
	return pl, nil
}

// imported is the set of the statement's fingerprints the account already
// holds.
func imported(ctx context.Context, q db.Querier, accountID int64, st *bankstatement.Statement) (map[string]bool, error) {
	seen := map[string]bool{}
	credits := st.Credits()
	for start := 0; start < len(credits); start += 200 {
		chunk := credits[start:min(start+200, len(credits))]
		args := []any{accountID}
		marks := make([]string, len(chunk))
		for i, l := range chunk {
			args = append(args, l.Fingerprint)
			marks[i] = "?"
		}
		rows, err := q.Query(ctx, `SELECT fingerprint FROM bank_statement_lines WHERE bank_account_id = ? AND fingerprint IN (`+
			strings.Join(marks, ", ")+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("bankimport: imported lines: %w", err)
		}
		for rows.Next() {
			var f string
			if err := rows.Scan(&f); err != nil {
				rows.Close()
				return nil, fmt.Errorf("bankimport: imported lines: %w", err)
			}
			seen[f] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("bankimport: imported lines: %w", err)
		}
	}
	return seen, nil
}

// open lists the transfers to the account that the statement's lines
// could pay: created before the statement ends and not expired long before
// it starts.
func (s *Store) open(ctx context.Context, q db.Querier, imp *Import, st *bankstatement.Statement) ([]*donation.Donation, error) {
	return s.Donations.OpenTransfers(ctx, q, imp.OrgID, imp.BankAccountID,
		st.From.Add(-s.window()-24*time.Hour), st.To.Add(48*time.Hour))
}

// Result is what a confirmation did.
type Result struct {
	New       int // credit lines recorded
	Matched   int // of which paired with a donation
	Confirmed int // donations confirmed
}

// Confirm applies the organisation's pending import id in one
// transaction: it records every credit line not yet imported into the
// account and confirms the pending donations those lines pay, matched
// afresh against the donations as they are now. A second confirmation is
// ErrConfirmed and changes nothing; lines another import recorded
// meanwhile are skipped, and a donation settled meanwhile stays as it is.
func (s *Store) Confirm(ctx context.Context, orgID int64, id string, actor Actor) (*Result, error) {
	res := &Result{}
	var confirmed []*donation.Donation
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		confirmed = confirmed[:0]
		now := s.now()
		// Claiming the import first makes a concurrent second confirmation
		// wait here, then find it confirmed.
		r, err := tx.Exec(ctx, `UPDATE bank_statement_imports SET status = 'confirmed', confirmed_by = ?,
			confirmed_by_name = ?, confirmed_at = ? WHERE id = ? AND org_id = ? AND status = 'pending'`,
			actorID(actor), actor.Name, now, id, orgID)
		if err != nil {
			return fmt.Errorf("bankimport: confirm: %w", err)
		}
		if n, err := r.RowsAffected(); err != nil {
			return fmt.Errorf("bankimport: confirm: %w", err)
		} else if n == 0 {
			if _, err := s.get(ctx, tx, orgID, id); err != nil {
				return err
			}
			return ErrConfirmed
		}
		imp, err := s.get(ctx, tx, orgID, id)
		if err != nil {
			return err
		}
		st, err := s.reread(ctx, imp)
		if err != nil {
			return err
		}
		pl, err := s.plan(ctx, tx, imp, st)
		if err != nil {
			return err
		}
		if err := lockTotals(ctx, tx, pl.pairs); err != nil {
			return err
		}
		for _, row := range pl.rows {
			if row.State == RowImported || row.State == RowPending {
				continue
			}
			d, err := s.apply(ctx, tx, imp, row, pl.pairs, actor, res)
			if err != nil {
				return err
			}
			if d != nil {
				confirmed = append(confirmed, d)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE bank_statement_imports SET content = NULL, matched_count = ?, new_count = ?,
			confirmed_count = ? WHERE id = ?`, res.Matched, res.New, res.Confirmed, id); err != nil {
			return fmt.Errorf("bankimport: confirm: %w", err)
		}
		return record(ctx, tx, actor, "bankimport.confirm", imp, fmt.Sprintf("lines=%d confirmed=%d", res.New, res.Confirmed))
	})
	if err != nil {
		return nil, err
	}
	for _, d := range confirmed {
		s.Donations.ObserveConfirmed(d)
	}
	return res, nil
}

// lockTotals takes, on PostgreSQL, the running totals of every campaign
// the import may confirm a donation in, in campaign order, before the
// first confirmation. A confirmation takes its campaign's totals, then
// its organisation's; confirming in a second campaign, the import would
// hold the organisation's while waiting for that campaign's, held by a
// gateway notification waiting for the organisation's: a deadlock, which
// PostgreSQL breaks by aborting the import.
func lockTotals(ctx context.Context, tx *db.Tx, pairs map[string]int64) error {
	if tx.Dialect != db.Postgres || len(pairs) < 2 {
		return nil
	}
	ids := make([]any, 0, len(pairs))
	for _, id := range pairs {
		ids = append(ids, id)
	}
	_, err := tx.Exec(ctx, `SELECT m.campaign_id FROM campaign_money m WHERE m.campaign_id IN
		(SELECT campaign_id FROM donations WHERE id IN (`+db.Marks(len(ids))+`)) ORDER BY m.campaign_id FOR UPDATE`, ids...)
	if err != nil {
		return fmt.Errorf("bankimport: lock totals: %w", err)
	}
	return nil
}

// apply records one credit line and confirms the donation it pays, which
// it returns (nil when the line paid none).
func (s *Store) apply(ctx context.Context, tx *db.Tx, imp *Import, row Row,
	pairs map[string]int64, actor Actor, res *Result) (*donation.Donation, error) {
	fp := row.fingerprint
	r, err := tx.Exec(ctx, `INSERT INTO bank_statement_lines (bank_account_id, fingerprint, import_id, line_number,
		booked_on, amount, description) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bank_account_id, fingerprint) DO NOTHING`,
		imp.BankAccountID, fp, imp.ID, row.Number, row.Date.UTC(), row.Amount, row.Description)
	if err != nil {
		return nil, fmt.Errorf("bankimport: record line: %w", err)
	}
	if n, err := r.RowsAffected(); err != nil {
		return nil, fmt.Errorf("bankimport: record line: %w", err)
	} else if n == 0 {
		return nil, nil // another import recorded it meanwhile
	}
	res.New++
	did, ok := pairs[fp]
	if !ok {
		return nil, nil
	}
	res.Matched++
	d, err := s.Donations.ConfirmTx(ctx, tx, imp.OrgID, did, donation.Actor{ID: actor.ID, Name: actor.Name})
	if errors.Is(err, donation.ErrNotPending) {
		return nil, nil // settled by hand meanwhile
	}
	if err != nil {
		return nil, err
	}
	res.Confirmed++
	_, err = tx.Exec(ctx, `UPDATE bank_statement_lines SET donation_id = ? WHERE bank_account_id = ? AND fingerprint = ?`,
		d.ID, imp.BankAccountID, fp)
	if err != nil {
		return nil, fmt.Errorf("bankimport: record line: %w", err)
	}
	return d, nil
}

// recorded is the preview of a confirmed import: the lines it recorded.
func (s *Store) recorded(ctx context.Context, imp *Import) (*Preview, error) {
	rows, err := s.DB.Query(ctx, `SELECT line_number, booked_on, amount, description, COALESCE(donation_id, 0)
		FROM bank_statement_lines WHERE import_id = ? ORDER BY line_number`, imp.ID)
	if err != nil {
		return nil, fmt.Errorf("bankimport: recorded lines: %w", err)
	}
	p := &Preview{Import: imp}
	var ids []int64
	for rows.Next() {
		var r Row
		var did int64
		if err := rows.Scan(&r.Number, &r.Date, &r.Amount, &r.Description, &did); err != nil {
			rows.Close()
			return nil, fmt.Errorf("bankimport: recorded lines: %w", err)
		}
		r.State = RowRecorded
		p.Rows = append(p.Rows, r)
		ids = append(ids, did)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("bankimport: recorded lines: %w", err)
	}
	for i, did := range ids {
		if did == 0 {
			continue
		}
		d, err := s.Donations.ByIDIn(ctx, s.DB, did)
		if err != nil {
			return nil, err
		}
		p.Rows[i].Donation = d
		p.Matched++
	}
	p.Already = imp.Credits - imp.New
	return p, nil
}

// String is a short text of a result, for logs and tests.
func (r *Result) String() string {
	return "new=" + strconv.Itoa(r.New) + " matched=" + strconv.Itoa(r.Matched) + " confirmed=" + strconv.Itoa(r.Confirmed)
}
