package donation_test

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/gateway"
)

const serverKey = "sandbox-server-key"

// statusCodes are the status_code values the gateway signs per status.
var statusCodes = map[string]string{"settlement": "200", "capture": "200", "refund": "200", "cancel": "200",
	"pending": "201", "deny": "202", "expire": "407"}

// notification is a signed notification for donation id, verified as the
// web handler verifies it.
func notification(t *testing.T, id, amount int64, status string) *gateway.Notification {
	t.Helper()
	order, gross, code := strconv.FormatInt(id, 10), gateway.FormatAmount(amount), statusCodes[status]
	body, _ := json.Marshal(map[string]string{"order_id": order, "status_code": code, "gross_amount": gross,
		"transaction_status": status, "transaction_id": "tx-" + order, "payment_type": "bank_transfer",
		"signature_key": gateway.Signature(order, code, gross, serverKey)})
	n, err := gateway.ParseNotification(body, serverKey)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// gatewayStore is a store counting the receipts it would queue.
func gatewayStore(d *db.DB, receipts *atomic.Int64) *donation.Store {
	return &donation.Store{DB: d, OnConfirm: func(context.Context, db.Querier, *donation.Donation) error {
		receipts.Add(1)
		return nil
	}}
}

// newGatewayDonation creates a gateway donation whose payment page exists.
func newGatewayDonation(t *testing.T, s *donation.Store, f fixture, amount int64, i int) *donation.Donation {
	t.Helper()
	target := f.target
	target.Method, target.BankAccountID = donation.MethodGateway, 0
	d, created, err := s.Create(context.Background(), target, input(amount, i))
	if err != nil || !created {
		t.Fatalf("create: %v, %v", created, err)
	}
	if d.UniqueCode != 0 || d.Amount != amount || d.BankAccountID != nil {
		t.Fatalf("gateway donation %+v", d)
	}
	if _, err := s.PaymentStarted(context.Background(), d.ID, "tok", "https://pay.example/"+strconv.Itoa(i)); err != nil {
		t.Fatal(err)
	}
	return d
}

func confirmed(t *testing.T, s *donation.Store, f fixture) int64 {
	t.Helper()
	m, err := s.Money(context.Background(), f.target.CampaignID)
	if err != nil {
		t.Fatal(err)
	}
	return m.Confirmed
}

func TestGatewayNotificationsMoveThePayment(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		don := newGatewayDonation(t, s, f, 150_000, 1)
		p, err := s.Payment(ctx, don.ID)
		if err != nil || p.State != "pending" || !p.Payable() {
			t.Fatalf("payment %+v, %v", p, err)
		}
		steps := []struct {
			status, outcome, donation, payment string
			confirmed                          int64
		}{
			{"pending", donation.OutcomeIgnored, "pending", "pending", 0},
			{"settlement", donation.OutcomeApplied, "confirmed", "paid", 150_000},
			{"settlement", donation.OutcomeIgnored, "confirmed", "paid", 150_000}, // a replay
			{"pending", donation.OutcomeIgnored, "confirmed", "paid", 150_000},    // late
			{"expire", donation.OutcomeIgnored, "confirmed", "paid", 150_000},     // late
			{"refund", donation.OutcomeApplied, "rejected", "refunded", 0},
			{"settlement", donation.OutcomeIgnored, "rejected", "refunded", 0},
		}
		for i, st := range steps {
			outcome, got, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, don.ID, 150_000, st.status))
			if err != nil {
				t.Fatalf("step %d %s: %v", i, st.status, err)
			}
			p, _ := s.Payment(ctx, don.ID)
			if outcome != st.outcome || got.Status != st.donation || p.State != st.payment {
				t.Errorf("step %d %s: %s, donation %s, payment %s; want %s, %s, %s", i, st.status, outcome, got.Status,
					p.State, st.outcome, st.donation, st.payment)
			}
			if c := confirmed(t, s, f); c != st.confirmed {
				t.Errorf("step %d %s: confirmed %d, want %d", i, st.status, c, st.confirmed)
			}
		}
		if n := receipts.Load(); n != 1 {
			t.Errorf("%d receipts, want 1", n)
		}
		var audits, stored int
		_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('donation.confirm', 'donation.refund')`).Scan(&audits)
		_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM payment_notifications WHERE donation_id = ?`, don.ID).Scan(&stored)
		if audits != 2 || stored != len(steps) {
			t.Errorf("%d audit entries, %d notifications stored", audits, stored)
		}
	})
}

