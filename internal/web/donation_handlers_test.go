package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/payment"
)

// donationMoneyManagers may see and settle donations.
var donationMoneyManagers = map[string]bool{"treasurer": true, "admin": true, "owner": true}

var tokenField = regexp.MustCompile(`name="token" value="([^"]+)"`)

// donationWorld is a campaignWorld with an active money campaign and a
// bank account to transfer to.
type donationWorld struct {
	*campaignWorld
	campaign *campaign.Campaign
}

func newDonationWorld(t *testing.T) *donationWorld {
	t.Helper()
	w := &donationWorld{campaignWorld: newCampaignWorld(t)}
	w.campaign = w.add(t, "Buku untuk Anak", true)
	_, err := (&payment.Store{DB: w.d}).AddAccount(context.Background(), payment.Actor{ID: w.users["owner"].ID},
		w.org.ID, payment.AccountInput{Bank: "bca", AccountNumber: "123 456 7890", AccountName: "Taman Baca"})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *donationWorld) page() string { return "/galang-daya/" + w.campaign.Slug }

// formToken renders the campaign page and reads its one-time token.
func (w *donationWorld) formToken(t *testing.T) string {
	t.Helper()
	res := w.get(t, "anon", w.page())
	m := tokenField.FindStringSubmatch(res.body)
	if res.status != http.StatusOK || m == nil {
		t.Fatalf("campaign page: %d, no token", res.status)
	}
	return m[1]
}

// give donates as an anonymous visitor and returns the instructions page.
func (w *donationWorld) give(t *testing.T, form url.Values) string {
	t.Helper()
	form.Set("token", w.formToken(t))
	res := w.post(t, "anon", w.page()+"/donasi", form)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/donasi/") {
		t.Fatalf("give: %d %s\n%s", res.status, res.location, res.body)
	}
	return res.location
}

