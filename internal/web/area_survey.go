package web

import (
	"time"

	"lokadaya/internal/distribution"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/survey"
	"lokadaya/internal/web/voice"
)

// withSurvey adds the satisfaction survey and the goods handed out to the
// voice area's stores.
func (s *Server) withSurvey(st voice.Stores) voice.Stores {
	st.Survey = &survey.Store{DB: s.db}
	st.Distributions = &distribution.Store{DB: s.db}
	st.Orgs = s.orgs
	// A questionnaire is a few minutes' work: 60 an hour per round from one
	// address lets a service point's visitors share a mobile network's
	// address (carrier NAT is the rule in Indonesia) and stops a flood.
	st.SurveyLimit = &ratelimit.Limiter{DB: s.db, Max: 60, Window: time.Hour}
	// Slips are looked up and confirmed by hand: 120 an hour from one
	// address is plenty for an RT head with a stack of slips, and guessing
	// one of 31^8 codes at that pace is hopeless.
	st.ReceiptLimit = &ratelimit.Limiter{DB: s.db, Max: 120, Window: time.Hour}
	return st
}
