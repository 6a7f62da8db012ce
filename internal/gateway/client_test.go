package gateway_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/gateway"
	"lokadaya/internal/gateway/gatewaytest"
)

const key = "sandbox-server-key"

// merchant receives notifications, verifying each like the real handler.
type merchant struct {
	mu     sync.Mutex
	got    []*gateway.Notification
	failed int // answer 500 to this many first requests
}

func (m *merchant) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failed > 0 {
		m.failed--
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	n, err := gateway.ParseNotification(body, key)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	m.got = append(m.got, n)
}

func (m *merchant) notifications() []*gateway.Notification {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*gateway.Notification(nil), m.got...)
}

func setup(t *testing.T) (*gatewaytest.Server, *merchant, *gateway.Client) {
	t.Helper()
	gw := gatewaytest.NewServer(key)
	t.Cleanup(gw.Close)
	m := &merchant{}
	ms := httptest.NewServer(m)
	t.Cleanup(ms.Close)
	gw.NotifyURL = ms.URL
	gw.Backoff = time.Millisecond
	return gw, m, gw.Client()
}

func donation(id string) gateway.Transaction {
	return gateway.Transaction{
		OrderID: id, GrossAmount: 150000,
		Customer:  gateway.Customer{Name: "Siti Aminah", Email: "siti@example.org", Phone: "+6281234567890"},
		Items:     []gateway.Item{{ID: "dana", Name: "Donasi Perpustakaan Desa", Price: 150000, Quantity: 1}},
		FinishURL: "https://lokadaya.example/donasi/" + id,
	}
}

func TestEndToEnd(t *testing.T) {
	gw, m, c := setup(t)
	ctx := context.Background()

	created, err := c.CreateTransaction(ctx, donation("don-1"))
	if err != nil {
		t.Fatal(err)
	}
	if created.Token == "" || !strings.HasPrefix(created.RedirectURL, gw.BaseURL+"/pay/") {
		t.Fatalf("created = %+v", created)
	}
	if _, err := c.CreateTransaction(ctx, donation("don-1")); !errors.Is(err, gateway.ErrDuplicateOrder) {
		t.Fatalf("second create: %v, want ErrDuplicateOrder", err)
	}
	if _, err := c.Status(ctx, "don-1"); !errors.Is(err, gateway.ErrNotFound) {
		t.Fatalf("status before paying: %v, want ErrNotFound", err)
	}

	if err := gw.Pay("don-1", "settlement"); err != nil {
		t.Fatal(err)
	}
	got := m.notifications()
	if len(got) != 1 || got[0].OrderID != "don-1" || got[0].GrossAmount != 150000 || got[0].State != gateway.StatePaid {
		t.Fatalf("notifications = %+v", got)
	}
	st, err := c.Status(ctx, "don-1")
	if err != nil {
		t.Fatal(err)
	}
	if st.State != gateway.StatePaid || st.GrossAmount != 150000 || st.TransactionID != got[0].TransactionID {
		t.Errorf("status = %+v", st)
	}
}

