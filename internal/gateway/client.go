package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultTimeout bounds one call when the Client has no HTTP client of its own.
const DefaultTimeout = 15 * time.Second

// maxAnswer bounds how much of an answer is read.
const maxAnswer = 1 << 20

// Client calls the gateway. The zero value is not usable: BaseURL and
// ServerKey are required.
type Client struct {
	// BaseURL is where /snap/v1/transactions lives, e.g.
	// https://app.sandbox.midtrans.com.
	BaseURL string
	// APIBaseURL is where /v2/{order_id}/status lives; Midtrans serves it
	// from another host (https://api.sandbox.midtrans.com). Empty: BaseURL.
	APIBaseURL string
	// ServerKey authenticates us (HTTP Basic user, empty password) and
	// signs notifications.
	ServerKey string
	// HTTP sends the requests; nil means a client with DefaultTimeout.
	HTTP *http.Client
}

// defaultHTTP keeps connections to the gateway open for concurrent
// donors: Go's default transport keeps two idle connections per host, so
// a burst of donations would open (and TLS-handshake) a new one each.
var defaultHTTP = &http.Client{Timeout: DefaultTimeout, Transport: gatewayTransport()}

func gatewayTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}

// CreateTransaction asks the gateway for a payment page for t. Calling it
// again with the same order id never creates a second transaction: the
// gateway answers ErrDuplicateOrder, so a caller that lost the first
// answer keeps the token it stored or reconciles with Status.
func (c *Client) CreateTransaction(ctx context.Context, t Transaction) (*Created, error) {
	if err := t.Check(); err != nil {
		return nil, err
	}
	body, err := json.Marshal(t.body())
	if err != nil {
		return nil, fmt.Errorf("gateway: encode transaction: %w", err)
	}
	header := http.Header{"Content-Type": {"application/json"}}
	if t.NotificationURL != "" {
		header.Set("X-Override-Notification", t.NotificationURL)
	}
	var out struct {
		Token       string `json:"token"`
		RedirectURL string `json:"redirect_url"`
	}
	if err := c.do(ctx, http.MethodPost, strings.TrimRight(c.BaseURL, "/")+"/snap/v1/transactions", header, body, &out); err != nil {
		return nil, err
	}
	if out.Token == "" || out.RedirectURL == "" {
		return nil, fmt.Errorf("%w: answer without token or redirect_url", ErrUnavailable)
	}
	return &Created{Token: out.Token, RedirectURL: out.RedirectURL}, nil
}

// Status asks the gateway where the transaction with orderID stands, for
// reconciliation when a notification may have been lost. When the answer
// carries a signature_key it is verified like a notification.
func (c *Client) Status(ctx context.Context, orderID string) (*Notification, error) {
	if !ValidOrderID(orderID) {
		return nil, fmt.Errorf("%w: order id %q", ErrInvalid, orderID)
	}
	base := c.APIBaseURL
	if base == "" {
		base = c.BaseURL
	}
	u := strings.TrimRight(base, "/") + "/v2/" + url.PathEscape(orderID) + "/status"
	var w wire
	if err := c.do(ctx, http.MethodGet, u, nil, nil, &w); err != nil {
		return nil, err
	}
	if w.OrderID != orderID {
		return nil, fmt.Errorf("%w: status of %q answered for %q", ErrBadNotification, orderID, w.OrderID)
	}
	if w.SignatureKey != "" {
		return w.verify(c.ServerKey)
	}
	return w.notification()
}

// do sends one request and decodes a 2xx answer into out.
func (c *Client) do(ctx context.Context, method, u string, header http.Header, body []byte, out any) error {
	if c.BaseURL == "" || c.ServerKey == "" {
		return fmt.Errorf("%w: client needs BaseURL and ServerKey", ErrInvalid)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Accept", "application/json")
	req.SetBasicAuth(c.ServerKey, "")
	hc := c.HTTP
	if hc == nil {
		hc = defaultHTTP
	}
	res, err := hc.Do(req)
	if err != nil {
		return transportError(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, maxAnswer))
	if err != nil {
		return transportError(err)
	}
	if err := answerError(res.StatusCode, raw); err != nil {
		return err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("%w: unreadable answer: %v", ErrUnavailable, err)
	}
	return nil
}

// answerError reads the gateway's error shapes: Snap's
// {"error_messages":[…]} and the Core API's {"status_code":"404",
// "status_message":…}, which may come with HTTP 200.
func answerError(status int, raw []byte) error {
	var e struct {
		StatusCode    string   `json:"status_code"`
		StatusMessage string   `json:"status_message"`
		Transaction   string   `json:"transaction_status"`
		ErrorMessages []string `json:"error_messages"`
	}
	_ = json.Unmarshal(raw, &e) // an unreadable error body still has its HTTP status
	// A status answer's code describes the payment (407 is "expired"),
	// not the request; only a code without a transaction_status fails.
	codeFails := e.Transaction == "" && len(e.StatusCode) == 3 && e.StatusCode[0] >= '3'
	if status >= 200 && status < 300 && !codeFails {
		return nil
	}
	msgs := e.ErrorMessages
	if e.StatusMessage != "" {
		msgs = append(msgs, e.StatusMessage)
	}
	if len(msgs) == 0 {
		msgs = []string{http.StatusText(status)}
	}
	return &APIError{StatusCode: status, Code: e.StatusCode, Messages: msgs, kind: classify(status, e.StatusCode, msgs)}
}

// transportError turns a failed exchange into ErrTimeout or ErrUnavailable.
func transportError(err error) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}
