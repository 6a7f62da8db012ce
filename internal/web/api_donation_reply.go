package web

import (
	"errors"
	"net/http"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/qris"
	"lokadaya/internal/region"
)

// writeAPIDonation answers an API donation with how to pay it: the bank
// account for a transfer, the dynamic QRIS payload for QRIS, the payment
// page for the gateway (asked of the gateway when fresh, or again when an
// earlier attempt could not reach it). A gateway that cannot be reached
// is 503: the same Idempotency-Key may be sent again.
func (s *Server) writeAPIDonation(w http.ResponseWriter, r *http.Request, status int, d *donation.Donation, fresh bool) {
	ctx, l := r.Context(), lang(r)
	var reply apiDonationReply
	zone := i18n.WIB
	if o, err := s.orgs.ByID(ctx, d.OrgID); err == nil {
		zone = region.Zone(o.RegionCode)
	}
	deadline := i18n.DateTime(l, d.ExpiresAt, zone)
	switch d.Method {
	case donation.MethodGateway:
		var p *donation.Payment
		var err error
		if fresh {
			p, err = s.startPayment(r, d)
		} else {
			p, err = s.gatewayPayment(r, d)
		}
		var ns *errPaymentNotStarted
		switch {
		case errors.As(err, &ns) && ns.final:
			apiError(w, http.StatusConflict, "payment_failed", i18n.T(l, "donation.api.gateway_final"))
			return
		case errors.As(err, &ns):
			w.Header().Set("Retry-After", "10")
			apiError(w, http.StatusServiceUnavailable, "gateway_unavailable", i18n.T(l, "donation.api.gateway"))
			return
		case err != nil:
			s.apiOrgInternal(w, r, err)
			return
		}
		// Starting the payment again may have made a donation rejected
		// for want of the gateway pending again; a fresh one stays as it
		// was created.
		if !fresh {
			if d, err = s.donationStore().ByID(ctx, d.ID); err != nil {
				s.apiOrgInternal(w, r, err)
				return
			}
		}
		reply = toAPIDonation(d)
		if p.Started() {
			reply.PaymentURL = p.URL
			if strings.HasPrefix(p.URL, "/") { // the demo sandbox, on this site
				reply.PaymentURL = s.backURL(r, p.URL)
			}
		}
		reply.Instructions = i18n.T(l, "donation.api.instructions.gateway", i18n.Rupiah(d.Amount))
	case donation.MethodQRIS:
		reply = toAPIDonation(d)
		static, err := s.confirmedQRIS(ctx, d.OrgID)
		var qe *qris.Error
		if err != nil && !errors.Is(err, db.ErrNotFound) && !errors.As(err, &qe) {
			s.apiOrgInternal(w, r, err)
			return
		}
		if err == nil {
			if reply.QRIS, err = qris.Dynamic(static, d.Amount); err != nil {
				s.apiOrgInternal(w, r, err)
				return
			}
		}
		reply.Instructions = i18n.T(l, "donation.api.instructions.qris", i18n.Rupiah(d.Amount), deadline)
	default:
		reply = toAPIDonation(d)
		accounts, err := s.paymentStore().Accounts(ctx, d.OrgID)
		if err != nil {
			s.apiOrgInternal(w, r, err)
			return
		}
		for _, a := range accounts {
			if d.BankAccountID != nil && a.ID == *d.BankAccountID {
				reply.Instructions = i18n.T(l, "donation.api.instructions.transfer", i18n.Rupiah(d.Amount),
					i18n.T(l, "payment.bank."+string(a.Bank)), a.AccountNumber, a.AccountName, deadline)
			}
		}
	}
	reply.InstructionsURL = s.absURL(r, reply.InstructionsURL)
	writeJSON(w, status, reply)
}
