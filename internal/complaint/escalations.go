package complaint

import (
	"context"
	"fmt"
	"time"
)

// Escalated is an overdue complaint escalated to a hub, as its
// coordinators see it: what the public sees, and which organisation.
type Escalated struct {
	PublicEntry
	OrgName     string
	OrgSlug     string
	OrgRegion   string // its region code, for its time zone
	EscalatedAt time.Time
}

// EscalationsOfHub lists the complaints escalated to the hub, newest
// escalation first. The caller checks that the user coordinates the hub
// (or is a platform admin): a coordinator sees their own hub's only.
func (s *Store) EscalationsOfHub(ctx context.Context, hubID int64) ([]Escalated, error) {
	// complaints.escalated_at holds the latest escalation.
	rows, err := s.DB.Query(ctx, `SELECT DISTINCT c.id, c.escalated_at, o.name, o.slug, o.region_code
		FROM complaint_escalations e JOIN complaints c ON c.id = e.complaint_id JOIN organizations o ON o.id = c.org_id
		WHERE e.hub_id = ? ORDER BY c.escalated_at DESC, c.id DESC`, hubID)
	if err != nil {
		return nil, fmt.Errorf("complaint: escalations: %w", err)
	}
	var out []Escalated
	var ids []int64
	for rows.Next() {
		var e Escalated
		var id int64
		if err := rows.Scan(&id, &e.EscalatedAt, &e.OrgName, &e.OrgSlug, &e.OrgRegion); err != nil {
			rows.Close()
			return nil, fmt.Errorf("complaint: escalations: %w", err)
		}
		e.EscalatedAt = e.EscalatedAt.UTC()
		out = append(out, e)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, id := range ids {
		c, err := s.ByID(ctx, id)
		if err != nil {
			return nil, err
		}
		p, err := s.PublicEntry(ctx, c)
		if err != nil {
			return nil, err
		}
		out[i].PublicEntry = *p
	}
	return out, nil
}
