package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// donationManagePage is the treasurer's list: pending donations to match
// against the bank account, and the recently settled ones.
type donationManagePage struct {
	Access  *orgAccess
	Pending []*donation.Donation
	Recent  []*donation.Donation
	Titles  map[int64]string // campaign titles by id
	Proofs  map[int64]bool   // donations with a proof of transfer attached
}

// donationsURL is the treasurer's list of an organisation's donations.
func donationsURL(a *orgAccess) string { return orgURL(a.Org) + "/donasi" }

// donationActor is the caller as the audit log names them.
func donationActor(a *orgAccess) donation.Actor {
	return donation.Actor{ID: a.User.ID, Name: a.User.Name}
}

// donationManage lists the organisation's donations for its money
// managers (owner, admin, bendahara).
func (s *Server) donationManage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	s.renderDonationManage(w, r, http.StatusOK, a, nil)
}

func (s *Server) renderDonationManage(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, errs validate.Errors) {
	ctx := r.Context()
	p := &donationManagePage{Access: a, Titles: map[int64]string{}}
	var err error
	if p.Pending, err = s.donationStore().Pending(ctx, a.Org.ID); err == nil {
		p.Recent, err = s.donationStore().Recent(ctx, a.Org.ID, 50)
	}
	if err == nil {
		err = s.campaignTitles(r, p)
	}
	if err == nil {
		p.Proofs, err = s.donationStore().WithProof(ctx, a.Org.ID)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "donation.manage.title"), p)
	if errs != nil {
		v.Errors, v.Form = errs, r.PostForm
	}
	s.render(w, r, status, "donation_manage", v)
}

// campaignTitles names the campaigns the listed donations went to.
func (s *Server) campaignTitles(r *http.Request, p *donationManagePage) error {
	for _, list := range [][]*donation.Donation{p.Pending, p.Recent} {
		for _, d := range list {
			if _, ok := p.Titles[d.CampaignID]; ok {
				continue
			}
			c, err := s.campaignStore().ByID(r.Context(), d.CampaignID)
			if err != nil {
				return err
			}
			p.Titles[d.CampaignID] = c.Title
		}
	}
	return nil
}

// donationConfirm confirms a donation whose money arrived; the donor's
// receipt is queued with it. A second confirm changes nothing.
func (s *Server) donationConfirm(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.donationAction(w, r)
	if !ok {
		return
	}
	_, err := s.donationStore().Confirm(r.Context(), a.Org.ID, id, donationActor(a))
	s.afterDonationAction(w, r, a, err, "donation.flash.confirmed")
}

// donationReject rejects a donation with a reason.
func (s *Server) donationReject(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.donationAction(w, r)
	if !ok {
		return
	}
	err := s.donationStore().Reject(r.Context(), a.Org.ID, id, r.PostForm.Get("reason"), donationActor(a))
	var errs validate.Errors
	if errors.As(err, &errs) {
		s.renderDonationManage(w, r, http.StatusUnprocessableEntity, a, errs)
		return
	}
	s.afterDonationAction(w, r, a, err, "donation.flash.rejected")
}

// donationAction checks the caller and reads the form and the id.
func (s *Server) donationAction(w http.ResponseWriter, r *http.Request) (*orgAccess, int64, bool) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return nil, 0, false
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return nil, 0, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return nil, 0, false
	}
	return a, id, true
}

// afterDonationAction redirects back to the list; a donation settled
// meanwhile (a double click, another treasurer) is said so, not an error.
func (s *Server) afterDonationAction(w http.ResponseWriter, r *http.Request, a *orgAccess, err error, flash string) {
	switch {
	case errors.Is(err, donation.ErrNotPending):
		s.flash(w, "donation.flash.already")
	case errors.Is(err, donation.ErrGatewayConfirms):
		s.flash(w, "donation.flash.gateway_confirms")
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		s.flash(w, flash)
	}
	redirect(w, r, donationsURL(a))
}
