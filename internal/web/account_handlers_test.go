package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/mail"
	"lokadaya/internal/web"
)

func TestAccountPagesAnonymous(t *testing.T) {
	w := newAcctWorld(t, web.Config{BaseURL: "http://example.test"})
	b := w.browser(t)
	for _, tc := range []struct {
		name, method, path string
		status             int
		location           string
		contains           []string
	}{
		{"sign-up form", "GET", "/daftar", 200, "", []string{"Daftar akun", `name="consent"`, `href="/privasi"`}},
		{"login form", "GET", "/masuk?next=/akun/hapus", 200, "", []string{`name="next" value="/akun/hapus"`}},
		{"login drops foreign next", "GET", "/masuk?next=//evil.example", 200, "", []string{`name="next" value=""`}},
		{"forgot form", "GET", "/lupa-sandi", 200, "", []string{"Lupa kata sandi"}},
		{"privacy notice", "GET", "/privasi", 200, "", []string{"Nomor 27 Tahun 2022", "Portabilitas", "Dukungan untuk kampanye", "Berhenti menerima kabar", "dihapus setelah 7 hari"}},
		{"footer links privacy", "GET", "/", 200, "", []string{`href="/privasi"`}},
		{"account needs login", "GET", "/akun", 303, "/masuk?next=%2Fakun", nil},
		{"export needs login", "GET", "/akun/ekspor", 303, "/masuk?next=%2Fakun%2Fekspor", nil},
		{"delete needs login", "GET", "/akun/hapus", 303, "/masuk?next=%2Fakun%2Fhapus", nil},
		{"resend needs login", "POST", "/akun/verifikasi-ulang", 303, "/masuk?next=%2Fakun%2Fverifikasi-ulang", nil},
		{"bad verification link", "GET", "/verifikasi/bogus", 410, "", []string{"Tautan tidak berlaku"}},
		{"bad reset link", "GET", "/atur-sandi/bogus", 410, "", []string{"Tautan tidak berlaku"}},
		{"bad reset post", "POST", "/atur-sandi/bogus", 410, "", nil},
		{"outbox hidden without demo", "GET", "/dev/outbox", 404, "", nil},
		{"logout without session", "POST", "/keluar", 303, "/", nil},
		{"privacy in English", "GET", "/privasi?lang=en", 200, "", []string{"Law No. 27 of 2022", "Erasure"}},
	} {
		var r reply
		if tc.method == "POST" {
			r = b.post(t, tc.path, nil)
		} else {
			r = b.get(t, tc.path)
		}
		check(t, tc.name, r, tc.status, tc.location, tc.contains...)
		if t.Failed() {
			t.Log(r.body)
			return
		}
	}
}

