package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// campaignManagePage is the organisation's list of campaigns.
type campaignManagePage struct {
	Access    *orgAccess
	Campaigns []*campaign.Campaign
	CanWrite  bool
}

// campaignNewPage is the form that starts a campaign from an initiative.
type campaignNewPage struct {
	Access      *orgAccess
	Initiatives []*initiative.Initiative // published ones
	Schemes     []string
}

// campaignManage lists every campaign of the organisation, drafts included.
func (s *Server) campaignManage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, campaignRead)
	if !ok {
		return
	}
	list, _, err := s.campaignStore().List(r.Context(), campaign.ListOptions{OrgID: a.Org.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &campaignManagePage{Access: a, Campaigns: list, CanWrite: campaignWrite(a)}
	s.render(w, r, http.StatusOK, "campaign_manage", s.view(r, i18n.T(lang(r), "campaign.manage.title"), p))
}

// campaignNew shows the new-campaign form.
func (s *Server) campaignNew(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, campaignWrite)
	if !ok || !s.requireOMS(w, r, a.Org) {
		return
	}
	s.renderCampaignNew(w, r, http.StatusOK, a, url.Values{}, nil)
}

// campaignCreate stores a draft campaign and goes on to its needs.
func (s *Server) campaignCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, campaignWrite)
	if !ok || !s.requireOMS(w, r, a.Org) {
		return
	}
	form, ok := s.parseCampaignForm(w, r)
	if !ok {
		return
	}
	in, errs := campaign.Parse(form, region.Zone(a.Org.RegionCode))
	checkAppeal(form, errs)
	initID, _ := strconv.ParseInt(form.Get("initiative"), 10, 64)
	if len(errs) == 0 {
		c, err := s.campaignStore().Create(r.Context(), campaignActor(a), a.Org.ID, initID, in)
		if err == nil {
			err = s.saveAppeal(r.Context(), c.ID, form)
		}
		var ve validate.Errors
		switch {
		case errors.As(err, &ve):
			errs = ve
		case err != nil:
			s.serverError(w, r, err)
			return
		default:
			s.flash(w, "campaign.flash.created")
			redirect(w, r, campaignManageURL(a, c))
			return
		}
	}
	s.renderCampaignNew(w, r, http.StatusUnprocessableEntity, a, form, errs)
}

func (s *Server) renderCampaignNew(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, form url.Values, errs validate.Errors) {
	list, _, err := s.initiativeStore().List(r.Context(), initiative.ListOptions{OrgID: a.Org.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &campaignNewPage{Access: a, Schemes: campaign.Schemes()}
	for _, i := range list {
		if i.Published() {
			p.Initiatives = append(p.Initiatives, i)
		}
	}
	v := s.view(r, i18n.T(lang(r), "campaign.new.title"), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "campaign_new", v)
}
