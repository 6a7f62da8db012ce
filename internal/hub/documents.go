package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/org"
)

// RequestedDocuments are the legal documents the latest decision on the
// organisation asked for: none unless it was "needs changes".
func (s *Store) RequestedDocuments(ctx context.Context, orgID int64) ([]org.DocKind, error) {
	var d, docs string
	err := s.DB.QueryRow(ctx, `SELECT decision, requested_docs FROM org_reviews WHERE org_id = ? ORDER BY id DESC LIMIT 1`,
		orgID).Scan(&d, &docs)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && Decision(d) != DecideNeedsChanges) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hub: requested documents: %w", err)
	}
	return SplitDocs(docs), nil
}

// Reviews reports whether the user may review the organisation: a
// platform admin, or a coordinator of a hub covering its region.
func (s *Store) Reviews(ctx context.Context, reviewer Actor, o *org.Organization) (bool, error) {
	if reviewer.IsAdmin {
		return true, nil
	}
	if reviewer.ID == 0 {
		return false, nil
	}
	return s.IsCoordinatorFor(ctx, reviewer.ID, o.RegionCode)
}
