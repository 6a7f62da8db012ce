// Package gatewaytest is a local payment gateway that speaks the protocol
// of package gateway (Midtrans Snap): it checks the server key, keeps
// transactions in memory, serves a plain payment page where a person
// plays the payer, and sends signed notifications to the merchant, with
// retries. Tests also use it to send repeated and out-of-order
// notifications on purpose; the demo mode can mount Handler as a sandbox.
package gatewaytest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"lokadaya/internal/gateway"
)

// Server is the local gateway. Set the exported fields before serving.
type Server struct {
	// ServerKey is the merchant's key: Basic auth user and signing key.
	ServerKey string
	// BaseURL is the public address of Handler (prefix included); the
	// redirect_url of a transaction points at BaseURL/pay/{token}.
	BaseURL string
	// NotifyURL receives notifications of transactions created without
	// an X-Override-Notification header.
	NotifyURL string
	// HTTP delivers notifications; nil means a client with a 10s timeout.
	HTTP *http.Client
	// Attempts is how many times a notification is tried until the
	// merchant answers 2xx (default 5); Backoff is the pause after the
	// first failure, doubled after each next one (default 20ms).
	Attempts int
	Backoff  time.Duration
	// Now is the gateway's clock (default time.Now).
	Now func() time.Time

	mux *http.ServeMux
	ts  *httptest.Server

	mu         sync.Mutex
	orders     map[string]*order // by order id
	tokens     map[string]string // token → order id
	last       map[string][]byte // order id → last notification body sent
	deliveries []Delivery
}

// order is one transaction as the gateway keeps it.
type order struct {
	Order
	notifyURL string
}

// Order is a transaction as the gateway sees it.
type Order struct {
	OrderID       string
	Token         string
	GrossAmount   int64
	CustomerName  string
	FinishURL     string
	TransactionID string    // set at the first payment event
	Status        string    // last transaction_status; "" until the payer acts
	FraudStatus   string    // for capture
	PaymentType   string    // bank_transfer, qris, credit_card…
	Time          time.Time // of the last payment event
	CreatedAt     time.Time
}

// New returns a gateway that is not listening; serve Handler yourself
// and set BaseURL to where it is reachable.
func New(serverKey string) *Server {
	s := &Server{
		ServerKey: serverKey,
		orders:    map[string]*order{},
		tokens:    map[string]string{},
		last:      map[string][]byte{},
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /snap/v1/transactions", s.create)
	s.mux.HandleFunc("GET /v2/{order_id}/status", s.status)
	s.mux.HandleFunc("GET /pay/{token}", s.payPage)
	s.mux.HandleFunc("POST /pay/{token}", s.payAction)
	return s
}

// NewServer starts a gateway on a local port; Close stops it.
func NewServer(serverKey string) *Server {
	s := New(serverKey)
	s.ts = httptest.NewServer(s.mux)
	s.BaseURL = s.ts.URL
	return s
}

// Close stops a server started by NewServer.
func (s *Server) Close() {
	if s.ts != nil {
		s.ts.Close()
	}
}

// Handler serves the gateway's endpoints.
func (s *Server) Handler() http.Handler { return s.mux }

// Client returns a gateway client for this server with its server key.
func (s *Server) Client() *gateway.Client {
	c := &gateway.Client{BaseURL: s.BaseURL, ServerKey: s.ServerKey}
	if s.ts != nil {
		c.HTTP = s.ts.Client()
	}
	return c
}

// Order returns a copy of the transaction with orderID.
func (s *Server) Order(orderID string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[orderID]
	if !ok {
		return Order{}, false
	}
	return o.Order, true
}

// authorized checks HTTP Basic auth: the server key as user, in constant time.
func (s *Server) authorized(r *http.Request) bool {
	user, _, ok := r.BasicAuth()
	return ok && s.ServerKey != "" && subtle.ConstantTimeCompare([]byte(user), []byte(s.ServerKey)) == 1
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// writeJSON answers v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// snapError answers in Snap's error shape.
func snapError(w http.ResponseWriter, status int, msgs ...string) {
	writeJSON(w, status, map[string][]string{"error_messages": msgs})
}

// randomHex returns n random bytes as hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// readBody reads at most 1 MB of a request body.
func readBody(r *http.Request) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r.Body, 1<<20))
}
