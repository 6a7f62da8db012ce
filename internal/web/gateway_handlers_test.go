package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/gateway"
	"lokadaya/internal/gateway/gatewaytest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/web"
)

const (
	gatewayKey = "test-server-key-4f1c9a"
	notifyPath = "/api/v1/payments/sandbox/notify"
)

// gatewayWorld is a donationWorld whose server has a payment gateway: the
// local test gateway behind a front that can play "unreachable".
type gatewayWorld struct {
	*donationWorld
	gw   *gatewaytest.Server
	down atomic.Bool // the front answers 503 instead of the gateway
}

func newGatewayWorld(t *testing.T) *gatewayWorld {
	t.Helper()
	w := &gatewayWorld{donationWorld: newDonationWorld(t)}
	w.gw = gatewaytest.New(gatewayKey)
	w.gw.Backoff, w.gw.Attempts = time.Millisecond, 2
	front := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if w.down.Load() {
			http.Error(rw, `{"error_messages":["maintenance"]}`, http.StatusServiceUnavailable)
			return
		}
		w.gw.Handler().ServeHTTP(rw, r)
	}))
	t.Cleanup(front.Close)
	w.gw.BaseURL = front.URL
	w.serve(t, web.Config{GatewayURL: front.URL, GatewayServerKey: gatewayKey})
	return w
}

// serve replaces the world's server by one with cfg, on the same data;
// its BaseURL is its own address, so the gateway can call it back.
func (w *donationWorld) serve(t *testing.T, cfg web.Config) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg.BaseURL, cfg.UploadsDir = "http://"+ln.Addr().String(), t.TempDir()
	srv, err := web.New(cfg, w.d, slog.New(slog.DiscardHandler))
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	w.ts = serveFrontOn(ln, srv)
	t.Cleanup(w.ts.Close)
}

// lastDonation is the newest donation's id and payment state.
func (w *donationWorld) lastDonation(t *testing.T) (id, status, state, paymentURL string) {
	t.Helper()
	err := w.d.QueryRow(context.Background(), `SELECT CAST(d.id AS TEXT), d.status, p.state, p.payment_url
		FROM donations d JOIN donation_payments p ON p.donation_id = d.id ORDER BY d.id DESC LIMIT 1`).
		Scan(&id, &status, &state, &paymentURL)
	if err != nil {
		t.Fatal(err)
	}
	return id, status, state, paymentURL
}

