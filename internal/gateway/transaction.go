package gateway

import (
	"fmt"
	"strings"
)

// Transaction is what CreateTransaction asks the gateway to collect.
type Transaction struct {
	OrderID     string // ours, unique; 1–50 of A-Z a-z 0-9 - _ ~ .
	GrossAmount int64  // rupiah, > 0
	Customer    Customer
	Items       []Item // optional; when given, price × quantity must add up to GrossAmount
	// FinishURL is where the payment page sends the payer back to.
	FinishURL string
	// NotificationURL, when set, overrides the notification URL configured
	// at the gateway for this transaction (header X-Override-Notification).
	NotificationURL string
}

// Customer is the payer as the gateway shows and e-mails them.
type Customer struct {
	Name  string
	Email string
	Phone string
}

// Item is one line of the payment page.
type Item struct {
	ID       string
	Name     string // at most 50 characters; longer names are cut
	Price    int64  // rupiah
	Quantity int64
}

// Created is the gateway's answer to CreateTransaction.
type Created struct {
	Token       string
	RedirectURL string // the payment page
}

// MaxOrderID is the longest order id the gateway accepts.
const MaxOrderID = 50

// ValidOrderID reports whether id is an order id the gateway accepts
// and that is safe in its URLs.
func ValidOrderID(id string) bool {
	if id == "" || len(id) > MaxOrderID {
		return false
	}
	for _, c := range id {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '~' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}

// Check refuses, before anything is sent, a transaction the gateway would
// refuse.
func (t *Transaction) Check() error {
	if !ValidOrderID(t.OrderID) {
		return fmt.Errorf("%w: order id %q", ErrInvalid, t.OrderID)
	}
	if t.GrossAmount <= 0 {
		return fmt.Errorf("%w: gross amount %d", ErrInvalid, t.GrossAmount)
	}
	if len(t.Items) == 0 {
		return nil
	}
	var sum int64
	for _, it := range t.Items {
		if it.Price <= 0 || it.Quantity <= 0 {
			return fmt.Errorf("%w: item %q price %d × %d", ErrInvalid, it.ID, it.Price, it.Quantity)
		}
		// Compared by division so a huge price × quantity cannot overflow.
		if it.Quantity > (t.GrossAmount-sum)/it.Price {
			return fmt.Errorf("%w: items add up to more than %d", ErrInvalid, t.GrossAmount)
		}
		sum += it.Price * it.Quantity
	}
	if sum != t.GrossAmount {
		return fmt.Errorf("%w: items add up to %d, gross amount is %d", ErrInvalid, sum, t.GrossAmount)
	}
	return nil
}

// snapRequest is the JSON body of POST /snap/v1/transactions.
type snapRequest struct {
	TransactionDetails struct {
		OrderID     string `json:"order_id"`
		GrossAmount int64  `json:"gross_amount"`
	} `json:"transaction_details"`
	CustomerDetails *snapCustomer `json:"customer_details,omitempty"`
	ItemDetails     []snapItem    `json:"item_details,omitempty"`
	Callbacks       *snapCallback `json:"callbacks,omitempty"`
}

type snapCustomer struct {
	FirstName string `json:"first_name,omitempty"`
	Email     string `json:"email,omitempty"`
	Phone     string `json:"phone,omitempty"`
}

type snapItem struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name"`
	Price    int64  `json:"price"`
	Quantity int64  `json:"quantity"`
}

type snapCallback struct {
	Finish string `json:"finish"`
}

// body builds the request JSON value.
func (t *Transaction) body() snapRequest {
	var r snapRequest
	r.TransactionDetails.OrderID = t.OrderID
	r.TransactionDetails.GrossAmount = t.GrossAmount
	if t.Customer != (Customer{}) {
		r.CustomerDetails = &snapCustomer{FirstName: t.Customer.Name, Email: t.Customer.Email, Phone: t.Customer.Phone}
	}
	for _, it := range t.Items {
		r.ItemDetails = append(r.ItemDetails, snapItem{ID: it.ID, Name: cut(it.Name, 50), Price: it.Price, Quantity: it.Quantity})
	}
	if t.FinishURL != "" {
		r.Callbacks = &snapCallback{Finish: t.FinishURL}
	}
	return r
}

// cut shortens s to at most n runes, on a rune boundary.
func cut(s string, n int) string {
	s = strings.TrimSpace(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
