package web_test

import (
	"context"
	"log/slog"
	"mime"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
	"lokadaya/internal/notify"
)

// startMailer delivers the queue's e-mail to a real SMTP server until the
// test ends.
func startMailer(t *testing.T, d *db.DB) *smtptest.Server {
	t.Helper()
	smtp := smtptest.Start(t)
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	worker := &jobs.Worker{DB: d, Poll: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	worker.Handle(mail.JobKind, mail.Handler(&mail.SMTPSender{Config: cfg, From: "Lokadaya <noreply@lokadaya.test>"}))
	done := make(chan struct{})
	go func() { _ = worker.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return smtp
}

// addCoordinator makes "coord" the coordinator of a hub covering West Java,
// where taman-baca is, and logs them in.
func addCoordinator(t *testing.T, w *orgWorld) {
	addHubCoordinator(t, w, "coord", "simpul-jabar", "32")
}

// addHubCoordinator creates a hub with slug covering region, coordinated
// by a new, logged-in user called role.
func addHubCoordinator(t *testing.T, w *orgWorld, role, slug, region string) {
	t.Helper()
	ctx := context.Background()
	accounts := &account.Store{DB: w.d}
	u, err := accounts.Create(ctx, role+"@example.org", "Koordinator "+role, "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&hub.Store{DB: w.d}).Create(ctx, hub.Actor{Name: "test"}, hub.Input{Slug: slug,
		Name: "Simpul " + role, Regions: []string{region}, Coordinators: []string{role + "@example.org"}}); err != nil {
		t.Fatal(err)
	}
	token, err := accounts.CreateSession(ctx, u.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	w.users[role], w.cookies[role] = u, "lokadaya_session="+token
}

// delivered waits for n e-mails and returns them by recipient (the local
// part of the address).
func delivered(t *testing.T, smtp *smtptest.Server, n int) map[string]string {
	t.Helper()
	got := smtp.Wait(n, 10*time.Second)
	time.Sleep(100 * time.Millisecond) // let any extra e-mail arrive too
	got = smtp.Messages()
	if len(got) != n {
		t.Fatalf("%d e-mails delivered, want %d", len(got), n)
	}
	out := map[string]string{}
	for _, m := range got {
		msg, err := m.Parsed()
		if err != nil {
			t.Fatal(err)
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		out[strings.TrimSuffix(m.To[0], "@example.org")] += subject + "\n" + strings.ReplaceAll(mailBody(t, m), "\r\n", "\n")
	}
	return out
}

// mailedTo lists the recipients of delivered, sorted and joined.
func mailedTo(m map[string]string) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}

// TestDecisionMailsOwners: a hub's "needs changes" and a platform admin's
// suspension both reach the owner and the admin with the reason and a
// link, and nobody else.
func TestDecisionMailsOwners(t *testing.T) {
	w := newOrgWorld(t)
	addCoordinator(t, w)
	smtp := startMailer(t, w.d)
	res := w.post(t, "coord", "/simpul/simpul-jabar/tinjau/taman-baca", url.Values{"status": {"pending"},
		"decision": {"needs_changes"}, "reason": {"Nomor akta belum diisi."}})
	if res.status != 303 {
		t.Fatalf("decide: %d\n%s", res.status, res.body)
	}
	got := delivered(t, smtp, 2)
	if k := mailedTo(got); k != "admin,owner" {
		t.Fatalf("decision mailed to %v", k)
	}
	for _, want := range []string{"Keputusan verifikasi untuk Taman Baca Sukarasa", "Peninjau meminta Taman Baca Sukarasa",
		"Nomor akta belum diisi.", "http://example.test/organisasi/taman-baca\n", "http://example.test/notifikasi/"} {
		if !strings.Contains(got["owner"], want) {
			t.Errorf("owner's e-mail lacks %q:\n%s", want, got["owner"])
		}
	}
	res = w.post(t, "platform", "/admin/organisasi/taman-baca/tangguhkan", url.Values{"reason": {"Laporan penipuan."}})
	if res.status != 303 {
		t.Fatalf("suspend: %d\n%s", res.status, res.body)
	}
	got = delivered(t, smtp, 4)
	if !strings.Contains(got["admin"], "ditangguhkan") || !strings.Contains(got["admin"], "Laporan penipuan.") {
		t.Errorf("the admin's suspension e-mail:\n%s", got["admin"])
	}
}

// TestPledgeNotifiesByPreference: the owner wants goods at once, the
// treasurer (through the e-mailed link) not at all; admin and editor keep
// the daily digest, which carries both pledges once; the viewer hears
// nothing.
func TestPledgeNotifiesByPreference(t *testing.T) {
	w := newGoodsWorld(t)
	ctx := context.Background()
	smtp := startMailer(t, w.d)
	field := "mode_" + strconv.FormatInt(w.org.ID, 10) + "_goods"
	if res := w.post(t, "owner", "/akun/notifikasi", url.Values{field: {"now"}}); res.status != 303 {
		t.Fatalf("owner's choice: %d\n%s", res.status, res.body)
	}
	token, err := notify.LinkToken(ctx, w.d, w.users["treasurer"].ID, w.org.ID)
	if err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "anon", "/notifikasi/"+token)
	if page.status != 200 || !strings.Contains(page.body, `name="`+field+`" value="digest" checked`) ||
		strings.Contains(page.body, "_verification") {
		t.Fatalf("link page: %d\n%s", page.status, page.body)
	}
	if res := w.post(t, "anon", "/notifikasi/"+token, url.Values{field: {"off"}}); res.status != 303 {
		t.Fatalf("treasurer's choice: %d", res.status)
	}
	if res := w.post(t, "anon", "/notifikasi/"+token, url.Values{field: {"loud"}}); res.status != 422 {
		t.Errorf("unknown mode: %d", res.status)
	}
	if res := w.get(t, "anon", "/notifikasi/bukan-token"); res.status != 404 {
		t.Errorf("unknown link: %d", res.status)
	}
	w.pledge(t, pledgeForm("3"))
	got := delivered(t, smtp, 2) // the pledger's acknowledgement and the owner's e-mail
	if k := mailedTo(got); k != "owner,siti" {
		t.Fatalf("pledge mailed to %v", k)
	}
	for _, want := range []string{"Siti Aminah menjanjikan 3 buah Kursi lipat untuk kampanye Kursi untuk Pojok Baca",
		"http://example.test" + w.manage() + "\n"} {
		if !strings.Contains(got["owner"], want) {
			t.Errorf("owner's e-mail lacks %q:\n%s", want, got["owner"])
		}
	}
	w.pledge(t, pledgeForm("2"))
	delivered(t, smtp, 4)
	n := &notify.Notifier{DB: w.d, BaseURL: "http://example.test"}
	tomorrow := db.Now().In(i18n.WIB).AddDate(0, 0, 1)
	at := time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day(), 7, 0, 0, 0, i18n.WIB)
	for range 2 {
		if _, err := n.SendDigests(ctx, at); err != nil {
			t.Fatal(err)
		}
	}
	all := delivered(t, smtp, 6)
	for _, who := range []string{"admin", "editor"} {
		d := all[who]
		if !strings.Contains(d, "Ringkasan harian Taman Baca Sukarasa: 2 hal baru") || !strings.Contains(d, "3 buah Kursi lipat") ||
			!strings.Contains(d, "2 buah Kursi lipat") {
			t.Errorf("%s's digest:\n%s", who, d)
		}
	}
	for _, who := range []string{"treasurer", "viewer", "spare"} {
		if all[who] != "" {
			t.Errorf("%s was mailed:\n%s", who, all[who])
		}
	}
}

