package account

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/cadre"
	"lokadaya/internal/db"
	"lokadaya/internal/supporter"
)

// ErrSoleOwner is returned when deleting an account would leave an
// organisation without an owner.
var ErrSoleOwner = errors.New("account: sole owner of an organisation")

// Locales are the interface languages a user may prefer.
var Locales = []string{"id", "en"}

// ValidLocale reports whether l is one of Locales.
func ValidLocale(l string) bool { return l == "id" || l == "en" }

// RecordConsent notes that the user accepted the privacy notice now.
func (s *Store) RecordConsent(ctx context.Context, id int64) error {
	_, err := s.DB.Exec(ctx, `UPDATE users SET privacy_consent_at = ? WHERE id = ?`, db.Now(), id)
	return err
}

// UpdateProfile changes what the user may edit about themselves. The
// caller validates the values (phone already normalised).
func (s *Store) UpdateProfile(ctx context.Context, id int64, name, phone, locale string) error {
	if !ValidLocale(locale) {
		return fmt.Errorf("account: unknown locale %q", locale)
	}
	res, err := s.DB.Exec(ctx, `UPDATE users SET name = ?, phone = ?, locale = ? WHERE id = ?`,
		strings.TrimSpace(name), phone, locale, id)
	if err != nil {
		return fmt.Errorf("account: update profile: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// SoleOwnerOf lists the organisations (by name) of which the user is the
// only owner.
func SoleOwnerOf(ctx context.Context, q db.Querier, userID int64) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT o.name FROM memberships m JOIN organizations o ON o.id = m.org_id
		WHERE m.user_id = ? AND m.role = 'owner' AND NOT EXISTS (
			SELECT 1 FROM memberships x WHERE x.org_id = m.org_id AND x.role = 'owner' AND x.user_id <> m.user_id)
		ORDER BY o.name`, userID)
	if err != nil {
		return nil, fmt.Errorf("account: sole owner: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("account: sole owner: %w", err)
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Delete erases the account; sessions, tokens and memberships go with it
// (ON DELETE CASCADE) and the audit log keeps only the copied name. The
// supporter records left with the account's e-mail, once verified, lose
// their personal data in the same transaction (supporter.Erase), and the
// cadre records with that e-mail are erased (cadre.EraseByEmail). It
// refuses with ErrSoleOwner, listing the organisations, while the user is
// the only owner of one.
func (s *Store) Delete(ctx context.Context, id int64) ([]string, error) {
	var orgs []string
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if orgs, err = SoleOwnerOf(ctx, tx, id); err != nil {
			return err
		}
		if len(orgs) > 0 {
			return ErrSoleOwner
		}
		var email string
		var verified sql.NullTime
		err = tx.QueryRow(ctx, `SELECT email, email_verified_at FROM users WHERE id = ?`, id).Scan(&email, &verified)
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("account: delete: %w", err)
		}
		if verified.Valid {
			if err := supporter.Erase(ctx, tx, email); err != nil {
				return err
			}
			if err := cadre.EraseByEmail(ctx, tx, email); err != nil {
				return err
			}
		}
		res, err := tx.Exec(ctx, `DELETE FROM users WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("account: delete: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return db.ErrNotFound
		}
		return nil
	})
	return orgs, err
}
