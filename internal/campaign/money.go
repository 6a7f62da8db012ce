package campaign

import (
	"context"

	"lokadaya/internal/donation"
	"lokadaya/internal/goods"
	"lokadaya/internal/offer"
	"lokadaya/internal/petition"
	"lokadaya/internal/supporter"
	"lokadaya/internal/volunteer"
)

// Money is the money side of a campaign, in rupiah.
type Money struct {
	Target    int64 // sum of the dana needs' targets
	Confirmed int64 // donations the treasurer (or gateway) confirmed
	Pending   int64 // donations promised but not yet confirmed
	Donors    int64 // distinct donors with a confirmed donation
}

// MoneyProgress is the campaign's money so far: confirmed donations,
// each counted once, and pending ones shown apart.
func (s *Store) MoneyProgress(ctx context.Context, c *Campaign) (Money, error) {
	m, err := donation.CampaignMoney(ctx, s.DB, c.ID)
	if err != nil {
		return Money{}, err
	}
	return Money{Target: c.MoneyTarget(), Confirmed: m.Confirmed, Pending: m.Pending, Donors: m.Donors}, nil
}

// Fulfilled is how much of a need is filled: confirmed rupiah for dana.
// Goods, volunteers and signatures come with their own flows; until then
// they are 0.
func (s *Store) Fulfilled(ctx context.Context, n *Need) (int64, error) {
	if n.Kind == KindDana {
		return donation.NeedConfirmed(ctx, s.DB, n.ID)
	}
	if n.Kind == KindBarang {
		return goods.NeedReceived(ctx, s.DB, n.ID) // items received
	}
	if n.Kind == KindKeahlian || n.Kind == KindKemitraan {
		return offer.NeedAgreed(ctx, s.DB, n.ID) // agreed offers
	}
	if n.Kind == KindAdvokasi {
		return petition.Verified(ctx, s.DB, n.ID) // verified signatures
	}
	if n.Kind == KindRelawan {
		return volunteer.Accepted(ctx, s.DB, n.ID) // accepted volunteers
	}
	return 0, nil
}

// Supporters counts the distinct people who supported a campaign in any
// way: confirmed money, goods, accepted volunteers, offers not turned
// down and verified signatures (see package supporter).
func (s *Store) Supporters(ctx context.Context, c *Campaign) (int64, error) {
	n, err := supporter.Campaign(ctx, s.DB, c.ID)
	return n.Total, err
}
