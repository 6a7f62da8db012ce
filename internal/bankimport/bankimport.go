// Package bankimport keeps a treasurer's imports of bank statements: an
// uploaded CSV (read by package bankstatement) waits as a pending import
// while its preview is shown, and confirming it records every credit line
// once per bank account and confirms the pending transfers those lines pay,
// through the donation store's own confirm path (receipt, audit, once
// only). Importing the same lines again changes nothing.
package bankimport

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/audit"
	"lokadaya/internal/bankstatement"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/payment"
)

// Statuses of an import.
const (
	StatusPending   = "pending"
	StatusConfirmed = "confirmed"
)

// DefaultWindow is how long after a donation's deadline its transfer may
// still appear on the statement: banks book some transfers a day or two
// late.
const DefaultWindow = 48 * time.Hour

// MaxFileName is the longest file name kept, in runes.
const MaxFileName = 120

// Errors of the store.
var (
	// ErrConfirmed means the import was confirmed already (a double click,
	// another treasurer): nothing more happens.
	ErrConfirmed = errors.New("bankimport: already confirmed")
)

// Problem is why an uploaded file is refused, as an i18n message (Key,
// Args) for the person who uploaded it.
type Problem struct {
	Key  string
	Args []any
	Err  error
}

func (p *Problem) Error() string { return "bankimport: " + p.Err.Error() }
func (p *Problem) Unwrap() error { return p.Err }

// Causes of a Problem that are not the parser's, for errors.Is.
var (
	ErrAccountBank  = errors.New("account's bank has no statement import")
	ErrWrongBank    = errors.New("file is another bank's statement")
	ErrWrongAccount = errors.New("file is another account's statement")
)

// The i18n keys of the problems above (bankimport.… in the i18n PO files).
const (
	KeyAccountBank  = "bankimport.err.account_bank"
	KeyWrongBank    = "bankimport.err.wrong_bank"
	KeyWrongAccount = "bankimport.err.wrong_account"
)

// Actor is who uploads or confirms, for the history and the audit log.
type Actor struct {
	ID   int64
	Name string
}

// Import is one uploaded statement.
type Import struct {
	ID              string
	OrgID           int64
	BankAccountID   int64
	Bank            bankstatement.Bank
	FileName        string
	Lines           int // transactions in the file
	Credits         int // of which credits
	Matched         int // credits paired with a donation (proposed, then at confirmation)
	New             int // credits this import recorded (confirmed imports)
	Confirmed       int // donations this import confirmed
	Status          string
	CreatedByName   string
	CreatedAt       time.Time
	ConfirmedByName string
	ConfirmedAt     *time.Time
	content         []byte
}

// Pending reports whether the import waits for its confirmation.
func (i *Import) Pending() bool { return i.Status == StatusPending }

