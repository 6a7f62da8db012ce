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
	// A questionnaire is a few minutes' work: 30 an hour from one address
	// lets a family or an office share a phone and stops a flood.
	st.SurveyLimit = &ratelimit.Limiter{DB: s.db, Max: 30, Window: time.Hour}
	// Codes are looked up and confirmed by hand; 30 an hour from one
	// address is plenty and makes guessing codes hopeless.
	st.ReceiptLimit = &ratelimit.Limiter{DB: s.db, Max: 30, Window: time.Hour}
	return st
}
