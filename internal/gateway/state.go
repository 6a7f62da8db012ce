package gateway

import "fmt"

// State is where a payment stands on our side. The values are stored with
// donations, so they never change.
type State string

// The payment states. Failed, cancelled and expired stay distinct so the
// treasurer and the supporter see why a payment did not happen.
const (
	StatePending   State = "pending"   // created or waiting for the payer or a fraud review
	StatePaid      State = "paid"      // money received (settlement, accepted capture)
	StateFailed    State = "failed"    // denied by the bank or the fraud check
	StateCancelled State = "cancelled" // cancelled by the merchant or the gateway
	StateExpired   State = "expired"   // the payer did not pay in time
	StateRefunded  State = "refunded"  // paid, then (partly) given back
)

// States lists every state, pending first.
var States = []State{StatePending, StatePaid, StateFailed, StateCancelled, StateExpired, StateRefunded}

// Valid reports whether s is one of States.
func (s State) Valid() bool {
	for _, v := range States {
		if s == v {
			return true
		}
	}
	return false
}

// Map turns the gateway's transaction_status (with fraud_status for card
// captures) into a State:
//
//	settlement                 → paid
//	capture, fraud accept/""   → paid
//	capture, fraud challenge   → pending (a person reviews it)
//	capture, fraud deny        → failed
//	pending, authorize         → pending
//	deny                       → failed
//	cancel                     → cancelled
//	expire                     → expired
//	refund, partial_refund     → refunded
//
// Anything else is an error wrapping ErrBadNotification.
func Map(transactionStatus, fraudStatus string) (State, error) {
	switch transactionStatus {
	case "settlement":
		return StatePaid, nil
	case "capture":
		switch fraudStatus {
		case "", "accept":
			return StatePaid, nil
		case "challenge":
			return StatePending, nil
		case "deny":
			return StateFailed, nil
		}
		return "", fmt.Errorf("%w: fraud_status %q", ErrBadNotification, fraudStatus)
	case "pending", "authorize":
		return StatePending, nil
	case "deny":
		return StateFailed, nil
	case "cancel":
		return StateCancelled, nil
	case "expire":
		return StateExpired, nil
	case "refund", "partial_refund":
		return StateRefunded, nil
	}
	return "", fmt.Errorf("%w: transaction_status %q", ErrBadNotification, transactionStatus)
}

// rank orders states by how far a payment has gone. Notifications arrive
// late, twice or out of order; a state only ever moves up the ranks.
func rank(s State) int {
	switch s {
	case StatePending:
		return 0
	case StateFailed, StateCancelled, StateExpired:
		return 1
	case StatePaid:
		return 2
	case StateRefunded:
		return 3
	}
	return -1
}

// MayMove reports whether a notification saying next may change a
// payment that is now in from. It is false for a repeat (same state: a
// no-op), for anything that would undo money received (a late pending,
// deny or expire after paid), and for unknown states. The rules:
//
//   - pending may move to any other state;
//   - failed may still become cancelled or expired (a denied card attempt,
//     then the transaction ends), and any failure may become paid: when the
//     gateway says money arrived, it is counted, never lost;
//   - cancelled and expired are final except for paid;
//   - paid may only become refunded; refunded is final.
func MayMove(from, next State) bool {
	rf, rn := rank(from), rank(next)
	if rf < 0 || rn < 0 || from == next {
		return false
	}
	if rf == 1 && rn == 1 {
		return from == StateFailed
	}
	return rn > rf
}
