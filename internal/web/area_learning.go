package web

import (
	"lokadaya/internal/cadre"
	"lokadaya/internal/commitment"
	"lokadaya/internal/indicator"
	"lokadaya/internal/lesson"
	"lokadaya/internal/reflection"
	"lokadaya/internal/web/learning"
)

func (s *Server) learningStores() learning.Stores {
	now := s.pages.now
	return learning.Stores{
		Indicators:  &indicator.Store{DB: s.db, Now: now},
		Reflections: &reflection.Store{DB: s.db, Now: now},
		Commitments: &commitment.Store{DB: s.db, Now: now},
		Cadres:      &cadre.Store{DB: s.db, Now: now},
		Lessons:     &lesson.Store{DB: s.db, Now: now},
		Orgs:        s.orgs, Initiatives: s.initiativeStore(), Cycles: s.cycleStore(), Regions: s.regions, Voice: s.voiceSummary(), Now: now,
		Search: s.searchIndex(),
	}
}
