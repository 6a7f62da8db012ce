package campaign

import (
	"context"
	"fmt"
	"lokadaya/internal/db"
	"time"
)

// Card is what a campaign shows wherever it appears in a list: the home
// page, Galang Daya, an organisation's, an initiative's or a region's page
// and search results. Cards loads a page of them in a fixed number of
// queries, however many campaigns and needs the page holds.
type Card struct {
	*Campaign
	OrgSlug        string
	OrgName        string
	OrgVerified    bool
	OrgRegion      string // the organisation's region code (for its time zone)
	InitiativeSlug string
	InitiativeName string
	// CoverSmall is the key of the cover's phone-sized copy, "" when the
	// cover predates it.
	CoverSmall string
	// Progress has one entry per kind of need the campaign asks for, in
	// Kinds order.
	Progress []KindProgress
	Now      time.Time
}

// KindProgress is how far a campaign's needs of one kind are filled.
// Done counts confirmed rupiah (dana), items received (barang), accepted
// volunteers (relawan), agreed offers (keahlian, kemitraan) or verified
// signatures (advokasi); Target is the sum of the needs' targets, 0 for
// kinds without one.
type KindProgress struct {
	Kind   string
	Done   int64
	Target int64
}

// Percent is Done as a share of Target, 0–100 (0 without a target).
func (p KindProgress) Percent() int {
	if p.Target <= 0 {
		return 0
	}
	return int(min(p.Done*100/p.Target, 100))
}

// Money reports whether the progress counts rupiah.
func (p KindProgress) Money() bool { return p.Kind == KindDana }

// DaysLeft is the number of whole days the campaign still runs, -1 when
// it has no deadline or is no longer open.
func (c Card) DaysLeft() int {
	if c.EndsAt == nil || !c.Open() {
		return -1
	}
	return int(c.TimeLeft(c.Now).Hours() / 24)
}

// Ended reports whether the campaign no longer collects support.
func (c Card) Ended() bool { return c.Status == StatusEnded }

// CardList returns a page of campaigns as cards (see List) and the cursor
// of the next page.
func (s *Store) CardList(ctx context.Context, opt ListOptions) ([]Card, int64, error) {
	list, next, err := s.List(ctx, opt)
	if err != nil {
		return nil, 0, err
	}
	cards, err := s.Cards(ctx, list)
	return cards, next, err
}

// Cards completes campaigns (with their needs loaded, as List returns
// them) into cards, in the same order, with two queries.
func (s *Store) Cards(ctx context.Context, list []*Campaign) ([]Card, error) {
	if len(list) == 0 {
		return nil, nil
	}
	now := s.now()
	out := make([]Card, len(list))
	at := make(map[int64]int, len(list))
	ids := make([]any, len(list))
	for i, c := range list {
		out[i] = Card{Campaign: c, Now: now}
		at[c.ID] = i
		ids[i] = c.ID
	}
	in := db.Marks(len(ids))
	rows, err := s.DB.Query(ctx, `SELECT c.id, o.slug, o.name, o.status, o.region_code, i.slug, i.name, c.cover_small_key
		FROM campaigns c JOIN organizations o ON o.id = c.org_id JOIN initiatives i ON i.id = c.initiative_id
		WHERE c.id IN (`+in+`)`, ids...)
	if err != nil {
		return nil, fmt.Errorf("campaign: cards: %w", err)
	}
	for rows.Next() {
		var id int64
		var status string
		var k Card
		if err := rows.Scan(&id, &k.OrgSlug, &k.OrgName, &status, &k.OrgRegion, &k.InitiativeSlug, &k.InitiativeName,
			&k.CoverSmall); err != nil {
			rows.Close()
			return nil, fmt.Errorf("campaign: cards: %w", err)
		}
		c := &out[at[id]]
		c.OrgSlug, c.OrgName, c.OrgVerified, c.OrgRegion = k.OrgSlug, k.OrgName, status == "verified", k.OrgRegion
		c.InitiativeSlug, c.InitiativeName, c.CoverSmall = k.InitiativeSlug, k.InitiativeName, k.CoverSmall
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("campaign: cards: %w", err)
	}
	rows.Close()

	done, err := s.doneByKind(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		c := &out[i]
		targets := map[string]int64{}
		for _, n := range c.Needs {
			targets[n.Kind] += n.Target
		}
		for _, k := range Kinds {
			t, ok := targets[k]
			if !ok {
				continue
			}
			if k == KindKeahlian || k == KindKemitraan {
				t = 0
			}
			c.Progress = append(c.Progress, KindProgress{Kind: k, Done: done[kindKey{c.ID, k}], Target: t})
		}
	}
	return out, nil
}

type kindKey struct {
	campaign int64
	kind     string
}

// doneByKind sums, in one query, what the campaigns' needs received, by
// campaign and kind of need. Money counts every confirmed donation to the
// campaign, as its page does, from the running totals (campaign_money).
func (s *Store) doneByKind(ctx context.Context, ids []any) (map[kindKey]int64, error) {
	in := db.Marks(len(ids))
	args := make([]any, 0, 4*len(ids))
	for range 4 {
		args = append(args, ids...)
	}
	rows, err := s.DB.Query(ctx, `SELECT campaign_id, 'dana', confirmed FROM campaign_money
		WHERE campaign_id IN (`+in+`)
		UNION ALL SELECT n.campaign_id, n.kind, COALESCE(SUM(g.received), 0) FROM goods_pledges g
		JOIN campaign_needs n ON n.id = g.need_id WHERE n.campaign_id IN (`+in+`) AND n.kind = 'barang' GROUP BY n.campaign_id, n.kind
		UNION ALL SELECT n.campaign_id, n.kind, COUNT(*) FROM volunteer_signups v
		JOIN campaign_needs n ON n.id = v.need_id WHERE n.campaign_id IN (`+in+`) AND v.status = 'accepted' AND n.kind = 'relawan'
		GROUP BY n.campaign_id, n.kind
		UNION ALL SELECT n.campaign_id, n.kind, COUNT(*) FROM offers f
		JOIN campaign_needs n ON n.id = f.need_id WHERE n.campaign_id IN (`+in+`) AND f.status = 'disepakati'
		AND n.kind IN ('keahlian', 'kemitraan') GROUP BY n.campaign_id, n.kind
		UNION ALL SELECT n.campaign_id, n.kind, COUNT(*) FROM petition_signatures p
		JOIN campaign_needs n ON n.id = p.need_id WHERE n.campaign_id IN (`+in+`) AND p.verified_at IS NOT NULL
		AND n.kind = 'advokasi' GROUP BY n.campaign_id, n.kind`, append(args, ids...)...)
	if err != nil {
		return nil, fmt.Errorf("campaign: card progress: %w", err)
	}
	defer rows.Close()
	out := map[kindKey]int64{}
	for rows.Next() {
		var k kindKey
		var n int64
		if err := rows.Scan(&k.campaign, &k.kind, &n); err != nil {
			return nil, fmt.Errorf("campaign: card progress: %w", err)
		}
		out[k] += n
	}
	return out, rows.Err()
}
