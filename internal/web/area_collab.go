package web

import (
	"time"

	"lokadaya/internal/planning"
	"lokadaya/internal/proposal"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/web/collab"
)

func (s *Server) collabStores() collab.Stores {
	now := s.pages.now
	forums, datasets := s.forumStores()
	return collab.Stores{
		Forums: forums, Datasets: datasets,
		Proposals: &proposal.Store{DB: s.db, Now: now, Citations: datasets}, Orgs: s.orgs, Regions: s.regions,
		Rounds:      &planning.Store{DB: s.db, Now: now},
		Accounts:    s.accounts,
		CreateLimit: &ratelimit.Limiter{DB: s.db, Max: 20, Window: time.Hour},
		UserLimit:   &ratelimit.Limiter{DB: s.db, Max: 10, Window: time.Hour},
		Now:         now,
	}
}
