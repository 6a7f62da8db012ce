package web

import (
	"context"
	"errors"
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// campaignPublish makes a draft campaign public, or shows what it lacks.
// A campaign asking for money while the organisation has no way to take
// it is published only when the writer ticks that they understand: the
// editor publishing may not be the one who can add a bank account, and
// the other kinds of support can start meanwhile, but nobody should
// learn it from a donor.
func (s *Server) campaignPublish(w http.ResponseWriter, r *http.Request) {
	anyway := r.PostFormValue("publish_anyway") == "1"
	publish := func(ctx context.Context, actor campaign.Actor, id int64) error {
		if !anyway {
			if err := s.checkPayWays(ctx, id); err != nil {
				return err
			}
		}
		return s.campaignStore().Publish(ctx, actor, id)
	}
	s.campaignChangeStatus(w, r, publish, "campaign.flash.published",
		func(c *campaignCtx) string { return campaignPublicURL(c.Campaign) })
}

// campaignCancelPage is the confirmation asked before a campaign is
// cancelled: it cannot be undone.
type campaignCancelPage struct {
	*campaignCtx
	Money campaign.Money
}

// CancelURL is where the confirmation is asked and posted.
func (c *campaignCtx) CancelURL() string {
	return campaignsURL(c.Access) + "/" + c.Campaign.Slug + "/batalkan"
}

// campaignCancelConfirm asks the writer to confirm the cancellation, with
// what it does to the campaign and its money: GET .../batalkan.
func (s *Server) campaignCancelConfirm(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	if !c.Campaign.Editable() {
		s.flash(w, "campaign.err.closed")
		redirect(w, r, c.ManageURL())
		return
	}
	money, err := s.campaignStore().MoneyProgress(r.Context(), c.Campaign)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := i18n.T(lang(r), "campaign.cancel.title", c.Campaign.Title)
	s.render(w, r, http.StatusOK, "campaign_cancel", s.view(r, title, &campaignCancelPage{campaignCtx: c, Money: money}))
}

// campaignCancel stops a campaign for good, once the writer confirmed on
// the confirmation page; a post without the confirmation goes there.
func (s *Server) campaignCancel(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("confirm") != "1" {
		c, ok := s.loadCampaign(w, r, campaignWrite)
		if ok {
			redirect(w, r, c.CancelURL())
		}
		return
	}
	s.campaignChangeStatus(w, r, s.campaignStore().Cancel, "campaign.flash.cancelled",
		func(c *campaignCtx) string { return campaignsURL(c.Access) })
}

// campaignChangeStatus runs a status change for a writer of the campaign:
// on refusal the edit page comes back with the reasons, on success the
// browser goes on to next with a flash message.
func (s *Server) campaignChangeStatus(w http.ResponseWriter, r *http.Request,
	change func(context.Context, campaign.Actor, int64) error, flash string, next func(*campaignCtx) string) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	err := change(r.Context(), campaignActor(c.Access), c.Campaign.ID)
	var ve validate.Errors
	if errors.As(err, &ve) {
		s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, nil, c.Campaign.Form(c.Zone()), ve)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.reindex(r.Context(), campaignRef(c.Campaign.ID))
	s.flash(w, flash)
	redirect(w, r, next(c))
}

// campaignPostUpdate posts news on a campaign and queues its e-mail to the
// subscribers. The form's one-time token makes a double submit post and
// send once.
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
		merged.Set("update_token", form.Get("update_token"))
		s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, nil, merged, errs)
		return
	}
	token := form.Get("update_token")
	if len(token) < 16 || len(token) > donation.MaxToken {
		token = "" // an old page without a token still posts
	}
	p, err := s.campaignStore().PostUpdate(r.Context(), c.Campaign.ID, c.Access.User.ID, title, body, token)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Recipients > 0 {
		s.flash(w, "news.flash.posted")
	} else {
		s.flash(w, "campaign.flash.update")
	}
	redirect(w, r, c.ManageURL()+"#kabar")
}
