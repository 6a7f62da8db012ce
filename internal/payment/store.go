package payment

import (
	"context"
	"fmt"
	"strconv"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Store keeps the payment settings of organisations.
type Store struct {
	DB *db.DB
}

// Accounts lists an organisation's bank accounts, active ones first, then
// oldest first.
func (s *Store) Accounts(ctx context.Context, orgID int64) ([]BankAccount, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, org_id, bank, account_number, account_name, active, created_at
		FROM org_bank_accounts WHERE org_id = ? ORDER BY active DESC, id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("payment: accounts: %w", err)
	}
	defer rows.Close()
	var out []BankAccount
	for rows.Next() {
		var a BankAccount
		if err := rows.Scan(&a.ID, &a.OrgID, &a.Bank, &a.AccountNumber, &a.AccountName, &a.Active, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("payment: accounts: %w", err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("payment: accounts: %w", err)
	}
	return out, nil
}

// AddAccount stores a new active bank account. Invalid input, and an
// account already active for the organisation, are reported as
// validate.Errors.
func (s *Store) AddAccount(ctx context.Context, actor Actor, orgID int64, in AccountInput) (*BankAccount, error) {
	if errs := in.Check(); len(errs) > 0 {
		return nil, errs
	}
	a := &BankAccount{OrgID: orgID, Bank: Bank(in.Bank), AccountNumber: in.AccountNumber,
		AccountName: in.AccountName, Active: true, CreatedAt: db.Now()}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO org_bank_accounts (org_id, bank, account_number, account_name, active, created_at)
			VALUES (?, ?, ?, ?, TRUE, ?) RETURNING id`, orgID, a.Bank, a.AccountNumber, a.AccountName, a.CreatedAt).Scan(&a.ID); err != nil {
			return err
		}
		return record(ctx, tx, actor, "payment.account.added", orgID,
			fmt.Sprintf("%s %s a.n. %s (#%d)", a.Bank, a.AccountNumber, a.AccountName, a.ID))
	})
	if db.IsUniqueViolation(err) {
		return nil, validate.Errors{"account_number": "payment.err.account_duplicate"}
	}
	if err != nil {
		return nil, fmt.Errorf("payment: add account: %w", err)
	}
	return a, nil
}

// DeactivateAccount stops offering an account to donors. It returns
// db.ErrNotFound when the organisation has no such active account.
func (s *Store) DeactivateAccount(ctx context.Context, actor Actor, orgID, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE org_bank_accounts SET active = FALSE WHERE id = ? AND org_id = ? AND active = TRUE`, id, orgID)
		if err != nil {
			return fmt.Errorf("payment: deactivate account: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("payment: deactivate account: %w", err)
		} else if n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, actor, "payment.account.deactivated", orgID, "#"+strconv.FormatInt(id, 10))
	})
}

// record writes an audit entry about an organisation's payment settings.
func record(ctx context.Context, q db.Querier, a Actor, action string, orgID int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "organization", TargetID: strconv.FormatInt(orgID, 10), Detail: detail})
}
