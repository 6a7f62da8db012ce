package web_test

import (
	"context"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/hub"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
	"lokadaya/internal/org"
	"lokadaya/internal/web"
)

// TestBrowserComplaintDeadlineEscalationAndReopen is the complaint story
// in a real browser: a resident files a complaint without an account, the
// clock moves 49 hours, the deadline job escalates it by e-mail (real
// SMTP) to the coordinator of the hub covering the organisation and the
// public log marks it overdue; the staff answer and close it, and the
// resident rates the answer and reopens it.
func TestBrowserComplaintDeadlineEscalationAndReopen(t *testing.T) {
	ctx := newBrowser(t)
	d := dbtest.Open(t)
	bg := context.Background()

	editor := verifiedUser(t, d, "editor@example.org", "Rudi Editor", "sandi-editor-panjang")
	coord := verifiedUser(t, d, "koordinator@example.org", "Dewi Koordinator", "sandi-koordinator-1")
	riau := verifiedUser(t, d, "riau@example.org", "Koordinator Riau", "sandi-koordinator-2")
	orgs := &org.Store{DB: d}
	o, err := orgs.Create(bg, editor.ID, org.Input{Name: "Klinik Warga Sukarasa", Slug: "klinik-warga",
		LegalForm: "komunitas", RegionCode: orgDesa})
	if err != nil {
		t.Fatal(err)
	}
	hubs := &hub.Store{DB: d}
	for _, h := range []struct{ slug, region, email string }{{"simpul-jabar", "32", coord.Email}, {"simpul-riau", "14", riau.Email}} {
		if _, err := hubs.Create(bg, hub.Actor{Name: "test"}, hub.Input{Slug: h.slug, Name: h.slug, Regions: []string{h.region},
			Coordinators: []string{h.email}}); err != nil {
			t.Fatal(err)
		}
	}

	// The server on a clock the test moves, its address known before it
	// starts so that e-mailed links point at it.
	clock := &movingClock{t: time.Now().UTC().Truncate(time.Second)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	srv, err := web.New(web.Config{BaseURL: base, UploadsDir: t.TempDir(), Clock: clock.Now}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)

	// Mail and the deadline sweep run through the job queue, mail to a
	// real SMTP listener.
	smtp := smtptest.Start(t)
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	workCtx, stopWorker := context.WithCancel(bg)
	worker := &jobs.Worker{DB: d, Poll: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	worker.Handle(mail.JobKind, mail.Handler(&mail.SMTPSender{Config: cfg, From: "Lokadaya <noreply@lokadaya.test>"}))
	worker.Handle(complaint.DeadlineJobKind, srv.ComplaintStore().DeadlineHandler(time.Hour))
	stopped := make(chan struct{})
	go func() { _ = worker.Run(workCtx); close(stopped) }()
	t.Cleanup(func() { stopWorker(); <-stopped })

	// 1. A resident files a public complaint, no account.
	var code string
	run(t, ctx, "file",
		chromedp.Navigate(base+"/organisasi/klinik-warga/adukan"),
		chromedp.SendKeys("#text", "Antrean pendaftaran klinik tiga jam, petugas tidak ada di loket.", chromedp.ByID),
		chromedp.SetValue("#category", "waktu", chromedp.ByID),
		chromedp.Click("#visibility-publik", chromedp.ByID),
		chromedp.SendKeys("#contact", "warga@example.net", chromedp.ByID),
		chromedp.Click(`form[action^="/organisasi/klinik-warga/adukan"] p.actions button`, chromedp.ByQuery),
		chromedp.WaitVisible("#tracking-code", chromedp.ByID),
		chromedp.Text("#tracking-code", &code, chromedp.ByID),
	)
	if _, ok := complaint.NormalizeCode(code); !ok {
		t.Fatalf("tracking code %q", code)
	}
	c, err := srv.ComplaintStore().ByCode(bg, code)
	if err != nil || c.OrgID != o.ID {
		t.Fatalf("filed %+v, %v", c, err)
	}

	// 2. 49 hours pass with no answer; the deadline job runs.
	clock.Add(49 * time.Hour)
	if err := complaint.ScheduleDeadlines(bg, d); err != nil {
		t.Fatal(err)
	}
	escalation := waitMail(t, smtp, coord.Email, "melewati batas waktu")
	for _, want := range []string{"Klinik Warga Sukarasa belum menjawab pengaduan " + c.Ref(), "Antrean pendaftaran klinik",
		base + "/simpul/simpul-jabar/pengaduan", base + "/organisasi/klinik-warga/pengaduan-publik"} {
		if !strings.Contains(escalation, want) {
			t.Errorf("escalation lacks %q:\n%s", want, escalation)
		}
	}
	if strings.Contains(escalation, "warga@example.net") || strings.Contains(escalation, code) {
		t.Errorf("escalation leaks the contact or the tracking code:\n%s", escalation)
	}
	for _, m := range smtp.Messages() {
		if len(m.To) > 0 && m.To[0] == riau.Email {
			t.Error("the Riau coordinator was told")
		}
	}

	// 3. The public log marks it overdue, with the figures.
	var mark, figures string
	run(t, ctx, "public log",
		chromedp.Navigate(base+"/organisasi/klinik-warga/pengaduan-publik"),
		chromedp.Text("#"+c.Ref()+" .overdue", &mark, chromedp.ByQuery),
		chromedp.Text("#complaint-figures", &figures, chromedp.ByID),
	)
	if !strings.Contains(mark, "Melewati batas waktu") || !strings.Contains(figures, "0 dari 1") {
		t.Errorf("overdue mark %q, figures %q", mark, figures)
	}

	// 4. The editor logs in, answers and closes it.
	staff := base + "/organisasi/klinik-warga/pengaduan/" + code
	run(t, ctx, "log in",
		chromedp.Navigate(base+"/masuk"),
		chromedp.SendKeys("#email", editor.Email, chromedp.ByID),
		chromedp.SendKeys("#password", "sandi-editor-panjang", chromedp.ByID),
		chromedp.Submit("#password", chromedp.ByID),
		chromedp.WaitVisible(`form[action="/keluar"]`, chromedp.ByQuery),
	)
	clock.Add(2 * time.Hour)
	run(t, ctx, "answer",
		chromedp.Navigate(staff),
		chromedp.SendKeys("#answer", "Mulai Senin loket dibuka pukul 07.00 dengan dua petugas.", chromedp.ByID),
		chromedp.Click(`form[action$="/jawab#error-summary"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(".flash", chromedp.ByQuery),
	)
	for _, to := range []string{"diverifikasi", "ditindaklanjuti", "selesai"} {
		run(t, ctx, "move to "+to,
			chromedp.Navigate(staff),
			chromedp.Click("#status-"+to, chromedp.ByID),
			chromedp.Click(`form[action$="/status#error-summary"] button`, chromedp.ByQuery),
			chromedp.WaitVisible(".flash", chromedp.ByQuery),
		)
	}
	answer := waitMail(t, smtp, "warga@example.net", "Jawaban atas pengaduan")
	if !strings.Contains(answer, "loket dibuka pukul 07.00") || !strings.Contains(answer, base+"/pengaduan/"+code) {
		t.Errorf("answer e-mail:\n%s", answer)
	}

	// 5. The resident rates the answer and reopens the complaint.
	var state, history string
	run(t, ctx, "rate",
		chromedp.Navigate(base+"/pengaduan/"+code),
		chromedp.Click("#rating-2", chromedp.ByID),
		chromedp.Click(`form[action$="/nilai#error-summary"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(".flash", chromedp.ByQuery),
	)
	run(t, ctx, "reopen",
		chromedp.Navigate(base+"/pengaduan/"+code),
		chromedp.SendKeys("#reason", "Hari Senin loket masih kosong sampai jam 09.00.", chromedp.ByID),
		chromedp.Click(`form[action$="/buka-kembali#error-summary"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(".flash", chromedp.ByQuery),
		chromedp.Text("#complaint-status", &state, chromedp.ByID),
		chromedp.Text("#complaint-log", &history, chromedp.ByID),
	)
	if !strings.Contains(state, "Ditindaklanjuti") || !strings.Contains(history, "Dinilai pengadu 2/5") ||
		!strings.Contains(history, "Dibuka kembali oleh pengadu") {
		t.Errorf("after reopening: status %q\n%s", state, history)
	}
	c, _ = srv.ComplaintStore().ByCode(bg, code)
	if c.Rating != 2 || c.ReopenedAt == nil || !c.AwaitingAnswer || c.AnsweredOnTime() {
		t.Errorf("stored %+v", c)
	}
}

// waitMail waits for an e-mail to to whose subject contains word and
// returns its decoded body.
func waitMail(t *testing.T, smtp *smtptest.Server, to, word string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range smtp.Messages() {
			if len(m.To) == 0 || m.To[0] != to {
				continue
			}
			msg, err := m.Parsed()
			if err != nil {
				t.Fatal(err)
			}
			if subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); !strings.Contains(subject, word) {
				continue
			}
			body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
			return string(body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no e-mail to %s about %q", to, word)
	return ""
}
