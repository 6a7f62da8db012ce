package donation

import "lokadaya/internal/gateway"

// StatusKey is the catalog key of the words that tell a donor or a
// treasurer where a donation stands. A pending donation is waiting for
// something different by way of payment: a transfer, a QRIS scan or the
// payment at the gateway.
func (d *Donation) StatusKey() string {
	if d.Status == StatusPending && (d.Method == MethodQRIS || d.Method == MethodGateway) {
		return "donation.status.pending_" + d.Method
	}
	return "donation.status." + d.Status
}

// StatusKey is StatusKey of d, told more exactly by the state of its
// gateway payment p (nil for other ways to pay): a payment page not made
// yet, a payment refunded, failed or cancelled at the gateway.
func (p *Payment) StatusKey(d *Donation) string {
	if p == nil {
		return d.StatusKey()
	}
	switch p.State {
	case PaymentNew:
		if d.Status == StatusPending {
			return "donation.status.gateway_new"
		}
	case string(gateway.StateRefunded), string(gateway.StateFailed), string(gateway.StateCancelled):
		return "donation.status.gateway_" + p.State
	}
	return d.StatusKey()
}
