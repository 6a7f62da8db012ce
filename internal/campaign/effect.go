package campaign

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/supporter"
)

// Effect is a campaign's effectiveness for the stage 4 review. Supporters
// are the distinct people who supported it in any way (see package
// supporter); Support breaks them down by kind.
type Effect struct {
	Visits     int64
	Supporters int64
	Support    supporter.Count
	Money      Money
	Methods    []donation.MethodTotal
	Repeat     supporter.Repeat
	// ReachedAt is when confirmed money reached the money target; nil
	// while it has not.
	ReachedAt *time.Time
	// DaysToTarget counts the days, in zone, from the campaign's start to
	// ReachedAt; -1 while the target is not reached.
	DaysToTarget int
}

// Conversion is the share of visits that became a supporter.
func (e *Effect) Conversion() Rate { return Rate{Part: e.Supporters, Whole: e.Visits} }

// Rate is a part out of a whole, such as supporters out of visits.
type Rate struct{ Part, Whole int64 }

// Known reports whether the rate means something: there is a whole, and
// no more parts than it. Supporters outnumber visits when people support
// through the API or are recorded without opening a page; a "conversion"
// above 100 % would only mislead, so pages say why there is none.
func (r Rate) Known() bool { return r.Whole > 0 && r.Part <= r.Whole }

// Tenths is the rate in tenths of a percent, rounded; 0 unless Known.
func (r Rate) Tenths() int64 {
	if !r.Known() {
		return 0
	}
	return i18n.Permille(r.Part, r.Whole)
}

// Share is the percentage of the money target confirmed, or -1 without a
// target.
func (e *Effect) Share() int64 { return percent(e.Money.Confirmed, e.Money.Target) }

// percent is part per hundred of whole, rounded down; -1 when whole is 0.
func percent(part, whole int64) int64 {
	if whole <= 0 {
		return -1
	}
	return part * 100 / whole
}

// Start is when the campaign began: its start date, else its publication,
// else its creation.
func (c *Campaign) Start() time.Time {
	switch {
	case c.StartsAt != nil:
		return *c.StartsAt
	case c.PublishedAt != nil:
		return *c.PublishedAt
	}
	return c.CreatedAt
}

// Effect gathers c's effectiveness figures; days are counted in zone.
func (s *Store) Effect(ctx context.Context, c *Campaign, zone *time.Location) (*Effect, error) {
	e := &Effect{DaysToTarget: -1}
	var err error
	if _, e.Visits, err = s.Visits(ctx, c.ID); err != nil {
		return nil, err
	}
	if e.Money, err = s.MoneyProgress(ctx, c); err != nil {
		return nil, err
	}
	if e.Support, err = supporter.Campaign(ctx, s.DB, c.ID); err != nil {
		return nil, err
	}
	e.Supporters = e.Support.Total
	if e.Methods, err = donation.ByMethod(ctx, s.DB, c.ID); err != nil {
		return nil, err
	}
	if e.Repeat, err = supporter.Repeats(ctx, s.DB, c.ID); err != nil {
		return nil, err
	}
	if e.ReachedAt, err = donation.ReachedAt(ctx, s.DB, c.ID, e.Money.Target); err != nil {
		return nil, err
	}
	if e.ReachedAt != nil {
		e.DaysToTarget = max(0, daysBetween(c.Start(), *e.ReachedAt, zone))
	}
	return e, nil
}

// daysBetween counts calendar days in zone from a to b.
func daysBetween(a, b time.Time, zone *time.Location) int {
	if zone == nil {
		zone = time.UTC
	}
	day := func(t time.Time) time.Time {
		y, m, d := t.In(zone).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return int(day(b).Sub(day(a)).Hours() / 24)
}

// SchemeEffect compares the organisation's public campaigns that test one
// exchange scheme. Supporters are people of every kind of support, summed
// over campaigns (someone who supported two campaigns counts in each).
type SchemeEffect struct {
	Scheme     string
	Campaigns  int
	Supporters int64
	Confirmed  int64 // rupiah
	Target     int64 // rupiah, the campaigns' money targets together
	Visits     int64
}

// Share is the percentage of the money targets confirmed, or -1 without
// a target.
func (e *SchemeEffect) Share() int64 { return percent(e.Confirmed, e.Target) }

// Conversion is the share of visits that became a supporter.
func (e *SchemeEffect) Conversion() Rate { return Rate{Part: e.Supporters, Whole: e.Visits} }

// CompareSchemes sums the organisation's public (active or ended)
// campaigns by exchange scheme, one entry per scheme in scheme order.
func (s *Store) CompareSchemes(ctx context.Context, orgID int64) ([]SchemeEffect, error) {
	list, _, err := s.List(ctx, ListOptions{OrgID: orgID})
	if err != nil {
		return nil, err
	}
	totals, err := donation.OrgCampaignTotals(ctx, s.DB, orgID)
	if err != nil {
		return nil, err
	}
	support, err := supporter.Org(ctx, s.DB, orgID)
	if err != nil {
		return nil, err
	}
	visits, err := s.orgVisits(ctx, orgID)
	if err != nil {
		return nil, err
	}
	by := map[string]*SchemeEffect{}
	for _, c := range list {
		if !c.Public() {
			continue
		}
		e := by[c.Scheme]
		if e == nil {
			e = &SchemeEffect{Scheme: c.Scheme}
			by[c.Scheme] = e
		}
		e.Campaigns++
		e.Supporters += support[c.ID].Total
		e.Confirmed += totals[c.ID].Confirmed
		e.Target += c.MoneyTarget()
		e.Visits += visits[c.ID]
	}
	out := make([]SchemeEffect, 0, len(Schemes()))
	for _, sc := range Schemes() {
		if e := by[sc]; e != nil {
			out = append(out, *e)
		} else {
			out = append(out, SchemeEffect{Scheme: sc})
		}
	}
	return out, nil
}

// orgVisits is the total page views of each of the organisation's
// campaigns, by campaign id.
func (s *Store) orgVisits(ctx context.Context, orgID int64) (map[int64]int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT v.campaign_id, SUM(v.count) FROM campaign_visits v
		JOIN campaigns c ON c.id = v.campaign_id WHERE c.org_id = ? GROUP BY v.campaign_id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("campaign: visits: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("campaign: visits: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
