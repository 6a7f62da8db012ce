package web

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
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

// chooseMethod sets t.Method from the form's "method": the only method
// offered when there is one, transfer when none was chosen. It reports
// false for a method not offered.
func chooseMethod(t *donation.Target, methods []string, chosen string) bool {
	if chosen == "" && len(methods) > 0 {
		chosen = methods[0] // transfer first when there is one
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
