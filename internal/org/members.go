package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// Errors about memberships.
var (
	// ErrLastOwner refuses to remove or demote an organisation's only owner.
	ErrLastOwner = errors.New("org: the last owner cannot be removed or demoted")
	// ErrNotOwner refuses an ownership transfer by someone who is not the owner.
	ErrNotOwner = errors.New("org: only the owner may transfer ownership")
	// ErrAlreadyMember refuses to add someone twice.
	ErrAlreadyMember = errors.New("org: already a member")
	// ErrInvalidRole refuses an unknown role.
	ErrInvalidRole = errors.New("org: invalid role")
)

// Member is a person's membership seen from the organisation.
type Member struct {
	UserID    int64
	Name      string
	Email     string
	Role      Role
	CreatedAt time.Time
}

// Membership is a person's membership seen from the person.
type Membership struct {
	Org  Organization
	Role Role
}

// RoleOf returns userID's role in orgID, or db.ErrNotFound when they are
// not a member.
func (s *Store) RoleOf(ctx context.Context, orgID, userID int64) (Role, error) {
	var r Role
	err := s.DB.QueryRow(ctx, `SELECT role FROM memberships WHERE org_id = ? AND user_id = ?`, orgID, userID).Scan(&r)
	if errors.Is(err, sql.ErrNoRows) {
		return "", db.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("org: role: %w", err)
	}
	return r, nil
}

// Members lists an organisation's members, most powerful role first.
func (s *Store) Members(ctx context.Context, orgID int64) ([]Member, error) {
	rows, err := s.DB.Query(ctx, `SELECT m.user_id, u.name, u.email, m.role, m.created_at
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ?
		ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 WHEN 'editor' THEN 2
			WHEN 'treasurer' THEN 3 ELSE 4 END, u.name, m.user_id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("org: members: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		if err := rows.Scan(&m.UserID, &m.Name, &m.Email, &m.Role, &m.CreatedAt); err != nil {
			return nil, fmt.Errorf("org: members: %w", err)
		}
		m.CreatedAt = m.CreatedAt.UTC()
		out = append(out, m)
	}
	return out, rows.Err()
}

// MembershipsOf lists the organisations userID belongs to, with their role.
func (s *Store) MembershipsOf(ctx context.Context, userID int64) ([]Membership, error) {
	rows, err := s.DB.Query(ctx, `SELECT m.role, `+prefixed("o.", orgColumns)+`
		FROM memberships m JOIN organizations o ON o.id = m.org_id
		WHERE m.user_id = ? ORDER BY o.name, o.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("org: memberships: %w", err)
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		var m Membership
		var role Role
		o, err := scanOrg(scanPrefix{rows, &role})
		if err != nil {
			return nil, err
		}
		m.Org, m.Role = *o, role
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanPrefix scans one leading column into first, then hands the rest on,
// so scanOrg can read joined rows.
type scanPrefix struct {
	rows  *sql.Rows
	first any
}

func (p scanPrefix) Scan(dest ...any) error {
	return p.rows.Scan(append([]any{p.first}, dest...)...)
}

// AddMember makes userID a member of orgID with role.
func (s *Store) AddMember(ctx context.Context, orgID, userID int64, role Role) error {
	if !role.Valid() {
		return ErrInvalidRole
	}
	return addMember(ctx, s.DB, orgID, userID, role)
}

func addMember(ctx context.Context, q db.Querier, orgID, userID int64, role Role) error {
	_, err := q.Exec(ctx, `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)`,
		orgID, userID, role, db.Now())
	if db.IsUniqueViolation(err) {
		return ErrAlreadyMember
	}
	if err != nil {
		return fmt.Errorf("org: add member: %w", err)
	}
	return nil
}

// SetRole changes a member's role; it refuses to demote the last owner.
func (s *Store) SetRole(ctx context.Context, orgID, userID int64, role Role) error {
	if !role.Valid() {
		return ErrInvalidRole
	}
	return s.changeMembers(ctx, orgID, func(tx *db.Tx) (sql.Result, error) {
		return tx.Exec(ctx, `UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?`, role, orgID, userID)
	})
}

// Remove ends a membership; it refuses to remove the last owner.
func (s *Store) Remove(ctx context.Context, orgID, userID int64) error {
	return s.changeMembers(ctx, orgID, func(tx *db.Tx) (sql.Result, error) {
		return tx.Exec(ctx, `DELETE FROM memberships WHERE org_id = ? AND user_id = ?`, orgID, userID)
	})
}

// changeMembers runs change in a transaction and rolls it back when it left
// the organisation without an owner or touched no membership.
func (s *Store) changeMembers(ctx context.Context, orgID int64, change func(*db.Tx) (sql.Result, error)) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := lockOrg(ctx, tx, orgID); err != nil {
			return err
		}
		res, err := change(tx)
		if err != nil {
			return fmt.Errorf("org: change member: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return db.ErrNotFound
		}
		return requireOwner(ctx, tx, orgID)
	})
}

// lockOrg serialises membership changes of one organisation: the no-op
// update takes PostgreSQL's row lock (SQLite's transactions already take
// the write lock up front), so two owners demoting each other cannot both
// see the other still in place.
func lockOrg(ctx context.Context, tx *db.Tx, orgID int64) error {
	res, err := tx.Exec(ctx, `UPDATE organizations SET updated_at = updated_at WHERE id = ?`, orgID)
	if err != nil {
		return fmt.Errorf("org: lock: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return db.ErrNotFound
	}
	return nil
}

func requireOwner(ctx context.Context, tx *db.Tx, orgID int64) error {
	var owners int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE org_id = ? AND role = ?`,
		orgID, RoleOwner).Scan(&owners); err != nil {
		return fmt.Errorf("org: count owners: %w", err)
	}
	if owners == 0 {
		return ErrLastOwner
	}
	return nil
}

// TransferOwnership hands ownership from the owner fromID to the member
// toID; the previous owner stays on as admin.
func (s *Store) TransferOwnership(ctx context.Context, orgID, fromID, toID int64) error {
	if fromID == toID {
		return ErrAlreadyMember
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := lockOrg(ctx, tx, orgID); err != nil {
			return err
		}
		var role Role
		err := tx.QueryRow(ctx, `SELECT role FROM memberships WHERE org_id = ? AND user_id = ?`, orgID, fromID).Scan(&role)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && role != RoleOwner) {
			return ErrNotOwner
		}
		if err != nil {
			return fmt.Errorf("org: transfer: %w", err)
		}
		res, err := tx.Exec(ctx, `UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?`, RoleOwner, orgID, toID)
		if err != nil {
			return fmt.Errorf("org: transfer: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return db.ErrNotFound
		}
		if _, err := tx.Exec(ctx, `UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?`,
			RoleAdmin, orgID, fromID); err != nil {
			return fmt.Errorf("org: transfer: %w", err)
		}
		return nil
	})
}

// prefixed qualifies each column of a list with a table alias.
func prefixed(alias, columns string) string {
	var out []byte
	start := true
	for i := 0; i < len(columns); i++ {
		c := columns[i]
		if start && c != ' ' && c != '\t' && c != '\n' {
			out = append(out, alias...)
			start = false
		}
		if c == ',' {
			start = true
		}
		out = append(out, c)
	}
	return string(out)
}
