package notify

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
)

// Membership is one organisation of a member with their choices there.
type Membership struct {
	OrgID            int64
	OrgName, OrgSlug string
	Role             org.Role
	// Choices are the kinds the role is told of, in Kinds order.
	Choices []Choice
}

// Choice is a member's mode for one kind.
type Choice struct {
	Kind Kind
	Mode Mode
}

// LinkToken returns the secret of the member's preferences link for the
// organisation, creating it on first use.
func LinkToken(ctx context.Context, q db.Querier, userID, orgID int64) (string, error) {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	if _, err := q.Exec(ctx, `INSERT INTO notify_links (token, user_id, org_id, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (user_id, org_id) DO NOTHING`, hex.EncodeToString(b), userID, orgID, db.Now()); err != nil {
		return "", fmt.Errorf("notify: link: %w", err)
	}
	var token string
	if err := q.QueryRow(ctx, `SELECT token FROM notify_links WHERE user_id = ? AND org_id = ?`, userID, orgID).Scan(&token); err != nil {
		return "", fmt.Errorf("notify: link: %w", err)
	}
	return token, nil
}

// ByToken returns the member and organisation a preferences link is for;
// db.ErrNotFound when the link is unknown or the person is no longer a
// member.
func ByToken(ctx context.Context, q db.Querier, token string) (userID, orgID int64, err error) {
	err = q.QueryRow(ctx, `SELECT l.user_id, l.org_id FROM notify_links l
		JOIN memberships m ON m.user_id = l.user_id AND m.org_id = l.org_id WHERE l.token = ?`, token).Scan(&userID, &orgID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, db.ErrNotFound
	}
	if err != nil {
		return 0, 0, fmt.Errorf("notify: link: %w", err)
	}
	return userID, orgID, nil
}

// Memberships are the user's organisations with their choices, only
// those whose role is told of something; orgID limits them to one
// organisation when not 0.
func Memberships(ctx context.Context, q db.Querier, userID, orgID int64) ([]Membership, error) {
	rows, err := q.Query(ctx, `SELECT o.id, o.name, o.slug, m.role FROM memberships m
		JOIN organizations o ON o.id = m.org_id WHERE m.user_id = ? AND (? = 0 OR o.id = ?) ORDER BY o.name, o.id`,
		userID, orgID, orgID)
	if err != nil {
		return nil, fmt.Errorf("notify: memberships: %w", err)
	}
	var out []Membership
	for rows.Next() {
		var m Membership
		if err := rows.Scan(&m.OrgID, &m.OrgName, &m.OrgSlug, &m.Role); err != nil {
			rows.Close()
			return nil, fmt.Errorf("notify: memberships: %w", err)
		}
		if len(KindsFor(m.Role)) > 0 {
			out = append(out, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("notify: memberships: %w", err)
	}
	for i := range out {
		chosen, err := chosenModes(ctx, q, userID, out[i].OrgID)
		if err != nil {
			return nil, err
		}
		for _, k := range KindsFor(out[i].Role) {
			mode, ok := chosen[k]
			if !ok {
				mode = Default(k)
			}
			out[i].Choices = append(out[i].Choices, Choice{Kind: k, Mode: mode})
		}
	}
	return out, nil
}

// chosenModes are the modes the member set in the organisation.
func chosenModes(ctx context.Context, q db.Querier, userID, orgID int64) (map[Kind]Mode, error) {
	rows, err := q.Query(ctx, `SELECT kind, mode FROM notify_prefs WHERE user_id = ? AND org_id = ?`, userID, orgID)
	if err != nil {
		return nil, fmt.Errorf("notify: preferences: %w", err)
	}
	defer rows.Close()
	out := map[Kind]Mode{}
	for rows.Next() {
		var k, m string
		if err := rows.Scan(&k, &m); err != nil {
			return nil, fmt.Errorf("notify: preferences: %w", err)
		}
		out[Kind(k)] = Mode(m)
	}
	return out, rows.Err()
}

// ErrBadChoice refuses an unknown kind or mode.
var ErrBadChoice = errors.New("notify: unknown kind or mode")

// SetModes stores the member's choices in the organisation. Kinds the
// member's role is not told of are ignored.
func SetModes(ctx context.Context, d *db.DB, userID, orgID int64, choices map[Kind]Mode) error {
	for k, m := range choices {
		if _, ok := rules[k]; !ok || !m.Valid() {
			return ErrBadChoice
		}
	}
	return d.InTx(ctx, func(tx *db.Tx) error {
		now := db.Now()
		for k, m := range choices {
			if _, err := tx.Exec(ctx, `INSERT INTO notify_prefs (user_id, org_id, kind, mode, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (user_id, org_id, kind) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
				userID, orgID, string(k), string(m), now); err != nil {
				return fmt.Errorf("notify: set preference: %w", err)
			}
		}
		return nil
	})
}
