// Package account keeps the people who use Lokadaya: their accounts,
// passwords, sessions and one-time tokens.
package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"lokadaya/internal/db"
)

// User is an account holder.
type User struct {
	ID              int64
	Email           string
	Name            string
	Phone           string
	PasswordHash    string
	EmailVerifiedAt *time.Time
	IsAdmin         bool
	Locale          string
	CreatedAt       time.Time
	// PrivacyConsentAt is when the person accepted the privacy notice.
	PrivacyConsentAt *time.Time
}

// Verified reports whether the user confirmed their e-mail address.
func (u *User) Verified() bool { return u != nil && u.EmailVerifiedAt != nil }

// Errors the store reports.
var (
	ErrEmailTaken     = errors.New("account: e-mail already registered")
	ErrBadCredentials = errors.New("account: wrong e-mail or password")
)

// Store reads and writes accounts.
type Store struct{ DB *db.DB }

// NormalizeEmail lower-cases and trims an address so that one person has one
// account whatever the case they type.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

const userColumns = `id, email, name, phone, password_hash, email_verified_at, is_admin, locale, created_at, privacy_consent_at`

func scanUser(row interface{ Scan(...any) error }) (*User, error) {
	var u User
	var verified, consent sql.NullTime
	if err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Phone, &u.PasswordHash, &verified,
		&u.IsAdmin, &u.Locale, &u.CreatedAt, &consent); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		return nil, err
	}
	if verified.Valid {
		t := verified.Time.UTC()
		u.EmailVerifiedAt = &t
	}
	if consent.Valid {
		t := consent.Time.UTC()
		u.PrivacyConsentAt = &t
	}
	u.CreatedAt = u.CreatedAt.UTC()
	return &u, nil
}

// Create adds an account with a hashed password. The caller validates input.
func (s *Store) Create(ctx context.Context, email, name, phone, password string) (*User, error) {
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	return s.CreateHashed(ctx, email, name, phone, hash)
}

// CreateHashed registers an account whose password hash (from
// HashPassword) is already made: the demo's accounts share one published
// password, and hashing it once spares a start 19 MB and 50 ms an account.
func (s *Store) CreateHashed(ctx context.Context, email, name, phone, hash string) (*User, error) {
	u := &User{Email: NormalizeEmail(email), Name: strings.TrimSpace(name), Phone: phone,
		PasswordHash: hash, Locale: "id", CreatedAt: db.Now()}
	err := s.DB.QueryRow(ctx, `INSERT INTO users (email, name, phone, password_hash, locale, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, u.Email, u.Name, u.Phone, u.PasswordHash, u.Locale, u.CreatedAt).Scan(&u.ID)
	if db.IsUniqueViolation(err) {
		return nil, ErrEmailTaken
	}
	if err != nil {
		return nil, fmt.Errorf("account: create: %w", err)
	}
	return u, nil
}

// ByID returns the account with id.
func (s *Store) ByID(ctx context.Context, id int64) (*User, error) {
	return scanUser(s.DB.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
}

// ByEmail returns the account registered with email.
func (s *Store) ByEmail(ctx context.Context, email string) (*User, error) {
	return scanUser(s.DB.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE email = ?`, NormalizeEmail(email)))
}

// dummyHash is checked against when no account matches, so that a wrong
// e-mail takes as long as a wrong password. It is made at the first such
// sign-in, not at start: a hash costs its memory and time.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("lokadaya-timing-equaliser")
	return h
})

// Authenticate returns the account whose e-mail and password match.
func (s *Store) Authenticate(ctx context.Context, email, password string) (*User, error) {
	u, err := s.ByEmail(ctx, email)
	if errors.Is(err, db.ErrNotFound) {
		_, _ = CheckPassword(dummyHash(), password)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, err
	}
	ok, err := CheckPassword(u.PasswordHash, password)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrBadCredentials
	}
	if NeedsRehash(u.PasswordHash) {
		s.rehash(ctx, u, password)
	}
	return u, nil
}

// SetAdmin grants or withdraws platform-admin rights.
func (s *Store) SetAdmin(ctx context.Context, id int64, admin bool) error {
	_, err := s.DB.Exec(ctx, `UPDATE users SET is_admin = ? WHERE id = ?`, admin, id)
	return err
}

// MarkVerified records that the user confirmed their e-mail address.
func (s *Store) MarkVerified(ctx context.Context, id int64) error {
	_, err := s.DB.Exec(ctx, `UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL`, db.Now(), id)
	return err
}

// NewToken returns a random URL-safe secret and the hash under which it is
// stored; only hashes are kept, so a leaked table reveals no usable token.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	token = hex.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken returns the stored form of a token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// rehash stores a hash of password made with today's parameters, unless
// the hash changed meanwhile (a password reset). Failing to store it only
// means trying again at the next sign-in.
func (s *Store) rehash(ctx context.Context, u *User, password string) {
	hash, err := HashPassword(password)
	if err != nil {
		return
	}
	if _, err := s.DB.Exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?`,
		hash, u.ID, u.PasswordHash); err == nil {
		u.PasswordHash = hash
	}
}