// Store keeps imports.
type Store struct {
	DB *db.DB
	// Donations confirms the matched donations; its OnConfirm (the
	// receipt) runs in the import's transaction.
	Donations *donation.Store
	// Window is DefaultWindow when 0.
	Window time.Duration
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

func (s *Store) window() time.Duration {
	if s.Window > 0 {
		return s.Window
	}
	return DefaultWindow
}

// Importable reports whether statements of the account's bank can be
// read.
func Importable(a *payment.BankAccount) bool {
	return len(bankstatement.Formats(bankstatement.Bank(a.Bank))) > 0
}

// Read parses data as a statement of account exported at about ref (which
// dates what the file leaves undated): the bank is the account's, and a
// file recognisably of another bank, or naming another account number, is
// refused. Every refusal is a *Problem.
func Read(account *payment.BankAccount, data []byte, ref time.Time) (*bankstatement.Statement, error) {
	if !Importable(account) {
		return nil, &Problem{Key: KeyAccountBank, Err: ErrAccountBank}
	}
	bank := bankstatement.Bank(account.Bank)
	if len(data) > bankstatement.MaxFileSize {
		return nil, &Problem{Key: bankstatement.KeyTooLarge, Err: bankstatement.ErrTooLarge}
	}
	if found, err := bankstatement.Detect(bytes.NewReader(data)); err == nil && !found.Serves(bank) {
		return nil, &Problem{Key: KeyWrongBank, Args: []any{found.Name(), bankName(bank)}, Err: ErrWrongBank}
	}
	st, err := bankstatement.ParseAt(bank, bytes.NewReader(data), ref)
	if err != nil {
		var pe *bankstatement.ParseError
		if errors.As(err, &pe) {
			return nil, &Problem{Key: pe.Key, Args: pe.Args(), Err: err}
		}
		return nil, &Problem{Key: bankstatement.KeyRead, Err: err}
	}
	if n := strings.TrimLeft(st.Account, "0"); digits(st.Account) && n != strings.TrimLeft(account.AccountNumber, "0") {
		return nil, &Problem{Key: KeyWrongAccount, Args: []any{st.Account, account.AccountNumber}, Err: ErrWrongAccount}
	}
	return st, nil
}

// bankName is how messages name a bank.
func bankName(b bankstatement.Bank) string {
	if b == bankstatement.Mandiri {
		return "Mandiri"
	}
	return strings.ToUpper(string(b))
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// newID is a random, unguessable import id.
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// cleanFileName keeps a short printable base name for the history.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	rs := []rune(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, name))
	if len(rs) > MaxFileName {
		rs = rs[:MaxFileName]
	}
	return strings.TrimSpace(string(rs))
}

// Upload reads data as a statement of the organisation's account and keeps
// it as a pending import; nothing else changes. Refused files are
// *Problem.
func (s *Store) Upload(ctx context.Context, orgID int64, account *payment.BankAccount, fileName string,
	data []byte, actor Actor) (*Import, error) {
	if account.OrgID != orgID {
		return nil, db.ErrNotFound
	}
	now := s.now()
	st, err := Read(account, data, now)
	if err != nil {
		return nil, err
	}
	imp := &Import{ID: newID(), OrgID: orgID, BankAccountID: account.ID, Bank: st.Bank, FileName: cleanFileName(fileName),
		Lines: len(st.Lines), Credits: len(st.Credits()), Status: StatusPending, CreatedByName: actor.Name,
		CreatedAt: now, content: data}
	p, err := s.preview(ctx, s.DB, imp, st)
	if err != nil {
		return nil, err
	}
	imp.Matched = p.Matched
	_, err = s.DB.Exec(ctx, `INSERT INTO bank_statement_imports (id, org_id, bank_account_id, bank, file_name, content,
		line_count, credit_count, matched_count, status, created_by, created_by_name, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`, imp.ID, orgID, account.ID, string(imp.Bank), imp.FileName,
		data, imp.Lines, imp.Credits, imp.Matched, actorID(actor), actor.Name, imp.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("bankimport: upload: %w", err)
	}
	return imp, nil
}

const importColumns = `id, org_id, bank_account_id, bank, file_name, line_count, credit_count, matched_count,
	new_count, confirmed_count, status, created_by_name, created_at, confirmed_by_name, confirmed_at`

func scanImport(sc interface{ Scan(...any) error }, content *[]byte) (*Import, error) {
	i := &Import{}
	var bank string
	var confirmed sql.NullTime
	dest := []any{&i.ID, &i.OrgID, &i.BankAccountID, &bank, &i.FileName, &i.Lines, &i.Credits, &i.Matched, &i.New,
		&i.Confirmed, &i.Status, &i.CreatedByName, &i.CreatedAt, &i.ConfirmedByName, &confirmed}
	if content != nil {
		dest = append(dest, content)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	i.Bank = bankstatement.Bank(bank)
	i.CreatedAt = i.CreatedAt.UTC()
	if confirmed.Valid {
		t := confirmed.Time.UTC()
		i.ConfirmedAt = &t
	}
	return i, nil
}

// Get returns the organisation's import id; db.ErrNotFound when there is
// none (or it is another organisation's).
func (s *Store) Get(ctx context.Context, orgID int64, id string) (*Import, error) {
	return s.get(ctx, s.DB, orgID, id)
}

func (s *Store) get(ctx context.Context, q db.Querier, orgID int64, id string) (*Import, error) {
	var content []byte
	i, err := scanImport(q.QueryRow(ctx, `SELECT `+importColumns+`, content FROM bank_statement_imports
		WHERE id = ? AND org_id = ?`, id, orgID), &content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("bankimport: get: %w", err)
	}
	i.content = content
	return i, nil
}

// History lists the organisation's imports, newest first.
func (s *Store) History(ctx context.Context, orgID int64, limit int) ([]*Import, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+importColumns+` FROM bank_statement_imports WHERE org_id = ?
		ORDER BY created_at DESC, id LIMIT ?`, orgID, limit)
	if err != nil {
		return nil, fmt.Errorf("bankimport: history: %w", err)
	}
	defer rows.Close()
	var out []*Import
	for rows.Next() {
		i, err := scanImport(rows, nil)
		if err != nil {
			return nil, fmt.Errorf("bankimport: history: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

func actorID(a Actor) any {
	if a.ID == 0 {
		return nil
	}
	return a.ID
}

func record(ctx context.Context, q db.Querier, a Actor, action string, imp *Import, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "organization", TargetID: strconv.FormatInt(imp.OrgID, 10), Detail: imp.ID + " " + detail})
}
