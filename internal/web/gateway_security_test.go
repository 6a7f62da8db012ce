package web_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/gateway/gatewaytest"
	"lokadaya/internal/web"
)

// Outside demo mode a gateway without its real server key is refused:
// anyone knows the sandbox key and could sign "paid" notifications.
func TestGatewayNeedsRealServerKey(t *testing.T) {
	d := dbtest.Open(t)
	for _, tc := range []struct {
		name string
		cfg  web.Config
		ok   bool
	}{
		{"no key", web.Config{GatewayURL: "https://app.sandbox.midtrans.com"}, false},
		{"sandbox key", web.Config{GatewayURL: "https://app.sandbox.midtrans.com", GatewayServerKey: web.DefaultGatewayServerKey}, false},
		{"real key", web.Config{GatewayURL: "https://app.sandbox.midtrans.com", GatewayServerKey: "SB-Mid-server-abc"}, true},
		{"demo without key", web.Config{GatewayURL: "https://app.sandbox.midtrans.com", Demo: true}, true},
		{"demo sandbox", web.Config{Demo: true}, true},
		{"no gateway", web.Config{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := web.New(tc.cfg, d, slog.New(slog.DiscardHandler))
			if tc.ok != (err == nil) {
				t.Fatalf("New: %v", err)
			}
			if err != nil && !strings.Contains(err.Error(), "LOKADAYA_GATEWAY_SERVER_KEY") {
				t.Errorf("the error does not name the setting: %v", err)
			}
		})
	}
}

// editStatus rewrites a signed notification's transaction_status, which
// the signature does not cover.
func editStatus(t *testing.T, body []byte, status string) []byte {
	t.Helper()
	var m map[string]string
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	m["transaction_status"] = status
	out, _ := json.Marshal(m)
	return out
}

// A notification that would take confirmed money back is checked with
// the gateway's status API, and what the gateway says is applied.
func TestGatewayRefundCheckedWithStatus(t *testing.T) {
	w := newGatewayWorld(t)
	w.give(t, url.Values{"amount": {"80000"}, "name": {"Rina"}, "method": {"gateway"}})
	id, _, _, _ := w.lastDonation(t)
	if err := w.gw.Pay(id, "settlement"); err != nil {
		t.Fatal(err)
	}
	settled := w.gw.Deliveries()[0].Body
	// The settlement's own signature on an edited "refund" or "cancel":
	// the gateway still says settlement, so nothing moves.
	for _, forged := range []string{"refund", "cancel"} {
		status, out := w.notify(t, "sandbox", editStatus(t, settled, forged))
		if status != http.StatusOK || out["outcome"] != "ignored" || out["status"] != "confirmed" {
			t.Errorf("forged %s: %d %v", forged, status, out)
		}
	}
	if m := w.apiMoney(t); m["confirmed"] != 80_000 {
		t.Fatalf("a forged refund moved money: %v", m)
	}
	// While the status API cannot be asked, a refund waits for its retry.
	refund := editStatus(t, settled, "refund")
	w.down.Store(true)
	if status, out := w.notify(t, "sandbox", refund); status != http.StatusServiceUnavailable {
		t.Errorf("status API down: %d %v", status, out)
	}
	w.down.Store(false)
	if m := w.apiMoney(t); m["confirmed"] != 80_000 {
		t.Fatalf("an unchecked refund moved money: %v", m)
	}
	// A real refund: the gateway's status says so, the money goes back.
	if err := w.gw.Pay(id, "refund"); err != nil {
		t.Fatal(err)
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 {
		t.Errorf("money after a real refund: %v", m)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM payment_notifications WHERE transaction_status = 'refund' AND outcome = 'applied'`); n != 1 {
		t.Errorf("%d applied refunds, want 1", n)
	}
}

// A cancellation the gateway has no record of changes nothing.
func TestGatewayUnknownCancelRefused(t *testing.T) {
	w := newGatewayWorld(t)
	w.give(t, url.Values{"amount": {"30000"}, "name": {"Budi"}, "method": {"gateway"}})
	id, _, _, _ := w.lastDonation(t)
	body, err := w.gw.Notification(id, gatewaytest.Event{TransactionStatus: "cancel"})
	if err != nil {
		t.Fatal(err)
	}
	status, out := w.notify(t, "sandbox", body)
	if e, _ := out["error"].(map[string]any); status != http.StatusConflict || e["code"] != "not_confirmed" {
		t.Errorf("cancel unknown to the gateway: %d %v", status, out)
	}
	if _, status, state, _ := w.lastDonation(t); status != "pending" || state != "pending" {
		t.Errorf("after a refused cancel: %s, %s", status, state)
	}
	// The real cancellation goes through.
	if err := w.gw.Pay(id, "cancel"); err != nil {
		t.Fatal(err)
	}
	if _, status, state, _ := w.lastDonation(t); status != "rejected" || state != "cancelled" {
		t.Errorf("after the gateway's cancel: %s, %s", status, state)
	}
}
