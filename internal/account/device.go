package account

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"lokadaya/internal/db"
)

// DeviceTTL is how long a browser stays a known device after a login.
const DeviceTTL = 180 * 24 * time.Hour

// RememberDevice records a browser where userID just logged in and
// returns the token for its cookie.
func (s *Store) RememberDevice(ctx context.Context, userID int64) (string, error) {
	token, hash := NewToken()
	now := db.Now()
	_, err := s.DB.Exec(ctx, `INSERT INTO known_devices (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
		hash, userID, now, now.Add(DeviceTTL))
	if err != nil {
		return "", err
	}
	return token, nil
}

// KnownDevice reports whether token is a device where the account with
// email logged in before, and not since forgotten (expired, or every
// device forgotten by a password reset).
func (s *Store) KnownDevice(ctx context.Context, token, email string) (bool, error) {
	if token == "" {
		return false, nil
	}
	var n int
	err := s.DB.QueryRow(ctx, `SELECT 1 FROM known_devices d JOIN users u ON u.id = d.user_id
		WHERE d.hash = ? AND u.email = ? AND d.expires_at > ?`, HashToken(token), NormalizeEmail(email), db.Now()).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// forgetDevices makes every browser of userID unknown again, as a
// password reset does: whoever knew the old password is a stranger now.
func forgetDevices(ctx context.Context, q db.Querier, userID int64) error {
	_, err := q.Exec(ctx, `DELETE FROM known_devices WHERE user_id = ? OR expires_at < ?`, userID, db.Now())
	return err
}
