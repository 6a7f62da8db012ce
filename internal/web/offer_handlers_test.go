package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
	"lokadaya/internal/offer"
)

// offerManagers answer offers and change their status.
var offerManagers = map[string]bool{"editor": true, "admin": true, "owner": true}

// offerReaders see the organisation's offers.
var offerReaders = map[string]bool{"viewer": true, "treasurer": true, "editor": true, "admin": true, "owner": true,
	"platform": true}

// offerWorld is a campaignWorld with an active campaign seeking money,
// expertise and a partnership.
type offerWorld struct {
	*campaignWorld
	campaign  *campaign.Campaign
	expertise int64 // the keahlian need
	partner   int64 // the kemitraan need
	money     int64 // the dana need
	store     *offer.Store
	n         int // offers made directly in the store
}

func newOfferWorld(t *testing.T) *offerWorld {
	t.Helper()
	w := &offerWorld{campaignWorld: newCampaignWorld(t)}
	w.store = &offer.Store{DB: w.d}
	c := w.add(t, "Buku untuk Anak", true)
	w.money = c.Needs[0].ID
	ctx := context.Background()
	for _, n := range []struct {
		kind, title string
		id          *int64
	}{{"keahlian", "Pustakawan pendamping", &w.expertise}, {"kemitraan", "Penerbit mitra", &w.partner}} {
		in, errs := campaign.ParseNeed(url.Values{"kind": {n.kind}, "title": {n.title},
			"description": {"Kami mencari " + n.title + "."}})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		id, err := w.campaignWorld.store.AddNeed(ctx, c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		*n.id = id
	}
	var err error
	if w.campaign, err = w.campaignWorld.store.ByID(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	return w
}

// page is the public offer page of a need.
func (w *offerWorld) page(need int64) string {
	return fmt.Sprintf("/galang-daya/%s/tawaran/%d", w.campaign.Slug, need)
}

// form renders the offer page and returns a valid form with its token.
func (w *offerWorld) form(t *testing.T, need int64) url.Values {
	t.Helper()
	res := w.get(t, "anon", w.page(need))
	m := tokenField.FindStringSubmatch(res.body)
	if res.status != http.StatusOK || m == nil {
		t.Fatalf("offer page: %d, no token\n%s", res.status, res.body)
	}
	return url.Values{"kind": {"akademisi"}, "name": {"Dr. Ani Wijaya"}, "institution": {"Universitas Padjadjaran"},
		"body": {"Dua mahasiswa ilmu perpustakaan mendampingi setiap Sabtu."}, "email": {"ani@example.org"},
		"token": {m[1]}}
}

// offer submits form and returns the private page's address.
func (w *offerWorld) offer(t *testing.T, need int64, form url.Values) string {
	t.Helper()
	res := w.post(t, "anon", w.page(need), form)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/tawaran/") {
		t.Fatalf("offer: %d %s\n%s", res.status, res.location, res.body)
	}
	return res.location
}

// direct makes an offer through the store, without mail.
func (w *offerWorld) direct(t *testing.T) *offer.Offer {
	t.Helper()
	w.n++
	o, _, err := w.store.Create(context.Background(), offer.Target{CampaignID: w.campaign.ID, NeedID: w.expertise,
		NeedTitle: "Pustakawan pendamping", OrgID: w.org.ID}, offer.Input{Kind: offer.KindPerson, Name: "Budi",
		Body: "Saya bisa membantu.", Email: "budi@example.org", Token: fmt.Sprintf("direct-offer-token-%04d", w.n)})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func (w *offerWorld) orgOffer(id int64) string {
	return fmt.Sprintf("/organisasi/taman-baca/tawaran/%d", id)
}

func (w *offerWorld) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (w *offerWorld) status(t *testing.T, id int64) string {
	t.Helper()
	o, err := w.store.ByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return o.Status
}

func TestOfferFlow(t *testing.T) {
	w := newOfferWorld(t)
	page := w.get(t, "anon", w.page(w.expertise))
	for _, want := range []string{"Pustakawan pendamping", "Kami mencari Pustakawan pendamping.", "0 tawaran diterima · 0 disepakati",
		`name="kabar"`, `name="show_name"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("offer page lacks %q", want)
		}
	}
	form := w.form(t, w.expertise)
	private := w.offer(t, w.expertise, form)
	if again := w.offer(t, w.expertise, form); again != private {
		t.Errorf("resubmit went to %s, not %s", again, private)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM offers`); n != 1 {
		t.Fatalf("%d offers after a resubmit", n)
	}
	// The offerer's link, and the news to the three managers.
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); n != 4 {
		t.Errorf("%d mails queued for a new offer, want 4", n)
	}
	mine := w.get(t, "anon", private)
	for _, want := range []string{"Dua mahasiswa ilmu perpustakaan", "Baru", "Simpan tautan ini", `name="body"`} {
		if !strings.Contains(mine.body, want) {
			t.Errorf("private page lacks %q", want)
		}
	}
	var id int64
	if err := w.d.QueryRow(context.Background(), `SELECT id FROM offers`).Scan(&id); err != nil {
		t.Fatal(err)
	}

	list := w.get(t, "viewer", campaignBase+"/"+w.campaign.Slug+"/tawaran")
	for _, want := range []string{"Dr. Ani Wijaya", "Universitas Padjadjaran", "Menunggu balasan", "Baru: 1", "Penerbit mitra"} {
		if !strings.Contains(list.body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if strings.Contains(list.body, "ani@example.org") {
		t.Error("the list shows the contact")
	}
	if v := w.get(t, "viewer", w.orgOffer(id)); strings.Contains(v.body, "ani@example.org") || !strings.Contains(v.body, "Dua mahasiswa") {
		t.Error("a viewer sees the contact or not the offer")
	}
	if e := w.get(t, "editor", w.orgOffer(id)); !strings.Contains(e.body, "ani@example.org") {
		t.Error("the editor does not see the contact")
	}

	res := w.post(t, "editor", w.orgOffer(id)+"/balas", url.Values{"body": {"Terima kasih! Kapan bisa bertemu?"}})
	if res.status != http.StatusSeeOther || w.status(t, id) != offer.StatusDiscussed {
		t.Fatalf("reply: %d, status %s", res.status, w.status(t, id))
	}
	if res := w.post(t, "anon", private, url.Values{"body": {"Sabtu pagi bisa."}}); res.status != http.StatusSeeOther || res.location != private {
		t.Fatalf("offerer reply: %d %s", res.status, res.location)
	}
	res = w.post(t, "owner", w.orgOffer(id)+"/status", url.Values{"status": {"disepakati"}, "reason": {"Mulai bulan depan."}})
	if res.status != http.StatusSeeOther || w.status(t, id) != offer.StatusAgreed {
		t.Fatalf("agree: %d, status %s", res.status, w.status(t, id))
	}
	mine = w.get(t, "anon", private)
	for _, want := range []string{"Kapan bisa bertemu?", "Sabtu pagi bisa.", "Status diubah menjadi: Disepakati", "Mulai bulan depan.", "sudah ditutup"} {
		if !strings.Contains(mine.body, want) {
			t.Errorf("private page lacks %q", want)
		}
	}
	if strings.Contains(mine.body, `name="body"`) {
		t.Error("a closed offer still offers the reply form")
	}
	closed := w.post(t, "anon", private, url.Values{"body": {"Satu hal lagi"}})
	if closed.status != http.StatusConflict || !strings.Contains(closed.body, "sudah ditutup") {
		t.Errorf("reply to a closed offer: %d", closed.status)
	}
	// 4 at the offer, 1 per organisation reply or status change, 3 for
	// the offerer's reply.
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); n != 4+1+3+1 {
		t.Errorf("%d mails queued", n)
	}
	public := w.get(t, "anon", w.page(w.expertise)).body
	if !strings.Contains(public, "1 tawaran diterima · 1 disepakati") || !strings.Contains(public, "Universitas Padjadjaran") {
		t.Error("the public page lacks the agreed partner")
	}
	if strings.Contains(public, "ani@example.org") || strings.Contains(public, "Dr. Ani") {
		t.Error("the public page shows the offerer's person or contact")
	}
	if show := w.get(t, "anon", "/galang-daya/"+w.campaign.Slug).body; !strings.Contains(show, "1 tawaran disepakati") {
		t.Error("the campaign page lacks the agreed count")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'offer.status'`); n != 2 {
		t.Errorf("%d audit entries, want the move to dibahas and the agreement", n)
	}
}

func TestOfferPersonNamedOnlyIfAgreed(t *testing.T) {
	w := newOfferWorld(t)
	for _, tc := range []struct {
		name string
		show bool
	}{{"Yanti Terbuka", true}, {"Rahasia Sekali", false}} {
		form := w.form(t, w.partner)
		form.Set("kind", "individu")
		form.Set("name", tc.name)
		form.Del("institution")
		if tc.show {
			form.Set("show_name", "1")
		}
		w.offer(t, w.partner, form)
	}
	if _, err := w.d.Exec(context.Background(), `UPDATE offers SET status = 'disepakati', decided_at = ?`, time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	body := w.get(t, "anon", w.page(w.partner)).body
	if !strings.Contains(body, "Yanti Terbuka") || strings.Contains(body, "Rahasia Sekali") || !strings.Contains(body, "1 lainnya memilih tidak disebut") {
		t.Errorf("partners shown wrongly:\n%s", body)
	}
}

func TestOfferKabar(t *testing.T) {
	w := newOfferWorld(t)
	for _, tc := range []struct {
		email string
		kabar bool
	}{{"kabar@example.org", true}, {"diam@example.org", false}} {
		form := w.form(t, w.expertise)
		form.Set("email", tc.email)
		if tc.kabar {
			form.Set("kabar", "1")
		}
		w.offer(t, w.expertise, form)
		n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers WHERE campaign_id = ? AND email = ?`, w.campaign.ID, tc.email)
		if (n == 1) != tc.kabar {
			t.Errorf("%s: %d subscriptions, kabar %v", tc.email, n, tc.kabar)
		}
	}
}

func TestOfferBadInput(t *testing.T) {
	w := newOfferWorld(t)
	for _, tc := range []struct {
		name, field, value, message string
	}{
		{"no e-mail", "email", "", "Wajib diisi."},
		{"bad e-mail", "email", "ani@", "Alamat e-mail tidak sah."},
		{"no offer", "body", " ", "Wajib diisi."},
		{"institution missing", "institution", "", "Wajib diisi."},
		{"bad kind", "kind", "partai", "Isian tidak valid."},
		{"bad phone", "phone", "123", "Nomor telepon Indonesia tidak sah."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := w.form(t, w.expertise)
			form.Set(tc.field, tc.value)
			res := w.post(t, "anon", w.page(w.expertise), form)
			if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, tc.message) {
				t.Fatalf("%d, message shown: %v", res.status, strings.Contains(res.body, tc.message))
			}
			if !strings.Contains(res.body, form.Get("token")) || !strings.Contains(res.body, "Dr. Ani Wijaya") {
				t.Error("the form lost what was typed or its token")
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM offers`); n != 0 {
		t.Errorf("%d offers from bad input", n)
	}
}

func TestOfferWhereNoneIsTaken(t *testing.T) {
	w := newOfferWorld(t)
	draft := w.add(t, "Draf", false)
	for _, path := range []string{
		w.page(w.money), // a dana need takes money, not offers
		fmt.Sprintf("/galang-daya/%s/tawaran/%d", w.campaign.Slug, draft.Needs[0].ID),
		fmt.Sprintf("/galang-daya/%s/tawaran/abc", w.campaign.Slug),
		fmt.Sprintf("/galang-daya/%s/tawaran/%d", draft.Slug, w.expertise), // another campaign's need
		fmt.Sprintf("/galang-daya/tidak-ada/tawaran/%d", w.expertise),
		"/tawaran/token-yang-salah",
	} {
		if res := w.get(t, "anon", path); res.status != http.StatusNotFound {
			t.Errorf("GET %s: %d", path, res.status)
		}
		if res := w.post(t, "anon", path, url.Values{"body": {"x"}}); res.status != http.StatusNotFound {
			t.Errorf("POST %s: %d", path, res.status)
		}
	}
	form := w.form(t, w.expertise)
	if _, err := w.d.Exec(context.Background(), `UPDATE campaigns SET status = 'ended' WHERE id = ?`, w.campaign.ID); err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "anon", w.page(w.expertise))
	if page.status != http.StatusOK || !strings.Contains(page.body, "tidak sedang menerima tawaran") || tokenField.MatchString(page.body) {
		t.Errorf("ended campaign page: %d", page.status)
	}
	if res := w.post(t, "anon", w.page(w.expertise), form); res.status != http.StatusConflict {
		t.Errorf("offer to an ended campaign: %d", res.status)
	}
}

func TestOfferRoles(t *testing.T) {
	w := newOfferWorld(t)
	list := campaignBase + "/" + w.campaign.Slug + "/tawaran"
	readOne := w.direct(t)
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			fresh := w.direct(t)
			for _, tc := range []struct {
				method, path string
				form         url.Values
				allowed      bool
				ok           int
			}{
				{"GET", list, nil, offerReaders[role], http.StatusOK},
				{"GET", w.orgOffer(readOne.ID), nil, offerReaders[role], http.StatusOK},
				{"POST", w.orgOffer(fresh.ID) + "/balas", url.Values{"body": {"Halo dari " + role}}, offerManagers[role], http.StatusSeeOther},
				{"POST", w.orgOffer(fresh.ID) + "/status", url.Values{"status": {"disepakati"}}, offerManagers[role], http.StatusSeeOther},
			} {
				var res orgResponse
				if tc.method == "GET" {
					res = w.get(t, role, tc.path)
				} else {
					res = w.post(t, role, tc.path, tc.form)
				}
				want := http.StatusForbidden
				switch {
				case tc.allowed:
					want = tc.ok
				case role == "anon":
					want = http.StatusSeeOther
				}
				if res.status != want || (role == "anon" && !strings.HasPrefix(res.location, "/masuk")) {
					t.Errorf("%s %s: %d %s, want %d", tc.method, tc.path, res.status, res.location, want)
				}
			}
			// The reply moved the fresh offer to dibahas, so it could be
			// agreed.
			if offerManagers[role] && w.status(t, fresh.ID) != offer.StatusAgreed {
				t.Errorf("status %s", w.status(t, fresh.ID))
			}
			if !offerManagers[role] && w.status(t, fresh.ID) != offer.StatusNew {
				t.Errorf("a %s changed the offer", role)
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM offer_messages WHERE body LIKE 'Halo dari %'`); n != len(offerManagers) {
		t.Errorf("%d replies stored, want %d", n, len(offerManagers))
	}
	// The private page is the offerer's, whoever is logged in.
	for _, role := range []string{"anon", "user", "owner"} {
		if res := w.get(t, role, "/tawaran/"+readOne.AccessToken); res.status != http.StatusOK || !strings.Contains(res.body, "Saya bisa membantu.") {
			t.Errorf("%s on the private page: %d", role, res.status)
		}
		if res := w.get(t, role, "/tawaran/"+readOne.AccessToken+"x"); res.status != http.StatusNotFound {
			t.Errorf("%s on a wrong token: %d", role, res.status)
		}
	}
	// Another organisation's path does not reach this offer.
	for _, path := range []string{"/organisasi/ditolak/tawaran/" + fmt.Sprint(readOne.ID), w.orgOffer(999999)} {
		if res := w.get(t, "platform", path); res.status != http.StatusNotFound {
			t.Errorf("%s: %d", path, res.status)
		}
	}
}

func TestOfferStatusChanges(t *testing.T) {
	w := newOfferWorld(t)
	o := w.direct(t)
	for _, tc := range []struct {
		name, status, reason string
		want                 int
		after                string
	}{
		{"new cannot be agreed", "disepakati", "", http.StatusConflict, "baru"},
		{"new cannot be declined", "ditolak", "Tidak cocok", http.StatusConflict, "baru"},
		{"unknown status", "selesai", "", http.StatusConflict, "baru"},
		{"discuss", "dibahas", "", http.StatusSeeOther, "dibahas"},
		{"discuss twice", "dibahas", "", http.StatusConflict, "dibahas"},
		{"decline without a reason", "ditolak", " ", http.StatusUnprocessableEntity, "dibahas"},
		{"decline", "ditolak", "Kebutuhan sudah terpenuhi", http.StatusSeeOther, "ditolak"},
		{"closed stays closed", "disepakati", "", http.StatusConflict, "ditolak"},
	} {
		res := w.post(t, "admin", w.orgOffer(o.ID)+"/status", url.Values{"status": {tc.status}, "reason": {tc.reason}})
		if res.status != tc.want || w.status(t, o.ID) != tc.after {
			t.Errorf("%s: %d, status %s", tc.name, res.status, w.status(t, o.ID))
		}
		if tc.want == http.StatusConflict && !strings.Contains(res.body, "Status tidak bisa diubah") {
			t.Errorf("%s: no clear message", tc.name)
		}
	}
	if res := w.post(t, "anon", "/tawaran/"+o.AccessToken, url.Values{"body": {"Mengapa?"}}); res.status != http.StatusConflict {
		t.Errorf("reply to a declined offer: %d", res.status)
	}
	if body := w.get(t, "anon", "/tawaran/"+o.AccessToken).body; !strings.Contains(body, "Kebutuhan sudah terpenuhi") {
		t.Error("the offerer does not see the reason")
	}
}

// TestOfferMailOverSMTP delivers the thread's e-mails over real SMTP: the
// organisation's reply reaches the offerer with the private link, the
// offerer's reply reaches the managers.
func TestOfferMailOverSMTP(t *testing.T) {
	w := newOfferWorld(t)
	o := w.direct(t) // made without mail
	smtp := smtptest.Start(t)
	cfg, err := mail.ParseURL(smtp.URL())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	worker := &jobs.Worker{DB: w.d, Poll: 20 * time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	worker.Handle(mail.JobKind, mail.Handler(&mail.SMTPSender{Config: cfg, From: "Lokadaya <noreply@lokadaya.test>"}))
	done := make(chan struct{})
	go func() { _ = worker.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	if res := w.post(t, "editor", w.orgOffer(o.ID)+"/balas", url.Values{"body": {"Boleh kami telepon?"}}); res.status != http.StatusSeeOther {
		t.Fatalf("reply: %d", res.status)
	}
	got := smtp.Wait(1, 10*time.Second)
	if len(got) != 1 || got[0].To[0] != "budi@example.org" {
		t.Fatalf("received %+v", got)
	}
	body := mailBody(t, got[0])
	for _, want := range []string{"Boleh kami telepon?", "http://example.test/tawaran/" + o.AccessToken, "Taman Baca Sukarasa", "Sedang dibahas"} {
		if !strings.Contains(body, want) {
			t.Errorf("offerer's mail lacks %q:\n%s", want, body)
		}
	}
	if res := w.post(t, "anon", "/tawaran/"+o.AccessToken, url.Values{"body": {"Silakan, pagi hari."}}); res.status != http.StatusSeeOther {
		t.Fatalf("offerer reply: %d", res.status)
	}
	got = smtp.Wait(4, 10*time.Second)
	if len(got) != 4 {
		t.Fatalf("%d messages", len(got))
	}
	to := map[string]bool{}
	for _, m := range got[1:] {
		to[m.To[0]] = true
		if b := mailBody(t, m); !strings.Contains(b, "Silakan, pagi hari.") || !strings.Contains(b, w.orgOffer(o.ID)) {
			t.Errorf("manager's mail:\n%s", b)
		}
	}
	for _, role := range []string{"owner", "admin", "editor"} {
		if !to[role+"@example.org"] {
			t.Errorf("%s not told; told %v", role, to)
		}
	}
}

func mailBody(t *testing.T, m smtptest.Message) string {
	t.Helper()
	msg, err := m.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
