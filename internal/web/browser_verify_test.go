package web_test

import (
	"context"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/account"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/hub"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
	"lokadaya/internal/web"
)

// TestBrowserSignupToVerifiedOrganisation is the foundation's whole story
// in a real browser: a person signs up and confirms their e-mail (sent over
// real SMTP), creates an organisation and picks its region down to the desa
// with the cascading picker, a hub coordinator verifies it, and the public
// sees the verified badge.
func TestBrowserSignupToVerifiedOrganisation(t *testing.T) {
	ctx := newBrowser(t)
	d := dbtest.Open(t)
	bg := context.Background()

	// The hub of West Java and its coordinator.
	coord := verifiedUser(t, d, "koordinator@example.org", "Dewi Koordinator", "sandi-koordinator-1")
	accounts := &account.Store{DB: d}
	hubs := &hub.Store{DB: d}
	if _, err := hubs.Create(bg, hub.Actor{Name: "test"}, hub.Input{Slug: "simpul-jabar", Name: "Simpul Jawa Barat",
		Regions: []string{"32"}, Coordinators: []string{coord.Email}}); err != nil {
		t.Fatal(err)
	}

	// The server, with its real address known before it starts so that
	// e-mailed links point at it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	srv, err := web.New(web.Config{BaseURL: base}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)

	// Mail goes through the job queue to a real SMTP listener.
	smtp := smtptest.Start(t)
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	workCtx, stopWorker := context.WithCancel(bg)
	worker := &jobs.Worker{DB: d, Poll: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	worker.Handle(mail.JobKind, mail.Handler(&mail.SMTPSender{Config: cfg, From: "Lokadaya <noreply@lokadaya.test>"}))
	stopped := make(chan struct{})
	go func() { _ = worker.Run(workCtx); close(stopped) }()
	t.Cleanup(func() { stopWorker(); <-stopped })

	// 1. Sign up.
	run(t, ctx, "sign up",
		chromedp.Navigate(base+"/daftar"),
		chromedp.SendKeys("#name", "Rina Marlina", chromedp.ByID),
		chromedp.SendKeys("#email", "rina@example.org", chromedp.ByID),
		chromedp.SendKeys("#password", "sandi-rina-panjang", chromedp.ByID),
		chromedp.Click(`input[name="consent"]`, chromedp.ByQuery),
		chromedp.Submit("#password", chromedp.ByID),
		chromedp.WaitVisible(`form[action^="/masuk"]`, chromedp.ByQuery),
	)

	// 2. Confirm the e-mail address with the link that arrived by SMTP,
	// then log in.
	link := verificationLink(t, smtp)
	var text string
	run(t, ctx, "verify e-mail", chromedp.Navigate(link), chromedp.Text("main", &text, chromedp.ByQuery))
	if u, err := accounts.ByEmail(bg, "rina@example.org"); err != nil || !u.Verified() {
		t.Fatalf("after following the link: %+v, %v; page says %q", u, err, text)
	}
	run(t, ctx, "log in",
		chromedp.Navigate(base+"/masuk"),
		chromedp.SendKeys("#email", "rina@example.org", chromedp.ByID),
		chromedp.SendKeys("#password", "sandi-rina-panjang", chromedp.ByID),
		chromedp.Submit("#password", chromedp.ByID),
		chromedp.WaitVisible(`form[action="/keluar"]`, chromedp.ByQuery),
	)

	// 3. Create the organisation, picking Kota Bandung down to a kelurahan.
	kec := firstChild(t, ts, "32.73")
	desa := firstChild(t, ts, kec)
	run(t, ctx, "create organisation",
		chromedp.Navigate(base+"/organisasi/baru"),
		chromedp.SendKeys("#name", "Taman Baca Cahaya Sukasari", chromedp.ByID),
		chromedp.SetValue("#legal_form", "komunitas", chromedp.ByID),
		chromedp.Click(`input[name="focus_issues"][value="pendidikan"]`, chromedp.ByQuery),
		chromedp.SendKeys("#vision", "Setiap anak di Sukasari gemar membaca.", chromedp.ByID),
		pickRegion("region_prov", "32"),
		waitOption("region_kab", "32.73"),
		pickRegion("region_kab", "32.73"),
		waitOption("region_kec", kec),
		pickRegion("region_kec", kec),
		waitOption("region_desa", desa),
		pickRegion("region_desa", desa),
		chromedp.Click(`form[action^="/organisasi/baru"] p.actions button[type="submit"]`, chromedp.ByQuery),
		leftPage("/organisasi/baru"),
	)
	var orgURL string
	run(t, ctx, "organisation page", chromedp.Location(&orgURL), chromedp.Text("main", &text, chromedp.ByQuery))
	if !strings.Contains(orgURL, "/organisasi/") || !strings.Contains(text, "Taman Baca Cahaya Sukasari") ||
		!strings.Contains(text, "Kota Bandung") || !strings.Contains(text, "Belum terverifikasi") {
		t.Fatalf("after creating: at %s, page says %q", orgURL, text)
	}
	u, err := url.Parse(orgURL) // the form's #error-summary stays on the address
	if err != nil {
		t.Fatal(err)
	}
	slug := u.Path[strings.LastIndex(u.Path, "/")+1:]

	// 4. The coordinator logs in and verifies it.
	run(t, ctx, "coordinator verifies",
		chromedp.Click(`form[action="/keluar"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`a[href="/masuk"]`, chromedp.ByQuery),
		chromedp.Navigate(base+"/masuk"),
		chromedp.SendKeys("#email", coord.Email, chromedp.ByID),
		chromedp.SendKeys("#password", "sandi-koordinator-1", chromedp.ByID),
		chromedp.Submit("#password", chromedp.ByID),
		chromedp.WaitVisible(`form[action="/keluar"]`, chromedp.ByQuery),
		chromedp.Navigate(base+"/simpul/simpul-jabar/tinjau"),
		chromedp.Click(`a[href$="/tinjau/`+slug+`"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`input[name="decision"][value="verified"]`, chromedp.ByQuery),
		chromedp.Click(`input[name="decision"][value="verified"]`, chromedp.ByQuery),
		chromedp.Submit(`input[name="decision"][value="verified"]`, chromedp.ByQuery),
		leftPage("/simpul/simpul-jabar/tinjau/"+slug),
		chromedp.WaitVisible(`form[action="/keluar"] button`, chromedp.ByQuery),
		chromedp.Click(`form[action="/keluar"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(`a[href="/masuk"]`, chromedp.ByQuery),
	)

	// 5. The public sees the verified badge.
	run(t, ctx, "public page", chromedp.Navigate(orgURL), chromedp.Text("main", &text, chromedp.ByQuery))
	if !strings.Contains(text, "Terverifikasi") || strings.Contains(text, "Belum terverifikasi") {
		t.Errorf("public page after verification: %q", text)
	}
}

func run(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		var loc, body string
		_ = chromedp.Run(ctx, chromedp.Location(&loc), chromedp.Text("body", &body, chromedp.ByQuery))
		t.Fatalf("%s: %v\nat %s:\n%s", step, err, loc, body)
	}
}

// pickRegion chooses an option the way a person does, so the change event
// fires and the picker's script fills the next level.
func pickRegion(field, code string) chromedp.Action {
	return chromedp.Evaluate(`(() => { const s = document.querySelector('select[name="`+field+`"]');
		s.value = "`+code+`"; s.dispatchEvent(new Event('change', {bubbles: true})); return s.value; })()`, nil)
}

// leftPage waits until the browser has navigated away from path, i.e. the
// form posted there was accepted and redirected.
func leftPage(path string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		for {
			var loc string
			if err := chromedp.Location(&loc).Do(ctx); err == nil {
				if u, err := url.Parse(loc); err == nil && u.Path != path {
					return nil
				}
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

func waitOption(field, code string) chromedp.Action {
	return chromedp.WaitReady(`select[name="`+field+`"] option[value="`+code+`"]`, chromedp.ByQuery)
}

// firstChild asks the API for a region's first child code.
func firstChild(t *testing.T, ts *httptest.Server, code string) string {
	t.Helper()
	res, err := http.Get(ts.URL + "/api/v1/regions?parent=" + url.QueryEscape(code))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	i := strings.Index(string(body), `"code":"`)
	if i < 0 {
		t.Fatalf("no children of %s: %s", code, body)
	}
	rest := string(body)[i+len(`"code":"`):]
	return rest[:strings.IndexByte(rest, '"')]
}

func verificationLink(t *testing.T, smtp *smtptest.Server) string {
	t.Helper()
	got := smtp.Wait(1, 15*time.Second)
	if len(got) == 0 {
		t.Fatal("no verification e-mail arrived")
	}
	msg, err := got[0].Parsed()
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
	link := linkRE.FindString(string(body))
	if !strings.Contains(link, "/verifikasi/") {
		t.Fatalf("no verification link in:\n%s", body)
	}
	return link
}