func TestSignupValidation(t *testing.T) {
	w := newAcctWorld(t, web.Config{BaseURL: "http://example.test"})
	w.user(t, "ada@example.org", "sandi-sudah-ada")
	good := url.Values{"name": {"Siti Aminah"}, "email": {"Siti@Example.org"}, "phone": {"0812-3456-7890"},
		"password": {"kata-sandi-rahasia"}, "consent": {"1"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for kk, vv := range good {
			f[kk] = vv
		}
		if v == "" {
			f.Del(k)
		} else {
			f.Set(k, v)
		}
		return f
	}
	b := w.browser(t)
	for _, tc := range []struct {
		name     string
		form     url.Values
		contains string
	}{
		{"name missing", with("name", ""), "Wajib diisi."},
		{"bad email", with("email", "siti@"), "Masukkan alamat e-mail yang valid."},
		{"bad phone", with("phone", "+1 555 0100"), "Nomor HP Indonesia tidak valid."},
		{"short password", with("password", "pendek"), "minimal 10 karakter"},
		{"password is email", with("password", "siti@example.org"), "tidak boleh sama dengan alamat e-mail"},
		{"no consent", with("consent", ""), "menyetujui pemberitahuan privasi"},
	} {
		r := b.post(t, "/daftar", tc.form)
		kept := `value="0812-3456-7890"`
		if tc.form.Get("phone") != good.Get("phone") {
			kept = `value="Siti Aminah"`
		}
		check(t, tc.name, r, http.StatusUnprocessableEntity, "", tc.contains, kept)
		if strings.Contains(r.body, "kata-sandi-rahasia") {
			t.Errorf("%s: password echoed", tc.name)
		}
	}
	r := b.post(t, "/daftar", good)
	check(t, "sign-up", r, http.StatusSeeOther, "/masuk")
	u, err := w.accounts.ByEmail(context.Background(), "siti@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if u.Phone != "+6281234567890" || u.PrivacyConsentAt == nil || u.Verified() || u.Locale != "id" {
		t.Errorf("stored user %+v", u)
	}
	if w.outboxLink(t, "siti@example.org") == "" {
		t.Error("no verification mail queued")
	}
	check(t, "check your e-mail", b.get(t, "/masuk"), 200, "", "Kami sudah mengirim e-mail ke alamat itu")
	b.login(t, "siti@example.org", "kata-sandi-rahasia")
	check(t, "logged in, unverified banner", b.get(t, "/akun"), 200, "", "belum terverifikasi", "Kirim ulang tautan verifikasi")
	check(t, "sign-up form while logged in", b.get(t, "/daftar"), http.StatusSeeOther, "/akun")
}

func TestLoginScenarios(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	w.user(t, "budi@example.org", "sandi-budi-panjang")
	for _, tc := range []struct {
		name     string
		form     url.Values
		status   int
		location string
		contains string
	}{
		{"wrong password", url.Values{"email": {"budi@example.org"}, "password": {"salah-salah-salah"}}, 422, "", "E-mail atau kata sandi salah"},
		{"unknown e-mail", url.Values{"email": {"siapa@example.org"}, "password": {"sandi-budi-panjang"}}, 422, "", `value="siapa@example.org"`},
		{"success", url.Values{"email": {"Budi@Example.org"}, "password": {"sandi-budi-panjang"}}, 303, "/dasbor", ""},
		{"success with next", url.Values{"email": {"budi@example.org"}, "password": {"sandi-budi-panjang"}, "next": {"/akun/hapus?x=1"}}, 303, "/akun/hapus?x=1", ""},
		{"foreign next ignored", url.Values{"email": {"budi@example.org"}, "password": {"sandi-budi-panjang"}, "next": {"//evil.example/x"}}, 303, "/dasbor", ""},
		{"scheme next ignored", url.Values{"email": {"budi@example.org"}, "password": {"sandi-budi-panjang"}, "next": {"https://evil.example"}}, 303, "/dasbor", ""},
	} {
		r := w.browser(t).post(t, "/masuk", tc.form)
		check(t, tc.name, r, tc.status, tc.location, tc.contains)
		if strings.Contains(r.body, "salah-salah-salah") {
			t.Errorf("%s: password echoed", tc.name)
		}
	}
	// Logging in again on one browser replaces its session.
	b := w.browser(t)
	before := w.count(t, `SELECT COUNT(*) FROM sessions`)
	b.login(t, "budi@example.org", "sandi-budi-panjang")
	b.login(t, "budi@example.org", "sandi-budi-panjang")
	if n := w.count(t, `SELECT COUNT(*) FROM sessions`); n != before+1 {
		t.Errorf("sessions after two logins on one browser: %d, want %d", n, before+1)
	}
	check(t, "logout", b.post(t, "/keluar", nil), 303, "/")
	if n := w.count(t, `SELECT COUNT(*) FROM sessions`); n != before {
		t.Errorf("session not deleted on logout")
	}
	check(t, "after logout", b.get(t, "/akun"), 303, "/masuk?next=%2Fakun")
}

func TestRateLimits(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	w.user(t, "rina@example.org", "sandi-rina-panjang")
	b := w.browser(t)
	for _, tc := range []struct {
		name    string
		path    string
		allowed int
		form    func(i int) url.Values
	}{
		{"login", "/masuk", 10, func(int) url.Values {
			return url.Values{"email": {"rina@example.org"}, "password": {"salah-salah-salah"}}
		}},
		{"sign-up", "/daftar", 5, func(i int) url.Values {
			return url.Values{"name": {"N"}, "email": {"u" + string(rune('a'+i)) + "@example.org"},
				"password": {"sandi-cukup-panjang"}, "consent": {"1"}}
		}},
		{"reset", "/lupa-sandi", 5, func(int) url.Values { return url.Values{"email": {"rina@example.org"}} }},
	} {
		for i := range tc.allowed {
			if r := b.post(t, tc.path, tc.form(i)); r.status == http.StatusTooManyRequests {
				t.Fatalf("%s: attempt %d limited", tc.name, i+1)
			}
		}
		check(t, tc.name, b.post(t, tc.path, tc.form(tc.allowed)), http.StatusTooManyRequests, "", "Terlalu banyak percobaan")
	}
	// The page says how long to wait, as its Retry-After header does,
	// and that nothing was sent.
	r := b.post(t, "/lupa-sandi", url.Values{"email": {"rina@example.org"}})
	secs, _ := strconv.Atoi(r.header.Get("Retry-After"))
	if want := fmt.Sprintf("coba lagi dalam %d menit", (secs+59)/60); r.status != 429 || secs == 0 || !strings.Contains(r.body, want) {
		t.Errorf("limited reset: %d, Retry-After %q, page lacks %q", r.status, r.header.Get("Retry-After"), want)
	}
	// The client's address stays limited, even with the right password.
	if r := b.post(t, "/masuk?lang=en", url.Values{"email": {"rina@example.org"}, "password": {"sandi-rina-panjang"}}); r.status != 429 ||
		!strings.Contains(r.body, "Too many attempts") {
		t.Errorf("correct password after the limit: %d", r.status)
	}
}

func TestAccountUpdateAndLanguage(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	w.user(t, "dewi@example.org", "sandi-dewi-panjang")
	b := w.browser(t)
	b.login(t, "dewi@example.org", "sandi-dewi-panjang")
	check(t, "bad input kept", b.post(t, "/akun", url.Values{"name": {"Dewi S"}, "phone": {"12"}, "locale": {"xx"}}),
		422, "", "Nomor HP Indonesia tidak valid.", "Pilih bahasa yang tersedia.", `value="Dewi S"`)
	check(t, "update", b.post(t, "/akun", url.Values{"name": {"Dewi Sartika"}, "phone": {"62 811 2222 3333"}, "locale": {"en"}}),
		303, "/akun")
	u, _ := w.accounts.ByEmail(context.Background(), "dewi@example.org")
	if u.Name != "Dewi Sartika" || u.Phone != "+6281122223333" || u.Locale != "en" {
		t.Errorf("after update: %+v", u)
	}
	check(t, "page in English", b.get(t, "/akun"), 200, "", "My account", "Changes saved.")

	// Another browser without a language cookie: the preference decides.
	other := w.browser(t)
	other.login(t, "dewi@example.org", "sandi-dewi-panjang")
	check(t, "preference without cookie", other.get(t, "/"), 200, "", "Support local services")
	check(t, "query still wins", other.get(t, "/?lang=id"), 200, "", "Dukung layanan lokal")
}

func TestAccountExport(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	u := w.user(t, "eka@example.org", "sandi-eka-panjang")
	w.addOrg(t, "eka", map[int64]string{u.ID: "treasurer"})
	b := w.browser(t)
	b.login(t, "eka@example.org", "sandi-eka-panjang")
	r := b.get(t, "/akun/ekspor")
	check(t, "export", r, 200, "")
	if cd := r.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("Content-Disposition %q", cd)
	}
	var e account.Export
	if err := json.Unmarshal([]byte(r.body), &e); err != nil {
		t.Fatal(err)
	}
	if e.Profile.Email != "eka@example.org" || len(e.Memberships) != 1 || e.Memberships[0].OrgName != "Yayasan eka" ||
		len(e.Sessions) != 1 {
		t.Errorf("export %+v", e)
	}
	if !strings.Contains(r.body, `"supporter_records"`) {
		t.Error("export lacks the supporter records")
	}
	for _, secret := range []string{u.PasswordHash, "password", "hash"} {
		if strings.Contains(r.body, secret) {
			t.Errorf("export contains %q", secret)
		}
	}
}

