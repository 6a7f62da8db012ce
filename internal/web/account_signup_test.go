package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/mail"
	"lokadaya/internal/web"
)

// Signing up with an address that has an account answers exactly as a
// fresh sign-up does; the owner gets an e-mail instead, and nothing of
// their account changes.
func TestSignupDoesNotRevealAccounts(t *testing.T) {
	w := newAcctWorld(t, web.Config{BaseURL: "http://example.test"})
	owner := w.user(t, "ada@example.org", "sandi-sudah-ada")
	form := func(email string) url.Values {
		return url.Values{"name": {"Orang Lain"}, "email": {email}, "password": {"sandi-orang-lain"}, "consent": {"1"}}
	}
	fresh := w.browser(t).post(t, "/daftar", form("baru@example.org"))
	taken := w.browser(t).post(t, "/daftar", form("ADA@example.org"))
	if fresh.status != http.StatusSeeOther || taken.status != fresh.status || taken.location != fresh.location ||
		taken.body != fresh.body {
		t.Fatalf("answers differ: fresh %d %q, taken %d %q", fresh.status, fresh.location, taken.status, taken.location)
	}
	if got, want := cookieNames(taken.header), cookieNames(fresh.header); got != want {
		t.Errorf("cookies differ: taken %q, fresh %q", got, want)
	}
	if strings.Contains(cookieNames(fresh.header), "lokadaya_session") {
		t.Error("sign-up logs in before the address is shown to be the person's")
	}
	// The owner is told; their password still works.
	items, err := mail.Outbox(context.Background(), w.db, 10)
	if err != nil {
		t.Fatal(err)
	}
	var notice, verify int
	for _, it := range items {
		switch {
		case it.Message.To == "ada@example.org" && strings.Contains(it.Message.Text, "sudah punya akun") &&
			strings.Contains(it.Message.Text, "http://example.test/lupa-sandi"):
			notice++
		case it.Message.To == "baru@example.org" && strings.Contains(it.Message.Text, "/verifikasi/"):
			verify++
		}
	}
	if notice != 1 || verify != 1 || len(items) != 2 {
		t.Errorf("mail: %d notices, %d verifications, %d in all", notice, verify, len(items))
	}
	w.browser(t).login(t, "ada@example.org", "sandi-sudah-ada")
	if u, _ := w.accounts.ByID(context.Background(), owner.ID); u.Name != owner.Name {
		t.Errorf("the owner's account changed: %+v", u)
	}
	// Repeated attempts do not flood the owner's inbox.
	for i := range 8 {
		b := w.browser(t)
		req := form("ada@example.org")
		req.Set("name", "Percobaan "+string(rune('a'+i)))
		if r := b.do(t, "POST", "/daftar", req); r.status == http.StatusTooManyRequests {
			break
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE '%ada@example.org%'`); n > 5 {
		t.Errorf("%d notices to the owner", n)
	}
}

// cookieNames lists the names of the cookies a response sets.
func cookieNames(h http.Header) string {
	var names []string
	for _, c := range (&http.Response{Header: h}).Cookies() {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}
