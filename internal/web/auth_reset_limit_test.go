package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/mail"
	"lokadaya/internal/web"
)

// Strangers asking for one account's password reset from many addresses
// send its owner a few e-mails an hour at most, and are told nothing about
// the cap; a request over it issues no new link, so the newest e-mail's
// link keeps working, and the owner's known device always gets a fresh
// e-mail. (Each requesting address has its own limit, with a 429: see
// TestRateLimits.)
func TestResetMailCapSparesTheOwner(t *testing.T) {
	w := newAcctWorld(t, web.Config{TrustProxy: true})
	const email, password = "rina@example.org", "sandi-rina-panjang"
	w.user(t, email, password)
	laptop := w.device(t, "198.51.100.10")
	if status, _, _ := laptop.login(t, email, password); status != http.StatusSeeOther {
		t.Fatalf("login: %d", status)
	}
	mails := func() int {
		t.Helper()
		items, err := mail.Outbox(context.Background(), w.db, 100)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, it := range items {
			if it.Message.To == email {
				n++
			}
		}
		return n
	}
	// request asks for a reset on d and returns the status and the page
	// the answer leads to.
	request := func(d *device) (int, string) {
		t.Helper()
		status, _, _ := d.post(t, "/lupa-sandi", url.Values{"email": {email}})
		return status, d.get(t, "/lupa-sandi")
	}
	var answer string
	for i := range 6 {
		stranger := w.device(t, "203.0.113."+strconv.Itoa(i+1))
		status, page := request(stranger)
		if status != http.StatusSeeOther || !strings.Contains(page, "tautan di e-mail terakhir dari kami masih berlaku") {
			t.Fatalf("request %d: %d\n%s", i+1, status, page)
		}
		if i == 0 {
			answer = page
		} else if page != answer {
			t.Errorf("request %d is answered differently from the first", i+1)
		}
	}
	if n := mails(); n != 3 {
		t.Fatalf("%d reset e-mails after six requests, want 3", n)
	}
	newest := w.outboxLink(t, email)

	// The owner on a new phone is capped too, without being told, and the
	// newest e-mail's link still works.
	phone := w.device(t, "203.0.113.99")
	if status, page := request(phone); status != http.StatusSeeOther || page != answer {
		t.Errorf("the owner's new phone: %d, answered differently", status)
	}
	if n := mails(); n != 3 {
		t.Errorf("%d reset e-mails after the cap, want 3", n)
	}
	if got := phone.get(t, newest); !strings.Contains(got, `name="password_confirm"`) {
		t.Errorf("the newest e-mail's link no longer works:\n%s", got)
	}

	// The owner's known laptop gets a fresh e-mail whatever the cap, and
	// its link sets a new password.
	if status, _ := request(laptop); status != http.StatusSeeOther {
		t.Fatalf("known device: %d", status)
	}
	if n := mails(); n != 4 {
		t.Fatalf("%d reset e-mails after the known device asked, want 4", n)
	}
	fresh := w.outboxLink(t, email)
	if fresh == newest {
		t.Fatal("the known device got no new link")
	}
	form := url.Values{"password": {"sandi-baru-rina-1"}, "password_confirm": {"sandi-baru-rina-1"}}
	if status, _, _ := laptop.post(t, fresh, form); status != http.StatusSeeOther {
		t.Errorf("reset with the fresh link: %d", status)
	}
}

// get fetches a page on this device and returns its body.
func (d *device) get(t *testing.T, path string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", d.w.ts.URL+path, nil)
	req.Header.Set("X-Forwarded-For", d.ip)
	res, err := d.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return string(body)
}

// TestIPv6NetworkSharesALimit: the addresses of one IPv6 /64, which one
// subscriber may use at will, share one rate limit; another /64 has its
// own, and so does an IPv4 address.
func TestIPv6NetworkSharesALimit(t *testing.T) {
	w := newAcctWorld(t, web.Config{TrustProxy: true})
	ask := func(ip string) int {
		t.Helper()
		status, _, _ := w.device(t, ip).post(t, "/lupa-sandi", url.Values{"email": {"siapa@example.org"}})
		return status
	}
	for i := range 5 {
		if status := ask("2001:db8:7:1::" + strconv.Itoa(i+1)); status != http.StatusSeeOther {
			t.Fatalf("request %d from the /64: %d", i+1, status)
		}
	}
	for _, tc := range []struct {
		ip   string
		want int
	}{
		{"2001:db8:7:1:ffff:ffff:ffff:ffff", http.StatusTooManyRequests},
		{"2001:db8:7:2::1", http.StatusSeeOther},
		{"203.0.113.77", http.StatusSeeOther},
	} {
		if status := ask(tc.ip); status != tc.want {
			t.Errorf("%s: %d, want %d", tc.ip, status, tc.want)
		}
	}
}
