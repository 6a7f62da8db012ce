package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
)

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// Errors about invitations.
var (
	ErrInvitationUsed    = errors.New("org: invitation already accepted")
	ErrInvitationExpired = errors.New("org: invitation expired")
	ErrWrongInvitee      = errors.New("org: invitation is for another e-mail address")
)

// Invitation asks someone, by e-mail, to join an organisation with a role.
type Invitation struct {
	ID         int64
	OrgID      int64
	OrgName    string
	OrgSlug    string
	Email      string
	Role       Role
	InvitedBy  int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
}

// Expired reports whether the invitation can no longer be accepted at now.
func (i *Invitation) Expired(now time.Time) bool { return !now.Before(i.ExpiresAt) }

// Invite records an invitation and returns its secret token, which only
// the e-mail carries; q lets the caller queue that e-mail in the same
// transaction. Owners are made by transfer, never by invitation.
func (s *Store) Invite(ctx context.Context, q db.Querier, orgID, inviterID int64, email string, role Role) (string, *Invitation, error) {
	if !role.Valid() || role == RoleOwner {
		return "", nil, ErrInvalidRole
	}
	token, hash := account.NewToken()
	now := db.Now()
	inv := &Invitation{OrgID: orgID, Email: account.NormalizeEmail(email), Role: role,
		InvitedBy: inviterID, CreatedAt: now, ExpiresAt: now.Add(InvitationTTL)}
	err := q.QueryRow(ctx, `INSERT INTO invitations (org_id, email, role, token_hash, invited_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		orgID, inv.Email, role, hash, inviterID, now, inv.ExpiresAt).Scan(&inv.ID)
	if err != nil {
		return "", nil, fmt.Errorf("org: invite: %w", err)
	}
	return token, inv, nil
}

const invitationColumns = `i.id, i.org_id, o.name, o.slug, i.email, i.role, COALESCE(i.invited_by, 0),
	i.created_at, i.expires_at, i.accepted_at`

func scanInvitation(row interface{ Scan(...any) error }) (*Invitation, error) {
	var inv Invitation
	var accepted sql.NullTime
	if err := row.Scan(&inv.ID, &inv.OrgID, &inv.OrgName, &inv.OrgSlug, &inv.Email, &inv.Role,
		&inv.InvitedBy, &inv.CreatedAt, &inv.ExpiresAt, &accepted); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, db.ErrNotFound
		}
		return nil, fmt.Errorf("org: invitation: %w", err)
	}
	if accepted.Valid {
		t := accepted.Time.UTC()
		inv.AcceptedAt = &t
	}
	inv.CreatedAt, inv.ExpiresAt = inv.CreatedAt.UTC(), inv.ExpiresAt.UTC()
	return &inv, nil
}

// InvitationByToken returns the invitation a link's token names.
func (s *Store) InvitationByToken(ctx context.Context, token string) (*Invitation, error) {
	return scanInvitation(s.DB.QueryRow(ctx, `SELECT `+invitationColumns+`
		FROM invitations i JOIN organizations o ON o.id = i.org_id WHERE i.token_hash = ?`,
		account.HashToken(token)))
}

// Invitations lists an organisation's open invitations (not accepted, not expired).
func (s *Store) Invitations(ctx context.Context, orgID int64) ([]Invitation, error) {
	return s.invitations(ctx, `i.org_id = ?`, orgID)
}

// InvitationsFor lists the open invitations addressed to email.
func (s *Store) InvitationsFor(ctx context.Context, email string) ([]Invitation, error) {
	return s.invitations(ctx, `i.email = ?`, account.NormalizeEmail(email))
}

func (s *Store) invitations(ctx context.Context, cond string, arg any) ([]Invitation, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+invitationColumns+`
		FROM invitations i JOIN organizations o ON o.id = i.org_id
		WHERE `+cond+` AND i.accepted_at IS NULL AND i.expires_at > ?
		ORDER BY i.id DESC`, arg, db.Now())
	if err != nil {
		return nil, fmt.Errorf("org: invitations: %w", err)
	}
	defer rows.Close()
	var out []Invitation
	for rows.Next() {
		inv, err := scanInvitation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *inv)
	}
	return out, rows.Err()
}

// Accept makes user a member as the invitation says. The invitation must be
// addressed to the user's e-mail (in any case), unexpired and unused; it
// can be used once.
func (s *Store) Accept(ctx context.Context, token string, user *account.User) (*Invitation, error) {
	inv, err := s.InvitationByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	now := db.Now()
	switch {
	case inv.AcceptedAt != nil:
		return inv, ErrInvitationUsed
	case inv.Expired(now):
		return inv, ErrInvitationExpired
	case account.NormalizeEmail(user.Email) != inv.Email:
		return inv, ErrWrongInvitee
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL`, now, inv.ID)
		if err != nil {
			return fmt.Errorf("org: accept: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return ErrInvitationUsed // another request used it a moment ago
		}
		return addMember(ctx, tx, inv.OrgID, user.ID, inv.Role)
	})
	if err != nil {
		return inv, err
	}
	inv.AcceptedAt = &now
	return inv, nil
}
