package gateway

import (
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/strictjson"
)

// maxNotification bounds a notification body; real ones are about 1 KB.
const maxNotification = 64 << 10

// wib is the gateway's clock: transaction_time has no zone and is Jakarta time.
var wib = time.FixedZone("WIB", 7*60*60)

// Notification is a verified payment notification (or status answer).
type Notification struct {
	OrderID           string
	StatusCode        string // "200", "201", "202", "407"…; signed
	GrossAmount       int64  // rupiah
	GrossAmountRaw    string // exactly as signed, e.g. "150000.00"
	TransactionStatus string // settlement, capture, pending, deny, cancel, expire, refund…
	FraudStatus       string // accept, challenge, deny or empty
	PaymentType       string // bank_transfer, qris, gopay, credit_card…
	TransactionID     string
	TransactionTime   time.Time // UTC; zero when the gateway sent none
	State             State     // our state, see Map
}

// wire is the JSON the gateway sends.
type wire struct {
	OrderID           string `json:"order_id"`
	StatusCode        string `json:"status_code"`
	GrossAmount       string `json:"gross_amount"`
	Currency          string `json:"currency"`
	TransactionStatus string `json:"transaction_status"`
	FraudStatus       string `json:"fraud_status"`
	PaymentType       string `json:"payment_type"`
	TransactionID     string `json:"transaction_id"`
	TransactionTime   string `json:"transaction_time"`
	SignatureKey      string `json:"signature_key"`
}

// Signature computes the gateway's signature_key: the lowercase hex
// SHA-512 of order_id + status_code + gross_amount + server key, with
// gross_amount exactly as it appears in the body ("150000.00").
func Signature(orderID, statusCode, grossAmount, serverKey string) string {
	sum := sha512.Sum512([]byte(orderID + statusCode + grossAmount + serverKey))
	return hex.EncodeToString(sum[:])
}

// ParseNotification decodes a notification body, verifies its signature
// against serverKey in constant time and maps its status. A mismatch is
// ErrBadSignature; anything malformed is ErrBadNotification.
//
// The signature does not cover transaction_status, so a notification that
// maps to paid must also carry status_code "200" (which is signed): a
// pending notification cannot be turned into a paid one by editing it.
func ParseNotification(body []byte, serverKey string) (*Notification, error) {
	if serverKey == "" {
		return nil, fmt.Errorf("%w: no server key", ErrBadSignature)
	}
	if len(body) > maxNotification {
		return nil, fmt.Errorf("%w: body too large", ErrBadNotification)
	}
	// Strict: a key given twice (two transaction_status) or data after
	// the object could be read differently by another parser.
	var w wire
	if err := strictjson.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadNotification, err)
	}
	return w.verify(serverKey)
}

func (w *wire) verify(serverKey string) (*Notification, error) {
	if w.OrderID == "" || w.StatusCode == "" || w.GrossAmount == "" || w.SignatureKey == "" {
		return nil, fmt.Errorf("%w: order_id, status_code, gross_amount and signature_key are required", ErrBadNotification)
	}
	want := Signature(w.OrderID, w.StatusCode, w.GrossAmount, serverKey)
	got := strings.ToLower(w.SignatureKey)
	if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return nil, ErrBadSignature
	}
	return w.notification()
}

// notification checks and converts the fields the signature vouches for
// and those it does not.
func (w *wire) notification() (*Notification, error) {
	amount, err := ParseAmount(w.GrossAmount)
	if err != nil {
		return nil, err
	}
	if w.Currency != "" && w.Currency != "IDR" {
		return nil, fmt.Errorf("%w: currency %q", ErrBadNotification, w.Currency)
	}
	state, err := Map(w.TransactionStatus, w.FraudStatus)
	if err != nil {
		return nil, err
	}
	if state == StatePaid && w.StatusCode != "200" {
		return nil, fmt.Errorf("%w: %s with status_code %q", ErrBadNotification, w.TransactionStatus, w.StatusCode)
	}
	n := &Notification{
		OrderID: w.OrderID, StatusCode: w.StatusCode,
		GrossAmount: amount, GrossAmountRaw: w.GrossAmount,
		TransactionStatus: w.TransactionStatus, FraudStatus: w.FraudStatus,
		PaymentType: w.PaymentType, TransactionID: w.TransactionID, State: state,
	}
	if w.TransactionTime != "" {
		t, err := time.ParseInLocation(time.DateTime, w.TransactionTime, wib)
		if err != nil {
			return nil, fmt.Errorf("%w: transaction_time %q", ErrBadNotification, w.TransactionTime)
		}
		n.TransactionTime = t.UTC()
	}
	return n, nil
}

// ParseAmount reads the gateway's gross_amount ("150000.00" or "150000")
// as whole rupiah. Signs, spaces, exponents, non-zero sen and zero or
// overflowing amounts are ErrBadNotification.
func ParseAmount(s string) (int64, error) {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || (dot && frac == "") || len(whole) > 15 || !digits(whole) || !digits(frac) {
		return 0, fmt.Errorf("%w: gross_amount %q", ErrBadNotification, s)
	}
	if strings.Trim(frac, "0") != "" {
		return 0, fmt.Errorf("%w: gross_amount %q has sen", ErrBadNotification, s)
	}
	var n int64
	for _, c := range whole {
		n = n*10 + int64(c-'0')
	}
	if n <= 0 {
		return 0, fmt.Errorf("%w: gross_amount %q is not positive", ErrBadNotification, s)
	}
	return n, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// FormatAmount writes rupiah the way the gateway does: "150000.00".
func FormatAmount(rupiah int64) string { return fmt.Sprintf("%d.00", rupiah) }
