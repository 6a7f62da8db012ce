package web_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/gateway"
)

// A process killed between storing a gateway donation and storing the
// gateway's answer leaves it pending with no payment page. A retry with
// the same Idempotency-Key takes the start over once it has stalled: the
// page when the gateway never got the order, a clear refusal when it did
// (its answer is lost for good), and no second call while the start may
// still be under way.
func TestGatewayStartCutOffByCrash(t *testing.T) {
	w := newGatewayWorld(t)
	ctx := context.Background()
	for i, tc := range []struct {
		name       string
		ago        time.Duration // since the start was cut off
		gatewayHas bool          // the gateway got the order before the crash
		status     int
		payURL     bool
		donation   string // its status afterwards
		payment    string // its payment's state afterwards
	}{
		{"still being started", 5 * time.Second, false, http.StatusOK, false, "pending", "new"},
		{"cut off before the gateway", time.Minute, false, http.StatusOK, true, "pending", "pending"},
		{"cut off after the gateway", time.Minute, true, http.StatusConflict, false, "rejected", "cancelled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := "crash-key-000000000000" + strconv.Itoa(i)
			body := `{"amount":65000,"name":"Budi","method":"gateway"}`
			// A donation stored without its payment page, as a crash
			// leaves it: pending, payment new, no page.
			w.down.Store(true)
			if status, out := w.apiDonate(t, key, body); status != http.StatusServiceUnavailable {
				t.Fatalf("gateway down: %d %v", status, out)
			}
			w.down.Store(false)
			id, _, _, _ := w.lastDonation(t)
			if _, err := w.d.Exec(ctx, `UPDATE donations SET status = 'pending', reject_reason = '' WHERE id = ?`, id); err != nil {
				t.Fatal(err)
			}
			if _, err := w.d.Exec(ctx, `UPDATE donation_payments SET updated_at = ? WHERE donation_id = ?`,
				db.Now().Add(-tc.ago), id); err != nil {
				t.Fatal(err)
			}
			if tc.gatewayHas {
				if _, err := w.gw.Client().CreateTransaction(ctx, gateway.Transaction{OrderID: id, GrossAmount: 65_000}); err != nil {
					t.Fatal(err)
				}
			}
			status, out := w.apiDonate(t, key, body)
			if status != tc.status || (out["payment_url"] != nil) != tc.payURL {
				t.Errorf("retry: %d %v", status, out)
			}
			id2, donation, payment, _ := w.lastDonation(t)
			if id2 != id || donation != tc.donation || payment != tc.payment {
				t.Errorf("after retry: donation %s %s, payment %s; want %s, %s, %s", id2, donation, payment, id, tc.donation, tc.payment)
			}
			if _, known := w.gw.Order(id); known != (tc.payURL || tc.gatewayHas) {
				t.Errorf("gateway knows order %s: %v", id, known)
			}
		})
	}
}