func TestGatewayNotificationsOutOfOrder(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		for i, tc := range []struct {
			name     string
			statuses []string
			donation string
			payment  string
		}{
			{"expire then settlement counts the money", []string{"expire", "settlement"}, "confirmed", "paid"},
			{"deny then expire", []string{"deny", "expire"}, "rejected", "expired"},
			{"cancel then deny stays cancelled", []string{"cancel", "deny"}, "rejected", "cancelled"},
			{"expire then cancel stays expired", []string{"expire", "cancel"}, "expired", "expired"},
			{"refund before settlement", []string{"refund", "settlement"}, "rejected", "refunded"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				don := newGatewayDonation(t, s, f, 50_000, 100+i)
				var got *donation.Donation
				for _, st := range tc.statuses {
					var err error
					if _, got, err = s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, don.ID, 50_000, st)); err != nil {
						t.Fatal(err)
					}
				}
				p, _ := s.Payment(ctx, don.ID)
				if got.Status != tc.donation || p.State != tc.payment {
					t.Errorf("donation %s, payment %s; want %s, %s", got.Status, p.State, tc.donation, tc.payment)
				}
			})
		}
		if c := confirmed(t, s, f); c != 50_000 || receipts.Load() != 1 {
			t.Errorf("confirmed %d with %d receipts", c, receipts.Load())
		}
	})
}

func TestGatewayNotificationRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		don := newGatewayDonation(t, s, f, 80_000, 1)
		if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, don.ID, 8_000_000, "settlement")); !errors.Is(err, donation.ErrAmountMismatch) {
			t.Errorf("amount mismatch: %v", err)
		}
		transfer, _, err := s.Create(ctx, f.target, input(80_000, 2))
		if err != nil {
			t.Fatal(err)
		}
		for name, n := range map[string]*gateway.Notification{
			"unknown order":     notification(t, 999_999, 80_000, "settlement"),
			"transfer donation": notification(t, transfer.ID, transfer.Amount, "settlement"),
		} {
			if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, n); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("%s: %v", name, err)
			}
		}
		odd := notification(t, don.ID, 80_000, "settlement")
		odd.OrderID = "0" + odd.OrderID
		if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, odd); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("order id with a leading zero: %v", err)
		}
		if _, _, err := s.ApplyNotification(ctx, "other", notification(t, don.ID, 80_000, "settlement")); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("other provider: %v", err)
		}
		if c := confirmed(t, s, f); c != 0 || receipts.Load() != 0 {
			t.Errorf("refused notifications counted %d", c)
		}
		var refused int
		_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'refused'`).Scan(&refused)
		if refused != 1 {
			t.Errorf("%d refused notifications stored", refused)
		}
	})
}

// Duplicate notifications delivered at once count the money once.
func TestGatewayConcurrentDuplicatesCountOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		const donations, copies = 4, 8
		var want int64
		var ids []int64
		for i := range donations {
			amount := int64(10_000 + 1_000*i)
			want += amount
			ids = append(ids, newGatewayDonation(t, s, f, amount, i).ID)
		}
		var applied atomic.Int64
		var wg sync.WaitGroup
		for i, id := range ids {
			n := notification(t, id, int64(10_000+1_000*i), "settlement")
			for range copies {
				wg.Go(func() {
					outcome, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, n)
					if err != nil {
						t.Error(err)
					}
					if outcome == donation.OutcomeApplied {
						applied.Add(1)
					}
				})
			}
		}
		wg.Wait()
		if c := confirmed(t, s, f); c != want || applied.Load() != donations || receipts.Load() != donations {
			t.Errorf("confirmed %d (want %d), %d applied, %d receipts", c, want, applied.Load(), receipts.Load())
		}
	})
}

func TestGatewayPaymentThatCouldNotStart(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &donation.Store{DB: d}
		target := f.target
		target.Method = donation.MethodGateway
		don, _, err := s.Create(ctx, target, input(60_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PaymentFailed(ctx, don.ID, false); err != nil {
			t.Fatal(err)
		}
		m, _ := s.Money(ctx, f.target.CampaignID)
		got, _ := s.ByID(ctx, don.ID)
		p, _ := s.Payment(ctx, don.ID)
		if m.Pending != 0 || m.Confirmed != 0 || got.Status != donation.StatusRejected || p.State != donation.PaymentNew || p.Started() {
			t.Fatalf("after failure: %+v, %s, %+v", m, got.Status, p)
		}
		// The same form again finds the donation; the retry reaches the gateway.
		again, created, err := s.Create(ctx, target, input(60_000, 1))
		if err != nil || created || again.ID != don.ID {
			t.Fatalf("retry: %v %v", created, err)
		}
		if _, err := s.PaymentStarted(ctx, don.ID, "tok", "https://pay.example/x"); err != nil {
			t.Fatal(err)
		}
		got, _ = s.ByID(ctx, don.ID)
		p, _ = s.Payment(ctx, don.ID)
		if got.Status != donation.StatusPending || p.State != "pending" || !p.Payable() {
			t.Errorf("after retry: %s, %+v", got.Status, p)
		}
		// A final failure cancels the payment for good.
		other, _, _ := s.Create(ctx, target, input(70_000, 2))
		if err := s.PaymentFailed(ctx, other.ID, true); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.Payment(ctx, other.ID); p.State != "cancelled" {
			t.Errorf("final failure: %+v", p)
		}
		if _, err := s.Payment(ctx, 424242); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("payment of nothing: %v", err)
		}
	})
}

// A process killed between storing a gateway donation and storing the
// gateway's answer leaves a pending payment without a page: a retry may
// take its start over once it has stalled, exactly one of several at
// once, and never a started payment's. A late failure of one attempt
// does not reject a donation another attempt has started.
func TestGatewayStalledStart(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &donation.Store{DB: d}
		target := f.target
		target.Method = donation.MethodGateway
		don, _, err := s.Create(ctx, target, input(60_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		age := func(ago time.Duration) {
			t.Helper()
			if _, err := d.Exec(ctx, `UPDATE donation_payments SET updated_at = ? WHERE donation_id = ?`,
				db.Now().Add(-ago), don.ID); err != nil {
				t.Fatal(err)
			}
		}
		claim := func() bool {
			t.Helper()
			ok, err := s.ClaimStalledStart(ctx, don.ID, 30*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		for _, tc := range []struct {
			name string
			ago  time.Duration
			want bool
		}{
			{"still being started", 5 * time.Second, false},
			{"stalled", time.Minute, true},
			{"just claimed", 0, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.ago > 0 {
					age(tc.ago)
				}
				if got := claim(); got != tc.want {
					t.Errorf("claim = %v, want %v", got, tc.want)
				}
			})
		}
		age(time.Minute)
		var wins atomic.Int32
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				if ok, err := s.ClaimStalledStart(ctx, don.ID, 30*time.Second); err != nil {
					t.Error(err)
				} else if ok {
					wins.Add(1)
				}
			})
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Errorf("%d concurrent claims won, want 1", wins.Load())
		}
		if _, err := s.PaymentStarted(ctx, don.ID, "tok", "https://pay.example/x"); err != nil {
			t.Fatal(err)
		}
		age(time.Minute)
		if claim() {
			t.Error("a started payment was claimed")
		}
		// The losing attempt's duplicate order arrives after the page was stored.
		if err := s.PaymentFailed(ctx, don.ID, true); err != nil {
			t.Fatal(err)
		}
		got, _ := s.ByID(ctx, don.ID)
		p, _ := s.Payment(ctx, don.ID)
		if got.Status != donation.StatusPending || !p.Payable() {
			t.Errorf("a started payment failed late: %s, %+v", got.Status, p)
		}
	})
}

// TestGatewayNotificationOutlivesADeadlock: on PostgreSQL, a
// notification whose transaction PostgreSQL aborts to break a deadlock
// is applied again at once, and counts once. The deadlock is made on
// purpose: another transaction holds the campaign's totals, which the
// notification waits for, then asks for the payment's row, which the
// notification holds.
func TestGatewayNotificationOutlivesADeadlock(t *testing.T) {
	d := dbtest.Postgres(t)
	ctx := context.Background()
	f := setup(t, d)
	var receipts atomic.Int64
	s := gatewayStore(d, &receipts)
	dn := newGatewayDonation(t, s, f, 25_000, 1)

	other, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	// So that the notification, waiting first, is the one PostgreSQL
	// finds in the deadlock and aborts.
	if _, err := other.ExecContext(ctx, `SET LOCAL deadlock_timeout = '30s'`); err != nil {
		t.Fatal(err)
	}
	if _, err := other.ExecContext(ctx, `SELECT 1 FROM campaign_money WHERE campaign_id = $1 FOR UPDATE`, f.target.CampaignID); err != nil {
		t.Fatal(err)
	}
	type result struct {
		outcome string
		err     error
	}
	applied := make(chan result, 1)
	go func() {
		outcome, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, dn.ID, 25_000, "settlement"))
		applied <- result{outcome, err}
	}()
	dbtest.WaitForLockWait(t, d)
	if _, err := other.ExecContext(ctx, `UPDATE donation_payments SET updated_at = updated_at WHERE donation_id = $1`, dn.ID); err != nil {
		t.Fatalf("the other transaction was the one aborted: %v", err)
	}
	if err := other.Rollback(); err != nil {
		t.Fatal(err)
	}
	r := <-applied
	if r.err != nil || r.outcome != donation.OutcomeApplied {
		t.Fatalf("notification: %q, %v", r.outcome, r.err)
	}
	if c := confirmed(t, s, f); c != 25_000 || receipts.Load() != 1 {
		t.Errorf("confirmed Rp%d, %d receipts; want Rp25000 and one", c, receipts.Load())
	}
}

// A gateway payment is confirmed by the gateway's settlement alone: a
// treasurer's hand confirmation is refused and books nothing, so a payment
// the gateway then reports cancelled never reaches the books; the
// settlement, when it comes, still confirms it once.
func TestGatewayDonationNotConfirmedByHand(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		for _, status := range []string{"cancel", "settlement"} {
			t.Run(status, func(t *testing.T) {
				don := newGatewayDonation(t, s, f, 90_000, len(status))
				before, entries := confirmed(t, s, f), ledgerEntries(t, d)
				if _, err := s.Confirm(ctx, f.target.OrgID, don.ID, f.actor); !errors.Is(err, donation.ErrGatewayConfirms) {
					t.Fatalf("confirm by hand: %v, want ErrGatewayConfirms", err)
				}
				if c, n := confirmed(t, s, f), ledgerEntries(t, d); c != before || n != entries {
					t.Fatalf("after the refused confirmation: confirmed %d (was %d), %d ledger entries (were %d)", c, before, n, entries)
				}
				_, got, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, don.ID, 90_000, status))
				if err != nil {
					t.Fatal(err)
				}
				want, grew := "rejected", int64(0)
				if status == "settlement" {
					want, grew = "confirmed", 90_000
				}
				if got.Status != want || confirmed(t, s, f) != before+grew {
					t.Errorf("after %s: %s, confirmed %d, want %s and %d", status, got.Status, confirmed(t, s, f), want, before+grew)
				}
			})
		}
	})
}

func ledgerEntries(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM ledger_entries`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
