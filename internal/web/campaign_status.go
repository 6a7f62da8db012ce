package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/validate"
)

// campaignPublish makes a draft campaign public, or shows what it lacks.
func (s *Server) campaignPublish(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	err := s.campaignStore().Publish(r.Context(), campaignActor(c.Access), c.Campaign.ID)
	var ve validate.Errors
	if errors.As(err, &ve) {
		s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, nil, c.Campaign.Form(c.Zone()), ve)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "campaign.flash.published")
	redirect(w, r, campaignPublicURL(c.Campaign))
}

// campaignCancel stops a campaign for good.
func (s *Server) campaignCancel(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	err := s.campaignStore().Cancel(r.Context(), campaignActor(c.Access), c.Campaign.ID)
	var ve validate.Errors
	if errors.As(err, &ve) {
		s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, nil, c.Campaign.Form(c.Zone()), ve)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "campaign.flash.cancelled")
	redirect(w, r, campaignsURL(c.Access))
}

// campaignPostUpdate posts news on a campaign.
func (s *Server) campaignPostUpdate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	form, ok := s.parseCampaignForm(w, r)
	if !ok {
		return
	}
	title, body, errs := campaign.ParseUpdate(form.Get("update_title"), form.Get("update_body"))
	if len(errs) > 0 {
		merged := c.Campaign.Form(c.Zone())
		merged.Set("update_title", form.Get("update_title"))
		merged.Set("update_body", form.Get("update_body"))
		s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, nil, merged, errs)
		return
	}
	if _, err := s.campaignStore().AddUpdate(r.Context(), c.Campaign.ID, c.Access.User.ID, title, body); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "campaign.flash.update")
	redirect(w, r, c.ManageURL()+"#kabar")
}
