package web

import (
	"io/fs"
	"lokadaya/internal/proposal"
	"time"

	"lokadaya/internal/feedback"
	"lokadaya/internal/figures"
	"lokadaya/internal/opendata"
	"lokadaya/internal/ratelimit"

	"lokadaya/internal/charter"
	"lokadaya/internal/service"
	"lokadaya/internal/web/collab"
	"lokadaya/internal/web/explore"
	"lokadaya/internal/web/learning"
	opendataweb "lokadaya/internal/web/opendata"
	"lokadaya/internal/web/voice"
)

// areaTemplates are the page templates of the area packages.
var areaTemplates = []fs.FS{voice.Templates, explore.Templates, opendataweb.Templates, learning.Templates, collab.Templates}

func (s *Server) serviceStore() *service.Store { return &service.Store{DB: s.db} }

func (s *Server) voiceStores() voice.Stores {
	return s.withSurvey(voice.Stores{Service: s.serviceStore(), Initiatives: s.initiativeStore(), Regions: s.regions, Orgs: s.orgs,
		Charters: &charter.Store{DB: s.db}, Blobs: s.blobs,
		Feedback: &feedback.Store{DB: s.db, Now: s.cfg.Clock}, FeedbackLimits: s.cfg.FeedbackLimits,
		VoteCeiling: &ratelimit.Limiter{DB: s.db, Max: voteCeilingPerHour, Window: time.Hour},
		Summary:     s.voiceSummary()})
}

// voteCeilingPerHour is the most feedback votes one address may send in an
// hour, at all service points together; far beyond any phone, it keeps a
// script from filling the database (bursts below it are flagged for staff).
const voteCeilingPerHour = 300

func (s *Server) exploreStores() explore.Stores {
	return explore.Stores{Regions: s.regions, Figures: &figures.Store{DB: s.db, Now: s.cfg.Clock}, Hubs: s.hubs,
		Campaigns: s.campaignStore(), Search: s.searchIndex(), Proposals: &proposal.Store{DB: s.db, Now: s.pages.now}}
}

func (s *Server) opendataStores() opendataweb.Stores {
	return opendataweb.Stores{Data: &opendata.Store{DB: s.db}, Orgs: s.orgs, Now: s.cfg.Clock,
		Datasets: s.datasetStore(), Regions: s.regions, Citers: s.datasetCiters()}
}
