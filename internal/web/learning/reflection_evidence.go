package learning

import (
	"context"
	"time"

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
}

// Item pairs an initiative's name with its summary, for the template.
type evidenceItem struct {
	Name, Slug string
	*voicesummary.Summary
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
	return e, nil
}
