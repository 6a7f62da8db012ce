package campaign

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
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

// FulfilledAll is Fulfilled for several needs in one query, by need id;
// a need with nothing yet may be absent (0).
func (s *Store) FulfilledAll(ctx context.Context, needs []Need) (map[int64]int64, error) {
	out := make(map[int64]int64, len(needs))
	byKind := map[string][]any{}
	for _, n := range needs {
		k := n.Kind
		if k == KindKemitraan {
			k = KindKeahlian // both are filled by agreed offers
		}
		byKind[k] = append(byKind[k], n.ID)
	}
	// Each kind's count, as its package counts it for one need.
	counts := []struct{ kind, sql string }{
		{KindDana, `SELECT need_id, confirmed FROM need_money WHERE need_id IN (%s)`},
		{KindBarang, `SELECT need_id, COALESCE(SUM(received), 0) FROM goods_pledges WHERE need_id IN (%s) GROUP BY need_id`},
		{KindRelawan, `SELECT need_id, COUNT(*) FROM volunteer_signups WHERE need_id IN (%s) AND status = 'accepted' GROUP BY need_id`},
		{KindKeahlian, `SELECT need_id, COUNT(*) FROM offers WHERE need_id IN (%s) AND status = 'disepakati' GROUP BY need_id`},
		{KindAdvokasi, `SELECT need_id, COUNT(*) FROM petition_signatures WHERE need_id IN (%s) AND verified_at IS NOT NULL
			GROUP BY need_id`},
	}
	var parts []string
	var args []any
	for _, c := range counts {
		if ids := byKind[c.kind]; len(ids) > 0 {
			parts = append(parts, fmt.Sprintf(c.sql, db.Marks(len(ids))))
			args = append(args, ids...)
		}
	}
	if len(parts) == 0 {
		return out, nil
	}
	rows, err := s.DB.Query(ctx, strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return nil, fmt.Errorf("campaign: fulfilled: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("campaign: fulfilled: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
