package web

import (
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/supporter"
)

// campaignEffectPage shows a campaign's effectiveness for the stage 4
// review: visits → supporters, money by way of payment, repeat supporters,
// days to the money target, and the organisation's campaigns compared by
// exchange scheme. Supporters are people of every kind of support.
type campaignEffectPage struct {
	*campaignCtx
	Kinds   []string
	Visits  []campaign.Visit
	Effect  *campaign.Effect
	Compare []campaign.SchemeEffect
}

// campaignEffect is the effectiveness page of a campaign.
func (s *Server) campaignEffect(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignRead)
	if !ok {
		return
	}
	ctx, store := r.Context(), s.campaignStore()
	p := &campaignEffectPage{campaignCtx: c, Kinds: supporter.Kinds}
	// The views this instance still holds in memory count too.
	if err := s.visits.Flush(ctx); err != nil {
		s.log.Warn("campaign visits not written yet", "err", err)
	}
	var err error
	if p.Visits, _, err = store.Visits(ctx, c.Campaign.ID); err == nil {
		if p.Effect, err = store.Effect(ctx, c.Campaign, c.Zone()); err == nil {
			p.Compare, err = store.CompareSchemes(ctx, c.Access.Org.ID)
		}
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "campaign_effect", s.view(r, i18n.T(lang(r), "campaign.effect.title"), p))
}
