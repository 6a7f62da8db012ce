package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/web"
)

// methodField finds the ways to pay a donation form offers.
var methodField = regexp.MustCompile(`name="method" value="(\w+)"`)

// The campaign page names only the ways to pay that exist: transfer with
// an active bank account, QRIS once confirmed, online with a gateway; and
// the button says where the donor goes next. With none, no form at all.
func TestPayWaysOfferedAreReal(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		account, qris, gateway bool
		unconfirmedQRIS        bool
		want                   []string
		button                 string
	}{
		{name: "transfer", account: true, want: []string{"transfer"}, button: "Lanjut ke petunjuk transfer"},
		{name: "qris", qris: true, want: []string{"qris"}, button: "Lanjut ke kode QRIS"},
		{name: "gateway", gateway: true, want: []string{"gateway"}, button: "Lanjut ke pembayaran online"},
		{name: "all", account: true, qris: true, gateway: true, want: []string{"transfer", "qris", "gateway"},
			button: "Lanjut ke pembayaran"},
		{name: "qris and gateway", qris: true, gateway: true, want: []string{"qris", "gateway"}, button: "Lanjut ke pembayaran"},
		{name: "none", unconfirmedQRIS: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newDonationWorld(t)
			if !tc.account {
				if _, err := w.d.Exec(context.Background(), `UPDATE org_bank_accounts SET active = FALSE`); err != nil {
					t.Fatal(err)
				}
			}
			if tc.qris || tc.unconfirmedQRIS {
				w.withQRIS(t, tc.qris)
			}
			if tc.gateway {
				w.serve(t, web.Config{GatewayURL: "http://127.0.0.1:1", GatewayServerKey: "kunci-uji-yang-panjang"})
			}
			page := w.get(t, "anon", w.page())
			var got []string
			for _, m := range methodField.FindAllStringSubmatch(page.body, -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("ways offered %v, want %v", got, tc.want)
			}
			if len(tc.want) == 0 {
				if !strings.Contains(page.body, "belum bisa menerima donasi uang") || tokenField.MatchString(page.body) {
					t.Error("no way to pay, yet a form or no plain word about it")
				}
				res := w.post(t, "anon", w.page()+"/donasi", url.Values{"amount": {"50000"}, "name": {"Siti"},
					"token": {"token-tanpa-cara-bayar-123"}})
				if res.status != http.StatusConflict {
					t.Errorf("give with no way to pay: %d", res.status)
				}
				return
			}
			if !strings.Contains(page.body, ">"+tc.button+"</button>") {
				t.Errorf("button is not %q", tc.button)
			}
			if !tc.account && strings.Contains(page.body, "petunjuk transfer") {
				t.Error("transfer instructions promised without a bank account")
			}
		})
	}
}

// A draft asking for money names the ways donors will have, or warns
// when there is none; campaign_flow_test covers the refusal and the tick.
func TestPublishNamesPayWays(t *testing.T) {
	w := newDonationWorld(t)
	draft := w.add(t, "Draf Dana", false)
	edit := campaignBase + "/" + draft.Slug + "/ubah"
	toolCheck(t, "with an account", w.get(t, "editor", edit), http.StatusOK,
		"Donatur akan dapat membayar dengan: Transfer bank.")
	if _, err := w.d.Exec(context.Background(), `UPDATE org_bank_accounts SET active = FALSE`); err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "editor", edit)
	toolCheck(t, "without", page, http.StatusOK, "belum punya cara menerima uang", `name="publish_anyway"`)
	toolCheck(t, "refused", w.post(t, "editor", campaignBase+"/"+draft.Slug+"/terbitkan", nil),
		http.StatusUnprocessableEntity, "Centang dulu")
	if c, _ := w.store.BySlug(context.Background(), draft.Slug); c.Status != "draft" {
		t.Fatalf("published without the tick: %s", c.Status)
	}
	// A campaign without a dana need publishes without a word on money.
	other := w.add(t, "Draf Relawan", false)
	if _, err := w.d.Exec(context.Background(), `UPDATE campaign_needs SET kind = 'relawan', unit = 'orang' WHERE campaign_id = ?`, other.ID); err != nil {
		t.Fatal(err)
	}
	if page := w.get(t, "editor", campaignBase+"/"+other.Slug+"/ubah"); strings.Contains(page.body, "publish_anyway") {
		t.Error("a campaign without money needs warns about money")
	}
	toolCheck(t, "publish without money", w.post(t, "editor", campaignBase+"/"+other.Slug+"/terbitkan", nil), http.StatusSeeOther)
	// Published anyway, the campaign's edit page keeps saying so.
	toolCheck(t, "publish anyway", w.post(t, "editor", campaignBase+"/"+draft.Slug+"/terbitkan",
		url.Values{"publish_anyway": {"1"}}), http.StatusSeeOther)
	toolCheck(t, "active without ways", w.get(t, "editor", edit), http.StatusOK,
		"organisasi belum punya cara menerima uang, jadi halaman kampanye", `href="/organisasi/taman-baca/pembayaran"`)
}

