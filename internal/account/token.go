package account

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// Token purposes.
const (
	PurposeVerify = "verify" // confirm the e-mail address
	PurposeReset  = "reset"  // set a new password
)

// Token lifetimes.
const (
	VerifyTTL = 24 * time.Hour
	ResetTTL  = 24 * time.Hour
)

// ErrTokenInvalid is returned for a token that is unknown, expired, already
// used or meant for something else. The cases are not told apart.
var ErrTokenInvalid = errors.New("account: invalid or expired link")

// IssueToken creates a one-time token for userID and purpose, replacing
// the user's earlier unused ones of that purpose, so only the newest e-mailed
// link works. Pass a transaction as q to issue it with the mail that
// carries it.
func IssueToken(ctx context.Context, q db.Querier, userID int64, purpose string, ttl time.Duration) (string, error) {
	now := db.Now()
	if _, err := q.Exec(ctx, `DELETE FROM user_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL`,
		userID, purpose); err != nil {
		return "", fmt.Errorf("account: issue token: %w", err)
	}
	token, hash := NewToken()
	if _, err := q.Exec(ctx, `INSERT INTO user_tokens (hash, user_id, purpose, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?)`, hash, userID, purpose, now, now.Add(ttl)); err != nil {
		return "", fmt.Errorf("account: issue token: %w", err)
	}
	return token, nil
}

// CheckToken returns the user a live token belongs to, without using it.
func (s *Store) CheckToken(ctx context.Context, token, purpose string) (int64, error) {
	var userID int64
	err := s.DB.QueryRow(ctx, `SELECT user_id FROM user_tokens
		WHERE hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`,
		HashToken(token), purpose, db.Now()).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrTokenInvalid
	}
	if err != nil {
		return 0, fmt.Errorf("account: check token: %w", err)
	}
	return userID, nil
}

// UseToken marks a live token used and returns its user. Of two requests
// racing with one token, only one gets it: the UPDATE's condition decides.
func UseToken(ctx context.Context, q db.Querier, token, purpose string) (int64, error) {
	now := db.Now()
	var userID int64
	err := q.QueryRow(ctx, `UPDATE user_tokens SET used_at = ?
		WHERE hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id`,
		now, HashToken(token), purpose, now).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrTokenInvalid
	}
	if err != nil {
		return 0, fmt.Errorf("account: use token: %w", err)
	}
	return userID, nil
}

// Verify uses a verification token and marks its user's address verified.
func (s *Store) Verify(ctx context.Context, token string) (int64, error) {
	var userID int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if userID, err = UseToken(ctx, tx, token, PurposeVerify); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL`,
			db.Now(), userID)
		return err
	})
	return userID, err
}

// ResetPassword uses a reset token, sets the new password and ends every
// session of the user. A reset proves the address too, so it is marked
// verified.
func (s *Store) ResetPassword(ctx context.Context, token, password string) (int64, error) {
	hash, err := HashPassword(password)
	if err != nil {
		return 0, err
	}
	var userID int64
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if userID, err = UseToken(ctx, tx, token, PurposeReset); err != nil {
			return err
		}
		now := db.Now()
		if _, err := tx.Exec(ctx, `UPDATE users SET password_hash = ?,
			email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?`, hash, now, userID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
			return err
		}
		return forgetDevices(ctx, tx, userID)
	})
	return userID, err
}
