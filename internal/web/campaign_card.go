package web

import (
	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
)

// CampaignCard is a campaign card (campaign.Card) with the page's View,
// what the "campaign-card" partial receives: {{template "campaign-card"
// ($.Card .)}}, on web pages and area pages alike.
type CampaignCard struct {
	campaign.Card
	V *View
}

// Card prepares a campaign card for the "campaign-card" partial.
func (v *View) Card(c campaign.Card) CampaignCard { return CampaignCard{Card: c, V: v} }

// ProgressText says how far one kind of need is filled, in the page's
// language: "Rp350.000 dari Rp1.500.000", "3 dari 4 relawan", "2 disepakati".
func (c CampaignCard) ProgressText(p campaign.KindProgress) string {
	l := c.V.Lang
	switch p.Kind {
	case campaign.KindDana:
		return i18n.T(l, "campaign.show.of", i18n.Rupiah(p.Done), i18n.Rupiah(p.Target))
	case campaign.KindKeahlian, campaign.KindKemitraan:
		return i18n.T(l, "offer.count.agreed", p.Done)
	}
	return i18n.T(l, "campaign.card.of."+p.Kind, i18n.Number(p.Done), i18n.Number(p.Target))
}
