package gatewaytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"lokadaya/internal/gateway"
)

// Errors of the test gateway.
var (
	ErrUnknownOrder  = errors.New("gatewaytest: no such order")
	ErrUnknownStatus = errors.New("gatewaytest: unknown transaction status")
	ErrNoNotifyURL   = errors.New("gatewaytest: no notification URL")
	ErrNotDelivered  = errors.New("gatewaytest: merchant did not accept the notification")
)

// Event is what a notification says happened.
type Event struct {
	TransactionStatus string // settlement, capture, pending, deny, cancel, expire, refund, partial_refund
	FraudStatus       string // for capture: accept (default), challenge, deny
	PaymentType       string // default bank_transfer, or credit_card for capture
}

// Delivery records one notification and how it was received.
type Delivery struct {
	OrderID    string
	URL        string
	Body       []byte
	Attempts   int
	StatusCode int // the merchant's last answer; 0 when none came
	Err        error
}

// statusCodes are the status_code values the gateway sends per status.
var statusCodes = map[string]string{
	"settlement": "200", "capture": "200", "refund": "200", "partial_refund": "200", "cancel": "200",
	"pending": "201", "authorize": "201", "deny": "202", "expire": "407",
}

// final statuses end the payment page: the payer cannot act any more.
var final = map[string]bool{
	"settlement": true, "capture": true, "cancel": true, "expire": true, "refund": true, "partial_refund": true,
}

// Pay records ev's status for orderID as the payer's action (its
// transaction_status from now on, shown by the status endpoint) and sends
// the notification, retrying until the merchant answers 2xx.
func (s *Server) Pay(orderID, status string) error {
	return s.PayEvent(orderID, Event{TransactionStatus: status})
}

// PayEvent is Pay with a fraud status or payment type.
func (s *Server) PayEvent(orderID string, ev Event) error {
	body, url, err := s.record(orderID, ev)
	if err != nil {
		return err
	}
	return s.deliver(orderID, url, body)
}

// Notify sends a signed notification for ev without changing the stored
// transaction: an out-of-order or stale message, sent on purpose.
func (s *Server) Notify(orderID string, ev Event) error {
	body, url, err := s.build(orderID, ev)
	if err != nil {
		return err
	}
	return s.deliver(orderID, url, body)
}

// Resend delivers the last notification for orderID again, byte for byte.
func (s *Server) Resend(orderID string) error {
	s.mu.Lock()
	body := s.last[orderID]
	o, ok := s.orders[orderID]
	url := ""
	if ok {
		url = s.notifyURL(o)
	}
	s.mu.Unlock()
	if body == nil {
		return fmt.Errorf("%w: nothing sent for %q", ErrUnknownOrder, orderID)
	}
	return s.deliver(orderID, url, body)
}

// Notification returns the signed body a notification for ev would have,
// without sending it, for tests that post it themselves.
func (s *Server) Notification(orderID string, ev Event) ([]byte, error) {
	body, _, err := s.build(orderID, ev)
	return body, err
}

// Deliveries returns every notification sent so far, oldest first.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Delivery(nil), s.deliveries...)
}

// record applies ev to the stored transaction and builds its notification.
func (s *Server) record(orderID string, ev Event) ([]byte, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[orderID]
	if !ok {
		return nil, "", fmt.Errorf("%w: %q", ErrUnknownOrder, orderID)
	}
	if _, ok := statusCodes[ev.TransactionStatus]; !ok {
		return nil, "", fmt.Errorf("%w: %q", ErrUnknownStatus, ev.TransactionStatus)
	}
	ev = defaults(ev)
	if o.TransactionID == "" {
		o.TransactionID = randomHex(8) + "-" + randomHex(4) + "-" + randomHex(4)
	}
	o.Status, o.FraudStatus, o.PaymentType = ev.TransactionStatus, ev.FraudStatus, ev.PaymentType
	o.Time = s.now().UTC()
	body, err := json.Marshal(s.fields(&o.Order, ev))
	return body, s.notifyURL(o), err
}

// build makes a notification for ev from the stored transaction, unchanged.
func (s *Server) build(orderID string, ev Event) ([]byte, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[orderID]
	if !ok {
		return nil, "", fmt.Errorf("%w: %q", ErrUnknownOrder, orderID)
	}
	if _, ok := statusCodes[ev.TransactionStatus]; !ok {
		return nil, "", fmt.Errorf("%w: %q", ErrUnknownStatus, ev.TransactionStatus)
	}
	snap := o.Order
	if snap.TransactionID == "" {
		snap.TransactionID = randomHex(8)
	}
	if snap.Time.IsZero() {
		snap.Time = s.now().UTC()
	}
	body, err := json.Marshal(s.fields(&snap, defaults(ev)))
	return body, s.notifyURL(o), err
}

func defaults(ev Event) Event {
	if ev.TransactionStatus == "capture" && ev.FraudStatus == "" {
		ev.FraudStatus = "accept"
	}
	if ev.PaymentType == "" {
		ev.PaymentType = "bank_transfer"
		if ev.TransactionStatus == "capture" {
			ev.PaymentType = "credit_card"
		}
	}
	return ev
}

// fields are the JSON of a notification or status answer, signed with
// the server key exactly as the real gateway signs them.
func (s *Server) fields(o *Order, ev Event) map[string]string {
	code := statusCodes[ev.TransactionStatus]
	gross := gateway.FormatAmount(o.GrossAmount)
	f := map[string]string{
		"order_id":           o.OrderID,
		"status_code":        code,
		"gross_amount":       gross,
		"currency":           "IDR",
		"transaction_status": ev.TransactionStatus,
		"payment_type":       ev.PaymentType,
		"transaction_id":     o.TransactionID,
		"transaction_time":   o.Time.In(wib).Format(time.DateTime),
		"signature_key":      gateway.Signature(o.OrderID, code, gross, s.ServerKey),
	}
	if ev.FraudStatus != "" {
		f["fraud_status"] = ev.FraudStatus
	}
	return f
}

var wib = time.FixedZone("WIB", 7*60*60)

func (s *Server) notifyURL(o *order) string {
	if o.notifyURL != "" {
		return o.notifyURL
	}
	return s.NotifyURL
}

// deliver POSTs body to url until the merchant answers 2xx, and logs it.
func (s *Server) deliver(orderID, url string, body []byte) error {
	d := Delivery{OrderID: orderID, URL: url, Body: body}
	if url == "" {
		d.Err = ErrNoNotifyURL
	} else {
		d.Err = s.post(&d)
	}
	s.mu.Lock()
	s.last[orderID] = body
	s.deliveries = append(s.deliveries, d)
	s.mu.Unlock()
	return d.Err
}

func (s *Server) post(d *Delivery) error {
	hc := s.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 10 * time.Second}
	}
	attempts, pause := s.Attempts, s.Backoff
	if attempts <= 0 {
		attempts = 5
	}
	if pause <= 0 {
		pause = 20 * time.Millisecond
	}
	var last error
	for d.Attempts < attempts {
		if d.Attempts > 0 {
			time.Sleep(pause)
			pause *= 2
		}
		d.Attempts++
		res, err := hc.Post(d.URL, "application/json", bytes.NewReader(d.Body))
		if err != nil {
			last = err
			continue
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<16))
		res.Body.Close()
		d.StatusCode = res.StatusCode
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			return nil
		}
		last = fmt.Errorf("HTTP %d", res.StatusCode)
	}
	return fmt.Errorf("%w after %d attempts: %v", ErrNotDelivered, d.Attempts, last)
}
