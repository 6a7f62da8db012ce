package campaign

import "context"

// Money is the money side of a campaign, in rupiah.
type Money struct {
	Target    int64 // sum of the dana needs' targets
	Confirmed int64 // donations the treasurer (or gateway) confirmed
	Pending   int64 // donations promised but not yet confirmed
	Donors    int64 // distinct donors with a confirmed donation
}

// MoneyProgress is the campaign's money so far. Donations do not exist
// yet: until the donations round fills this in from its own tables,
// confirmed, pending and donors are 0, honestly.
func (s *Store) MoneyProgress(ctx context.Context, c *Campaign) (Money, error) {
	_ = ctx
	return Money{Target: c.MoneyTarget()}, nil
}

// Fulfilled is how much of a need is filled (rupiah, items received,
// slots taken, signatures). Support flows come with the donations round;
// until then it is 0 for every need.
func (s *Store) Fulfilled(ctx context.Context, n *Need) (int64, error) {
	_, _ = ctx, n
	return 0, nil
}

// Supporters counts the distinct people who supported a campaign in any
// way. Support flows come with the donations round; until then it is 0.
func (s *Store) Supporters(ctx context.Context, c *Campaign) (int64, error) {
	_, _ = ctx, c
	return 0, nil
}