func TestRepeatedAndOutOfOrderNotifications(t *testing.T) {
	gw, m, c := setup(t)
	if _, err := c.CreateTransaction(context.Background(), donation("don-2")); err != nil {
		t.Fatal(err)
	}
	steps := []func() error{
		func() error { return gw.Pay("don-2", "pending") },
		func() error { return gw.Pay("don-2", "settlement") },
		func() error { return gw.Resend("don-2") },
		func() error { return gw.Notify("don-2", gatewaytest.Event{TransactionStatus: "pending"}) },
		func() error { return gw.Notify("don-2", gatewaytest.Event{TransactionStatus: "expire"}) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	state := gateway.StatePending
	moves := 0
	for _, n := range m.notifications() {
		if gateway.MayMove(state, n.State) {
			state = n.State
			moves++
		}
	}
	if state != gateway.StatePaid || moves != 1 || len(m.notifications()) != len(steps) {
		t.Errorf("state %s after %d moves from %d notifications", state, moves, len(m.notifications()))
	}
}

func TestNotificationRetried(t *testing.T) {
	gw, m, c := setup(t)
	if _, err := c.CreateTransaction(context.Background(), donation("don-3")); err != nil {
		t.Fatal(err)
	}
	m.failed = 2
	if err := gw.Pay("don-3", "settlement"); err != nil {
		t.Fatal(err)
	}
	d := gw.Deliveries()
	if len(d) != 1 || d[0].Attempts != 3 || len(m.notifications()) != 1 {
		t.Errorf("deliveries = %+v", d)
	}
}

func TestWrongServerKey(t *testing.T) {
	gw, _, _ := setup(t)
	c := &gateway.Client{BaseURL: gw.BaseURL, ServerKey: "not-the-key"}
	if _, err := c.CreateTransaction(context.Background(), donation("don-4")); !errors.Is(err, gateway.ErrUnauthorized) {
		t.Fatalf("create: %v, want ErrUnauthorized", err)
	}
	if _, err := c.Status(context.Background(), "don-4"); !errors.Is(err, gateway.ErrUnauthorized) {
		t.Fatalf("status: %v, want ErrUnauthorized", err)
	}
}

func TestCreateRefusedBeforeSending(t *testing.T) {
	_, _, c := setup(t)
	for name, tx := range map[string]gateway.Transaction{
		"no order":        {GrossAmount: 1000},
		"bad order":       {OrderID: "don 1", GrossAmount: 1000},
		"long order":      {OrderID: strings.Repeat("a", 51), GrossAmount: 1000},
		"zero amount":     {OrderID: "a"},
		"items mismatch":  {OrderID: "a", GrossAmount: 1000, Items: []gateway.Item{{Price: 999, Quantity: 1}}},
		"items overflow":  {OrderID: "a", GrossAmount: 1000, Items: []gateway.Item{{Price: 1 << 62, Quantity: 4}}},
		"item quantity 0": {OrderID: "a", GrossAmount: 1000, Items: []gateway.Item{{Price: 1000}}},
	} {
		if _, err := c.CreateTransaction(context.Background(), tx); !errors.Is(err, gateway.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
}

// canned serves one fixed answer and records the request.
func canned(t *testing.T, status int, body string, delay time.Duration) (*httptest.Server, *http.Request, *[]byte) {
	t.Helper()
	var req http.Request
	var got []byte
	var mu sync.Mutex // a retried request may overlap the last one
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		req, got = *r, b
		mu.Unlock()
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(s.Close)
	return s, &req, &got
}

func TestCreateRequestOnTheWire(t *testing.T) {
	s, req, got := canned(t, 201, `{"token":"t1","redirect_url":"https://pay.example/t1"}`, 0)
	c := &gateway.Client{BaseURL: s.URL + "/", ServerKey: "SB-key"}
	tx := donation("don-5")
	tx.NotificationURL = "https://lokadaya.example/api/v1/payments/sandbox/notify"
	if _, err := c.CreateTransaction(context.Background(), tx); err != nil {
		t.Fatal(err)
	}
	user, pass, ok := req.BasicAuth()
	if !ok || user != "SB-key" || pass != "" || req.Method != "POST" || req.URL.Path != "/snap/v1/transactions" {
		t.Errorf("request %s %s auth %q %q", req.Method, req.URL.Path, user, pass)
	}
	if req.Header.Get("X-Override-Notification") != tx.NotificationURL || req.Header.Get("Content-Type") != "application/json" {
		t.Errorf("headers %v", req.Header)
	}
	var b map[string]any
	if err := json.Unmarshal(*got, &b); err != nil {
		t.Fatal(err)
	}
	want := `{"callbacks":{"finish":"https://lokadaya.example/donasi/don-5"},` +
		`"customer_details":{"email":"siti@example.org","first_name":"Siti Aminah","phone":"+6281234567890"},` +
		`"item_details":[{"id":"dana","name":"Donasi Perpustakaan Desa","price":150000,"quantity":1}],` +
		`"transaction_details":{"gross_amount":150000,"order_id":"don-5"}}`
	if again, _ := json.Marshal(b); string(again) != want {
		t.Errorf("body\n%s\nwant\n%s", again, want)
	}
}

func TestAnswersBecomeTypedErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		want   error
	}{
		{"snap duplicate", 400, `{"error_messages":["transaction_details.order_id sudah digunakan"]}`, gateway.ErrDuplicateOrder},
		{"snap duplicate en", 400, `{"error_messages":["transaction_details.order_id has already been taken"]}`, gateway.ErrDuplicateOrder},
		{"core duplicate", 406, `{"status_code":"406","status_message":"order_id has been paid and utilized"}`, gateway.ErrDuplicateOrder},
		{"conflict", 409, `{"error_messages":["duplicate"]}`, gateway.ErrDuplicateOrder},
		{"unauthorized", 401, `{"error_messages":["Access denied"]}`, gateway.ErrUnauthorized},
		{"bad request", 400, `{"error_messages":["transaction_details.gross_amount is required"]}`, gateway.ErrInvalid},
		{"server error", 500, `oops`, gateway.ErrUnavailable},
		{"bad gateway", 502, ``, gateway.ErrUnavailable},
		{"throttled", 429, `{}`, gateway.ErrUnavailable},
		{"2xx without token", 201, `{}`, gateway.ErrUnavailable},
		{"2xx not json", 200, `<html>`, gateway.ErrUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := canned(t, tc.status, tc.body, 0)
			c := &gateway.Client{BaseURL: s.URL, ServerKey: key}
			_, err := c.CreateTransaction(context.Background(), donation("don-6"))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if gateway.Retryable(err) != (tc.want == gateway.ErrUnavailable) {
				t.Errorf("Retryable(%v) wrong", err)
			}
		})
	}
}

func TestStatusAnswers(t *testing.T) {
	expired := map[string]string{
		"status_code": "407", "status_message": "Success, transaction is found", "order_id": "don-7",
		"gross_amount": "25000.00", "transaction_status": "expire", "transaction_time": "2026-03-01 10:00:00",
	}
	signed := map[string]string{"signature_key": gateway.Signature("don-7", "407", "25000.00", key)}
	for k, v := range expired {
		signed[k] = v
	}
	forged := map[string]string{"signature_key": gateway.Signature("don-7", "407", "25000.00", "other")}
	for k, v := range expired {
		forged[k] = v
	}
	js := func(m map[string]string) string { b, _ := json.Marshal(m); return string(b) }
	for _, tc := range []struct {
		name   string
		status int
		body   string
		want   error
	}{
		{"expired unsigned", 200, js(expired), nil},
		{"expired signed", 200, js(signed), nil},
		{"forged", 200, js(forged), gateway.ErrBadSignature},
		{"not found in 200", 200, `{"status_code":"404","status_message":"Transaction doesn't exist."}`, gateway.ErrNotFound},
		{"not found", 404, `{"status_code":"404","status_message":"Transaction doesn't exist."}`, gateway.ErrNotFound},
		{"other order", 200, strings.Replace(js(expired), "don-7", "don-8", 1), gateway.ErrBadNotification},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, req, _ := canned(t, tc.status, tc.body, 0)
			c := &gateway.Client{BaseURL: "http://unused.invalid", APIBaseURL: s.URL, ServerKey: key}
			n, err := c.Status(context.Background(), "don-7")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if req.URL.Path != "/v2/don-7/status" || req.Method != "GET" {
				t.Errorf("request %s %s", req.Method, req.URL.Path)
			}
			if err == nil && (n.State != gateway.StateExpired || n.GrossAmount != 25000) {
				t.Errorf("status = %+v", n)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	s, _, _ := canned(t, 201, `{"token":"t","redirect_url":"u"}`, 2*time.Second)
	c := &gateway.Client{BaseURL: s.URL, ServerKey: key, HTTP: &http.Client{Timeout: 50 * time.Millisecond}}
	_, err := c.CreateTransaction(context.Background(), donation("don-9"))
	if !errors.Is(err, gateway.ErrTimeout) || !gateway.Retryable(err) {
		t.Fatalf("client timeout: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	c.HTTP = nil
	if _, err := c.Status(ctx, "don-9"); !errors.Is(err, gateway.ErrTimeout) {
		t.Fatalf("context deadline: %v", err)
	}
}
