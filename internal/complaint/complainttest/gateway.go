// Package complainttest is a local stand-in for an SMS, WhatsApp or
// e-mail gateway: it delivers inbound messages to an organisation's
// complaint webhook, signed as a real gateway signs them, so tests
// exercise the signature, the timestamp window and replay safety.
package complainttest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/complaint"
)

// Gateway delivers messages to one webhook address.
type Gateway struct {
	URL    string // the organisation's webhook address
	Secret string // the organisation's webhook secret
	// Client sends the requests; http.DefaultClient when nil.
	Client *http.Client
	// Now is the gateway's clock; time.Now when nil.
	Now func() time.Time
}

// MessageID returns a fresh message id, as a gateway gives each message.
func MessageID() string { return "msg-" + rand.Text() }

// Deliver sends m (with a fresh id when it has none) and returns the
// webhook's response; the caller closes its body.
func (g *Gateway) Deliver(ctx context.Context, m complaint.InboundMessage) (*http.Response, error) {
	if m.ID == "" {
		m.ID = MessageID()
	}
	body, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return g.Post(ctx, body, g.now(), "")
}

// Post sends body signed at ts. A non-empty signature replaces the
// correct one, to test what a forger would send.
func (g *Gateway) Post(ctx context.Context, body []byte, ts time.Time, signature string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if signature == "" {
		signature = complaint.Sign(g.Secret, ts, body)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(complaint.TimestampHeader, strconv.FormatInt(ts.Unix(), 10))
	req.Header.Set(complaint.SignatureHeader, signature)
	client := g.Client
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req)
}

func (g *Gateway) now() time.Time {
	if g.Now != nil {
		return g.Now()
	}
	return time.Now()
}
