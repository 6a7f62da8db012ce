package web

import (
	"context"
	"errors"
	"net/http"

	"lokadaya/internal/gateway"
	"lokadaya/internal/i18n"
)

// endsPayment reports whether a notification in state st ends a payment
// without money or takes money back (failed, cancelled, expired,
// refunded). The signature covers the order id, status code and amount
// but not transaction_status, and a settlement, a cancel and a refund all
// carry status code 200: a settlement's signature would also vouch for an
// edited "refund". Such a notification is therefore checked with the
// gateway before it is applied.
func endsPayment(st gateway.State) bool {
	return st != gateway.StatePaid && st != gateway.StatePending
}

// errNotConfirmed is a notification the gateway's status does not back.
var errNotConfirmed = errors.New("gateway: status does not confirm the notification")

// confirmedNotification returns what to apply for the verified
// notification n: n itself, or for one that ends a payment, the gateway's
// own answer to GET /v2/{order_id}/status, which is what it says now.
// An order the gateway does not know is errNotConfirmed; any other
// failure means asking again later.
func (s *Server) confirmedNotification(ctx context.Context, n *gateway.Notification) (*gateway.Notification, error) {
	if !endsPayment(n.State) {
		return n, nil
	}
	st, err := s.pay.client.Status(ctx, n.OrderID)
	if errors.Is(err, gateway.ErrNotFound) {
		return nil, errNotConfirmed
	}
	return st, err
}

// notifyUnconfirmed answers a notification the gateway could not confirm:
// 409 when it does not know the order (nothing changes), 503 when it
// could not be asked (the gateway sends the notification again later).
func (s *Server) notifyUnconfirmed(w http.ResponseWriter, r *http.Request, n *gateway.Notification, err error) {
	l := lang(r)
	if errors.Is(err, errNotConfirmed) {
		s.log.Warn("gateway: notification not confirmed by the status API", "order", n.OrderID, "status", n.TransactionStatus)
		apiError(w, http.StatusConflict, "not_confirmed", i18n.T(l, "gateway.notify.not_confirmed"))
		return
	}
	s.log.Warn("gateway: status API unreachable; the notification waits for its retry", "order", n.OrderID, "err", err)
	apiError(w, http.StatusServiceUnavailable, "gateway_unavailable", i18n.T(l, "gateway.notify.unavailable"))
}
