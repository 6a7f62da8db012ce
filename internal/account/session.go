package account

import (
	"context"
	"time"

	"lokadaya/internal/db"
)

// SessionTTL is how long a login lasts without use.
const SessionTTL = 30 * 24 * time.Hour

// CreateSession starts a login for user and returns the token for its cookie.
func (s *Store) CreateSession(ctx context.Context, userID int64, userAgent string) (string, error) {
	token, hash := NewToken()
	now := db.Now()
	if len(userAgent) > 200 {
		userAgent = userAgent[:200]
	}
	_, err := s.DB.Exec(ctx, `INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at, user_agent)
		VALUES (?, ?, ?, ?, ?, ?)`, hash, userID, now, now.Add(SessionTTL), now, userAgent)
	if err != nil {
		return "", err
	}
	return token, nil
}

// UserBySession returns the user logged in with token, extending the
// session at most once an hour to spare writes.
func (s *Store) UserBySession(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, db.ErrNotFound
	}
	hash := HashToken(token)
	now := db.Now()
	var lastSeen time.Time
	var userID int64
	err := s.DB.QueryRow(ctx, `SELECT user_id, last_seen_at FROM sessions WHERE id = ? AND expires_at > ?`, hash, now).
		Scan(&userID, &lastSeen)
	if err != nil {
		return nil, db.ErrNotFound
	}
	if now.Sub(lastSeen) > time.Hour {
		_, _ = s.DB.Exec(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?`, now, now.Add(SessionTTL), hash)
	}
	return s.ByID(ctx, userID)
}

// DeleteSession ends the login behind token.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	_, err := s.DB.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, HashToken(token))
	return err
}

// DeleteSessions ends every login of a user, e.g. after a password reset.
func (s *Store) DeleteSessions(ctx context.Context, userID int64) error {
	_, err := s.DB.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	return err
}
