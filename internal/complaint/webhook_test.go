package complaint_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/complaint/complainttest"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// webhook serves the store's signed intake for the world's organisation,
// answering as the platform's endpoint does: 201 filed, 200 seen before,
// 401 bad signature or timestamp, 422 bad content.
func webhook(w *world) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, complaint.MaxInboundBytes+1))
		c, created, err := w.s.ReceiveSigned(r.Context(), w.org.ID, r.Header, body)
		var verrs validate.Errors
		switch {
		case errors.Is(err, complaint.ErrSignature), errors.Is(err, complaint.ErrStale), errors.Is(err, complaint.ErrNoSecret):
			rw.WriteHeader(http.StatusUnauthorized)
		case errors.Is(err, complaint.ErrInbound), errors.As(err, &verrs):
			rw.WriteHeader(http.StatusUnprocessableEntity)
		case err != nil:
			rw.WriteHeader(http.StatusInternalServerError)
		default:
			if created {
				rw.WriteHeader(http.StatusCreated)
			}
			_ = json.NewEncoder(rw).Encode(map[string]string{"code": c.Code})
		}
	})
}

func TestWebhookFromTheFakeGateway(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		srv := httptest.NewServer(webhook(w))
		defer srv.Close()
		gw := &complainttest.Gateway{URL: srv.URL, Now: w.clock.Now}

		msg := complaint.InboundMessage{ID: complainttest.MessageID(), Channel: complaint.ChannelSMS,
			From: "0812-1111-2222", Text: "Air bersih di RT 03 mati tiga hari."}
		status := func(m complaint.InboundMessage) (int, string) {
			t.Helper()
			res, err := gw.Deliver(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var out struct{ Code string }
			_ = json.NewDecoder(res.Body).Decode(&out)
			return res.StatusCode, out.Code
		}
		// No secret yet: refused.
		if got, _ := status(msg); got != http.StatusUnauthorized {
			t.Errorf("without a secret: %d", got)
		}
		var err error
		gw.Secret, err = w.s.NewWebhookSecret(ctx, w.actor(org.RoleOwner), w.org.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, code := status(msg)
		if got != http.StatusCreated || code == "" {
			t.Fatalf("delivery: %d %q", got, code)
		}
		c, err := w.s.ByCode(ctx, code)
		if err != nil || c.Channel != complaint.ChannelSMS || c.Contact != "+6281211112222" ||
			c.Visibility != complaint.VisConfidential {
			t.Fatalf("filed %+v, %v", c, err)
		}
		// The gateway retries: the same message files nothing new.
		if got, again := status(msg); got != http.StatusOK || again != code {
			t.Errorf("replay: %d %q", got, again)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM complaints`).Scan(&n); err != nil || n != 1 {
			t.Errorf("%d complaints after a replay", n)
		}
		body, _ := json.Marshal(complaint.InboundMessage{ID: "m-2", Channel: "whatsapp", Text: "Jalan berlubang depan klinik."})
		for name, tc := range map[string]struct {
			ts  time.Time
			sig string
		}{
			"forged":      {w.clock.Now(), complaint.Sign("tebakan", w.clock.Now(), body)},
			"no prefix":   {w.clock.Now(), strings.TrimPrefix(complaint.Sign(gw.Secret, w.clock.Now(), body), "sha256=")},
			"stale":       {w.clock.Now().Add(-6 * time.Minute), ""},
			"from future": {w.clock.Now().Add(6 * time.Minute), ""},
		} {
			res, err := gw.Post(ctx, body, tc.ts, tc.sig)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: %d", name, res.StatusCode)
			}
		}
		// A body changed after signing is refused.
		sig := complaint.Sign(gw.Secret, w.clock.Now(), body)
		res, err := gw.Post(ctx, []byte(strings.Replace(string(body), "klinik", "pasar", 1)), w.clock.Now(), sig)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("tampered: %d", res.StatusCode)
		}
		// Signed but bad content.
		for name, raw := range map[string]string{
			"duplicate key": `{"id":"m-3","id":"m-4","channel":"sms","text":"Antrean lama sekali."}`,
			"unknown field": `{"id":"m-3","channel":"sms","text":"Antrean lama sekali.","admin":true}`,
			"bad channel":   `{"id":"m-3","channel":"merpati","text":"Antrean lama sekali."}`,
			"no id":         `{"channel":"sms","text":"Antrean lama sekali."}`,
			"short text":    `{"id":"m-3","channel":"sms","text":"lama"}`,
			"trailing":      `{"id":"m-3","channel":"sms","text":"Antrean lama sekali."} {}`,
		} {
			res, err := gw.Post(ctx, []byte(raw), w.clock.Now(), "")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d", name, res.StatusCode)
			}
		}
		// Anonymous by the gateway keeps no number.
		got, code = status(complaint.InboundMessage{Channel: complaint.ChannelWhatsApp, From: "081233334444",
			Text: "Saya takut menyebut nama, tapi petugas minta uang.", Visibility: complaint.VisAnonymous})
		if c, _ := w.s.ByCode(ctx, code); got != http.StatusCreated || c == nil || c.Contact != "" {
			t.Errorf("anonymous: %d %+v", got, c)
		}
	})
}

func FuzzParseInbound(f *testing.F) {
	for _, seed := range []string{
		`{"id":"m-1","channel":"sms","from":"0812","text":"Antrean lama sekali."}`,
		`{"id":"m-1","id":"m-2","channel":"sms"}`,
		`{"id":"` + strings.Repeat("x", 101) + `","channel":"email"}`,
		`[]`, `null`, `{"id":1}`, "{\"id\":\"\u0000\"}", `{"id":"a","channel":"sms"}{}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := complaint.ParseInbound(body)
		if err != nil {
			if !errors.Is(err, complaint.ErrInbound) {
				t.Fatalf("error %v does not wrap ErrInbound", err)
			}
			return
		}
		if m.ID == "" || len(m.ID) > complaint.MaxMessageID || m.Visibility == "" {
			t.Fatalf("accepted %+v", m)
		}
		switch m.Channel {
		case complaint.ChannelSMS, complaint.ChannelWhatsApp, complaint.ChannelEmail:
		default:
			t.Fatalf("accepted channel %q", m.Channel)
		}
	})
}

func FuzzVerifySignature(f *testing.F) {
	now := time.Unix(1767225600, 0)
	body := []byte(`{"id":"m-1"}`)
	f.Add("1767225600", complaint.Sign("rahasia", now, body), body)
	f.Add("1767225400", complaint.Sign("rahasia", now.Add(-200*time.Second), body), body)
	f.Add("abc", "sha256=00", body)
	f.Add("-1", "", []byte{})
	f.Fuzz(func(t *testing.T, ts, sig string, b []byte) {
		if complaint.VerifySignature("rahasia", ts, sig, b, now) != nil {
			return
		}
		// Accepted: the timestamp must be in the window and the signature
		// the HMAC of exactly "<ts>.<body>".
		sec, err := strconv.ParseInt(ts, 10, 64)
		if err != nil || now.Sub(time.Unix(sec, 0)).Abs() > complaint.WebhookWindow {
			t.Fatalf("accepted timestamp %q", ts)
		}
		h := hmac.New(sha256.New, []byte("rahasia"))
		h.Write([]byte(ts + "."))
		h.Write(b)
		if !strings.EqualFold(sig, "sha256="+hex.EncodeToString(h.Sum(nil))) {
			t.Fatalf("accepted signature %q", sig)
		}
	})
}
