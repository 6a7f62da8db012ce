package gatewaytest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/gateway"
	"lokadaya/internal/gateway/gatewaytest"
)

const key = "sandbox-server-key"

// inbox keeps the bodies posted to it and answers with status.
type inbox struct {
	mu     sync.Mutex
	bodies [][]byte
	status int
}

func (b *inbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.bodies = append(b.bodies, body)
	if b.status != 0 {
		w.WriteHeader(b.status)
	}
}

func (b *inbox) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.bodies)
}

func (b *inbox) last(t *testing.T) *gateway.Notification {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := gateway.ParseNotification(b.bodies[len(b.bodies)-1], key)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func start(t *testing.T, finish string) (*gatewaytest.Server, *inbox, *gateway.Created) {
	t.Helper()
	gw := gatewaytest.NewServer(key)
	t.Cleanup(gw.Close)
	in := &inbox{}
	is := httptest.NewServer(in)
	t.Cleanup(is.Close)
	gw.Backoff = time.Millisecond
	gw.Attempts = 2
	created, err := gw.Client().CreateTransaction(context.Background(), gateway.Transaction{
		OrderID: "ord-1", GrossAmount: 75000, Customer: gateway.Customer{Name: "Budi"},
		FinishURL: finish, NotificationURL: is.URL,
	})
	if err != nil {
		t.Fatal(err)
	}
	return gw, in, created
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func TestPayPage(t *testing.T) {
	gw, in, created := start(t, "https://lokadaya.example/donasi/ord-1")
	res, err := http.Get(created.RedirectURL + "?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{"Sandbox payment gateway", "ord-1", "Rp75.000", "Budi", `value="settlement"`, `value="expire"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(string(page), "style=") || strings.Contains(string(page), "<script") {
		t.Error("page has inline style or script")
	}

	res, err = noRedirect.PostForm(created.RedirectURL, url.Values{"action": {"settlement"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "https://lokadaya.example/donasi/ord-1?") ||
		!strings.Contains(loc, "transaction_status=settlement") {
		t.Fatalf("after pay: %d %q", res.StatusCode, loc)
	}
	if n := in.last(t); n.State != gateway.StatePaid || n.GrossAmount != 75000 || n.OrderID != "ord-1" {
		t.Errorf("notification %+v", n)
	}
	if o, _ := gw.Order("ord-1"); o.Status != "settlement" || o.TransactionID == "" {
		t.Errorf("order %+v", o)
	}
	// A finished transaction takes no more buttons.
	res, err = noRedirect.PostForm(created.RedirectURL, url.Values{"action": {"deny"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest || in.count() != 1 {
		t.Errorf("second action: %d, %d notifications", res.StatusCode, in.count())
	}
}

func TestPayPageWithoutFinishURL(t *testing.T) {
	_, in, created := start(t, "")
	res, err := noRedirect.PostForm(created.RedirectURL, url.Values{"action": {"pending"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	token := created.Token
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, token+"?sent=1") {
		t.Fatalf("after pending: %d %q", res.StatusCode, loc)
	}
	if n := in.last(t); n.State != gateway.StatePending || n.StatusCode != "201" {
		t.Errorf("notification %+v", n)
	}
	res, err = http.Get(created.RedirectURL + "?sent=1")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), "Notifikasi terkirim") {
		t.Error("page does not say the notification was sent")
	}
}

func TestPayPageMerchantDown(t *testing.T) {
	gw, in, created := start(t, "")
	in.status = http.StatusServiceUnavailable
	res, err := noRedirect.PostForm(created.RedirectURL, url.Values{"action": {"settlement"}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusBadGateway || !strings.Contains(string(page), "tidak diterima") || in.count() != 2 {
		t.Errorf("merchant down: %d, %d attempts", res.StatusCode, in.count())
	}
	d := gw.Deliveries()
	if len(d) != 1 || d[0].Attempts != 2 || d[0].StatusCode != 503 || !errors.Is(d[0].Err, gatewaytest.ErrNotDelivered) {
		t.Errorf("deliveries %+v", d)
	}
}

func TestUnknownTokenAndAction(t *testing.T) {
	gw, _, created := start(t, "")
	for _, tc := range []struct {
		method, url string
		form        url.Values
		want        int
	}{
		{"GET", gw.BaseURL + "/pay/nope", nil, 404},
		{"POST", gw.BaseURL + "/pay/nope", url.Values{"action": {"settlement"}}, 404},
		{"POST", created.RedirectURL, url.Values{"action": {"refund"}}, 400},
		{"POST", created.RedirectURL, nil, 400},
	} {
		var res *http.Response
		var err error
		if tc.method == "GET" {
			res, err = http.Get(tc.url)
		} else {
			res, err = noRedirect.PostForm(tc.url, tc.form)
		}
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("%s %s %v: %d, want %d", tc.method, tc.url, tc.form, res.StatusCode, tc.want)
		}
	}
}

func TestProgrammaticNotifications(t *testing.T) {
	gw, in, _ := start(t, "")
	if err := gw.Resend("ord-1"); !errors.Is(err, gatewaytest.ErrUnknownOrder) {
		t.Errorf("resend before anything: %v", err)
	}
	if err := gw.Pay("ord-1", "paid"); !errors.Is(err, gatewaytest.ErrUnknownStatus) {
		t.Errorf("unknown status: %v", err)
	}
	if err := gw.Pay("nope", "settlement"); !errors.Is(err, gatewaytest.ErrUnknownOrder) {
		t.Errorf("unknown order: %v", err)
	}
	if err := gw.PayEvent("ord-1", gatewaytest.Event{TransactionStatus: "capture", FraudStatus: "challenge"}); err != nil {
		t.Fatal(err)
	}
	if n := in.last(t); n.State != gateway.StatePending || n.PaymentType != "credit_card" {
		t.Errorf("challenge: %+v", n)
	}
	// Notify leaves the stored status alone.
	if err := gw.Notify("ord-1", gatewaytest.Event{TransactionStatus: "refund"}); err != nil {
		t.Fatal(err)
	}
	if o, _ := gw.Order("ord-1"); o.Status != "capture" {
		t.Errorf("Notify changed the order: %+v", o)
	}
	if err := gw.Resend("ord-1"); err != nil {
		t.Fatal(err)
	}
	if n := in.last(t); n.State != gateway.StateRefunded {
		t.Errorf("resend: %+v", n)
	}
	body, err := gw.Notification("ord-1", gatewaytest.Event{TransactionStatus: "expire"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := gateway.ParseNotification(body, key); err != nil || n.State != gateway.StateExpired || n.StatusCode != "407" {
		t.Errorf("built notification: %+v, %v", n, err)
	}
}

func TestNoNotifyURL(t *testing.T) {
	gw := gatewaytest.NewServer(key)
	defer gw.Close()
	if _, err := gw.Client().CreateTransaction(context.Background(), gateway.Transaction{OrderID: "x", GrossAmount: 1}); err != nil {
		t.Fatal(err)
	}
	if err := gw.Pay("x", "settlement"); !errors.Is(err, gatewaytest.ErrNoNotifyURL) {
		t.Errorf("pay: %v", err)
	}
}

func TestCreateChecks(t *testing.T) {
	gw := gatewaytest.NewServer(key)
	defer gw.Close()
	for _, tc := range []struct {
		name, user, body string
		want             int
	}{
		{"no auth", "", `{"transaction_details":{"order_id":"a","gross_amount":1}}`, 401},
		{"wrong key", "other", `{"transaction_details":{"order_id":"a","gross_amount":1}}`, 401},
		{"not json", key, `{`, 400},
		{"bad order", key, `{"transaction_details":{"order_id":"a b","gross_amount":1}}`, 400},
		{"zero", key, `{"transaction_details":{"order_id":"a","gross_amount":0}}`, 400},
		{"items", key, `{"transaction_details":{"order_id":"a","gross_amount":10},"item_details":[{"price":3,"quantity":3}]}`, 400},
		{"ok", key, `{"transaction_details":{"order_id":"a","gross_amount":10},"item_details":[{"price":5,"quantity":2}]}`, 201},
		{"duplicate", key, `{"transaction_details":{"order_id":"a","gross_amount":10}}`, 409},
	} {
		req, _ := http.NewRequest("POST", gw.BaseURL+"/snap/v1/transactions", strings.NewReader(tc.body))
		if tc.user != "" {
			req.SetBasicAuth(tc.user, "")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, res.StatusCode, tc.want)
		}
	}
}

// The sandbox can live under a prefix of another site.
func TestMountedUnderPrefix(t *testing.T) {
	gw := gatewaytest.New(key)
	mux := http.NewServeMux()
	mux.Handle("/sandbox/gateway/", http.StripPrefix("/sandbox/gateway", gw.Handler()))
	site := httptest.NewServer(mux)
	defer site.Close()
	in := &inbox{}
	is := httptest.NewServer(in)
	defer is.Close()
	gw.BaseURL = site.URL + "/sandbox/gateway"
	gw.NotifyURL = is.URL

	c := gw.Client()
	created, err := c.CreateTransaction(context.Background(), gateway.Transaction{OrderID: "p-1", GrossAmount: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(created.RedirectURL, site.URL+"/sandbox/gateway/pay/") {
		t.Fatalf("redirect_url %q", created.RedirectURL)
	}
	res, err := http.PostForm(created.RedirectURL, url.Values{"action": {"settlement"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Request.URL.Path != "/sandbox/gateway/pay/"+created.Token || in.count() != 1 {
		t.Errorf("after pay: %d at %s, %d notifications", res.StatusCode, res.Request.URL, in.count())
	}
	if st, err := c.Status(context.Background(), "p-1"); err != nil || st.State != gateway.StatePaid {
		t.Errorf("status %+v, %v", st, err)
	}
}