// notify posts a notification body as the gateway would.
func (w *donationWorld) notify(t *testing.T, provider string, body []byte) (int, map[string]any) {
	t.Helper()
	res, err := http.Post(w.ts.URL+"/api/v1/payments/"+provider+"/notify", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// signed is a notification body for order signed with key.
func signed(order, status, code, gross, key string) []byte {
	b, _ := json.Marshal(map[string]string{"order_id": order, "status_code": code, "gross_amount": gross,
		"transaction_status": status, "signature_key": gateway.Signature(order, code, gross, key)})
	return b
}

func TestGatewayGiveAndPay(t *testing.T) {
	w := newGatewayWorld(t)
	page := w.get(t, "anon", w.page())
	if !strings.Contains(page.body, `name="method" value="gateway"`) {
		t.Fatal("campaign page does not offer the gateway")
	}
	loc := w.give(t, url.Values{"amount": {"100000"}, "name": {"Rina"}, "email": {"rina@example.org"}, "method": {"gateway"}})
	id, status, state, payURL := w.lastDonation(t)
	if status != "pending" || state != "pending" || !strings.HasPrefix(payURL, w.gw.BaseURL+"/pay/") {
		t.Fatalf("donation %s: %s, payment %s at %q", id, status, state, payURL)
	}
	o, ok := w.gw.Order(id)
	if !ok || o.GrossAmount != 100_000 || o.FinishURL != w.ts.URL+loc || o.CustomerName != "Rina" {
		t.Fatalf("order at the gateway: %+v", o)
	}
	show := w.get(t, "anon", loc)
	if !strings.Contains(show.body, `href="`+payURL+`"`) || !strings.Contains(show.body, "Rp100.000") {
		t.Fatalf("donation page lacks the payment link:\n%s", show.body)
	}
	if !strings.Contains(show.body, ">Menunggu pembayaran</span>") || strings.Contains(show.body, "Menunggu transfer") {
		t.Error("the gateway donation's badge does not say it awaits payment")
	}
	if m := w.apiMoney(t); m["pending"] != 100_000 || m["confirmed"] != 0 {
		t.Errorf("money before paying: %v", m)
	}

	// The payer pays on the gateway's page, which notifies us and sends
	// the payer back to the donation page.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(payURL, url.Values{"action": {"settlement"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	finish := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(finish, w.ts.URL+loc+"?") {
		t.Fatalf("after paying: %d %q", res.StatusCode, finish)
	}
	back := w.get(t, "anon", strings.TrimPrefix(finish, w.ts.URL))
	if back.status != http.StatusOK || !strings.Contains(back.body, "Terima kasih") {
		t.Errorf("finish page: %d", back.status)
	}
	// The gateway retries and repeats; the money counts once.
	for range 3 {
		if err := w.gw.Resend(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range w.gw.Deliveries() {
		if d.StatusCode != http.StatusOK {
			t.Errorf("delivery answered %d", d.StatusCode)
		}
	}
	if m := w.apiMoney(t); m["confirmed"] != 100_000 || m["pending"] != 0 || m["donors"] != 1 {
		t.Errorf("money after paying: %v", m)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE '%rina@example.org%'`); n != 1 {
		t.Errorf("%d receipts queued", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'donation.confirm'`); n != 1 {
		t.Errorf("%d audit entries", n)
	}
	// A late pending changes nothing.
	if err := w.gw.Notify(id, gatewaytest.Event{TransactionStatus: "pending"}); err != nil {
		t.Fatal(err)
	}
	if _, status, state, _ := w.lastDonation(t); status != "confirmed" || state != "paid" {
		t.Errorf("after a late pending: %s, %s", status, state)
	}
	// The payer's receipt is there once paid.
	if show := w.get(t, "anon", loc); !strings.Contains(show.body, `href="`+loc+`/kuitansi.pdf"`) {
		t.Error("the paid donation's page does not link the receipt")
	}
	if r := w.get(t, "anon", loc+"/kuitansi.pdf"); r.status != http.StatusOK || r.header.Get("Content-Type") != "application/pdf" {
		t.Errorf("receipt after paying: %d", r.status)
	}
	// The treasurer sees how it was paid.
	if list := w.get(t, "treasurer", "/organisasi/taman-baca/donasi"); !strings.Contains(list.body, "Rina") {
		t.Error("treasurer list lacks the gateway donation")
	}
	// A refund takes the money back out.
	if err := w.gw.Pay(id, "refund"); err != nil {
		t.Fatal(err)
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 {
		t.Errorf("money after refund: %v", m)
	}
	if show := w.get(t, "anon", loc); !strings.Contains(show.body, "dikembalikan") || !strings.Contains(show.body, ">Dana dikembalikan</span>") {
		t.Error("donation page does not say it was refunded")
	}
	if r := w.get(t, "anon", loc+"/kuitansi.pdf"); r.status != http.StatusConflict || !strings.Contains(r.body, "Dana dikembalikan") {
		t.Errorf("receipt after a refund: %d\n%s", r.status, r.body)
	}
}

func TestGatewayNotifyChecks(t *testing.T) {
	w := newGatewayWorld(t)
	w.give(t, url.Values{"amount": {"50000"}, "name": {"Budi"}, "method": {"gateway"}})
	id, _, _, _ := w.lastDonation(t)
	good, err := w.gw.Notification(id, gatewaytest.Event{TransactionStatus: "settlement"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, provider string
		body           []byte
		status         int
		code           string
	}{
		{"bad signature", "sandbox", signed(id, "settlement", "200", "50000.00", "another-key"), 401, "bad_signature"},
		{"edited status", "sandbox", []byte(strings.Replace(string(signed(id, "pending", "201", "50000.00", gatewayKey)), `"201"`, `"200"`, 1)), 401, "bad_signature"},
		{"not JSON", "sandbox", []byte("order_id=1"), 400, "bad_request"},
		{"unknown status", "sandbox", signed(id, "paid", "200", "50000.00", gatewayKey), 400, "bad_request"},
		{"amount mismatch", "sandbox", signed(id, "settlement", "200", "5000000.00", gatewayKey), 422, "amount_mismatch"},
		{"unknown order", "sandbox", signed("999999", "settlement", "200", "50000.00", gatewayKey), 404, "unknown_order"},
		{"unknown provider", "midtrans", good, 404, "not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out := w.notify(t, tc.provider, tc.body)
			e, _ := out["error"].(map[string]any)
			if status != tc.status || e == nil || e["code"] != tc.code {
				t.Errorf("%d %v, want %d %s", status, out, tc.status, tc.code)
			}
		})
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 {
		t.Fatalf("refused notifications moved money: %v", m)
	}
	if status, out := w.notify(t, "sandbox", good); status != 200 || out["outcome"] != "applied" {
		t.Errorf("good: %d %v", status, out)
	}
	if status, out := w.notify(t, "sandbox", good); status != 200 || out["outcome"] != "ignored" {
		t.Errorf("replay: %d %v", status, out)
	}
	if m := w.apiMoney(t); m["confirmed"] != 50_000 {
		t.Errorf("money: %v", m)
	}
}

// Every caller is treated alike by the notification and sandbox routes:
// only the signature (and the demo mode) matters, never a session.
func TestGatewayRoutesPerRole(t *testing.T) {
	w := newGatewayWorld(t)
	w.give(t, url.Values{"amount": {"50000"}, "name": {"Budi"}, "method": {"gateway"}})
	id, _, _, _ := w.lastDonation(t)
	forged := signed(id, "settlement", "200", "50000.00", "guessed-key")
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			for _, tc := range []struct {
				method, path string
				body         string
				want         int
			}{
				{"POST", notifyPath, string(forged), http.StatusUnauthorized},
				{"POST", "/api/v1/payments/other/notify", string(forged), http.StatusNotFound},
				{"GET", notifyPath, "", http.StatusNotFound},
				{"GET", "/sandbox/pay/anything", "", http.StatusNotFound}, // no sandbox without --demo
				{"POST", "/sandbox/snap/v1/transactions", "{}", http.StatusNotFound},
			} {
				res := w.send(t, role, tc.method, tc.path, "application/json", strings.NewReader(tc.body))
				if res.status != tc.want {
					t.Errorf("%s %s: %d, want %d", tc.method, tc.path, res.status, tc.want)
				}
			}
		})
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 {
		t.Errorf("forged notifications moved money: %v", m)
	}
}

// Duplicate notifications delivered at once, over HTTP, count once.
func TestGatewayConcurrentNotifications(t *testing.T) {
	w := newGatewayWorld(t)
	var ids []string
	for i := range 3 {
		w.give(t, url.Values{"amount": {strconv.Itoa(20_000 + 1_000*i)}, "name": {"Budi"}, "email": {"budi@example.org"},
			"method": {"gateway"}})
		id, _, _, _ := w.lastDonation(t)
		ids = append(ids, id)
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		body, err := w.gw.Notification(id, gatewaytest.Event{TransactionStatus: "settlement"})
		if err != nil {
			t.Fatal(err)
		}
		for range 6 {
			wg.Go(func() {
				if status, out := w.notify(t, "sandbox", body); status != http.StatusOK {
					t.Errorf("%d %v", status, out)
				}
			})
		}
	}
	wg.Wait()
	if m := w.apiMoney(t); m["confirmed"] != 63_000 {
		t.Errorf("confirmed %d, want 63000", m["confirmed"])
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE '%budi@example.org%'`); n != 3 {
		t.Errorf("%d receipts, want 3", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM payment_notifications WHERE outcome = 'applied'`); n != 3 {
		t.Errorf("%d applied notifications, want 3", n)
	}
}

func TestGatewayUnreachable(t *testing.T) {
	w := newGatewayWorld(t)
	w.down.Store(true)
	form := url.Values{"amount": {"75000"}, "name": {"Sari"}, "method": {"gateway"}, "token": {w.formToken(t)}}
	res := w.post(t, "anon", w.page()+"/donasi", form)
	if res.status != http.StatusServiceUnavailable || !strings.Contains(res.body, "tidak dapat dihubungi") ||
		!strings.Contains(res.body, form.Get("token")) || !strings.Contains(res.body, "Sari") {
		t.Fatalf("gateway down: %d\n%s", res.status, res.body)
	}
	id, status, state, payURL := w.lastDonation(t)
	if status != "rejected" || state != "new" || payURL != "" {
		t.Fatalf("half-saved donation %s: %s, %s, %q", id, status, state, payURL)
	}
	if m := w.apiMoney(t); m["pending"] != 0 || m["confirmed"] != 0 {
		t.Errorf("a failed start counts: %v", m)
	}
	// The donor presses again once the gateway is back: the same donation
	// (the same order id) gets its payment page.
	w.down.Store(false)
	res = w.post(t, "anon", w.page()+"/donasi", form)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/donasi/") {
		t.Fatalf("retry: %d %s", res.status, res.location)
	}
	id2, status, state, payURL := w.lastDonation(t)
	if id2 != id || status != "pending" || state != "pending" || payURL == "" {
		t.Fatalf("after retry: %s %s %s %q", id2, status, state, payURL)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 1 {
		t.Errorf("%d donations", n)
	}
	if m := w.apiMoney(t); m["pending"] != 75_000 {
		t.Errorf("money after retry: %v", m)
	}
}

func TestGatewayAndQRISByAPI(t *testing.T) {
	w := newGatewayWorld(t)
	// QRIS needs the organisation's confirmed QRIS: the method is named.
	status, out := w.apiDonate(t, "qris-key-0000000000000001", `{"amount":50000,"name":"Ani","method":"qris"}`)
	if e, _ := out["error"].(map[string]any); status != http.StatusUnprocessableEntity || e == nil ||
		e["fields"].(map[string]any)["method"] == nil {
		t.Fatalf("qris without a QRIS: %d %v", status, out)
	}
	w.withQRIS(t, true)

	for _, tc := range []struct {
		method, key, field string
	}{
		{"qris", "qris-key-0000000000000001", "qris"},
		{"gateway", "gateway-key-00000000000001", "payment_url"},
		{"transfer", "transfer-key-0000000000001", "instructions"},
	} {
		t.Run(tc.method, func(t *testing.T) {
			body := `{"amount":50000,"name":"Ani","method":"` + tc.method + `"}`
			status, first := w.apiDonate(t, tc.key, body)
			if status != http.StatusCreated || first["method"] != tc.method || first["status"] != "pending" ||
				first["amount"] != float64(50_000) || first[tc.field] == "" || first[tc.field] == nil {
				t.Fatalf("first: %d %v", status, first)
			}
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					status, again := w.apiDonate(t, tc.key, body)
					if status != http.StatusOK || again["id"] != first["id"] || again[tc.field] != first[tc.field] ||
						again["total_to_pay"] != first["total_to_pay"] {
						t.Errorf("retry: %d %v", status, again)
					}
				})
			}
			wg.Wait()
			other := `{"amount":50000,"name":"Ani","method":"transfer"}`
			if tc.method == "transfer" {
				other = `{"amount":50000,"name":"Ani","method":"qris"}`
			}
			if status, _ := w.apiDonate(t, tc.key, other); status != http.StatusUnprocessableEntity {
				t.Errorf("key reused for another method: %d", status)
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 3 {
		t.Errorf("%d donations, want 3", n)
	}
	if n := len(w.gw.Deliveries()); n != 0 {
		t.Errorf("%d notifications before anyone paid", n)
	}
	var qrisPayload string
	_, out = w.apiDonate(t, "qris-key-0000000000000001", `{"amount":50000,"name":"Ani","method":"qris"}`)
	qrisPayload, _ = out["qris"].(string)
	if !strings.Contains(qrisPayload, "540550000") || !strings.HasPrefix(qrisPayload, "00020101021") {
		t.Errorf("qris payload %q", qrisPayload)
	}
	if status, _ := w.apiDonate(t, "cash-key-00000000000000001", `{"amount":50000,"name":"Ani","method":"cash"}`); status != http.StatusUnprocessableEntity {
		t.Errorf("unknown method: %d", status)
	}

	// The gateway down: 503, then the same key succeeds once it is back.
	w.down.Store(true)
	const key = "gateway-key-00000000000002"
	body := `{"amount":60000,"name":"Ani","method":"gateway"}`
	if status, out := w.apiDonate(t, key, body); status != http.StatusServiceUnavailable {
		t.Fatalf("gateway down: %d %v", status, out)
	}
	w.down.Store(false)
	status, out = w.apiDonate(t, key, body)
	if status != http.StatusOK || out["status"] != "pending" || out["payment_url"] == nil {
		t.Errorf("same key after the gateway came back: %d %v", status, out)
	}
}

// In demo mode without a gateway address, the sandbox is served under
// /sandbox/ and calls this server back in-process.
func TestGatewayDemoSandbox(t *testing.T) {
	w := newDonationWorld(t)
	w.serve(t, web.Config{Demo: true})
	status, out := w.apiDonate(t, "demo-key-0000000000000001", `{"amount":40000,"name":"Dewi","method":"gateway"}`)
	payURL, _ := out["payment_url"].(string)
	if status != http.StatusCreated || !strings.HasPrefix(payURL, w.ts.URL+"/sandbox/pay/") {
		t.Fatalf("demo gateway donation: %d %v", status, out)
	}
	page := w.get(t, "anon", strings.TrimPrefix(payURL, w.ts.URL))
	if page.status != http.StatusOK || !strings.Contains(page.body, `value="settlement"`) || !strings.Contains(page.body, "Rp40.000") {
		t.Fatalf("payer page: %d\n%s", page.status, page.body)
	}
	res := w.post(t, "anon", strings.TrimPrefix(payURL, w.ts.URL), url.Values{"action": {"settlement"}})
	if res.status != http.StatusSeeOther || !strings.Contains(res.location, "/donasi/api-") {
		t.Fatalf("pay: %d %q\n%s", res.status, res.location, res.body)
	}
	if m := w.apiMoney(t); m["confirmed"] != 40_000 {
		t.Errorf("money after paying in the sandbox: %v", m)
	}
	if res := w.get(t, "anon", "/sandbox/pay/nope"); res.status != http.StatusNotFound {
		t.Errorf("unknown payment link: %d", res.status)
	}
	// The form offers the gateway, and a donation lands on the sandbox page.
	if page := w.get(t, "anon", w.page()); !strings.Contains(page.body, `value="gateway"`) {
		t.Error("demo campaign page does not offer the gateway")
	}
	form := url.Values{"amount": {"50000"}, "name": {"Eko"}, "method": {"gateway"}, "token": {w.formToken(t)}}
	// A path on this site: the payer stays on the address they used.
	if res := w.post(t, "anon", w.page()+"/donasi", form); res.status != http.StatusSeeOther ||
		!strings.HasPrefix(res.location, "/sandbox/pay/") {
		t.Errorf("give in demo: %d %q", res.status, res.location)
	}
}

// Without a gateway, the method is neither offered nor accepted.
func TestGatewayNotConfigured(t *testing.T) {
	w := newDonationWorld(t)
	if page := w.get(t, "anon", w.page()); strings.Contains(page.body, `value="gateway"`) {
		t.Error("gateway offered without one")
	}
	status, out := w.apiDonate(t, "nogw-key-0000000000000001", `{"amount":50000,"name":"Ani","method":"gateway"}`)
	if e, _ := out["error"].(map[string]any); status != http.StatusUnprocessableEntity || e["fields"].(map[string]any)["method"] == nil {
		t.Errorf("gateway without one: %d %v", status, out)
	}
	body := signed("1", "settlement", "200", "50000.00", gatewayKey)
	if status, _ := w.notify(t, "sandbox", body); status != http.StatusNotFound {
		t.Errorf("notify without a gateway: %d", status)
	}
}

// FuzzPaymentNotify feeds the notification handler any body: it answers
// 200, 400, 401, 404, 409 or 422 in JSON and never fails.
func FuzzPaymentNotify(f *testing.F) {
	f.Add([]byte(`{"order_id":"1","status_code":"200","gross_amount":"50000.00","transaction_status":"settlement","signature_key":"x"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Add(signed("1", "settlement", "200", "50000.00", gatewayKey))
	f.Add(signed("1", "expire", "407", "50000.00", gatewayKey))
	f.Add(signed("1", "refund", "200", "50000.00", gatewayKey))
	f.Add(signed("1", "settlement", "200", "50000.00", "wrong"))
	h := fuzzNotifyHandler(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", notifyPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 401, 404, 409, 422:
		default:
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Fatalf("content type %q", rec.Header().Get("Content-Type"))
		}
	})
}

// fuzzNotifyHandler is a server with a gateway and one gateway donation
// of Rp50.000 (order id 1).
func fuzzNotifyHandler(f *testing.F) http.Handler {
	f.Helper()
	ctx := context.Background()
	gw := gatewaytest.NewServer(gatewayKey)
	f.Cleanup(gw.Close)
	d := dbtest.Open(f)
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		f.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: orgDesa})
	if err != nil {
		f.Fatal(err)
	}
	now := db.Now()
	var initID, campaignID int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&initID); err != nil {
		f.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'buku', 'Buku', 'active', ?, ?) RETURNING id`, initID, o.ID, now, now).Scan(&campaignID); err != nil {
		f.Fatal(err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Buku', 5000000)`,
		campaignID); err != nil {
		f.Fatal(err)
	}
	srv, err := web.New(web.Config{BaseURL: "http://example.test", GatewayURL: gw.BaseURL, GatewayServerKey: gatewayKey}, d,
		slog.New(slog.DiscardHandler))
	if err != nil {
		f.Fatal(err)
	}
	h := srv.Handler()
	req := httptest.NewRequest("POST", "/api/v1/campaigns/buku/donations",
		strings.NewReader(`{"amount":50000,"name":"Ani","method":"gateway"}`))
	req.Header.Set("Idempotency-Key", "fuzz-key-00000000000000001")
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusCreated || !strings.Contains(rec.Body.String(), `"id":1,`) {
		f.Fatalf("fuzz donation: %d %s", rec.Code, rec.Body)
	}
	return h
}

// The reasons the platform stores for a gateway's decision are shown in
// the reader's language; a treasurer's own words as typed.
func TestDonationReasonInReadersLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang   i18n.Lang
		stored string
		want   string
	}{
		{i18n.ID, donation.ReasonGatewayFailed, donation.ReasonGatewayFailed},
		{i18n.EN, donation.ReasonGatewayFailed, "The payment was declined or cancelled at the payment gateway."},
		{i18n.EN, donation.ReasonGatewayDown, "The payment gateway could not be reached."},
		{i18n.EN, donation.ReasonGatewayRefunded, "The money was returned to the donor through the payment gateway."},
		{i18n.EN, "Bukti transfer tidak cocok", "Bukti transfer tidak cocok"},
	} {
		if got := (&web.View{Lang: tc.lang}).DonationReason(tc.stored); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.lang, tc.stored, got, tc.want)
		}
	}
}

// The treasurer's list shows a gateway payment awaiting its settlement
// without a confirm button, and a confirmation sent anyway is refused with
// a message: only the gateway's settlement confirms such a donation.
func TestGatewayDonationNotConfirmedByHand(t *testing.T) {
	w := newGatewayWorld(t)
	w.give(t, url.Values{"amount": {"90000"}, "name": {"Rina"}, "method": {"gateway"}})
	id, status, _, _ := w.lastDonation(t)
	if status != "pending" {
		t.Fatalf("donation %s: %s", id, status)
	}
	list := w.get(t, "treasurer", "/organisasi/taman-baca/donasi")
	if list.status != http.StatusOK || strings.Contains(list.body, "/donasi/"+id+"/konfirmasi") ||
		!strings.Contains(list.body, "Dikonfirmasi otomatis begitu gerbang pembayaran melaporkan pelunasan") {
		t.Fatalf("list %d offers to confirm by hand or does not say why not", list.status)
	}
	res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", url.Values{})
	if res.status != http.StatusSeeOther || !strings.Contains(res.header.Get("Set-Cookie"), "flash=donation.flash.gateway_confirms") {
		t.Fatalf("confirm: %d, flash %q", res.status, res.header.Get("Set-Cookie"))
	}
	if _, status, _, _ := w.lastDonation(t); status != "pending" {
		t.Errorf("after a hand confirmation the donation is %s", status)
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 {
		t.Errorf("money after a hand confirmation: %v", m)
	}
}
