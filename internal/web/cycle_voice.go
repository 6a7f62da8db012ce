package web

import (
	"context"
	"database/sql"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/voicesummary"
)

// cycleVoice is the voice of the people served over a cycle's period, per
// initiative of the organisation: what stage 5 and the reviews of stages
// 5 and 7 show.
type cycleVoice struct {
	Period      service.Period
	Initiatives []voicesummary.Named
}

// From and To are the period's first and last days, for display.
func (v *cycleVoice) From(zone *time.Location) time.Time { return dayIn(v.Period.From, zone) }
func (v *cycleVoice) To(zone *time.Location) time.Time   { return dayIn(v.Period.To, zone) }

func dayIn(day string, zone *time.Location) time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, day, zone)
	return t
}

// voiceSummary builds the summaries of the organisation's initiatives.
func (s *Server) voiceSummary() *voicesummary.Builder { return voicesummary.New(s.db, s.cfg.Clock) }

// loadCycleVoice is the summary of each of the organisation's initiatives
// from the day the cycle opened to the day it closed, or today.
func (s *Server) loadCycleVoice(ctx context.Context, o *org.Organization, cycleID int64) (*cycleVoice, error) {
	var opened time.Time
	var closed sql.NullTime
	if err := s.db.QueryRow(ctx, `SELECT opened_at, closed_at FROM cycles WHERE id = ?`, cycleID).Scan(&opened, &closed); err != nil {
		return nil, err
	}
	var end *time.Time
	if closed.Valid {
		end = &closed.Time
	}
	zone := region.Zone(o.RegionCode)
	now := db.Now()
	if s.cfg.Clock != nil {
		now = s.cfg.Clock()
	}
	p := voicesummary.CyclePeriod(opened, end, now, zone)
	list, err := s.voiceSummary().ForOrg(ctx, o.ID, p, zone)
	if err != nil {
		return nil, err
	}
	return &cycleVoice{Period: p, Initiatives: list}, nil
}
