package web_test

import (
	"context"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
	"lokadaya/internal/web"
)

var updateTokenField = regexp.MustCompile(`name="update_token" value="([^"]+)"`)

// newsWorld is a donationWorld with a job worker that sends queued mail
// to a real SMTP test server; drain runs it until the queue is empty.
type newsWorld struct {
	*donationWorld
	smtp   *smtptest.Server
	worker *jobs.Worker
}

func newNewsWorld(t *testing.T) *newsWorld {
	t.Helper()
	w := &newsWorld{donationWorld: newDonationWorld(t), smtp: smtptest.Start(t)}
	cfg, err := mail.ParseURL(w.smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	w.worker = &jobs.Worker{DB: w.d, Log: slog.New(slog.DiscardHandler)}
	w.worker.Handle(mail.JobKind, mail.Handler(&mail.SMTPSender{Config: cfg, From: "Lokadaya <noreply@lokadaya.test>"}))
	w.worker.Handle(campaign.NewsJobKind, (&campaign.Store{DB: w.d}).NewsHandler(web.NewsMail("http://example.test")))
	return w
}

// drain runs every due job; mail is sent by the time it returns.
func (w *newsWorld) drain(t *testing.T) {
	t.Helper()
	for range 10000 {
		ran, err := w.worker.RunOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !ran {
			return
		}
	}
	t.Fatal("the queue does not empty")
}

// subscribers lists the campaign's subscribers' e-mails, sorted.
func (w *newsWorld) subscribers(t *testing.T) []string {
	t.Helper()
	subs, err := campaign.Subscribers(context.Background(), w.d, w.campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range subs {
		out = append(out, s.Email+"/"+s.Lang)
	}
	sort.Strings(out)
	return out
}

// received is one delivered message, decoded.
type received struct {
	to, subject, body string
	header            map[string]string
}

func (w *newsWorld) received(t *testing.T) map[string]received {
	t.Helper()
	out := map[string]received{}
	for _, m := range w.smtp.Messages() {
		msg, err := m.Parsed()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		r := received{to: m.To[0], subject: subject, body: string(body), header: map[string]string{
			"List-Unsubscribe":      msg.Header.Get("List-Unsubscribe"),
			"List-Unsubscribe-Post": msg.Header.Get("List-Unsubscribe-Post")}}
		if _, dup := out[r.to]; dup {
			t.Errorf("two messages to %s", r.to)
		}
		out[r.to] = r
	}
	return out
}

// postUpdate posts an update as role with the token the edit page gave.
func (w *newsWorld) postUpdate(t *testing.T, role, title, body string, times int) {
	t.Helper()
	edit := w.get(t, role, campaignBase+"/"+w.campaign.Slug+"/ubah")
	m := updateTokenField.FindStringSubmatch(edit.body)
	if m == nil {
		t.Fatalf("edit page %d has no update token", edit.status)
	}
	for range times {
		res := w.post(t, role, campaignBase+"/"+w.campaign.Slug+"/kabar",
			url.Values{"update_title": {title}, "update_body": {body}, "update_token": {m[1]}})
		toolCheck(t, "post update", res, http.StatusSeeOther)
	}
}

func TestNewsKabarBoxSubscribes(t *testing.T) {
	w := newNewsWorld(t)
	// The box is on the form, unticked.
	page := w.get(t, "anon", w.page())
	if !strings.Contains(page.body, `name="kabar"`) || strings.Contains(page.body, `name="kabar" value="1" checked`) {
		t.Fatal("the campaign page lacks an unticked kabar box")
	}
	w.give(t, url.Values{"amount": {"50000"}, "name": {"Sari"}, "email": {"Sari@Example.org"}, "kabar": {"1"}})
	w.give(t, url.Values{"amount": {"50000"}, "name": {"Tono"}, "email": {"tono@example.org"}}) // unticked
	w.give(t, url.Values{"amount": {"50000"}, "name": {"Tanpa"}, "kabar": {"1"}})               // no e-mail
	form := url.Values{"amount": {"50000"}, "name": {"Tom"}, "email": {"tom@example.org"}, "kabar": {"1"}}
	form.Set("token", w.formToken(t))
	if res := w.post(t, "anon", w.page()+"/donasi?lang=en", form); res.status != http.StatusSeeOther {
		t.Fatalf("give in English: %d", res.status)
	}
	// A form with a mistake keeps the tick.
	bad := url.Values{"amount_custom": {"seratus"}, "name": {"Rina"}, "email": {"rina@example.org"}, "kabar": {"1"},
		"token": {w.formToken(t)}}
	res := w.post(t, "anon", w.page()+"/donasi", bad)
	toolCheck(t, "bad amount", res, http.StatusUnprocessableEntity, `name="kabar" value="1" checked`)

	// The API's "news" field does the same.
	if status, _ := w.apiDonate(t, "news-key-0000000000001", `{"amount":50000,"name":"Api","email":"api@example.org","news":true}`); status != http.StatusCreated {
		t.Fatalf("api: %d", status)
	}
	if status, _ := w.apiDonate(t, "news-key-0000000000002", `{"amount":50000,"name":"Diam","email":"diam@example.org"}`); status != http.StatusCreated {
		t.Fatalf("api: %d", status)
	}
	got := strings.Join(w.subscribers(t), " ")
	if want := "api@example.org/id sari@example.org/id tom@example.org/en"; got != want {
		t.Errorf("subscribers %q, want %q", got, want)
	}
}

func TestNewsEmailedToSubscribers(t *testing.T) {
	w := newNewsWorld(t)
	ctx := context.Background()
	for _, s := range []struct{ email, name, lang string }{
		{"sari@example.org", "Sari", "id"}, {"tom@example.org", "Tom", "en"}, {"pergi@example.org", "Pergi", "id"},
	} {
		if err := campaign.Subscribe(ctx, w.d, w.campaign.ID, s.email, s.name, s.lang); err != nil {
			t.Fatal(err)
		}
	}
	subs, _ := campaign.Subscribers(ctx, w.d, w.campaign.ID)
	if _, err := campaign.Unsubscribe(ctx, w.d, subs[2].Token); err != nil {
		t.Fatal(err)
	}

	// A double submit of the update form posts and sends once.
	w.postUpdate(t, "editor", "Rak sudah datang", "Terima kasih, rak buku sudah terpasang di pojok baca.", 2)
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_updates WHERE campaign_id = `+itoa(w.campaign.ID)); n != 1 {
		t.Fatalf("%d updates after a double submit", n)
	}
	edit := w.get(t, "editor", campaignBase+"/"+w.campaign.Slug+"/ubah")
	toolCheck(t, "edit page", edit, http.StatusOK, "Dikirim ke 2 pendukung")
	w.drain(t)
	got := w.received(t)
	if len(got) != 2 {
		t.Fatalf("%d messages: %v", len(got), got)
	}
	sari, tom := got["sari@example.org"], got["tom@example.org"]
	for _, want := range []string{"Halo Sari", "Rak sudah datang", "rak buku sudah terpasang",
		"http://example.test/galang-daya/" + w.campaign.Slug, "http://example.test/kabar/berhenti/"} {
		if !strings.Contains(sari.body, want) {
			t.Errorf("Indonesian mail lacks %q:\n%s", want, sari.body)
		}
	}
	if !strings.Contains(tom.body, "Hello Tom") || !strings.Contains(tom.subject, "News from") ||
		!strings.Contains(tom.body, "?lang=en") {
		t.Errorf("English mail: %s\n%s", tom.subject, tom.body)
	}
	if sari.subject != "Kabar Buku untuk Anak: Rak sudah datang" {
		t.Errorf("subject %q", sari.subject)
	}
	if sari.header["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click" ||
		!strings.HasPrefix(sari.header["List-Unsubscribe"], "<http://example.test/kabar/berhenti/") {
		t.Errorf("headers %v", sari.header)
	}

	// The stop link asks first (mail scanners open links), then stops.
	stop, err := url.Parse(strings.Trim(sari.header["List-Unsubscribe"], "<>"))
	if err != nil {
		t.Fatal(err)
	}
	toolCheck(t, "stop page", w.get(t, "anon", stop.Path), http.StatusOK, "Berhenti menerima kabar", `<form method="post"`)
	if len(w.subscribers(t)) != 2 {
		t.Fatal("opening the stop link stopped the news")
	}
	toolCheck(t, "stop", w.post(t, "anon", stop.Path, nil), http.StatusOK, "Anda tidak akan menerima kabar lagi")
	toolCheck(t, "stop twice", w.post(t, "anon", stop.Path, nil), http.StatusOK, "Anda tidak akan menerima kabar lagi")
	toolCheck(t, "stop page after", w.get(t, "anon", stop.Path), http.StatusOK, "sudah berhenti")
	toolCheck(t, "wrong token", w.get(t, "anon", "/kabar/berhenti/salah"), http.StatusNotFound)
	toolCheck(t, "wrong token post", w.post(t, "anon", "/kabar/berhenti/salah", nil), http.StatusNotFound)

	// A mail program's one-click POST (RFC 8058) stops Tom's.
	tomStop, _ := url.Parse(strings.Trim(tom.header["List-Unsubscribe"], "<>"))
	oneClick := w.send(t, "", http.MethodPost, tomStop.RequestURI(), "application/x-www-form-urlencoded",
		strings.NewReader("List-Unsubscribe=One-Click"))
	toolCheck(t, "one-click", oneClick, http.StatusOK, "You will not receive news")
	if n := len(w.subscribers(t)); n != 0 {
		t.Fatalf("%d subscribers left", n)
	}

	// Stopped subscribers get nothing more.
	w.postUpdate(t, "owner", "Kabar kedua", "Isi kedua.", 1)
	w.drain(t)
	if n := len(w.smtp.Messages()); n != 2 {
		t.Errorf("%d messages after everyone stopped", n)
	}
}

func TestNewsManySubscribersPostFast(t *testing.T) {
	w := newNewsWorld(t)
	ctx := context.Background()
	const n = 1000
	if err := w.d.InTx(ctx, func(tx *db.Tx) error {
		for i := range n {
			if err := campaign.Subscribe(ctx, tx, w.campaign.ID, "p"+strconv.Itoa(i)+"@example.org", "", "id"); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Posting only queues one job, whatever the number of subscribers.
	w.postUpdate(t, "editor", "Banyak", "Untuk semua.", 1)
	if c := w.count(t, `SELECT COUNT(*) FROM jobs`); c != 1 {
		t.Fatalf("%d jobs after posting, want the one news job", c)
	}
	toolCheck(t, "edit page", w.get(t, "editor", campaignBase+"/"+w.campaign.Slug+"/ubah"), http.StatusOK,
		"Dikirim ke 1000 pendukung")
	// The worker fans out one e-mail each (not sent here: counted).
	ran, err := w.worker.RunOnce(ctx)
	if err != nil || !ran {
		t.Fatal(ran, err)
	}
	if c := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); c != n {
		t.Errorf("%d mails queued, want %d", c, n)
	}
}

func TestNewsRoutesByRole(t *testing.T) {
	w := newNewsWorld(t)
	if err := campaign.Subscribe(context.Background(), w.d, w.campaign.ID, "sari@example.org", "Sari", "id"); err != nil {
		t.Fatal(err)
	}
	subs, _ := campaign.Subscribers(context.Background(), w.d, w.campaign.ID)
	for _, role := range orgRoles {
		r := w.post(t, role, campaignBase+"/"+w.campaign.Slug+"/kabar",
			url.Values{"update_title": {"Kabar " + role}, "update_body": {"Isi"}, "update_token": {"token-peran-" + role + "-0123456789"}})
		toolCheck(t, role+" post update", r, campaignWant(role, campaignWriters, http.StatusSeeOther))
		// The stop link is the subscriber's own: anyone holding it may use it.
		toolCheck(t, role+" stop page", w.get(t, role, "/kabar/berhenti/"+subs[0].Token), http.StatusOK)
	}
	want := 0
	for _, role := range orgRoles {
		if campaignWriters[role] {
			want++
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_updates`); n != want {
		t.Errorf("%d updates, want %d (writers only)", n, want)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = '`+campaign.NewsJobKind+`'`); n != want {
		t.Errorf("%d news jobs, want %d", n, want)
	}
	toolCheck(t, "foreign org", w.post(t, "platform", "/organisasi/ditolak/galang-daya/"+w.campaign.Slug+"/kabar",
		url.Values{"update_title": {"x"}, "update_body": {"y"}}), http.StatusNotFound)
	toolCheck(t, "stop", w.post(t, "anon", "/kabar/berhenti/"+subs[0].Token, nil), http.StatusOK)
}

// FuzzNewsMail checks that whatever an organisation writes in a campaign
// or update title, the news e-mail to a valid address can be built and
// carries no extra header lines.
func FuzzNewsMail(f *testing.F) {
	f.Add("Buku untuk Anak", "Rak datang", "Isi kabar", "Sari", "id")
	f.Add("Judul\r\nBcc: x@example.org", "A\nB", "%s %d", "", "en")
	f.Add("", "", "", "Nama\x00", "xx")
	compose := web.NewsMail("https://lokadaya.test/")
	f.Fuzz(func(t *testing.T, campaignTitle, title, body, name, lang string) {
		m := compose(campaign.News{CampaignTitle: campaignTitle, CampaignSlug: "buku", Title: title, Body: body},
			campaign.Subscriber{Email: "sari@example.org", Name: name, Lang: lang, Token: "TOKEN"})
		raw, err := mail.Build("Lokadaya <noreply@lokadaya.test>", m, time.Unix(0, 0))
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
		for _, line := range strings.Split(head, "\r\n") {
			if k, _, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, "Bcc") {
				t.Fatalf("injected header: %q", line)
			}
		}
		if !strings.Contains(m.Headers["List-Unsubscribe"], "https://lokadaya.test/kabar/berhenti/TOKEN") {
			t.Fatalf("List-Unsubscribe %q", m.Headers["List-Unsubscribe"])
		}
	})
}
