package web

import (
	"net/http"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/web/voice"
)

// ComplaintStore is the complaint store the server uses, on its clock;
// the background deadline check runs on the same one.
func (s *Server) ComplaintStore() *complaint.Store {
	return &complaint.Store{DB: s.db, Now: s.cfg.Clock, Blobs: s.blobs, Notifier: s.notifier()}
}

func (s *Server) complaintStores() voice.ComplaintStores {
	return voice.ComplaintStores{
		Complaints:  s.ComplaintStore(),
		Orgs:        s.orgs,
		Initiatives: s.initiativeStore(),
		Hubs:        s.hubs,
		// Filing: ten complaints an hour from one address is more than any
		// person needs; looking codes up: enough for a family, too few to guess.
		FileLimit:   &ratelimit.Limiter{DB: s.db, Max: 10, Window: time.Hour},
		LookupLimit: &ratelimit.Limiter{DB: s.db, Max: 60, Window: time.Hour},
		ClientIP:    func(r *http.Request) string { return clientIP(r, s.cfg.TrustProxy) },
	}
}
