package web

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/org"
	"lokadaya/internal/qris"
)

// qrisImageSize is the side, in pixels, of a donation's dynamic QRIS.
const qrisImageSize = 320

// confirmedQRIS is the organisation's static QRIS when a money manager
// has confirmed it; db.ErrNotFound otherwise, so that an unchecked code
// never takes money.
func (s *Server) confirmedQRIS(ctx context.Context, orgID int64) (*qris.Payload, error) {
	q, err := s.paymentStore().QRIS(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !q.Confirmed() {
		return nil, db.ErrNotFound
	}
	return qris.Parse(q.Payload)
}

// giveMethods is giveTarget plus the ways to pay that c offers: transfer
// when the organisation has an active bank account, QRIS when it has a
// confirmed static QRIS, the payment gateway when the platform has one.
// A campaign with no account but a QRIS or the gateway is open.
func (s *Server) giveMethods(ctx context.Context, c *campaign.Campaign, o *org.Organization) (donation.Target, []string, string, error) {
	t, _, closed, err := s.giveTarget(ctx, c, o)
	if err != nil || (closed != "" && closed != "donation.closed.no_account") {
		return t, nil, closed, err
	}
	var methods []string
	if closed == "" {
		methods = append(methods, donation.MethodTransfer)
	}
	if _, err := s.confirmedQRIS(ctx, c.OrgID); err == nil {
		methods = append(methods, donation.MethodQRIS)
	} else if !errors.Is(err, db.ErrNotFound) {
		var qe *qris.Error
		if !errors.As(err, &qe) { // a stored code that no longer parses is just not offered
			return t, nil, "", err
		}
	}
	if s.pay != nil { // see donation_gateway.go
		methods = append(methods, donation.MethodGateway)
	}
	if len(methods) == 0 {
		return t, nil, closed, nil
	}
	return t, methods, "", nil
}

// chooseMethod sets t.Method from the form's "method": the only method
// offered when there is one, transfer when none was chosen. It reports
// false for a method not offered.
func chooseMethod(t *donation.Target, methods []string, chosen string) bool {
	switch {
	case chosen == "" && len(methods) == 1:
		chosen = methods[0]
	case chosen == "":
		chosen = donation.MethodTransfer
	}
	if !slices.Contains(methods, chosen) {
		return false
	}
	t.Method = chosen
	if chosen == donation.MethodQRIS || chosen == donation.MethodGateway {
		t.BankAccountID = 0
	}
	return true
}

// donationQRISImage is the dynamic QRIS for a pending QRIS donation's
// exact amount. Only the donor knows the address.
func (s *Server) donationQRISImage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := s.donationStore().ByToken(ctx, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Method != donation.MethodQRIS || !d.Pending() {
		s.notFound(w, r)
		return
	}
	static, err := s.confirmedQRIS(ctx, d.OrgID)
	var qe *qris.Error
	if errors.Is(err, db.ErrNotFound) || errors.As(err, &qe) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	payload, err := qris.Dynamic(static, d.Amount)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	img, err := qris.PNG(payload, qrisImageSize)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	_, _ = w.Write(img)
}
