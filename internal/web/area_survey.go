package web

import (
	"context"
	"time"

	"lokadaya/internal/distribution"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/service"
	"lokadaya/internal/survey"
	"lokadaya/internal/web/voice"
)

// withSurvey adds the satisfaction survey and the goods handed out to the
// voice area's stores.
func (s *Server) withSurvey(st voice.Stores) voice.Stores {
	st.Survey = &survey.Store{DB: s.db}
	st.Distributions = &distribution.Store{DB: s.db}
	st.Orgs = s.orgs
	// The population of a round is the people served that the service
	// records count for its period.
	st.Served = func(ctx context.Context, initiativeID int64, from, to string) (int64, error) {
		c, err := st.Service.Reach(ctx, initiativeID, service.Period{From: from, To: to})
		return c.Total, err
	}
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

// latestIKM is the result of the initiative's latest survey round that
// has an index, nil when none has.
func (s *Server) latestIKM(ctx context.Context, initiativeID int64) (*survey.Result, error) {
	store := &survey.Store{DB: s.db}
	rounds, err := store.Rounds(ctx, initiativeID)
	if err != nil || len(rounds) == 0 {
		return nil, err
	}
	ids := make([]int64, len(rounds))
	for i, rd := range rounds {
		ids[i] = rd.ID
	}
	results, err := store.Results(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := len(rounds) - 1; i >= 0; i-- {
		if res := results[rounds[i].ID]; res.HasIKM() {
			return res, nil
		}
	}
	return nil, nil
}
