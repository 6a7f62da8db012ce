package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// giveFormPage is the donation form on its own, shown again with the
// donor's mistakes or when the campaign cannot take money.
type giveFormPage struct {
	Campaign *campaign.Campaign
	Org      *org.Organization
	Give     *giveForm
}

// donationGive takes a donation by bank transfer, QRIS or the payment
// gateway from anyone, no account needed, and sends the donor to the
// payment instructions (or the gateway's payment page). A repeated
// submit of the same form lands on the same donation.
func (s *Server) donationGive(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("cslug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !c.Public() || orgHidden(o) {
		s.notFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	in := donation.FromForm(r.PostForm)
	in.Lang = string(lang(r))
	// A resubmit of a form already taken goes to its donation before the
	// rate limit counts it.
	if d, err := s.donationStore().ByToken(ctx, in.Token); err == nil && d.CampaignID == c.ID {
		if d.Method == donation.MethodGateway {
			s.giveByGateway(w, r, d, false)
			return
		}
		redirect(w, r, donationURL(d))
		return
	}
	if !s.allow(w, r, s.giveLimit(), "donasi:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	target, methods, closed, err := s.giveMethods(ctx, c, o)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if closed != "" {
		s.renderGiveForm(w, r, http.StatusConflict, c, o, r.PostForm, validate.Errors{})
		return
	}
	if !chooseMethod(&target, methods, r.PostForm.Get("method")) {
		s.renderGiveForm(w, r, http.StatusUnprocessableEntity, c, o, r.PostForm,
			validate.Errors{"method": "donation.err.method"})
		return
	}
	d, created, err := s.donationStore().Create(ctx, target, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderGiveForm(w, r, http.StatusUnprocessableEntity, c, o, r.PostForm, errs)
	case errors.Is(err, donation.ErrNoCode):
		s.renderGiveForm(w, r, http.StatusUnprocessableEntity, c, o, r.PostForm,
			validate.Errors{"amount": "donation.err.no_code"})
	case err != nil:
		s.serverError(w, r, err)
	case d.Method == donation.MethodGateway:
		s.giveByGateway(w, r, d, created)
	default:
		redirect(w, r, donationURL(d))
	}
}

// renderGiveForm shows the form again with what the donor typed.
func (s *Server) renderGiveForm(w http.ResponseWriter, r *http.Request, status int, c *campaign.Campaign,
	o *org.Organization, form map[string][]string, errs validate.Errors) {
	token := ""
	if t := r.PostForm.Get("token"); len(t) >= 16 && len(t) <= donation.MaxToken {
		token = t
	}
	g, err := s.newGiveForm(r.Context(), c, o, token)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "donation.give.title", c.Title), &giveFormPage{Campaign: c, Org: o, Give: g})
	v.Form, v.Errors = form, errs
	s.render(w, r, status, "donation_give", v)
}
