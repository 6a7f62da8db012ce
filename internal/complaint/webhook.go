package complaint

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"lokadaya/internal/db"
	"lokadaya/internal/strictjson"
)

// The gateway webhook. An SMS, WhatsApp or e-mail gateway POSTs each
// inbound message as JSON to the organisation's webhook address, signed
// with the organisation's secret:
//
//	X-Lokadaya-Timestamp: 1767225600            (Unix seconds)
//	X-Lokadaya-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">
//
// A message is refused when the signature does not match or the timestamp
// is more than WebhookWindow away; the same message id is filed once.

// Headers of a signed webhook call.
const (
	TimestampHeader = "X-Lokadaya-Timestamp"
	SignatureHeader = "X-Lokadaya-Signature"
)

// WebhookWindow is how far the timestamp may be from the server's clock.
const WebhookWindow = 5 * time.Minute

// MaxInboundBytes bounds a webhook body.
const MaxInboundBytes = 64 << 10

// Errors of the webhook.
var (
	ErrSignature = errors.New("complaint: bad webhook signature")
	ErrStale     = errors.New("complaint: webhook timestamp outside the window")
	ErrNoSecret  = errors.New("complaint: the organisation has no webhook secret")
	ErrInbound   = errors.New("complaint: bad inbound message")
)

// Sign returns the signature header value of body sent at ts.
func Sign(secret string, ts time.Time, body []byte) string {
	return "sha256=" + mac(secret, strconv.FormatInt(ts.Unix(), 10), body)
}

func mac(secret, ts string, body []byte) string {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte(ts))
	h.Write([]byte("."))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// VerifySignature checks the timestamp and signature headers of body.
func VerifySignature(secret, timestamp, signature string, body []byte, now time.Time) error {
	if secret == "" {
		return ErrNoSecret
	}
	if len(timestamp) == 0 || len(timestamp) > 12 {
		return ErrStale
	}
	sec, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || sec <= 0 {
		return ErrStale
	}
	if d := now.Sub(time.Unix(sec, 0)); d > WebhookWindow || d < -WebhookWindow {
		return ErrStale
	}
	got, ok := strings.CutPrefix(signature, "sha256=")
	if !ok {
		return ErrSignature
	}
	want := mac(secret, timestamp, body)
	if !hmac.Equal([]byte(strings.ToLower(got)), []byte(want)) {
		return ErrSignature
	}
	return nil
}

// InboundMessage is one message the gateway passes on.
type InboundMessage struct {
	ID         string `json:"id"`         // the gateway's message id, for replay safety
	Channel    string `json:"channel"`    // sms, whatsapp or email
	From       string `json:"from"`       // the sender's number or address
	Name       string `json:"name"`       // optional
	Text       string `json:"text"`       // the message
	Visibility string `json:"visibility"` // optional; rahasia when empty
	Category   string `json:"category"`   // optional
}

// MaxMessageID bounds the gateway's message id.
const MaxMessageID = 100

// ParseInbound decodes and checks a webhook body strictly: one JSON
// object of known fields, each key once, a usable id and channel.
func ParseInbound(body []byte) (InboundMessage, error) {
	var m InboundMessage
	if len(body) > MaxInboundBytes {
		return m, fmt.Errorf("%w: body too large", ErrInbound)
	}
	if err := strictjson.UnmarshalKnown(body, &m); err != nil {
		return m, fmt.Errorf("%w: %w", ErrInbound, err)
	}
	m.ID = strings.TrimSpace(m.ID)
	if m.ID == "" || len(m.ID) > MaxMessageID || strings.IndexFunc(m.ID, notPrintable) >= 0 {
		return m, fmt.Errorf("%w: id", ErrInbound)
	}
	if !slices.Contains(GatewayChannels, m.Channel) {
		return m, fmt.Errorf("%w: channel", ErrInbound)
	}
	if m.Visibility == "" {
		m.Visibility = VisConfidential
	}
	return m, nil
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) || r > unicode.MaxASCII }

// Input is the complaint the message files. A sender's address that
// cannot be checked is dropped rather than refusing the complaint.
func (m InboundMessage) Input(orgID int64) Input {
	in := Input{OrgID: orgID, Category: m.Category, Text: m.Text, Visibility: m.Visibility, Channel: m.Channel}
	if m.Visibility != VisAnonymous {
		in.ContactName = strings.TrimSpace(m.Name)
		if c, ok := normalizeContact(strings.TrimSpace(m.From)); ok {
			in.Contact = c
		}
	}
	return in
}

// Receive files the message as a complaint of the organisation, once: a
// message id seen before returns the complaint it filed (created false).
// Invalid content is reported as validate.Errors.
func (s *Store) Receive(ctx context.Context, orgID int64, m InboundMessage) (*Complaint, bool, error) {
	if c, err := s.byMessage(ctx, orgID, m.ID); err == nil {
		return c, false, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, false, err
	}
	now := s.now()
	in := m.Input(orgID)
	if errs := in.Check(now); len(errs) > 0 {
		return nil, false, errs
	}
	code, err := freshCode(ctx, s.DB)
	if err != nil {
		return nil, false, err
	}
	var id int64
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if id, err = s.insert(ctx, tx, in, code, "", now); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO complaint_inbound (org_id, message_id, complaint_id, received_at)
			VALUES (?, ?, ?, ?)`, orgID, m.ID, id, now)
		return err
	})
	if db.IsUniqueViolation(err) {
		// The gateway retried while the first delivery was being stored.
		if c, err := s.byMessage(ctx, orgID, m.ID); err == nil {
			return c, false, nil
		}
	}
	if err != nil {
		return nil, false, err
	}
	c, err := s.ByID(ctx, id)
	return c, err == nil, err
}

// ReceiveSigned checks a webhook call's signature and timestamp (read
// from the headers) against the organisation's secret, then parses the
// body and files it with Receive.
func (s *Store) ReceiveSigned(ctx context.Context, orgID int64, h http.Header, body []byte) (*Complaint, bool, error) {
	st, err := s.Settings(ctx, orgID)
	if err != nil {
		return nil, false, err
	}
	if err := VerifySignature(st.WebhookSecret, h.Get(TimestampHeader), h.Get(SignatureHeader), body, s.now()); err != nil {
		return nil, false, err
	}
	m, err := ParseInbound(body)
	if err != nil {
		return nil, false, err
	}
	return s.Receive(ctx, orgID, m)
}

func (s *Store) byMessage(ctx context.Context, orgID int64, messageID string) (*Complaint, error) {
	return get(ctx, s.DB, `c.id = (SELECT complaint_id FROM complaint_inbound WHERE org_id = ? AND message_id = ?)`,
		orgID, messageID)
}
