package voicesummary

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/service"
)

// Named is the summary of one initiative with its name and address.
type Named struct {
	Name, Slug string
	*Summary
}

// ForOrg is the summary of each of the organisation's initiatives over
// the period, in the order they were created.
func (b *Builder) ForOrg(ctx context.Context, orgID int64, p service.Period, zone *time.Location) ([]Named, error) {
	if b.DB == nil {
		return nil, fmt.Errorf("voicesummary: no database")
	}
	rows, err := b.DB.Query(ctx, `SELECT id, name, slug FROM initiatives WHERE org_id = ? ORDER BY id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("voicesummary: initiatives: %w", err)
	}
	type ini struct {
		id         int64
		name, slug string
	}
	var list []ini
	for rows.Next() {
		var i ini
		if err := rows.Scan(&i.id, &i.name, &i.slug); err != nil {
			rows.Close()
			return nil, fmt.Errorf("voicesummary: initiatives: %w", err)
		}
		list = append(list, i)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("voicesummary: initiatives: %w", err)
	}
	out := make([]Named, 0, len(list))
	for _, i := range list {
		s, err := b.Build(ctx, orgID, i.id, p, zone)
		if err != nil {
			return nil, err
		}
		out = append(out, Named{Name: i.name, Slug: i.slug, Summary: s})
	}
	return out, nil
}

// CyclePeriod is the period of a cycle in the organisation's zone: from
// the day it opened to the day it closed, or to today while it is open.
func CyclePeriod(opened time.Time, closed *time.Time, now time.Time, zone *time.Location) service.Period {
	end := now
	if closed != nil {
		end = *closed
	}
	return service.Period{From: opened.In(zone).Format(time.DateOnly), To: end.In(zone).Format(time.DateOnly)}
}
