// Package voicesummary puts together, for one initiative and one period,
// what the people it serves told it and how many it served: reach from
// the service records, red / yellow / green feedback, complaints and the
// satisfaction index (IKM). Stage 5 and stage 7 of the cycle and the
// weekly digest to an organisation's members all read this one Summary.
//
// Each capability contributes its part as a Source; a capability that is
// not wired in leaves its part nil, and the pages say nothing of it.
package voicesummary

import (
	"context"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/service"
)

// Summary is the voice of the people an initiative serves over a period.
type Summary struct {
	OrgID, InitiativeID int64
	// Period is the days covered, YYYY-MM-DD, both included, in Zone (the
	// organisation's time zone).
	Period service.Period
	Zone   *time.Location

	Reach        service.Counts
	Feedback     *Feedback     // nil when feedback is not wired in
	Complaints   *Complaints   // nil when complaints are not wired in
	Satisfaction *Satisfaction // nil when no survey round covers the period
}

// Feedback is the red / yellow / green tally of the period.
type Feedback struct {
	Merah, Kuning, Hijau int64
}

// Total is every vote of the tally.
func (f *Feedback) Total() int64 { return f.Merah + f.Kuning + f.Hijau }

// Complaints are the figures of the complaints received in the period, as
// they stand now.
type Complaints struct {
	Received  int
	Answered  int // with a first answer
	Decided   int // answered, or unanswered past the first deadline
	OnTime    int // first answer by the first deadline
	Overdue   int // owing an answer past its deadline now
	Escalated int
	// MedianFirstAnswer is over the answered ones; 0 when none is.
	MedianFirstAnswer time.Duration
}

// OnTimePermille is the share answered on time of those whose first
// deadline is decided, in tenths of a percent; false when none is.
func (c *Complaints) OnTimePermille() (int64, bool) {
	if c.Decided == 0 {
		return 0, false
	}
	return i18n.Permille(int64(c.OnTime), int64(c.Decided)), true
}

// Satisfaction is the latest survey round (SKM) whose period overlaps the
// summary's, with its index.
type Satisfaction struct {
	RoundTitle  string
	From, To    string // the round's period, YYYY-MM-DD
	Respondents int
	// HasIKM is false until every element has a score.
	HasIKM bool
	IKM    float64 // 25–100, two decimals
	Grade  string  // A, B, C or D
	// SampleKnown is false when the round's population is unknown;
	// SampleEnough tells whether the respondents suffice for it.
	SampleKnown, SampleEnough bool
	SampleRequired            int64
}

// Empty reports whether nothing happened in the period: no one recorded
// as served, no vote, no complaint, no survey response.
func (s *Summary) Empty() bool {
	return s.Reach.Total == 0 && (s.Feedback == nil || s.Feedback.Total() == 0) &&
		(s.Complaints == nil || s.Complaints.Received == 0) && (s.Satisfaction == nil || s.Satisfaction.Respondents == 0)
}

// Source adds one capability's figures to a summary whose scope and period
// are set.
type Source interface {
	Contribute(ctx context.Context, s *Summary) error
}

// Builder builds summaries from its sources; DB lists an organisation's
// initiatives for ForOrg.
type Builder struct {
	DB      *db.DB
	Sources []Source
}

// Build is the summary of an initiative of the organisation over a period
// of days in zone.
func (b *Builder) Build(ctx context.Context, orgID, initiativeID int64, p service.Period, zone *time.Location) (*Summary, error) {
	s := &Summary{OrgID: orgID, InitiativeID: initiativeID, Period: p, Zone: zone, Reach: service.Counts{Groups: map[string]int64{}}}
	for _, src := range b.Sources {
		if err := src.Contribute(ctx, s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Bounds are the instants the period covers in its zone: from the start
// of its first day to the start of the day after its last. An open end is
// the zero time.
func (s *Summary) Bounds() (from, to time.Time) {
	if t, err := time.ParseInLocation(time.DateOnly, s.Period.From, s.Zone); err == nil {
		from = t
	}
	if t, err := time.ParseInLocation(time.DateOnly, s.Period.To, s.Zone); err == nil {
		to = t.AddDate(0, 0, 1)
	}
	return from, to
}
