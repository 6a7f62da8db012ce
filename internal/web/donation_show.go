package web

import (
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/payment"
	"lokadaya/internal/validate"
)

// donationPage is a donation's transfer instructions and status. Its
// address is the form's one-time token, known only to the donor.
type donationPage struct {
	*donation.Donation
	Campaign *campaign.Campaign
	Org      *org.Organization
	Account  *payment.BankAccount // nil if the account row is gone
	Merchant string               // the QRIS merchant name, for a QRIS donation
	HasProof bool                 // the donor attached a proof of transfer
	Payment  *donation.Payment    // the gateway payment, for a gateway donation
}

// StatusKey is the catalog key of the donation's status badge, in the
// words of its way to pay and, at a gateway, of the payment's state.
func (p *donationPage) StatusKey() string { return p.Payment.StatusKey(p.Donation) }

// QRISImage is the address of the donation's dynamic QRIS picture.
func (p *donationPage) QRISImage() string { return donationURL(p.Donation) + "/qris.png" }

// ReceiptPath is the donor's receipt (bukti donasi) as a PDF.
func (p *donationPage) ReceiptPath() string { return donationReceiptPath(p.Donation) }

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
	d, err := s.donationStore().ByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderDonationShow(w, r, http.StatusOK, d, nil)
}

// renderDonationShow shows d's page, with the problems of a refused proof
// upload when errs is not nil.
func (s *Server) renderDonationShow(w http.ResponseWriter, r *http.Request, status int, d *donation.Donation, errs validate.Errors) {
	ctx := r.Context()
	p := &donationPage{Donation: d}
	var err error
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
	if d.Method == donation.MethodGateway {
		title = "donation.show.title_gateway"
		if p.Payment, err = s.donationStore().Payment(ctx, d.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if p.HasProof, err = s.donationStore().HasProof(ctx, d.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), title), p)
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "donation_show", v)
}