// TestProofWaitingMailsMoneyManagers: a donor's proof of transfer reaches
// the owner, admin and treasurer at once, once, and not the editor or
// viewer.
func TestProofWaitingMailsMoneyManagers(t *testing.T) {
	w := newDonationWorld(t)
	smtp := startMailer(t, w.d)
	page := w.give(t, url.Values{"amount": {"50000"}, "name": {"Siti Rahma"}})
	for range 2 { // a second file replaces the first without a second e-mail
		if res := w.uploadProof(t, page, "bukti.jpg", proofJPEG(t)); res.status != 303 {
			t.Fatalf("proof: %d\n%s", res.status, res.body)
		}
	}
	got := delivered(t, smtp, 3)
	if k := mailedTo(got); k != "admin,owner,treasurer" {
		t.Fatalf("proof mailed to %s", k)
	}
	for _, want := range []string{"Bukti transfer menunggu konfirmasi di Taman Baca Sukarasa", "Donatur Siti Rahma mengunggah bukti transfer Rp50.",
		"http://example.test/organisasi/taman-baca/donasi\n"} {
		if !strings.Contains(got["treasurer"], want) {
			t.Errorf("treasurer's e-mail lacks %q:\n%s", want, got["treasurer"])
		}
	}
}

// TestVolunteerSignupInDigest: a sign-up waits in the digest of the
// owner, admin and editor, not the treasurer's or viewer's, and the
// digest links to the campaign's volunteers.
func TestVolunteerSignupInDigest(t *testing.T) {
	w := newVolunteerWorld(t, "3")
	if res := w.signUp(t, url.Values{"name": {"Dewi Lestari"}, "email": {"dewi@example.org"}}); res.status != 303 {
		t.Fatalf("sign-up: %d\n%s", res.status, res.body)
	}
	want := map[string]bool{"owner": true, "admin": true, "editor": true}
	for _, role := range []string{"owner", "admin", "editor", "treasurer", "viewer"} {
		n := w.count(t, `SELECT COUNT(*) FROM notify_digest_items WHERE user_id = ? AND kind = 'volunteer' AND path = ?
			AND summary LIKE '%Dewi Lestari mendaftar sebagai relawan (Pendongeng anak)%'`, w.users[role].ID, w.manage())
		if (n == 1) != want[role] {
			t.Errorf("%s has %d digest items", role, n)
		}
	}
}
