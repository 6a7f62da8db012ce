package campaign

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// ListOptions narrows a list of campaigns.
type ListOptions struct {
	OrgID        int64 // 0: every organisation
	InitiativeID int64 // 0: every initiative
	// PublicOnly keeps active and ended campaigns of organisations the
	// public sees (not rejected or suspended).
	PublicOnly bool
	Status     string // as seen now; "" for any
	// Region keeps campaigns whose initiative serves that region or
	// anywhere under it, or whose organisation sits under it.
	Region string
	// BasedIn keeps campaigns of organisations based in that region or
	// under it: what the region figures count (internal/figures).
	BasedIn string
	Kind    string // has a need of this kind
	After   int64  // cursor: ids below this one (newest first)
	// EndingFirst orders by deadline, the nearest first, and keeps only
	// campaigns with one; it pages by Limit only (no cursor).
	EndingFirst bool
	Limit       int // 0: no limit
}

// List returns campaigns newest first, with their needs, and the cursor
// of the next page (0 when there is none).
func (s *Store) List(ctx context.Context, opt ListOptions) ([]*Campaign, int64, error) {
	now := s.now()
	where, args := []string{"1 = 1"}, []any{}
	add := func(cond string, a ...any) { where, args = append(where, cond), append(args, a...) }
	if opt.OrgID != 0 {
		add("c.org_id = ?", opt.OrgID)
	}
	if opt.InitiativeID != 0 {
		add("c.initiative_id = ?", opt.InitiativeID)
	}
	if opt.PublicOnly {
		add("c.status IN ('active', 'ended') AND " + org.ShownSQL("c.org_id"))
	}
	switch opt.Status {
	case "":
	case StatusActive:
		// "IS NOT FALSE" keeps campaigns without a deadline as "ends_at IS
		// NULL OR" would, without offering the deadline index: with it,
		// SQLite read every running campaign through a two-index OR and
		// sorted them all to show the newest few.
		add("c.status = 'active' AND (c.ends_at > ?) IS NOT FALSE", now)
	case StatusEnded:
		add("(c.status = 'ended' OR (c.status = 'active' AND c.ends_at <= ?))", now)
	default:
		add("c.status = ?", opt.Status)
	}
	if opt.Region != "" {
		within, a := region.WithinSQL("o.region_code", opt.Region)
		serves, b := region.OverlapsSQL("r.region_code", opt.Region)
		narrow, err := region.Narrow(ctx, s.DB, opt.Region)
		if err != nil {
			return nil, 0, fmt.Errorf("campaign: list: %w", err)
		}
		if narrow {
			// Few campaigns match: find them from the region's indexes
			// rather than walk the newest campaigns looking for them.
			add(`c.id IN (SELECT c2.id FROM organizations o JOIN campaigns c2 ON c2.org_id = o.id WHERE `+within+`
				UNION ALL SELECT c2.id FROM initiative_regions r JOIN campaigns c2 ON c2.initiative_id = r.initiative_id
				WHERE `+serves+`)`, append(a, b...)...)
		} else {
			add(`(EXISTS (SELECT 1 FROM organizations o WHERE o.id = c.org_id AND `+within+`) OR EXISTS (SELECT 1 FROM initiative_regions r
				WHERE r.initiative_id = c.initiative_id AND `+serves+`))`, append(a, b...)...)
		}
	}
	if opt.BasedIn != "" {
		narrow, err := region.Narrow(ctx, s.DB, opt.BasedIn)
		if err != nil {
			return nil, 0, fmt.Errorf("campaign: list: %w", err)
		}
		if narrow {
			within, a := region.WithinSQL("o.region_code", opt.BasedIn)
			add(`c.org_id IN (SELECT o.id FROM organizations o WHERE `+within+`)`, a...)
		} else {
			// A big region: walk the newest campaigns and check each one's
			// organisation (by a prefix no index serves), rather than read
			// every organisation of the region and sort their campaigns.
			// A scalar subquery, which SQLite does not turn into a join
			// (an EXISTS it does, and then reads every organisation into
			// a Bloom filter first).
			add(fmt.Sprintf("(SELECT substr(o.region_code, 1, %d) FROM organizations o WHERE o.id = c.org_id) = ?",
				len(opt.BasedIn)), opt.BasedIn)
		}
	}
	if opt.Kind != "" {
		add("EXISTS (SELECT 1 FROM campaign_needs n WHERE n.campaign_id = c.id AND n.kind = ?)", opt.Kind)
	}
	if opt.After > 0 {
		add("c.id < ?", opt.After)
	}
	order := "c.id DESC"
	if opt.EndingFirst {
		add("c.ends_at IS NOT NULL")
		order = "c.ends_at, c.id"
	}
	// The organisation is read by key for each campaign kept (see
	// org.ShownSQL), never joined.
	q := `SELECT ` + prefixed("c.", columns) + ` FROM campaigns c
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY ` + order
	if opt.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", opt.Limit+1)
	}
	out, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	var next int64
	if opt.Limit > 0 && len(out) > opt.Limit {
		out = out[:opt.Limit]
		if !opt.EndingFirst {
			next = out[len(out)-1].ID
		}
	}
	if err := attachNeeds(ctx, s.DB, out); err != nil {
		return nil, 0, err
	}
	return out, next, nil
}

func (s *Store) query(ctx context.Context, q string, args ...any) ([]*Campaign, error) {
	now := s.now()
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("campaign: list: %w", err)
	}
	defer rows.Close()
	var out []*Campaign
	for rows.Next() {
		c, err := scan(rows, now)
		if err != nil {
			return nil, fmt.Errorf("campaign: list: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("campaign: list: %w", err)
	}
	return out, nil
}

// SchemeCount is how many campaigns of an organisation test a scheme.
type SchemeCount struct {
	Scheme string
	Count  int
}

// CountBySchemes counts the organisation's campaigns that went public
// (active or ended), by exchange scheme, in scheme order.
func (s *Store) CountBySchemes(ctx context.Context, orgID int64) ([]SchemeCount, error) {
	rows, err := s.DB.Query(ctx, `SELECT scheme, COUNT(*) FROM campaigns WHERE org_id = ? AND status IN ('active', 'ended')
		GROUP BY scheme`, orgID)
	if err != nil {
		return nil, fmt.Errorf("campaign: schemes: %w", err)
	}
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var sc string
		var n int
		if err := rows.Scan(&sc, &n); err != nil {
			return nil, fmt.Errorf("campaign: schemes: %w", err)
		}
		got[sc] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("campaign: schemes: %w", err)
	}
	out := make([]SchemeCount, 0, len(Schemes()))
	for _, sc := range Schemes() {
		out = append(out, SchemeCount{sc, got[sc]})
	}
	return out, nil
}

// prefixed qualifies every column of a column list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