func TestAccountDelete(t *testing.T) {
	w := newAcctWorld(t, web.Config{})
	owner := w.user(t, "pemilik@example.org", "sandi-pemilik-panjang")
	co := w.user(t, "rekan@example.org", "sandi-rekan-panjang")
	w.addOrg(t, "tunggal", map[int64]string{owner.ID: "owner", co.ID: "admin"})
	w.addOrg(t, "bersama", map[int64]string{owner.ID: "owner", co.ID: "owner"})

	ob := w.browser(t)
	ob.login(t, "pemilik@example.org", "sandi-pemilik-panjang")
	check(t, "form warns sole owner", ob.get(t, "/akun/hapus"), 200, "", "Yayasan tunggal", "Alihkan kepemilikan")
	check(t, "sole owner refused", ob.post(t, "/akun/hapus", url.Values{"password": {"sandi-pemilik-panjang"}}),
		http.StatusConflict, "", "Yayasan tunggal")
	if _, err := w.accounts.ByID(context.Background(), owner.ID); err != nil {
		t.Errorf("sole owner deleted: %v", err)
	}

	cb := w.browser(t)
	cb.login(t, "rekan@example.org", "sandi-rekan-panjang")
	check(t, "form", cb.get(t, "/akun/hapus"), 200, "", "Ketik kata sandi Anda")
	check(t, "wrong password", cb.post(t, "/akun/hapus", url.Values{"password": {"salah"}}), 422, "", "Kata sandi salah.")
	check(t, "deleted", cb.post(t, "/akun/hapus", url.Values{"password": {"sandi-rekan-panjang"}}), 303, "/")
	if _, err := w.accounts.ByID(context.Background(), co.ID); err == nil {
		t.Error("account still there")
	}
	check(t, "logged out", cb.get(t, "/akun"), 303, "/masuk?next=%2Fakun")
	check(t, "flash", cb.get(t, "/"), 200, "", "Akun Anda sudah dihapus")
	// With the co-owner gone, the owner is sole owner of both.
	check(t, "now owns both alone", ob.get(t, "/akun/hapus"), 200, "", "Yayasan bersama", "Yayasan tunggal")
}

