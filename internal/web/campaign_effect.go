package web

import (
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
)

// campaignEffectPage shows what exists of a campaign's effectiveness for
// the stage 4 review: visits, supporters and the organisation's campaigns
// by exchange scheme.
type campaignEffectPage struct {
	*campaignCtx
	Visits     []campaign.Visit
	Total      int64
	Supporters int64
	Money      campaign.Money
	Schemes    []campaign.SchemeCount
}

// Conversion is supporters per hundred visits, or -1 without visits.
func (p *campaignEffectPage) Conversion() int64 {
	if p.Total == 0 {
		return -1
	}
	return p.Supporters * 100 / p.Total
}

// campaignEffect is the effectiveness page of a campaign.
func (s *Server) campaignEffect(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignRead)
	if !ok {
		return
	}
	ctx, store := r.Context(), s.campaignStore()
	p := &campaignEffectPage{campaignCtx: c}
	var err error
	if p.Visits, p.Total, err = store.Visits(ctx, c.Campaign.ID); err == nil {
		if p.Supporters, err = store.Supporters(ctx, c.Campaign); err == nil {
			if p.Money, err = store.MoneyProgress(ctx, c.Campaign); err == nil {
				p.Schemes, err = store.CountBySchemes(ctx, c.Access.Org.ID)
			}
		}
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "campaign_effect", s.view(r, i18n.T(lang(r), "campaign.effect.title"), p))
}
