package web_test

import (
	"context"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
	"lokadaya/internal/web"
)

// TestSignupVerifyLoginLogout follows a new person from the sign-up form,
// through the e-mail (delivered over real SMTP by the job worker) and its
// link, to logging in and out.
func TestSignupVerifyLoginLogout(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	smtp := smtptest.Start(t, "loka", "rahasia")
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	worker := &jobs.Worker{DB: w.db, Poll: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	worker.Handle(mail.JobKind, mail.Handler(&mail.SMTPSender{Config: cfg, From: "Lokadaya <noreply@lokadaya.test>"}))
	done := make(chan struct{})
	go func() { _ = worker.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	b := w.browser(t)
	r := b.post(t, "/daftar?lang=en", url.Values{"name": {"Yohana"}, "email": {"yohana@example.org"},
		"password": {"sandi-yohana-panjang"}, "consent": {"1"}})
	check(t, "sign-up", r, http.StatusSeeOther, "/masuk")

	got := smtp.Wait(1, 10*time.Second)
	if len(got) != 1 || got[0].To[0] != "yohana@example.org" || got[0].Auth != "loka" {
		t.Fatalf("received %+v", got)
	}
	msg, err := got[0].Parsed()
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if !strings.Contains(string(body), "Hello Yohana") { // written in the language used at sign-up
		t.Errorf("mail body:\n%s", body)
	}
	link, err := url.Parse(linkRE.FindString(string(body)))
	if err != nil || !strings.HasPrefix(link.Path, "/verifikasi/") || link.Host == "" {
		t.Fatalf("link %v, %v", link, err)
	}

	check(t, "verify while logged out", b.get(t, link.Path), http.StatusSeeOther, "/masuk")
	check(t, "link used twice", b.get(t, link.Path), http.StatusGone, "")
	r = b.post(t, "/masuk", url.Values{"email": {"yohana@example.org"}, "password": {"sandi-yohana-panjang"}})
	check(t, "login", r, http.StatusSeeOther, "/dasbor")
	r = b.get(t, "/akun")
	check(t, "account page", r, http.StatusOK, "", "Verified on")
	if strings.Contains(r.body, `class="banner"`) {
		t.Error("verified user still sees the banner")
	}
	check(t, "resend when verified", b.post(t, "/akun/verifikasi-ulang", nil), http.StatusSeeOther, "/akun")
	check(t, "logout again", b.post(t, "/keluar", nil), http.StatusSeeOther, "/")
	check(t, "logged out", b.get(t, "/akun"), http.StatusSeeOther, "/masuk?next=%2Fakun")
}

func TestResendVerification(t *testing.T) {
	w := newAcctWorld(t, web.Config{BaseURL: "https://lokadaya.test"})
	w.user(t, "tono@example.org", "sandi-tono-panjang")
	b := w.browser(t)
	b.login(t, "tono@example.org", "sandi-tono-panjang")
	check(t, "banner", b.get(t, "/"), 200, "", "belum terverifikasi")
	check(t, "resend", b.post(t, "/akun/verifikasi-ulang", nil), 303, "/akun")
	link := w.outboxLink(t, "tono@example.org")
	check(t, "verify while logged in", b.get(t, link), 303, "/akun")
	check(t, "verified", b.get(t, "/akun"), 200, "", "Terima kasih, alamat e-mail Anda sudah terverifikasi.")
}

func TestPasswordReset(t *testing.T) {
	w := newAcctWorld(t, web.Config{BaseURL: "https://lokadaya.test"})
	w.user(t, "lina@example.org", "sandi-lama-lina")
	old := w.browser(t)
	old.login(t, "lina@example.org", "sandi-lama-lina")

	b := w.browser(t)
	check(t, "bad address", b.post(t, "/lupa-sandi", url.Values{"email": {"lina@"}}), 422, "", "alamat e-mail yang valid", `value="lina@"`)
	known := b.post(t, "/lupa-sandi", url.Values{"email": {"Lina@example.org"}})
	unknown := b.post(t, "/lupa-sandi", url.Values{"email": {"bukan@example.org"}})
	check(t, "known address", known, 303, "/lupa-sandi")
	check(t, "unknown address", unknown, 303, "/lupa-sandi")
	if known.header.Get("Set-Cookie") != unknown.header.Get("Set-Cookie") {
		t.Error("answers differ between known and unknown addresses")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); n != 1 {
		t.Errorf("%d mails queued, want 1", n)
	}
	link := w.outboxLink(t, "lina@example.org")
	if !strings.HasPrefix(link, "/atur-sandi/") {
		t.Fatalf("link %q", link)
	}
	for _, tc := range []struct {
		name     string
		form     url.Values
		status   int
		contains string
	}{
		{"mismatch", url.Values{"password": {"sandi-baru-lina"}, "password_confirm": {"sandi-lain-lina"}}, 422, "Kedua kata sandi tidak sama."},
		{"short", url.Values{"password": {"pendek"}, "password_confirm": {"pendek"}}, 422, "minimal 10 karakter"},
		{"is e-mail", url.Values{"password": {"lina@example.org"}, "password_confirm": {"lina@example.org"}}, 422, "tidak boleh sama"},
	} {
		check(t, tc.name, b.post(t, link, tc.form), tc.status, "", tc.contains)
	}
	check(t, "form", b.get(t, link), 200, "", "Buat kata sandi baru")
	check(t, "set", b.post(t, link, url.Values{"password": {"sandi-baru-lina"}, "password_confirm": {"sandi-baru-lina"}}), 303, "/akun")
	check(t, "logged in", b.get(t, "/akun"), 200, "", "Kata sandi baru sudah disimpan")
	check(t, "old session ended", old.get(t, "/akun"), 303, "/masuk?next=%2Fakun")
	check(t, "link used", b.get(t, link), 410, "")
	check(t, "old password", w.browser(t).post(t, "/masuk", url.Values{"email": {"lina@example.org"}, "password": {"sandi-lama-lina"}}), 422, "")
	w.browser(t).login(t, "lina@example.org", "sandi-baru-lina")
}
