package account

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
)

// Registration is what a person gives when signing up. The caller has
// validated it (phone normalised, consent given).
type Registration struct {
	Email, Name, Phone, Password string
	Locale                       string
}

// Register creates the account with the privacy consent recorded now and
// then calls then inside the same transaction (to issue the verification
// token and queue its e-mail), so either everything happens or nothing.
func (s *Store) Register(ctx context.Context, r Registration, then func(tx *db.Tx, u *User) error) (*User, error) {
	if !ValidLocale(r.Locale) {
		r.Locale = "id"
	}
	hash, err := HashPassword(r.Password)
	if err != nil {
		return nil, err
	}
	now := db.Now()
	u := &User{Email: NormalizeEmail(r.Email), Name: strings.TrimSpace(r.Name), Phone: r.Phone,
		PasswordHash: hash, Locale: r.Locale, CreatedAt: now, PrivacyConsentAt: &now}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO users (email, name, phone, password_hash, locale, created_at, privacy_consent_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, u.Email, u.Name, u.Phone, u.PasswordHash, u.Locale, now, now).Scan(&u.ID)
		if db.IsUniqueViolation(err) {
			return ErrEmailTaken
		}
		if err != nil {
			return fmt.Errorf("account: register: %w", err)
		}
		if then != nil {
			return then(tx, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}
