package web

import (
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/payment"
)

// donationPage is a donation's transfer instructions and status. Its
// address is the form's one-time token, known only to the donor.
type donationPage struct {
	*donation.Donation
	Campaign *campaign.Campaign
	Org      *org.Organization
	Account  *payment.BankAccount // nil if the account row is gone
	Merchant string               // the QRIS merchant name, for a QRIS donation
}

// QRISImage is the address of the donation's dynamic QRIS picture.
func (p *donationPage) QRISImage() string { return donationURL(p.Donation) + "/qris.png" }

// AmountHead and AmountTail split the amount to pay so that its last
// three digits, where the unique code sits, can be highlighted:
// "Rp100." and "123".
func (p *donationPage) AmountHead() string {
	s := i18n.Rupiah(p.Amount)
	return s[:len(s)-3]
}

// AmountTail is the last three digits of the amount to pay.
func (p *donationPage) AmountTail() string {
	s := i18n.Rupiah(p.Amount)
	return s[len(s)-3:]
}

// donationShow is the instructions page a donor lands on after giving.
func (s *Server) donationShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := s.donationStore().ByToken(ctx, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &donationPage{Donation: d}
	if p.Campaign, err = s.campaignStore().ByID(ctx, d.CampaignID); err == nil {
		p.Org, err = s.orgs.ByID(ctx, d.OrgID)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	accounts, err := s.paymentStore().Accounts(ctx, d.OrgID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for i := range accounts {
		if d.BankAccountID != nil && accounts[i].ID == *d.BankAccountID {
			p.Account = &accounts[i]
		}
	}
	title := "donation.show.title"
	if d.Method == donation.MethodQRIS {
		title = "donation.show.title_qris"
		if q, err := s.paymentStore().QRIS(ctx, d.OrgID); err == nil {
			p.Merchant = q.MerchantName
		}
	}
	s.render(w, r, http.StatusOK, "donation_show", s.view(r, i18n.T(lang(r), title), p))
}
