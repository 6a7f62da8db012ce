package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
)

// petitionText is the demand of the test petition.
const petitionText = "Kami meminta Dinas Lingkungan Hidup mengangkut sampah sampai ke gang."

// verifyLinkRE finds a signature's verification link in an e-mail.
var verifyLinkRE = regexp.MustCompile(`https?://\S+/petisi/verifikasi/[0-9a-f]+`)

// petitionWorld is a campaignWorld with an active campaign holding two
// petitions besides its money need.
type petitionWorld struct {
	*campaignWorld
	campaign     *campaign.Campaign
	needA, needB int64
	dana         int64
}

func newPetitionWorld(t *testing.T) *petitionWorld {
	t.Helper()
	ctx := context.Background()
	w := &petitionWorld{campaignWorld: newCampaignWorld(t)}
	c := w.add(t, "Angkut Sampah Sampai Gang", false)
	w.dana = c.Needs[0].ID
	for i, title := range []string{"Jadwal angkut sampai gang", "Tong pilah di tiap RT"} {
		in, errs := campaign.ParseNeed(url.Values{"kind": {"advokasi"}, "title": {title}, "target": {"100"},
			"petition_text": {petitionText}})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		id, err := w.store.AddNeed(ctx, c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			w.needA = id
		} else {
			w.needB = id
		}
	}
	if err := w.store.Publish(ctx, campaign.Actor{}, c.ID); err != nil {
		t.Fatal(err)
	}
	var err error
	if w.campaign, err = w.store.ByID(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *petitionWorld) page(need int64) string {
	return fmt.Sprintf("/galang-daya/%s/petisi/%d", w.campaign.Slug, need)
}

// signForm is a valid signature from a kelurahan of Kota Bandung.
func signForm(name, email string) url.Values {
	return url.Values{"name": {name}, "email": {email}, "region_prov": {"32"}, "region_kab": {"32.73"},
		"region_kec": {"32.73.01"}, "region_desa": {orgDesa}}
}

// sign signs as an anonymous visitor and expects the "check your mail"
// redirect.
func (w *petitionWorld) sign(t *testing.T, need int64, form url.Values) {
	t.Helper()
	res := w.post(t, "anon", w.page(need), form)
	if res.status != http.StatusSeeOther || res.location != w.page(need) {
		t.Fatalf("sign: %d %q\n%s", res.status, res.location, res.body)
	}
}

// link is the newest verification link e-mailed to, as a path.
func (w *petitionWorld) link(t *testing.T, to string) string {
	t.Helper()
	items, err := mail.Outbox(context.Background(), w.d, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Message.To == to {
			u, err := url.Parse(verifyLinkRE.FindString(it.Message.Text))
			if err != nil || !strings.HasPrefix(u.Path, "/petisi/verifikasi/") {
				t.Fatalf("link in %q: %v", it.Message.Text, err)
			}
			return u.Path
		}
	}
	t.Fatalf("no mail to %s", to)
	return ""
}

func (w *petitionWorld) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// signVerified signs and opens the link.
func (w *petitionWorld) signVerified(t *testing.T, need int64, form url.Values) {
	t.Helper()
	w.sign(t, need, form)
	toolCheck(t, "verify", w.get(t, "anon", w.link(t, strings.ToLower(form.Get("email")))), http.StatusOK)
}

// TestPetitionSignAndVerify follows a signer from the form, through the
// e-mail delivered over SMTP by the job worker, to the link; the
// signature counts only then, and the news wish is recorded only then.
func TestPetitionSignAndVerify(t *testing.T) {
	w := newPetitionWorld(t)
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

	page := w.get(t, "anon", w.page(w.needA))
	toolCheck(t, "page", page, http.StatusOK, petitionText, "0 dari target 100", "UU No. 27 Tahun 2022",
		`name="kabar"`, `name="region_prov"`, "Belum ada tanda tangan terverifikasi")
	if strings.Contains(page.body, `name="kabar" value="1" checked`) {
		t.Error("the news box is ticked by default")
	}
	toolCheck(t, "campaign page links here", w.get(t, "anon", "/galang-daya/"+w.campaign.Slug), http.StatusOK,
		w.page(w.needA))

	form := signForm("Sari Aminah", " Sari@Example.org ")
	form.Set("kabar", "1")
	form.Set("comment", "Gang kami belum pernah dilewati truk.")
	w.sign(t, w.needA, form)
	if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures WHERE email = 'sari@example.org' AND verified_at IS NULL`); n != 1 {
		t.Fatalf("%d unverified signatures", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers`); n != 0 {
		t.Error("subscribed before the e-mail was verified")
	}
	toolCheck(t, "not counted yet", w.get(t, "anon", w.page(w.needA)), http.StatusOK, "0 dari target 100")

	got := smtp.Wait(1, 10*time.Second)
	if len(got) != 1 || got[0].To[0] != "sari@example.org" {
		t.Fatalf("received %+v", got)
	}
	msg, err := got[0].Parsed()
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if !strings.Contains(string(body), "Halo Sari Aminah") || !strings.Contains(string(body), "Jadwal angkut sampai gang") {
		t.Errorf("mail body:\n%s", body)
	}
	link, err := url.Parse(linkRE.FindString(string(body)))
	if err != nil || !strings.HasPrefix(link.Path, "/petisi/verifikasi/") {
		t.Fatalf("link %v, %v", link, err)
	}
	token := strings.TrimPrefix(link.Path, "/petisi/verifikasi/")
	if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures WHERE token_hash = ?`, token); n != 0 {
		t.Error("the token is stored in the clear")
	}

	toolCheck(t, "verify", w.get(t, "anon", link.Path), http.StatusOK, "Terima kasih, Sari Aminah!",
		"sudah terverifikasi dan kini dihitung", "1 dari target 100", "kabar terbaru")
	toolCheck(t, "verify again", w.get(t, "anon", link.Path), http.StatusOK, "sudah terverifikasi sebelumnya")
	toolCheck(t, "unknown link", w.get(t, "anon", "/petisi/verifikasi/"+strings.Repeat("ab", 32)), http.StatusGone)
	toolCheck(t, "garbage link", w.get(t, "anon", "/petisi/verifikasi/x"), http.StatusGone)

	page = w.get(t, "anon", w.page(w.needA))
	toolCheck(t, "counted", page, http.StatusOK, "1 dari target 100", "Sari Aminah", "Kota Bandung")
	if strings.Contains(page.body, "sari@example.org") || !strings.Contains(page.body, "Sari Aminah</strong> · Kota Bandung · ") {
		t.Error("the public page shows the e-mail, or more than the name and kabupaten/kota")
	}
	toolCheck(t, "campaign progress", w.get(t, "anon", "/galang-daya/"+w.campaign.Slug), http.StatusOK,
		"1 dari 100 tanda tangan")
	var email, lang string
	if err := w.d.QueryRow(context.Background(), `SELECT email, lang FROM campaign_subscribers WHERE campaign_id = ?`,
		w.campaign.ID).Scan(&email, &lang); err != nil || email != "sari@example.org" || lang != "id" {
		t.Errorf("subscriber %q %q, %v", email, lang, err)
	}
}

// TestPetitionOnePerEmail: one e-mail signs once per campaign, across
// its petitions; an unticked news box subscribes nobody.
func TestPetitionOnePerEmail(t *testing.T) {
	w := newPetitionWorld(t)
	w.sign(t, w.needA, signForm("Tono", "tono@example.org"))
	first := w.link(t, "tono@example.org")
	// Still unverified: the other petition of the campaign re-sends the
	// link, with the same answer as a new signature.
	w.sign(t, w.needB, signForm("Tono Sugiarto", "TONO@example.org"))
	second := w.link(t, "tono@example.org")
	if first == second {
		t.Fatal("no fresh link")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); n != 1 {
		t.Fatalf("%d signatures for one e-mail", n)
	}
	toolCheck(t, "old link", w.get(t, "anon", first), http.StatusGone)
	toolCheck(t, "new link", w.get(t, "anon", second), http.StatusOK, "Terima kasih, Tono Sugiarto!", "Tong pilah")
	for _, need := range []int64{w.needA, w.needB} {
		res := w.post(t, "anon", w.page(need), signForm("Orang Lain", "tono@example.org"))
		toolCheck(t, "signed already", res, http.StatusConflict, "E-mail ini sudah menandatangani.", "Orang Lain")
		if strings.Contains(res.body, "Tono Sugiarto") && need == w.needA {
			t.Error("the answer reveals the earlier signature")
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`); n != 2 {
		t.Errorf("%d mails, want 2", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers`); n != 0 {
		t.Error("subscribed without the news box")
	}
}

func TestPetitionSignRejectsBadInput(t *testing.T) {
	w := newPetitionWorld(t)
	for _, tc := range []struct {
		name  string
		form  url.Values
		error string
	}{
		{"no name", url.Values{"email": {"a@example.org"}, "region": {"32.73"}}, "Wajib diisi."},
		{"bad e-mail", url.Values{"name": {"Sari"}, "email": {"sari@"}, "region": {"32.73"}}, "Alamat e-mail tidak sah."},
		{"no e-mail", url.Values{"name": {"Sari"}, "region": {"32.73"}}, "Wajib diisi."},
		{"no region", url.Values{"name": {"Sari"}, "email": {"b@example.org"}, "region_prov": {""}}, "Pilih wilayah Anda."},
		{"province only", url.Values{"name": {"Sari"}, "email": {"c@example.org"}, "region_prov": {"32"}},
			"Pilih setidaknya kabupaten/kota Anda."},
		{"unknown region", url.Values{"name": {"Sari"}, "email": {"d@example.org"}, "region": {"32.99"}},
			"Wilayah tidak dikenal."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.form.Set("comment", "komentar-"+tc.name)
			res := w.post(t, "anon", w.page(w.needA), tc.form)
			toolCheck(t, tc.name, res, http.StatusUnprocessableEntity, tc.error, "komentar-"+tc.name)
		})
	}
	// The picker without JavaScript refreshes instead of signing.
	form := url.Values{"name": {"Sari"}, "email": {"e@example.org"}, "region_prov": {"32"}, "region_refresh": {"1"}}
	toolCheck(t, "refresh", w.post(t, "anon", w.page(w.needA), form), http.StatusOK, "Kota Bandung", `value="Sari"`)
	if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); n != 0 {
		t.Errorf("%d signatures from bad input", n)
	}
}

func TestPetitionAnonymous(t *testing.T) {
	w := newPetitionWorld(t)
	form := signForm("Nama Rahasia", "rahasia@example.org")
	form.Set("anonymous", "1")
	w.signVerified(t, w.needA, form)
	page := w.get(t, "anon", w.page(w.needA))
	toolCheck(t, "page", page, http.StatusOK, "Anonim", "1 dari target 100")
	if strings.Contains(page.body, "Nama Rahasia") {
		t.Error("anonymity not honoured")
	}
}

func TestPetitionClosedAndNotFound(t *testing.T) {
	w := newPetitionWorld(t)
	draft := w.add(t, "Draf", false)
	other := newPetitionWorldNeed(t, w, draft)
	for name, path := range map[string]string{
		"draft campaign":      fmt.Sprintf("/galang-daya/%s/petisi/%d", draft.Slug, other),
		"money need":          w.page(w.dana),
		"another campaign's":  fmt.Sprintf("/galang-daya/%s/petisi/%d", w.campaign.Slug, other),
		"not a number":        "/galang-daya/" + w.campaign.Slug + "/petisi/satu",
		"no such campaign":    fmt.Sprintf("/galang-daya/tidak-ada/petisi/%d", w.needA),
		"no such petition id": w.page(999999),
	} {
		toolCheck(t, name+" GET", w.get(t, "anon", path), http.StatusNotFound)
		toolCheck(t, name+" POST", w.post(t, "anon", path, signForm("Sari", "sari@example.org")), http.StatusNotFound)
	}
	// Past its end the petition shows, but takes no signature.
	if _, err := w.d.Exec(context.Background(), `UPDATE campaigns SET ends_at = ? WHERE id = ?`,
		db.Now().Add(-time.Hour), w.campaign.ID); err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "anon", w.page(w.needA))
	toolCheck(t, "ended", page, http.StatusOK, "tidak sedang mengumpulkan tanda tangan")
	if strings.Contains(page.body, `name="email"`) {
		t.Error("an ended campaign offers the form")
	}
	toolCheck(t, "sign ended", w.post(t, "anon", w.page(w.needA), signForm("Sari", "sari@example.org")),
		http.StatusConflict)
	if n := w.count(t, `SELECT COUNT(*) FROM petition_signatures`); n != 0 {
		t.Errorf("%d signatures on closed petitions", n)
	}
}

// newPetitionWorldNeed adds a petition to c and returns its id.
func newPetitionWorldNeed(t *testing.T, w *petitionWorld, c *campaign.Campaign) int64 {
	t.Helper()
	in, _ := campaign.ParseNeed(url.Values{"kind": {"advokasi"}, "title": {"Draf petisi"}, "target": {"10"}})
	id, err := w.store.AddNeed(context.Background(), c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestPetitionRateLimit(t *testing.T) {
	w := newPetitionWorld(t)
	limited := false
	for i := range 40 {
		res := w.post(t, "anon", w.page(w.needA), url.Values{"name": {"Sari"}, "email": {fmt.Sprintf("s%d@", i)}})
		if res.status == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Error("no rate limit on the signature form")
	}
	// One address gets a handful of links an hour, however many clients.
	w2 := newPetitionWorld(t)
	sent := 0
	for range 8 {
		if res := w2.post(t, "anon", w2.page(w2.needA), signForm("Sari", "sari@example.org")); res.status == http.StatusSeeOther {
			sent++
		}
	}
	if sent != 5 {
		t.Errorf("%d links to one address in an hour, want 5", sent)
	}
}

// petitionExporters may download the list of signers; every insider
// sees the counts.
var petitionExporters = map[string]bool{"editor": true, "admin": true, "owner": true}

func TestPetitionRoles(t *testing.T) {
	w := newPetitionWorld(t)
	w.signVerified(t, w.needA, signForm("Sari Aminah", "sari@example.org"))
	w.sign(t, w.needA, signForm("Belum Konfirmasi", "belum@example.org"))
	manage := campaignBase + "/" + w.campaign.Slug + "/petisi"
	download := fmt.Sprintf("%s/%d/unduh", manage, w.needA)
	roles := append([]string{"rejecter"}, orgRoles...)
	for i, role := range roles {
		t.Run(role, func(t *testing.T) {
			// Public routes: the same for everyone.
			toolCheck(t, "page", w.get(t, role, w.page(w.needA)), http.StatusOK, "Sari Aminah")
			res := w.post(t, role, w.page(w.needB), signForm("Pendukung", fmt.Sprintf("p%d@example.org", i)))
			toolCheck(t, "sign", res, http.StatusSeeOther)
			toolCheck(t, "verify", w.get(t, role, w.link(t, fmt.Sprintf("p%d@example.org", i))), http.StatusOK)

			res = w.get(t, role, manage)
			switch {
			case role == "anon":
				toolCheck(t, "manage", res, http.StatusSeeOther)
			case campaignInsiders[role]:
				toolCheck(t, "manage", res, http.StatusOK, "Terverifikasi", "Menunggu konfirmasi e-mail", "Kota Bandung")
				if strings.Contains(res.body, "@example.org") || strings.Contains(res.body, "Sari Aminah") {
					t.Error("the counts page shows personal data")
				}
				if has := strings.Contains(res.body, download); has != petitionExporters[role] {
					t.Errorf("download link shown: %v", has)
				}
			default:
				toolCheck(t, "manage", res, http.StatusForbidden)
			}
			res = w.get(t, role, download)
			switch {
			case role == "anon":
				toolCheck(t, "download", res, http.StatusSeeOther)
			case petitionExporters[role]:
				toolCheck(t, "download", res, http.StatusOK, "Sari Aminah")
			default:
				toolCheck(t, "download", res, http.StatusForbidden)
				if strings.Contains(res.body, "Sari Aminah") {
					t.Error("refused, but the list leaked")
				}
			}
		})
	}
	toolCheck(t, "linked from the campaigns list", w.get(t, "viewer", campaignBase), http.StatusOK, manage)
	toolCheck(t, "linked from the campaign", w.get(t, "editor", campaignBase+"/"+w.campaign.Slug+"/ubah"),
		http.StatusOK, manage)
	// A petition of another campaign or a money need is not found.
	toolCheck(t, "download money need", w.get(t, "owner", fmt.Sprintf("%s/%d/unduh", manage, w.dana)), http.StatusNotFound)
	toolCheck(t, "other org", w.get(t, "rejecter", "/organisasi/ditolak/galang-daya/"+w.campaign.Slug+"/petisi"),
		http.StatusNotFound)
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'petition.export'`); n != len(petitionExporters) {
		t.Errorf("%d downloads audited, want %d", n, len(petitionExporters))
	}
}

