package proposal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"lokadaya/internal/db"
)

// Support records actor's support of proposal id: as a person when orgID
// is 0, else on behalf of that organisation, of which actor must be a
// member (ErrNotMember). Supporting again changes nothing: one support per
// person and one per organisation. A merged proposal takes no support
// (ErrMerged).
func (s *Store) Support(ctx context.Context, actor Actor, id, orgID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := open(ctx, tx, id); err != nil {
			return err
		}
		if orgID != 0 {
			if err := member(ctx, tx, actor.ID, orgID); err != nil {
				return err
			}
		}
		var n int
		q, args := `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ? AND user_id = ? AND org_id IS NULL`, []any{id, actor.ID}
		if orgID != 0 {
			q, args = `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ? AND org_id = ?`, []any{id, orgID}
		}
		if err := tx.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			return fmt.Errorf("proposal: support: %w", err)
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `INSERT INTO proposal_supports (proposal_id, user_id, org_id, created_at) VALUES (?, ?, ?, ?)`,
			id, actor.ID, nullID(orgID), s.now()); err != nil {
			return fmt.Errorf("proposal: support: %w", err)
		}
		return record(ctx, tx, actor, "proposal.support", id, supportDetail(orgID))
	})
}

// Unsupport withdraws actor's support of proposal id, as a person (orgID
// 0) or on behalf of an organisation actor is a member of: any member may
// withdraw what the organisation gave. Nothing to withdraw changes
// nothing.
func (s *Store) Unsupport(ctx context.Context, actor Actor, id, orgID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := open(ctx, tx, id); err != nil {
			return err
		}
		q, args := `DELETE FROM proposal_supports WHERE proposal_id = ? AND user_id = ? AND org_id IS NULL`, []any{id, actor.ID}
		if orgID != 0 {
			if err := member(ctx, tx, actor.ID, orgID); err != nil {
				return err
			}
			q, args = `DELETE FROM proposal_supports WHERE proposal_id = ? AND org_id = ?`, []any{id, orgID}
		}
		res, err := tx.Exec(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("proposal: unsupport: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return record(ctx, tx, actor, "proposal.unsupport", id, supportDetail(orgID))
	})
}

func supportDetail(orgID int64) string {
	if orgID == 0 {
		return "person"
	}
	return "org " + strconv.FormatInt(orgID, 10)
}

// open checks that proposal id exists (db.ErrNotFound) and is not merged
// (ErrMerged).
func open(ctx context.Context, q db.Querier, id int64) error {
	var merged sql.NullInt64
	err := q.QueryRow(ctx, `SELECT merged_into FROM proposals WHERE id = ?`, id).Scan(&merged)
	if errors.Is(err, sql.ErrNoRows) {
		return db.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("proposal: %w", err)
	}
	if merged.Valid {
		return ErrMerged
	}
	return nil
}

// member checks that the user belongs to the organisation and that it is
// not hidden from the public (rejected, suspended).
func member(ctx context.Context, q db.Querier, userID, orgID int64) error {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM memberships m JOIN organizations o ON o.id = m.org_id
		WHERE m.user_id = ? AND m.org_id = ? AND o.status NOT IN ('rejected', 'suspended')`, userID, orgID).Scan(&n)
	if err != nil {
		return fmt.Errorf("proposal: membership: %w", err)
	}
	if n == 0 {
		return ErrNotMember
	}
	return nil
}

// Mine is what one user gave a proposal: their own support, and the
// organisations (of theirs) that support it.
type Mine struct {
	Person bool
	Orgs   map[int64]bool
}

// SupportsBy returns what user gave proposal id.
func (s *Store) SupportsBy(ctx context.Context, userID, id int64) (Mine, error) {
	m := Mine{Orgs: map[int64]bool{}}
	rows, err := s.DB.Query(ctx, `SELECT COALESCE(org_id, 0), COALESCE(user_id, 0) FROM proposal_supports
		WHERE proposal_id = ? AND (user_id = ? OR org_id IN (SELECT org_id FROM memberships WHERE user_id = ?))`,
		id, userID, userID)
	if err != nil {
		return m, fmt.Errorf("proposal: supports by: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var org, user int64
		if err := rows.Scan(&org, &user); err != nil {
			return m, err
		}
		if org == 0 && user == userID {
			m.Person = true
		} else if org != 0 {
			m.Orgs[org] = true
		}
	}
	return m, rows.Err()
}
