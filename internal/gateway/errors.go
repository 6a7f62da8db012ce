// Package gateway speaks to a Midtrans-style payment gateway (the Snap
// protocol): it creates a transaction and returns its payment page, asks
// for a transaction's status for reconciliation, and verifies and maps the
// HTTP notifications the gateway sends when a payment changes state.
//
// Money is int64 rupiah throughout; the gateway's decimal strings such as
// "150000.00" are parsed strictly and fractional sen are rejected.
// The package keeps no state: storing donations and applying transitions
// (see MayMove) is the caller's job.
package gateway

import (
	"errors"
	"fmt"
	"strings"
)

// Errors a caller can test with errors.Is. An *APIError wraps one of the
// first four when the gateway's answer says which case it is.
var (
	// ErrDuplicateOrder: the order id was used before. A retry of a
	// CreateTransaction whose first answer was lost ends here; the
	// transaction exists once, never twice.
	ErrDuplicateOrder = errors.New("gateway: order id already used")
	// ErrUnauthorized: the gateway rejected the server key.
	ErrUnauthorized = errors.New("gateway: server key rejected")
	// ErrNotFound: the gateway knows no transaction with that order id
	// (for Snap, also one whose payer has not chosen a payment method yet).
	ErrNotFound = errors.New("gateway: transaction not found")
	// ErrUnavailable: the gateway failed (5xx) or throttled (429); retry later.
	ErrUnavailable = errors.New("gateway: unavailable")
	// ErrTimeout: no answer in time; the transaction may or may not exist,
	// so retry with the same order id or ask Status.
	ErrTimeout = errors.New("gateway: timed out")
	// ErrInvalid: the request was refused before it was sent, or the
	// gateway said it was malformed.
	ErrInvalid = errors.New("gateway: invalid request")
	// ErrBadSignature: a notification's signature_key does not match.
	ErrBadSignature = errors.New("gateway: signature does not match")
	// ErrBadNotification: a notification is malformed (not JSON, a field
	// missing, an amount with sen, an unknown transaction_status…).
	ErrBadNotification = errors.New("gateway: malformed notification")
)

// APIError is a non-2xx answer from the gateway.
type APIError struct {
	StatusCode int      // HTTP status
	Code       string   // the body's status_code, when it has one
	Messages   []string // error_messages or status_message
	kind       error    // one of the Err… values, or nil
}

// Error describes the answer.
func (e *APIError) Error() string {
	return fmt.Sprintf("gateway: HTTP %d: %s", e.StatusCode, strings.Join(e.Messages, "; "))
}

// Unwrap lets errors.Is find the kind of failure.
func (e *APIError) Unwrap() error { return e.kind }

// Retryable reports whether err is worth retrying with the same order id:
// a timeout, a network failure or a 5xx/429 answer. A retried
// CreateTransaction that then answers ErrDuplicateOrder means the first
// attempt reached the gateway.
func Retryable(err error) bool {
	return errors.Is(err, ErrTimeout) || errors.Is(err, ErrUnavailable)
}

// classify chooses the kind of a non-2xx answer. Midtrans answers a used
// order id with 406 (Core API) or 400 with a message naming order_id
// (Snap); the local test server answers 409. All three mean duplicate.
func classify(status int, code string, msgs []string) error {
	if code == "404" || status == 404 {
		return ErrNotFound
	}
	if status == 401 || code == "401" {
		return ErrUnauthorized
	}
	if status == 409 || code == "409" || code == "406" || status == 406 || mentionsUsedOrder(msgs) {
		return ErrDuplicateOrder
	}
	if status == 429 || status >= 500 {
		return ErrUnavailable
	}
	if status >= 400 {
		return ErrInvalid
	}
	return nil
}

func mentionsUsedOrder(msgs []string) bool {
	for _, m := range msgs {
		m = strings.ToLower(m)
		if !strings.Contains(m, "order_id") {
			continue
		}
		for _, w := range []string{"sudah digunakan", "already", "has been taken", "utilized", "duplicate"} {
			if strings.Contains(m, w) {
				return true
			}
		}
	}
	return false
}