func TestDevOutbox(t *testing.T) {
	w := newAcctWorld(t, web.Config{Demo: true})
	if err := mail.Queue(context.Background(), w.db, mail.Message{To: "a@example.org", Subject: "Uji <kotak>",
		Text: "Buka http://example.test/verifikasi/abc?x=1&y=2 sekarang."}); err != nil {
		t.Fatal(err)
	}
	// The messages hold working links: only a platform admin reads them.
	check(t, "anonymous", w.browser(t).get(t, "/dev/outbox"), 303, "/masuk?next=%2Fdev%2Foutbox")
	w.user(t, "warga@example.org", "sandi-warga-panjang")
	member := w.browser(t)
	member.login(t, "warga@example.org", "sandi-warga-panjang")
	if r := member.get(t, "/dev/outbox"); r.status != http.StatusForbidden || strings.Contains(r.body, "verifikasi/abc") {
		t.Errorf("a non-admin reads the outbox: %d", r.status)
	}
	admin := w.user(t, "admin@example.org", "sandi-admin-panjang")
	if err := w.accounts.SetAdmin(context.Background(), admin.ID, true); err != nil {
		t.Fatal(err)
	}
	ab := w.browser(t)
	ab.login(t, "admin@example.org", "sandi-admin-panjang")
	check(t, "outbox", ab.get(t, "/dev/outbox"), 200, "",
		"Uji &lt;kotak&gt;", `<a href="http://example.test/verifikasi/abc?x=1&amp;y=2">`, "a@example.org", "Menunggu dikirim")
}