func (w *donationWorld) pendingID(t *testing.T) string {
	t.Helper()
	var id string
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM donations WHERE status = 'pending' ORDER BY id DESC LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func (w *donationWorld) apiMoney(t *testing.T) map[string]int64 {
	t.Helper()
	res := w.get(t, "anon", "/api/v1/campaigns/"+w.campaign.Slug)
	var body struct {
		Money map[string]int64 `json:"money"`
	}
	if err := json.Unmarshal([]byte(res.body), &body); err != nil {
		t.Fatalf("api: %v\n%s", err, res.body)
	}
	return body.Money
}

func TestDonationGiveAndConfirm(t *testing.T) {
	w := newDonationWorld(t)
	form := url.Values{"amount": {"100000"}, "name": {"Siti Aminah"}, "message": {"Semoga bermanfaat"},
		"email": {"siti@example.org"}}
	form.Set("token", w.formToken(t))
	first := w.post(t, "anon", w.page()+"/donasi", form)
	again := w.post(t, "anon", w.page()+"/donasi", form)
	if first.status != http.StatusSeeOther || again.location != first.location {
		t.Fatalf("resubmit: %d %q then %q", first.status, first.location, again.location)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 1 {
		t.Fatalf("%d donations after a resubmit", n)
	}
	show := w.get(t, "anon", first.location)
	var code, amount int64
	if err := w.d.QueryRow(context.Background(), `SELECT unique_code, amount FROM donations`).Scan(&code, &amount); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1234567890", "Taman Baca", "<mark>", "Menunggu transfer"} {
		if !strings.Contains(show.body, want) {
			t.Errorf("instructions lack %q", want)
		}
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 || m["pending"] != amount || m["target"] != 5_000_000 {
		t.Errorf("money before: %v", m)
	}

	id := w.pendingID(t)
	for range 2 { // a double click confirms once
		res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil)
		if res.status != http.StatusSeeOther {
			t.Fatalf("confirm: %d", res.status)
		}
	}
	if m := w.apiMoney(t); m["confirmed"] != amount || m["pending"] != 0 || m["donors"] != 1 {
		t.Errorf("money after: %v, want %d", m, amount)
	}
	page := w.get(t, "anon", w.page()).body
	for _, want := range []string{"Siti Aminah", "Semoga bermanfaat", "1 donatur"} {
		if !strings.Contains(page, want) {
			t.Errorf("campaign page lacks %q", want)
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE '%Tanda terima donasi%'`); n != 1 {
		t.Errorf("%d receipts queued", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donation_codes`); n != 0 {
		t.Errorf("%d codes held after confirming", n)
	}
}

func TestDonationAnonymousOnTheWall(t *testing.T) {
	w := newDonationWorld(t)
	w.give(t, url.Values{"amount_custom": {"Rp 75.000"}, "anonymous": {"1"}, "name": {"Nama Rahasia"}})
	id := w.pendingID(t)
	if res := w.post(t, "owner", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.status)
	}
	page := w.get(t, "anon", w.page()).body
	if strings.Contains(page, "Nama Rahasia") || !strings.Contains(page, "Hamba Allah") {
		t.Error("anonymity not honoured on the wall")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); n != 0 {
		t.Errorf("receipt without an e-mail: %d", n)
	}
}

func TestDonationGiveRejectsBadInput(t *testing.T) {
	w := newDonationWorld(t)
	tests := []struct {
		name string
		form url.Values
	}{
		{"below minimum", url.Values{"amount_custom": {"5.000"}, "name": {"Siti"}}},
		{"unreadable", url.Values{"amount_custom": {"seratus"}, "name": {"Siti"}}},
		{"no name", url.Values{"amount": {"50000"}}},
		{"bad e-mail", url.Values{"amount": {"50000"}, "name": {"Siti"}, "email": {"siti@"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.form.Set("token", w.formToken(t))
			res := w.post(t, "anon", w.page()+"/donasi", tt.form)
			if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, tt.form.Get("token")) {
				t.Fatalf("%d, token kept: %v", res.status, strings.Contains(res.body, tt.form.Get("token")))
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations`); n != 0 {
		t.Errorf("%d donations from bad input", n)
	}
}

func TestDonationClosed(t *testing.T) {
	w := &donationWorld{campaignWorld: newCampaignWorld(t)}
	w.campaign = w.add(t, "Tanpa Rekening", true)
	page := w.get(t, "anon", w.page())
	if !strings.Contains(page.body, "belum bisa menerima donasi uang") || tokenField.MatchString(page.body) {
		t.Error("a campaign without an account offers the form")
	}
	res := w.post(t, "anon", w.page()+"/donasi", url.Values{"amount": {"50000"}, "name": {"Siti"},
		"token": {"token-tanpa-rekening-1234"}})
	if res.status != http.StatusConflict {
		t.Errorf("give without an account: %d", res.status)
	}
	draft := w.add(t, "Draf", false)
	res = w.post(t, "anon", "/galang-daya/"+draft.Slug+"/donasi", url.Values{"amount": {"50000"}, "name": {"Siti"},
		"token": {"token-draf-kampanye-12345"}})
	if res.status != http.StatusNotFound {
		t.Errorf("give to a draft: %d", res.status)
	}
}

func TestDonationTreasurerRoles(t *testing.T) {
	w := newDonationWorld(t)
	loc := w.give(t, url.Values{"amount": {"50000"}, "name": {"Budi"}})
	id := w.pendingID(t)
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			res := w.get(t, role, "/organisasi/taman-baca/donasi")
			if allowed := donationMoneyManagers[role]; allowed != (res.status == http.StatusOK) {
				t.Errorf("list: %d", res.status)
			}
			if donationMoneyManagers[role] {
				if !strings.Contains(res.body, "Budi") {
					t.Error("pending donation not listed")
				}
				return
			}
			for _, action := range []string{"konfirmasi", "tolak"} {
				res := w.post(t, role, "/organisasi/taman-baca/donasi/"+id+"/"+action, url.Values{"reason": {"tidak masuk"}})
				if res.status == http.StatusSeeOther && strings.HasSuffix(res.location, "/donasi") {
					t.Errorf("%s allowed", action)
				}
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations WHERE status = 'pending'`); n != 1 {
		t.Fatalf("outsiders settled a donation")
	}
	if res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/tolak", url.Values{"reason": {" "}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("reject without a reason: %d", res.status)
	}
	if res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/tolak", url.Values{"reason": {"Tidak ada di mutasi"}}); res.status != http.StatusSeeOther {
		t.Errorf("reject: %d", res.status)
	}
	if m := w.apiMoney(t); m["confirmed"] != 0 || m["pending"] != 0 {
		t.Errorf("money after reject: %v", m)
	}
	// The donor's page of a rejected donation offers to give again.
	if page := w.get(t, "anon", loc); !strings.Contains(page.body, `href="`+w.page()+`#donasi">Coba berdonasi lagi`) {
		t.Error("the rejected donation's page offers no way to give again")
	}
}

// count runs a COUNT query.
func (w *donationWorld) count(t *testing.T, q string) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
