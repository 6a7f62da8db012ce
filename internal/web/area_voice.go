package web

import (
	"io/fs"

	"lokadaya/internal/charter"
	"lokadaya/internal/service"
	"lokadaya/internal/web/voice"
)

// areaTemplates are the page templates of the area packages.
var areaTemplates = []fs.FS{voice.Templates}

func (s *Server) serviceStore() *service.Store { return &service.Store{DB: s.db} }

func (s *Server) voiceStores() voice.Stores {
	return s.withSurvey(voice.Stores{Service: s.serviceStore(), Initiatives: s.initiativeStore(), Regions: s.regions, Orgs: s.orgs,
		Charters: &charter.Store{DB: s.db}, Blobs: s.blobs})
}
