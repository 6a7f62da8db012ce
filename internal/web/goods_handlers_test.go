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
	"sync"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
)

// goodsMarkers may record goods received and cancel pledges.
var goodsMarkers = map[string]bool{"treasurer": true, "editor": true, "admin": true, "owner": true}

// goodsReaders may open the organisation's pledge page.
var goodsReaders = map[string]bool{"viewer": true, "treasurer": true, "editor": true, "admin": true, "owner": true,
	"platform": true}

// goodsWorld is a campaignWorld with an active campaign asking for ten
// folding chairs worth Rp150.000 each.
type goodsWorld struct {
	*campaignWorld
	campaign *campaign.Campaign
	need     int64 // the barang need
	dana     int64 // the campaign's dana need
}

func newGoodsWorld(t *testing.T) *goodsWorld {
	t.Helper()
	w := &goodsWorld{campaignWorld: newCampaignWorld(t)}
	w.campaign = w.add(t, "Kursi untuk Pojok Baca", true)
	w.dana = w.campaign.Needs[0].ID
	n, errs := campaign.ParseNeed(url.Values{"kind": {"barang"}, "title": {"Kursi lipat"}, "target": {"10"},
		"unit": {"buah"}, "item_value": {"150.000"}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	id, err := w.store.AddNeed(context.Background(), w.campaign.ID, n)
	if err != nil {
		t.Fatal(err)
	}
	w.need = id
	return w
}

func (w *goodsWorld) page() string {
	return fmt.Sprintf("/galang-daya/%s/barang/%d", w.campaign.Slug, w.need)
}

func (w *goodsWorld) manage() string { return campaignBase + "/" + w.campaign.Slug + "/barang" }

// formToken renders the pledge page and reads its one-time token.
func (w *goodsWorld) formToken(t *testing.T) string {
	t.Helper()
	res := w.get(t, "anon", w.page())
	m := tokenField.FindStringSubmatch(res.body)
	if res.status != http.StatusOK || m == nil {
		t.Fatalf("pledge page: %d, no token\n%s", res.status, res.body)
	}
	return m[1]
}

// pledge pledges as an anonymous visitor and returns the private page.
func (w *goodsWorld) pledge(t *testing.T, form url.Values) string {
	t.Helper()
	form.Set("token", w.formToken(t))
	res := w.post(t, "anon", w.page(), form)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/janji-barang/") {
		t.Fatalf("pledge: %d %s\n%s", res.status, res.location, res.body)
	}
	return res.location
}

func (w *goodsWorld) lastPledge(t *testing.T) string {
	t.Helper()
	var id string
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM goods_pledges ORDER BY id DESC LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func (w *goodsWorld) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func pledgeForm(quantity string) url.Values {
	return url.Values{"quantity": {quantity}, "delivery": {"antar"}, "name": {"Siti Aminah"},
		"email": {"siti@example.org"}, "phone": {"0812 3456 7890"}, "message": {"Semoga bermanfaat"}}
}

func TestGoodsPledgeAndReceive(t *testing.T) {
	w := newGoodsWorld(t)
	show := w.get(t, "anon", "/galang-daya/"+w.campaign.Slug).body
	if !strings.Contains(show, w.page()) {
		t.Fatal("campaign page does not link the pledge page")
	}
	form := pledgeForm("6")
	form.Set("delivery", "jemput")
	form.Set("expected_on", time.Now().In(i18n.WIB).AddDate(0, 0, 3).Format("2006-01-02"))
	form.Set("token", w.formToken(t))
	first := w.post(t, "anon", w.page(), form)
	again := w.post(t, "anon", w.page(), form)
	if first.status != http.StatusSeeOther || again.location != first.location {
		t.Fatalf("resubmit: %d %q then %q", first.status, first.location, again.location)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM goods_pledges`); n != 1 {
		t.Fatalf("%d pledges after a resubmit", n)
	}
	page := w.get(t, "anon", first.location).body
	for _, want := range []string{"Dijanjikan", "6 buah Kursi lipat", "Minta dijemput"} {
		if !strings.Contains(page, want) {
			t.Errorf("pledge page lacks %q", want)
		}
	}
	public := w.get(t, "anon", w.page()).body
	for _, want := range []string{"6 buah dijanjikan, belum diterima", "Masih dibutuhkan: 4 buah", "Siti Aminah",
		"Semoga bermanfaat", "Rp900.000"} {
		if !strings.Contains(public, want) {
			t.Errorf("public page lacks %q", want)
		}
	}
	for _, secret := range []string{"siti@example.org", "3456"} {
		if strings.Contains(public, secret) {
			t.Errorf("public page shows contact %q", secret)
		}
	}

	id := w.lastPledge(t)
	mark := w.manage() + "/" + id + "/terima"
	if res := w.post(t, "editor", mark, url.Values{"quantity": {"4"}, "note": {"Datang pagi"}}); res.status != http.StatusSeeOther {
		t.Fatalf("mark: %d\n%s", res.status, res.body)
	}
	if res := w.post(t, "treasurer", mark, url.Values{"quantity": {"3"}}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "melebihi sisa") {
		t.Fatalf("over-receive: %d", res.status)
	}
	page = w.get(t, "anon", first.location).body
	if !strings.Contains(page, "Diterima sebagian") || !strings.Contains(page, "4 dari 6 buah") {
		t.Errorf("pledge page after a partial receipt:\n%s", page)
	}
	show = w.get(t, "anon", "/galang-daya/"+w.campaign.Slug).body
	if !strings.Contains(show, "4 dari 10") {
		t.Error("campaign page progress does not show the received quantity")
	}
	public = w.get(t, "anon", w.page()).body
	if !strings.Contains(public, "Rp600.000") || !strings.Contains(public, "2 buah dijanjikan") {
		t.Error("pledge page lacks the value received or what is still pledged")
	}
	if res := w.post(t, "owner", mark, url.Values{"quantity": {"2"}}); res.status != http.StatusSeeOther {
		t.Fatalf("second mark: %d", res.status)
	}
	if res := w.post(t, "owner", mark, url.Values{"quantity": {"1"}}); res.status != http.StatusSeeOther {
		t.Fatalf("mark when complete: %d", res.status) // said so by a flash
	}
	if page = w.get(t, "anon", first.location).body; !strings.Contains(page, "sudah diterima. Terima kasih") {
		t.Error("pledge page does not say all arrived")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); n != 3 {
		t.Errorf("%d mails queued, want the acknowledgement and two receipts", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'goods.receive'`); n != 2 {
		t.Errorf("%d audit entries", n)
	}
	res := w.get(t, "anon", "/api/v1/campaigns/"+w.campaign.Slug)
	if !strings.Contains(res.body, fmt.Sprintf(`"id":%d,"kind":"barang"`, w.need)) || !strings.Contains(res.body, `"fulfilled":6`) {
		t.Errorf("api does not show the goods received:\n%s", res.body)
	}
}

func TestGoodsPledgeRejectsBadInput(t *testing.T) {
	w := newGoodsWorld(t)
	tests := []struct {
		name  string
		edit  func(url.Values)
		field string
	}{
		{"more than needed", func(f url.Values) { f.Set("quantity", "11") }, "melebihi yang masih dibutuhkan"},
		{"fraction", func(f url.Values) { f.Set("quantity", "1,5") }, "bilangan bulat"},
		{"no contact", func(f url.Values) { f.Del("email"); f.Del("phone") }, "Isi e-mail atau nomor telepon"},
		{"past date", func(f url.Values) { f.Set("expected_on", "2020-01-01") }, "Tanggal sudah lewat"},
		{"bad delivery", func(f url.Values) { f.Set("delivery", "terbang") }, "Pilih cara penyerahan"},
		{"no name", func(f url.Values) { f.Del("name") }, "Wajib diisi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := pledgeForm("2")
			tt.edit(form)
			form.Set("token", w.formToken(t))
			res := w.post(t, "anon", w.page(), form)
			if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, form.Get("token")) ||
				!strings.Contains(res.body, tt.field) {
				t.Fatalf("%d, token kept %v\n%s", res.status, strings.Contains(res.body, form.Get("token")), res.body)
			}
			if form.Get("name") != "" && !strings.Contains(res.body, `value="Siti Aminah"`) {
				t.Error("the form lost what was typed")
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM goods_pledges`); n != 0 {
		t.Errorf("%d pledges from bad input", n)
	}
	// Filled up: the form gives way to a thank-you note.
	w.pledge(t, pledgeForm("10"))
	if page := w.get(t, "anon", w.page()).body; !strings.Contains(page, "sudah terpenuhi") || tokenField.MatchString(page) {
		t.Error("a full need still offers the form")
	}
	// The form is rate-limited per address (20 an hour; 7 used above).
	limited := false
	for i := range 20 {
		form := pledgeForm("1")
		form.Set("token", fmt.Sprintf("token-batas-%012d", i))
		if res := w.post(t, "anon", w.page(), form); res.status == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Error("no rate limit on the pledge form")
	}
}

func TestGoodsPledgeOnlyForOpenBarangNeeds(t *testing.T) {
	w := newGoodsWorld(t)
	draft := w.add(t, "Draf", false)
	for name, path := range map[string]string{
		"dana need":     fmt.Sprintf("/galang-daya/%s/barang/%d", w.campaign.Slug, w.dana),
		"no such need":  fmt.Sprintf("/galang-daya/%s/barang/%d", w.campaign.Slug, w.need+1000),
		"not a number":  "/galang-daya/" + w.campaign.Slug + "/barang/kursi",
		"another's":     fmt.Sprintf("/galang-daya/%s/barang/%d", draft.Slug, w.need),
		"draft":         fmt.Sprintf("/galang-daya/%s/barang/%d", draft.Slug, draft.Needs[0].ID),
		"no such token": "/janji-barang/tidak-ada-token-seperti-ini",
	} {
		if res := w.get(t, "anon", path); res.status != http.StatusNotFound {
			t.Errorf("%s: GET %d", name, res.status)
		}
		if !strings.HasPrefix(path, "/janji-barang/") {
			if res := w.post(t, "anon", path, pledgeForm("1")); res.status != http.StatusNotFound {
				t.Errorf("%s: POST %d", name, res.status)
			}
		}
	}
	token := w.formToken(t)
	if _, err := w.d.Exec(context.Background(), `UPDATE campaigns SET status = 'ended' WHERE id = ?`, w.campaign.ID); err != nil {
		t.Fatal(err)
	}
	if res := w.get(t, "anon", w.page()); res.status != http.StatusOK || !strings.Contains(res.body, "tidak sedang menerima") {
		t.Errorf("ended campaign: %d", res.status)
	}
	form := pledgeForm("1")
	form.Set("token", token)
	if res := w.post(t, "anon", w.page(), form); res.status != http.StatusConflict {
		t.Errorf("pledge to an ended campaign: %d", res.status)
	}
}

func TestGoodsRoles(t *testing.T) {
	w := newGoodsWorld(t)
	private := w.pledge(t, pledgeForm("5"))
	id := w.lastPledge(t)
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			for _, path := range []string{w.page(), private} {
				if res := w.get(t, role, path); res.status != http.StatusOK {
					t.Errorf("GET %s: %d", path, res.status)
				}
			}
			res := w.get(t, role, w.manage())
			switch {
			case role == "anon":
				if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
					t.Errorf("manage: %d %s", res.status, res.location)
				}
			case goodsReaders[role] != (res.status == http.StatusOK):
				t.Errorf("manage: %d", res.status)
			}
			if res.status == http.StatusOK {
				// Contacts only for those who arrange and record deliveries.
				sees := goodsMarkers[role]
				if strings.Contains(res.body, "siti@example.org") != sees || strings.Contains(res.body, "81234567890") != sees {
					t.Errorf("contacts shown to %s: %v, want %v", role, strings.Contains(res.body, "siti@example.org"), sees)
				}
				if strings.Contains(res.body, "/"+id+"/terima") != goodsMarkers[role] {
					t.Errorf("mark form shown to %s: %v", role, !goodsMarkers[role])
				}
			}
			if goodsMarkers[role] {
				return // tried below, one after another
			}
			for _, action := range []string{"terima", "batal"} {
				res := w.post(t, role, w.manage()+"/"+id+"/"+action, url.Values{"quantity": {"1"}})
				want := http.StatusForbidden
				if role == "anon" {
					want = http.StatusSeeOther
				}
				if res.status != want || (want == http.StatusSeeOther && !strings.HasPrefix(res.location, "/masuk")) {
					t.Errorf("%s: %d %s", action, res.status, res.location)
				}
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM goods_receipts`); n != 0 {
		t.Fatalf("outsiders recorded %d receipts", n)
	}
	for i, role := range []string{"treasurer", "editor", "admin", "owner"} {
		res := w.post(t, role, w.manage()+"/"+id+"/terima", url.Values{"quantity": {"1"}})
		if res.status != http.StatusSeeOther || !strings.Contains(res.location, "#janji-"+id) {
			t.Errorf("%s marks: %d %s", role, res.status, res.location)
		}
		if n := w.count(t, `SELECT received FROM goods_pledges WHERE id = ?`, id); n != i+1 {
			t.Errorf("after %s: received %d", role, n)
		}
	}
	// Another organisation's owner cannot reach the pledge through theirs,
	// nor this campaign through another organisation's path.
	other := "/organisasi/ditolak/galang-daya/" + w.campaign.Slug + "/barang"
	if res := w.post(t, "rejecter", other+"/"+id+"/terima", url.Values{"quantity": {"1"}}); res.status != http.StatusNotFound {
		t.Errorf("other organisation's owner: %d", res.status)
	}
	if res := w.get(t, "rejecter", other); res.status != http.StatusNotFound {
		t.Errorf("other organisation's page: %d", res.status)
	}
	// A pledge of another campaign is not found through this one.
	second := w.add(t, "Kampanye Lain", true)
	if res := w.post(t, "owner", campaignBase+"/"+second.Slug+"/barang/"+id+"/terima", url.Values{"quantity": {"1"}}); res.status != http.StatusNotFound {
		t.Errorf("pledge through another campaign: %d", res.status)
	}
	if res := w.post(t, "owner", w.manage()+"/"+id+"/batal", url.Values{"reason": {"Tidak jadi dikirim"}}); res.status != http.StatusSeeOther {
		t.Errorf("cancel: %d", res.status)
	}
	if page := w.get(t, "anon", private).body; !strings.Contains(page, "Batal") || !strings.Contains(page, "Tidak jadi dikirim") {
		t.Error("private page does not show the cancellation")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action IN ('goods.receive', 'goods.cancel')`); n != 5 {
		t.Errorf("%d audit entries", n)
	}
}

func TestGoodsConcurrentMarks(t *testing.T) {
	w := newGoodsWorld(t)
	w.pledge(t, pledgeForm("5"))
	id := w.lastPledge(t)
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Go(func() {
			role := []string{"owner", "treasurer", "editor"}[i%3]
			res := w.post(t, role, w.manage()+"/"+id+"/terima", url.Values{"quantity": {"1"}})
			if res.status != http.StatusSeeOther {
				t.Errorf("mark: %d", res.status)
			}
		})
	}
	wg.Wait()
	if n := w.count(t, `SELECT received FROM goods_pledges WHERE id = ?`, id); n != 5 {
		t.Errorf("received %d of 5", n)
	}
	if n := w.count(t, `SELECT SUM(quantity) FROM goods_receipts`); n != 5 {
		t.Errorf("receipts sum %d", n)
	}
}

func TestGoodsKabar(t *testing.T) {
	w := newGoodsWorld(t)
	plain := pledgeForm("1")
	plain.Set("email", "tanpa.kabar@example.org")
	w.pledge(t, plain)
	ticked := pledgeForm("1")
	ticked.Set("email", "dengan.kabar@example.org")
	ticked.Set("kabar", "1")
	w.pledge(t, ticked)
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers WHERE campaign_id = ?`, w.campaign.ID); n != 1 {
		t.Errorf("%d subscribers", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers WHERE email = 'dengan.kabar@example.org'`); n != 1 {
		t.Error("the ticked box did not subscribe")
	}
}

func TestGoodsMailsDelivered(t *testing.T) {
	w := newGoodsWorld(t)
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

	private := w.pledge(t, pledgeForm("3"))
	phoneOnly := pledgeForm("1")
	phoneOnly.Del("email")
	w.pledge(t, phoneOnly) // no e-mail, no mail
	var id string
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM goods_pledges WHERE contact_email <> ''`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if res := w.post(t, "treasurer", w.manage()+"/"+id+"/terima", url.Values{"quantity": {"2"}}); res.status != http.StatusSeeOther {
		t.Fatalf("mark: %d", res.status)
	}
	got := smtp.Wait(2, 10*time.Second)
	if len(got) != 2 {
		t.Fatalf("%d mails delivered", len(got))
	}
	for i, want := range [][]string{{"3 buah Kursi lipat", "Antar sendiri", private}, {"2 buah Kursi lipat", "2 dari 3", private}} {
		if got[i].To[0] != "siti@example.org" {
			t.Errorf("mail %d to %v", i, got[i].To)
		}
		msg, err := got[i].Parsed()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
		for _, s := range want {
			if !strings.Contains(string(body), s) {
				t.Errorf("mail %d lacks %q:\n%s", i, s, body)
			}
		}
	}
}
