package proposal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// CanMerge reports whether actor may merge proposals of regionCode: a
// platform admin, or a coordinator of a hub covering the region.
func (s *Store) CanMerge(ctx context.Context, actor Actor, regionCode string) (bool, error) {
	if actor.Admin {
		return true, nil
	}
	if actor.ID == 0 {
		return false, nil
	}
	return coordinates(ctx, s.DB, actor.ID, regionCode)
}

func coordinates(ctx context.Context, q db.Querier, userID int64, regionCode string) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM hub_coordinators hc JOIN hub_regions hr ON hr.hub_id = hc.hub_id
		WHERE hc.user_id = ? AND (hr.region_code = ? OR ? LIKE (hr.region_code || '.%'))`,
		userID, regionCode, regionCode).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("proposal: coordinator check: %w", err)
	}
	return n > 0, nil
}

// sameSubtree reports whether one region lies within the other (or they
// are the same): a duplicate for a kelurahan may join the kecamatan's.
func sameSubtree(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".")
}

// Merge merges proposal dupID into intoID: the duplicate's supporters move
// to the target (someone who supported both counts once), the duplicate
// stops taking support and points to the target. Only a platform admin
// or a coordinator of a hub covering both regions may (ErrNotAllowed);
// the two must lie in one region subtree and neither may be merged
// already — a validate.Errors on field "into". All or nothing, audited.
func (s *Store) Merge(ctx context.Context, actor Actor, dupID, intoID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		dup, err := lockRow(ctx, tx, dupID)
		if err != nil {
			return err
		}
		if !actor.Admin {
			ok, err := coordinates(ctx, tx, actor.ID, dup.region)
			if err != nil {
				return err
			}
			if !ok {
				return ErrNotAllowed
			}
		}
		if dup.merged {
			return ErrMerged
		}
		e := validate.Errors{}
		if intoID == dupID || intoID <= 0 {
			e.Add("into", "proposal.err.merge_target")
			return e
		}
		into, err := lockRow(ctx, tx, intoID)
		if errors.Is(err, db.ErrNotFound) {
			e.Add("into", "proposal.err.merge_target")
			return e
		}
		if err != nil {
			return err
		}
		switch {
		case into.merged:
			e.Add("into", "proposal.err.merge_merged")
		case !sameSubtree(dup.region, into.region):
			e.Add("into", "proposal.err.merge_region")
		}
		if len(e) > 0 {
			return e
		}
		if !actor.Admin {
			ok, err := coordinates(ctx, tx, actor.ID, into.region)
			if err != nil {
				return err
			}
			if !ok {
				return ErrNotAllowed
			}
		}
		return s.moveSupports(ctx, tx, actor, dupID, intoID)
	})
}

// moveSupports moves dup's supports to into, skipping the people and
// organisations who support into already, then marks dup merged.
func (s *Store) moveSupports(ctx context.Context, tx *db.Tx, actor Actor, dupID, intoID int64) error {
	steps := []struct {
		q    string
		args []any
	}{
		{`UPDATE proposal_supports SET proposal_id = ? WHERE proposal_id = ? AND org_id IS NULL
			AND user_id NOT IN (SELECT user_id FROM proposal_supports WHERE proposal_id = ? AND org_id IS NULL AND user_id IS NOT NULL)`,
			[]any{intoID, dupID, intoID}},
		{`UPDATE proposal_supports SET proposal_id = ? WHERE proposal_id = ? AND org_id IS NOT NULL
			AND org_id NOT IN (SELECT org_id FROM proposal_supports WHERE proposal_id = ? AND org_id IS NOT NULL)`,
			[]any{intoID, dupID, intoID}},
		{`DELETE FROM proposal_supports WHERE proposal_id = ?`, []any{dupID}},
		{`UPDATE proposals SET merged_into = ?, status = ?, updated_at = ? WHERE id = ?`,
			[]any{intoID, StatusMerged, s.now(), dupID}},
	}
	for _, st := range steps {
		if _, err := tx.Exec(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("proposal: merge: %w", err)
		}
	}
	return record(ctx, tx, actor, "proposal.merge", dupID, "into "+strconv.FormatInt(intoID, 10))
}

type row struct {
	region string
	merged bool
}

// lockRow reads a proposal's region and whether it is merged, within the
// transaction (on PostgreSQL the row stays locked until it ends).
func lockRow(ctx context.Context, tx *db.Tx, id int64) (row, error) {
	var r row
	var merged *int64
	q := `SELECT region_code, merged_into FROM proposals WHERE id = ?`
	if tx.Dialect == db.Postgres {
		q += ` FOR UPDATE`
	}
	err := tx.QueryRow(ctx, q, id).Scan(&r.region, &merged)
	if errors.Is(err, sql.ErrNoRows) {
		return r, db.ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("proposal: %w", err)
	}
	r.merged = merged != nil
	return r, nil
}
