package learning

import (
	"context"
	"strconv"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
	"lokadaya/internal/initiative"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/voicesummary"
)

// evidence is what the platform already knows about the period under
// review, gathered for the session: the voice of the people each
// initiative serves (reach, feedback, complaints and their answer times,
// IKM) and the organisation's books.
type evidence struct {
	Period service.Period
	Voice  []*voicesummary.Summary // per initiative under review, in its order
	Names  []string
	Slugs  []string
	Books  ledger.Summary
	// Indicators are the indicators of the initiatives under review with
	// their actuals, typed and computed.
	Indicators []evidenceIndicator
}

// evidenceIndicator is an indicator with its latest actual and how far
// it has come from the baseline to the target.
type evidenceIndicator struct {
	*indicator.Indicator
	Latest  *indicator.Actual
	Percent string // "" when it cannot be said
}

// evidenceIndicators keeps, of each indicator's actuals, those of periods
// that ended by the end of the period under review: a session looks at
// what had happened, not at a month still under way.
// LatestPeriod names the latest actual's period as people read it.
func (e evidenceIndicator) LatestPeriod(l i18n.Lang) string {
	if e.Latest == nil {
		return ""
	}
	return indicator.PeriodLabel(l, e.Latest.Period)
}

func evidenceIndicators(list []*indicator.Indicator, until string) []evidenceIndicator {
	out := make([]evidenceIndicator, 0, len(list))
	for _, i := range list {
		shown := *i
		shown.Actuals = nil
		for _, a := range i.Actuals {
			if _, to, ok := indicator.PeriodRange(i.Period, a.Period); ok && to <= until {
				shown.Actuals = append(shown.Actuals, a)
			}
		}
		e := evidenceIndicator{Indicator: &shown, Latest: shown.Latest()}
		if p, ok := shown.Progress(); ok {
			e.Percent = strconv.FormatInt(p, 10) + "%"
		}
		out = append(out, e)
	}
	return out
}

// Item pairs an initiative's name with its summary, for the template.
type evidenceItem struct {
	Name, Slug string
	*voicesummary.Summary
}

// MedianAnswer is how long the complaints of the period waited for their
// first answer (the median), "" when none was answered.
func (e evidenceItem) MedianAnswer(l i18n.Lang) string {
	if e.Complaints == nil || e.Complaints.Answered == 0 {
		return ""
	}
	return i18n.DaysHours(l, e.Complaints.MedianFirstAnswer)
}

// Items are the initiatives' summaries with their names.
func (e *evidence) Items() []evidenceItem {
	out := make([]evidenceItem, len(e.Voice))
	for i, v := range e.Voice {
		out[i] = evidenceItem{Name: e.Names[i], Slug: e.Slugs[i], Summary: v}
	}
	return out
}

func (h *handlers) gatherEvidence(ctx context.Context, o *org.Organization, s *reflection.Session,
	inits []*initiative.Initiative) (*evidence, error) {
	zone := region.Zone(o.RegionCode)
	e := &evidence{Period: service.Period{From: s.PeriodFrom, To: s.PeriodTo}}
	if h.Voice != nil {
		for _, i := range inits {
			v, err := h.Voice.Build(ctx, o.ID, i.ID, e.Period, zone)
			if err != nil {
				return nil, err
			}
			e.Voice, e.Names, e.Slugs = append(e.Voice, v), append(e.Names, i.Name), append(e.Slugs, i.Slug)
		}
	}
	from, err := time.ParseInLocation(time.DateOnly, s.PeriodFrom, zone)
	if err != nil {
		return nil, err
	}
	to, err := time.ParseInLocation(time.DateOnly, s.PeriodTo, zone)
	if err != nil {
		return nil, err
	}
	books, err := ledger.Totals(ctx, h.Reflections.DB, ledger.Filter{OrgID: o.ID, From: from, To: to.AddDate(0, 0, 1)})
	if err != nil {
		return nil, err
	}
	e.Books = books
	if h.Indicators != nil && len(s.InitiativeIDs) > 0 {
		list, err := h.Indicators.ForInitiatives(ctx, s.InitiativeIDs)
		if err != nil {
			return nil, err
		}
		e.Indicators = evidenceIndicators(list, s.PeriodTo)
	}
	return e, nil
}