// hostPost posts form to path on the world's server as if the browser
// had reached it at host.
func hostPost(t *testing.T, w *donationWorld, host, path string, form url.Values) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, w.ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// The payer comes back to the address they used, not only the configured
// one; the gateway's notifications still go to the configured address.
func TestGatewayReturnsToTheRequestHost(t *testing.T) {
	w := newGatewayWorld(t)
	base, _ := url.Parse(w.ts.URL)
	_, port, _ := strings.Cut(base.Host, ":")
	for _, host := range []string{base.Host, "localhost:" + port} {
		form := url.Values{"amount": {"60000"}, "name": {"Rina"}, "method": {"gateway"}, "token": {w.formToken(t)}}
		res := hostPost(t, w.donationWorld, host, w.page()+"/donasi", form)
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/donasi/") {
			t.Fatalf("give at %s: %d %q", host, res.StatusCode, loc)
		}
		id, _, _, _ := w.lastDonation(t)
		o, _ := w.gw.Order(id)
		if o.FinishURL != "http://"+host+loc {
			t.Errorf("at %s the finish address is %q", host, o.FinishURL)
		}
	}
	id, _, _, _ := w.lastDonation(t)
	if err := w.gw.Pay(id, "settlement"); err != nil {
		t.Fatal(err)
	}
	if len(w.gw.Deliveries()) == 0 {
		t.Fatal("no notification delivered")
	}
	for _, d := range w.gw.Deliveries() {
		if !strings.HasPrefix(d.URL, w.ts.URL+"/api/v1/payments/") {
			t.Errorf("notification sent to %q", d.URL)
		}
	}
}

// In demo mode the sandbox's payment page is a path on this site: a donor
// at another address than the configured one reaches it, pays and comes
// back there, all by plain redirects (no script).
func TestGatewaySandboxAtAnotherHost(t *testing.T) {
	w := newDonationWorld(t)
	w.serve(t, web.Config{Demo: true})
	base, _ := url.Parse(w.ts.URL)
	_, port, _ := strings.Cut(base.Host, ":")
	host := "localhost:" + port
	form := url.Values{"amount": {"50000"}, "name": {"Eko"}, "method": {"gateway"}, "token": {w.formToken(t)}}
	res := hostPost(t, w, host, w.page()+"/donasi", form)
	pay := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(pay, "/sandbox/pay/") {
		t.Fatalf("give: %d %q", res.StatusCode, pay)
	}
	res = hostPost(t, w, host, pay, url.Values{"action": {"settlement"}})
	finish := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(finish, "http://"+host+"/donasi/") {
		t.Fatalf("pay: %d %q", res.StatusCode, finish)
	}
	if m := w.apiMoney(t); m["confirmed"] != 50_000 {
		t.Errorf("money after paying: %v", m)
	}
}
