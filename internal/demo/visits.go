package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/supporter"
)

// Page views of the demo campaigns. Without them the effectiveness page
// could only say that supporters per visit is not counted. A shared link
// turns roughly one visit in twenty-five into a supporter, so each public
// campaign gets visitsPerSupporter visits for each of its supporters, plus
// visitsBase from people who only looked.
const (
	visitsPerSupporter = 25
	visitsBase         = 40
)

// visitCampaigns gives every public demo campaign its page views, spread
// over the days it has run (in its organisation's zone): many on the day
// it was launched and shared, fewer after. Run it after every kind of
// support is recorded.
func visitCampaigns(ctx context.Context, d *db.DB) error {
	store := &campaign.Store{DB: d}
	list, _, err := store.List(ctx, campaign.ListOptions{PublicOnly: true})
	if err != nil {
		return fmt.Errorf("demo: visits: %w", err)
	}
	for _, c := range list {
		support, err := supporter.Campaign(ctx, d, c.ID)
		if err != nil {
			return fmt.Errorf("demo: visits: %w", err)
		}
		var regionCode string
		if err := d.QueryRow(ctx, `SELECT region_code FROM organizations WHERE id = ?`, c.OrgID).Scan(&regionCode); err != nil {
			return fmt.Errorf("demo: visits: %w", err)
		}
		// Views stop coming the day a campaign ends.
		last := db.Now()
		if c.EndsAt != nil && c.EndsAt.Before(last) {
			last = c.EndsAt.Add(-time.Second)
		}
		days := campaignDays(c.Start(), last, region.Zone(regionCode))
		total := visitsBase + visitsPerSupporter*support.Total
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			for i, n := range spreadVisits(total, len(days), c.ID) {
				if _, err := tx.Exec(ctx, `INSERT INTO campaign_visits (campaign_id, day, count) VALUES (?, ?, ?)`,
					c.ID, days[i], n); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return fmt.Errorf("demo: visits of %s: %w", c.Slug, err)
		}
	}
	return nil
}

// campaignDays are the days from start to today, as YYYY-MM-DD in zone;
// today alone when the campaign starts later.
func campaignDays(start, now time.Time, zone *time.Location) []string {
	today := now.In(zone).Format(time.DateOnly)
	var days []string
	for day := start.In(zone); day.Format(time.DateOnly) < today; day = day.AddDate(0, 0, 1) {
		days = append(days, day.Format(time.DateOnly))
	}
	return append(days, today)
}

// spreadVisits shares total visits over n days, most on the first days and
// a little uneven from day to day (seeded by the campaign, so every load
// is the same); the counts add up to total exactly.
func spreadVisits(total int64, n int, seed int64) []int64 {
	weights := make([]int64, n)
	var sum int64
	for i := range weights {
		weights[i] = 12/int64(i+1) + 2 + (seed+int64(i)*3)%4
		sum += weights[i]
	}
	counts := make([]int64, n)
	left := total
	for i, w := range weights {
		counts[i] = total * w / sum
		left -= counts[i]
	}
	counts[0] += left // what rounding down left over
	return counts
}