// TestPetitionCSV reads the download as a spreadsheet would: verified
// signers only, no e-mail, anonymity honoured, no cell that starts a
// formula.
func TestPetitionCSV(t *testing.T) {
	w := newPetitionWorld(t)
	hostile := signForm("=HYPERLINK(\"http://jahat.example\",\"klik\")", "jahat@example.org")
	hostile.Set("comment", "+62 812 setuju; @SUM(A1)")
	w.signVerified(t, w.needA, hostile)
	anon := signForm("Nama Rahasia", "rahasia@example.org")
	anon.Set("anonymous", "1")
	anon.Set("comment", "-semoga berhasil")
	w.signVerified(t, w.needA, anon)
	w.sign(t, w.needA, signForm("Belum Konfirmasi", "belum@example.org"))

	res := w.get(t, "editor", fmt.Sprintf("%s/%s/petisi/%d/unduh", campaignBase, w.campaign.Slug, w.needA))
	toolCheck(t, "download", res, http.StatusOK)
	if ct := res.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" ||
		!strings.Contains(res.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("headers %q %q", ct, res.header.Get("Content-Disposition"))
	}
	body := strings.TrimPrefix(res.body, "\ufeff")
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 || strings.Join(records[0], ",") != "nama,wilayah,kabupaten_kota,provinsi,tanggal,komentar" {
		t.Fatalf("records %q", records)
	}
	for _, rec := range records {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	}
	if records[1][0] != `'=HYPERLINK("http://jahat.example","klik")` || records[1][5] != "'+62 812 setuju; @SUM(A1)" ||
		records[1][1] != "Sukarasa" || records[1][2] != "Kota Bandung" || records[1][3] != "Jawa Barat" {
		t.Errorf("first signer %q", records[1])
	}
	if records[2][0] != "(anonim)" || records[2][5] != "'-semoga berhasil" {
		t.Errorf("anonymous signer %q", records[2])
	}
	for _, leak := range []string{"@example.org", "Nama Rahasia", "Belum Konfirmasi"} {
		if strings.Contains(res.body, leak) {
			t.Errorf("the download contains %q", leak)
		}
	}
}
