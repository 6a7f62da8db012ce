package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/web"
)

// device is a browser at a client address of its own (behind the trusted
// proxy), with its own cookies.
type device struct {
	w  *acctWorld
	ip string
	c  *http.Client
}

func (w *acctWorld) device(t *testing.T, ip string) *device {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &device{w: w, ip: ip, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// post sends a form from this device and returns the status, the
// Retry-After header and the body.
func (d *device) post(t *testing.T, path string, form url.Values) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", d.w.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", d.ip)
	res, err := d.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Retry-After"), string(body)
}

func (d *device) login(t *testing.T, email, password string) (int, string, string) {
	t.Helper()
	return d.post(t, "/masuk", url.Values{"email": {email}, "password": {password}})
}

// Strangers guessing one account's password from many addresses hold
// back logins from unknown browsers only: the owner's known browser still
// gets in, and a password reset by e-mail makes a new browser known.
func TestLoginBackoffSparesKnownDevices(t *testing.T) {
	w := newAcctWorld(t, web.Config{TrustProxy: true})
	const email, password = "rina@example.org", "sandi-rina-panjang"
	owner := w.user(t, email, password)
	laptop := w.device(t, "198.51.100.10")
	if status, _, _ := laptop.login(t, email, password); status != http.StatusSeeOther {
		t.Fatalf("first login: %d", status)
	}
	// Ten wrong guesses, each from another address.
	for i := range 10 {
		if status, _, _ := w.device(t, "203.0.113."+strconv.Itoa(i+1)).login(t, email, "tebakan-salah-"+strconv.Itoa(i)); status != http.StatusUnprocessableEntity {
			t.Fatalf("guess %d: %d", i+1, status)
		}
	}
	// Now an unknown browser is held back, even with the right password.
	phone := w.device(t, "203.0.113.99")
	status, retry, body := phone.login(t, email, password)
	if secs, _ := strconv.Atoi(retry); status != http.StatusTooManyRequests || secs < 1 || secs > 2*15*60 ||
		!strings.Contains(body, "perangkat yang belum dikenal") || !strings.Contains(body, `href="/lupa-sandi"`) {
		t.Fatalf("unknown browser after the guesses: %d, Retry-After %q\n%s", status, retry, body)
	}
	// The owner's laptop, from a new address, is a known device: it gets in.
	laptop.ip = "198.51.100.77"
	if status, _, _ := laptop.login(t, email, password); status != http.StatusSeeOther {
		t.Fatalf("known device after the guesses: %d", status)
	}
	// A wrong password on the known device does not count against the
	// account, and a cookie of another account does not make a device known.
	w.user(t, "budi@example.org", "sandi-budi-panjang")
	borrowed := w.device(t, "198.51.100.20")
	if status, _, _ := borrowed.login(t, "budi@example.org", "sandi-budi-panjang"); status != http.StatusSeeOther {
		t.Fatalf("budi's login: %d", status)
	}
	if status, _, _ := borrowed.login(t, email, password); status != http.StatusTooManyRequests {
		t.Errorf("another account's known device: %d, want 429", status)
	}
	// The phone gets in through a password reset by e-mail, and is known
	// from then on; every other device is forgotten.
	if status, _, _ := phone.post(t, "/lupa-sandi", url.Values{"email": {email}}); status != http.StatusSeeOther {
		t.Fatalf("reset request: %d", status)
	}
	link := w.outboxLink(t, email)
	if status, _, _ := phone.post(t, link, url.Values{"password": {"sandi-baru-rina-1"}, "password_confirm": {"sandi-baru-rina-1"}}); status != http.StatusSeeOther {
		t.Fatalf("reset: %d", status)
	}
	if status, _, _ := phone.login(t, email, "sandi-baru-rina-1"); status != http.StatusSeeOther {
		t.Errorf("the phone after the reset: %d", status)
	}
	if status, _, _ := laptop.login(t, email, "sandi-baru-rina-1"); status != http.StatusTooManyRequests {
		t.Errorf("a device known before the reset: %d, want 429", status)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM known_devices WHERE user_id = ?`, owner.ID); n != 1 {
		t.Errorf("%d known devices after the reset, want the phone's", n)
	}
}

// Every 429 says when to try again.
func TestRateLimitRetryAfter(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	b := w.browser(t)
	var r reply
	for range 11 {
		r = b.post(t, "/masuk", url.Values{"email": {"x@example.org"}, "password": {"salah-salah-salah"}})
	}
	secs, err := strconv.Atoi(r.header.Get("Retry-After"))
	if r.status != http.StatusTooManyRequests || err != nil || secs < 1 || secs > 2*15*60 {
		t.Errorf("login limit: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
}
