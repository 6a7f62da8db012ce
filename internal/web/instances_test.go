package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/web"
)

// TestInstancesShareState runs two servers on one database, as two
// `lokadaya serve` processes behind a load balancer: a login made on one is
// valid on the other, and a rate limit counts attempts made on both.
func TestInstancesShareState(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		if _, err := (&account.Store{DB: d}).Create(context.Background(), "ani@example.org", "Ani", "", "sandi-ani-panjang"); err != nil {
			t.Fatal(err)
		}
		var urls []string
		for range 2 {
			srv, err := web.New(web.Config{}, d, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(srv.Handler())
			t.Cleanup(ts.Close)
			urls = append(urls, ts.URL)
		}
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := client.PostForm(urls[0]+"/masuk", url.Values{"email": {"ani@example.org"}, "password": {"sandi-ani-panjang"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("login on instance A = %d", res.StatusCode)
		}
		// The session cookie is host-bound in the jar; carry it by hand to B.
		u0, _ := url.Parse(urls[0])
		req, _ := http.NewRequest("GET", urls[1]+"/akun", nil)
		for _, c := range jar.Cookies(u0) {
			req.AddCookie(c)
		}
		res, err = client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("account page on instance B with A's session = %d, want 200", res.StatusCode)
		}

		// Wrong passwords spread over both instances hit one shared limit.
		limited := false
		for i := range 12 {
			res, err := http.PostForm(urls[i%2]+"/masuk", url.Values{"email": {"budi@example.org"}, "password": {"salah"}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode == http.StatusTooManyRequests {
				limited = true
				// Ten attempts per address: the successful login above was one.
				if i != 9 {
					t.Errorf("limited at attempt %d, want the 11th from this address", i+2)
				}
				break
			}
		}
		if !limited {
			t.Error("12 failed logins across two instances were never limited")
		}
	})
}
