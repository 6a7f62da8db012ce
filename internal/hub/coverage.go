package hub

import (
	"context"
	"fmt"
)

// coverArgSQL is true when the region code given as the two arguments lies
// in hub region alias hr.
const coverArgSQL = `(hr.region_code = ? OR ? LIKE (hr.region_code || '.%'))`

// HubsCovering returns the hubs whose regions include regionCode.
func (s *Store) HubsCovering(ctx context.Context, regionCode string) ([]*Hub, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, slug, name, description, created_at FROM hubs WHERE id IN
		(SELECT hr.hub_id FROM hub_regions hr WHERE `+coverArgSQL+`) ORDER BY name, id`, regionCode, regionCode)
	if err != nil {
		return nil, fmt.Errorf("hub: covering: %w", err)
	}
	hubs, err := scanHubs(rows)
	if err != nil {
		return nil, err
	}
	return hubs, s.fill(ctx, hubs)
}

// IsCoordinatorFor reports whether the user coordinates a hub covering the
// organisation's region.
func (s *Store) IsCoordinatorFor(ctx context.Context, userID int64, orgRegionCode string) (bool, error) {
	var n int
	err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM hub_coordinators hc JOIN hub_regions hr ON hr.hub_id = hc.hub_id
		WHERE hc.user_id = ? AND `+coverArgSQL, userID, orgRegionCode, orgRegionCode).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("hub: coordinator check: %w", err)
	}
	return n > 0, nil
}

// IsCoordinatorOf reports whether the user coordinates the hub.
func (s *Store) IsCoordinatorOf(ctx context.Context, userID, hubID int64) (bool, error) {
	var n int
	err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM hub_coordinators WHERE user_id = ? AND hub_id = ?`, userID, hubID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("hub: coordinator check: %w", err)
	}
	return n > 0, nil
}

// Covers reports whether the hub's regions include regionCode.
func (s *Store) Covers(ctx context.Context, hubID int64, regionCode string) (bool, error) {
	var n int
	err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM hub_regions hr WHERE hr.hub_id = ? AND `+coverArgSQL,
		hubID, regionCode, regionCode).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("hub: covers: %w", err)
	}
	return n > 0, nil
}

// HubsOf returns the hubs the user coordinates.
func (s *Store) HubsOf(ctx context.Context, userID int64) ([]*Hub, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, slug, name, description, created_at FROM hubs WHERE id IN
		(SELECT hub_id FROM hub_coordinators WHERE user_id = ?) ORDER BY name, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("hub: hubs of user: %w", err)
	}
	hubs, err := scanHubs(rows)
	if err != nil {
		return nil, err
	}
	return hubs, s.fill(ctx, hubs)
}
