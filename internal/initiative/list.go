package initiative

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// ListOptions narrows a list of initiatives.
type ListOptions struct {
	OrgID         int64  // 0: every organisation
	PublishedOnly bool   // only published initiatives of public organisations
	Region        string // served in that region or anywhere under it
	Category      string
	After         int64 // cursor: ids below this one (newest first)
	Limit         int   // 0: no limit
}

// List returns initiatives newest first, and the cursor of the next page
// (0 when there is none).
func (s *Store) List(ctx context.Context, opt ListOptions) ([]*Initiative, int64, error) {
	where, args := []string{"1 = 1"}, []any{}
	if opt.OrgID != 0 {
		where = append(where, "i.org_id = ?")
		args = append(args, opt.OrgID)
	}
	if opt.PublishedOnly {
		// Rejected and suspended organisations are hidden with their initiatives.
		where = append(where, "i.status = 'published'", org.ShownSQL("i.org_id"))
	}
	if opt.Region != "" {
		serves, a := region.OverlapsSQL("r.region_code", opt.Region)
		narrow, err := region.Narrow(ctx, s.DB, opt.Region)
		if err != nil {
			return nil, 0, fmt.Errorf("initiative: list: %w", err)
		}
		if narrow {
			// Few initiatives match: find them from the region index
			// rather than walk the newest initiatives looking for them.
			where = append(where, `i.id IN (SELECT r.initiative_id FROM initiative_regions r WHERE `+serves+`)`)
		} else {
			where = append(where, `EXISTS (SELECT 1 FROM initiative_regions r WHERE r.initiative_id = i.id AND `+serves+`)`)
		}
		args = append(args, a...)
	}
	if opt.Category != "" {
		where = append(where, "i.category = ?")
		args = append(args, opt.Category)
	}
	if opt.After > 0 {
		where = append(where, "i.id < ?")
		args = append(args, opt.After)
	}
	q := `SELECT ` + prefixed("i.", columns) + ` FROM initiatives i
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY i.id DESC`
	if opt.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", opt.Limit+1)
	}
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("initiative: list: %w", err)
	}
	defer rows.Close()
	var out []*Initiative
	for rows.Next() {
		i, err := scan(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("initiative: list: %w", err)
		}
		out = append(out, i)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("initiative: list: %w", err)
	}
	var next int64
	if opt.Limit > 0 && len(out) > opt.Limit {
		out = out[:opt.Limit]
		next = out[len(out)-1].ID
	}
	if err := loadLinks(ctx, s.DB, out); err != nil {
		return nil, 0, err
	}
	return out, next, nil
}

// prefixed qualifies every column of a column list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
