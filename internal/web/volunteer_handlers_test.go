package web_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/mail/smtptest"
)

// volunteerWriters decide on sign-ups and log hours.
var volunteerWriters = campaignWriters

// volunteerReaders see the organisation's volunteer page.
var volunteerReaders = campaignInsiders

// volunteerContactRoles see volunteers' e-mails and phones.
var volunteerContactRoles = map[string]bool{"editor": true, "admin": true, "owner": true}

// volunteerWorld is a campaignWorld with an active campaign that has a
// money need and a relawan need.
type volunteerWorld struct {
	*campaignWorld
	campaign *campaign.Campaign
	needID   int64
}

func newVolunteerWorld(t *testing.T, slots string) *volunteerWorld {
	t.Helper()
	w := &volunteerWorld{campaignWorld: newCampaignWorld(t)}
	c := w.add(t, "Pojok Baca Keliling", true)
	in, errs := campaign.ParseNeed(url.Values{"kind": {"relawan"}, "title": {"Pendongeng anak"}, "target": {slots},
		"skills": {"Bercerita"}, "place": {"Balai RW 05, Sukarasa"}, "schedule": {"Sabtu pagi"}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	id, err := w.store.AddNeed(context.Background(), c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	w.needID = id
	if w.campaign, err = w.store.ByID(context.Background(), c.ID); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *volunteerWorld) page() string {
	return fmt.Sprintf("/galang-daya/%s/relawan/%d", w.campaign.Slug, w.needID)
}

func (w *volunteerWorld) manage() string {
	return "/organisasi/taman-baca/galang-daya/" + w.campaign.Slug + "/relawan"
}

// signUp renders the form for its token and submits form as anonymous.
func (w *volunteerWorld) signUp(t *testing.T, form url.Values) orgResponse {
	t.Helper()
	res := w.get(t, "anon", w.page())
	m := tokenField.FindStringSubmatch(res.body)
	if res.status != http.StatusOK || m == nil {
		t.Fatalf("sign-up page: %d, no token", res.status)
	}
	form.Set("token", m[1])
	return w.post(t, "anon", w.page(), form)
}

func (w *volunteerWorld) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (w *volunteerWorld) signupID(t *testing.T, email string) string {
	t.Helper()
	var id string
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM volunteer_signups WHERE email = ?`, email).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func person(name, email string) url.Values {
	return url.Values{"name": {name}, "email": {email}, "phone": {"0812 3456 7890"}, "skills": {"Mendongeng"},
		"availability": {"Sabtu dan Minggu"}}
}

// TestVolunteerSignupAcceptAndICS follows a volunteer from the form
// through the confirmation e-mail, the acceptance with its .ics file
// (delivered over SMTP by the job worker), to the slots and hours shown.
func TestVolunteerSignupAcceptAndICS(t *testing.T) {
	w := newVolunteerWorld(t, "2")
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

	res := w.post(t, "editor", w.manage()+"/waktu", url.Values{"need": {fmt.Sprint(w.needID)}, "date": {"2030-03-16"},
		"start": {"08:00"}, "end": {"11:30"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("activity: %d\n%s", res.status, res.body)
	}
	form := person("Ayu Lestari Putri", "ayu@example.org")
	form.Set("kabar", "1")
	res = w.signUp(t, form)
	if res.status != http.StatusSeeOther || res.location != w.page() {
		t.Fatalf("sign-up: %d %s\n%s", res.status, res.location, res.body)
	}
	got := smtp.Wait(1, 10*time.Second)
	if len(got) != 1 || got[0].To[0] != "ayu@example.org" {
		t.Fatalf("confirmation: %+v", got)
	}
	msg, err := got[0].Parsed()
	if err != nil {
		t.Fatal(err)
	}
	if subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); !strings.Contains(subj, "menunggu diterima") {
		t.Errorf("confirmation subject %q", subj)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers WHERE email = 'ayu@example.org' AND campaign_id = ?`, w.campaign.ID); n != 1 {
		t.Errorf("kabar ticked: %d subscriptions", n)
	}

	id := w.signupID(t, "ayu@example.org")
	for range 2 { // a double click accepts once
		if res := w.post(t, "editor", w.manage()+"/"+id+"/terima", nil); res.status != http.StatusSeeOther {
			t.Fatalf("accept: %d", res.status)
		}
	}
	got = smtp.Wait(2, 10*time.Second)
	if len(got) != 2 {
		t.Fatalf("%d mails", len(got))
	}
	cal := icsAttachment(t, got[1])
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "METHOD:PUBLISH\r\n", "UID:relawan-" + id + "@example.test\r\n",
		"DTSTART:20300316T010000Z\r\n", "DTEND:20300316T043000Z\r\n", "SUMMARY:Relawan: Pendongeng anak\r\n",
		`LOCATION:Balai RW 05\, Sukarasa`} {
		if !strings.Contains(cal, want) {
			t.Errorf("calendar lacks %q:\n%s", want, cal)
		}
	}
	if strings.Count(cal, "\n") != strings.Count(cal, "\r\n") {
		t.Error("calendar line without CRLF")
	}

	if res := w.post(t, "editor", w.manage()+"/"+id+"/jam", url.Values{"day": {time.Now().In(i18n.WIB).Format("2006-01-02")},
		"duration": {"1,5"}, "note": {"Dongeng pagi"}}); res.status != http.StatusSeeOther {
		t.Fatalf("hours: %d\n%s", res.status, res.body)
	}
	public := w.get(t, "anon", w.page()).body
	for _, want := range []string{"2 slot: 1 diterima, 1 masih kosong", "1 jam 30 menit", "Ayu"} {
		if !strings.Contains(public, want) {
			t.Errorf("public page lacks %q", want)
		}
	}
	for _, secret := range []string{"ayu@example.org", "Lestari", "3456"} {
		if strings.Contains(public, secret) {
			t.Errorf("public page shows %q", secret)
		}
	}
	if page := w.get(t, "anon", "/galang-daya/"+w.campaign.Slug).body; !strings.Contains(page, "1 dari 2") {
		t.Error("campaign page does not count the accepted volunteer")
	}
	manage := w.get(t, "editor", w.manage()).body
	for _, want := range []string{"ayu@example.org", "6281234567890", "1 jam 30 menit", "Dongeng pagi", "Diterima"} {
		if !strings.Contains(manage, want) {
			t.Errorf("manage page lacks %q", want)
		}
	}
	// A viewer sees the volunteers and their hours, not their contacts.
	viewer := w.get(t, "viewer", w.manage()).body
	if !strings.Contains(viewer, "1 jam 30 menit") || strings.Contains(viewer, "ayu@example.org") || strings.Contains(viewer, "6281234567890") {
		t.Error("the viewer's page shows contacts, or not the hours")
	}
}

// icsAttachment returns the decoded text/calendar part of a message.
func icsAttachment(t *testing.T, m smtptest.Message) string {
	t.Helper()
	msg, err := m.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("acceptance mail is %q, not multipart", mt)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			t.Fatal("no text/calendar part")
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, cp, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if ct != "text/calendar" {
			continue
		}
		if cp["method"] != "PUBLISH" || !strings.HasSuffix(part.FileName(), ".ics") {
			t.Errorf("calendar part %v %q", cp, part.FileName())
		}
		raw, _ := io.ReadAll(part)
		data, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(raw), "\r\n", ""))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
}

func TestVolunteerNoTimeNoICS(t *testing.T) {
	w := newVolunteerWorld(t, "2")
	if res := w.signUp(t, person("Budi", "budi@example.org")); res.status != http.StatusSeeOther {
		t.Fatalf("sign-up: %d", res.status)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM campaign_subscribers`); n != 0 {
		t.Errorf("kabar unticked: %d subscriptions", n)
	}
	id := w.signupID(t, "budi@example.org")
	if res := w.post(t, "owner", w.manage()+"/"+id+"/terima", nil); res.status != http.StatusSeeOther {
		t.Fatalf("accept: %d", res.status)
	}
	items, err := mail.Outbox(context.Background(), w.d, 10)
	if err != nil || len(items) != 2 {
		t.Fatalf("outbox %d %v", len(items), err)
	}
	accept := items[0].Message // newest first
	if len(accept.Attachments) != 0 || !strings.Contains(accept.Text, "akan dikonfirmasi oleh organisasi") {
		t.Errorf("acceptance without a time: %d attachments\n%s", len(accept.Attachments), accept.Text)
	}
}

func TestVolunteerSignupErrorsAndFull(t *testing.T) {
	w := newVolunteerWorld(t, "1")
	tests := []struct {
		name  string
		form  url.Values
		field string
	}{
		{"no name", url.Values{"email": {"a@example.org"}}, "Wajib diisi"},
		{"no e-mail", url.Values{"name": {"Ani"}}, "Wajib diisi"},
		{"bad e-mail", url.Values{"name": {"Ani"}, "email": {"ani@"}}, "Alamat e-mail tidak sah"},
		{"bad phone", url.Values{"name": {"Ani"}, "email": {"ani@example.org"}, "phone": {"12"}}, "Nomor telepon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.form.Set("skills", "Menggambar mural")
			res := w.signUp(t, tt.form)
			if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, tt.field) ||
				!strings.Contains(res.body, tt.form.Get("token")) || !strings.Contains(res.body, "Menggambar mural") {
				t.Fatalf("%d\n%s", res.status, res.body)
			}
		})
	}
	if res := w.signUp(t, person("Citra", "citra@example.org")); res.status != http.StatusSeeOther {
		t.Fatalf("sign-up: %d", res.status)
	}
	if res := w.signUp(t, person("Citra lagi", "CITRA@example.org")); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "sudah terdaftar") {
		t.Errorf("duplicate e-mail: %d", res.status)
	}
	// The need is full now: the page offers the waiting list.
	page := w.get(t, "anon", w.page()).body
	if !strings.Contains(page, "Masuk daftar tunggu") || !strings.Contains(page, `name="waitlist"`) {
		t.Error("a full need does not offer the waiting list")
	}
	form := person("Dodi", "dodi@example.org")
	res := w.get(t, "anon", w.page())
	form.Set("token", tokenField.FindStringSubmatch(res.body)[1])
	if res := w.post(t, "anon", w.page(), form); res.status != http.StatusConflict || !strings.Contains(res.body, "slot terakhir") {
		t.Errorf("full without agreeing to wait: %d", res.status)
	}
	form.Set("waitlist", "1")
	if res := w.post(t, "anon", w.page(), form); res.status != http.StatusSeeOther {
		t.Errorf("waiting list: %d", res.status)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM volunteer_signups WHERE status = 'waiting'`); n != 1 {
		t.Errorf("%d waiting", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM volunteer_signups WHERE status IN ('pending', 'accepted')`); n != 1 {
		t.Errorf("%d hold a slot of 1", n)
	}
	// A resubmit of a taken form goes where the first went.
	if res := w.post(t, "anon", w.page(), form); res.status != http.StatusSeeOther {
		t.Errorf("resubmit: %d", res.status)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM volunteer_signups`); n != 2 {
		t.Errorf("%d sign-ups after a resubmit", n)
	}
}

func TestVolunteerPublicPages(t *testing.T) {
	w := newVolunteerWorld(t, "3")
	draft := w.add(t, "Draf Relawan", false)
	dana := w.campaign.Needs[0].ID
	tests := []struct {
		path   string
		status int
	}{
		{w.page(), http.StatusOK},
		{fmt.Sprintf("/galang-daya/%s/relawan/%d", w.campaign.Slug, dana), http.StatusNotFound},
		{fmt.Sprintf("/galang-daya/%s/relawan/abc", w.campaign.Slug), http.StatusNotFound},
		{fmt.Sprintf("/galang-daya/%s/relawan/%d", draft.Slug, w.needID), http.StatusNotFound},
		{"/galang-daya/tidak-ada/relawan/1", http.StatusNotFound},
	}
	for _, role := range orgRoles {
		for _, tt := range tests {
			if res := w.get(t, role, tt.path); res.status != tt.status {
				t.Errorf("%s GET %s: %d, want %d", role, tt.path, res.status, tt.status)
			}
		}
	}
	// Accepted volunteers are named by first name only, unless they asked
	// not to be named.
	for _, p := range []struct{ name, email, hide string }{{"Eka Wulandari", "eka@example.org", ""},
		{"Fajar Nugroho", "fajar@example.org", "1"}} {
		f := person(p.name, p.email)
		f.Set("hide_name", p.hide)
		if res := w.signUp(t, f); res.status != http.StatusSeeOther {
			t.Fatalf("sign-up: %d", res.status)
		}
		if res := w.post(t, "admin", w.manage()+"/"+w.signupID(t, p.email)+"/terima", nil); res.status != http.StatusSeeOther {
			t.Fatalf("accept: %d", res.status)
		}
	}
	page := w.get(t, "anon", w.page()).body
	if !strings.Contains(page, "Eka") || strings.Contains(page, "Wulandari") || strings.Contains(page, "Fajar") ||
		!strings.Contains(page, "dan 1 relawan lain") {
		t.Error("public names not as asked")
	}
}

// TestVolunteerRoles tries every organisation route with every role.
func TestVolunteerRoles(t *testing.T) {
	w := newVolunteerWorld(t, "20")
	for i, role := range orgRoles {
		for _, email := range []string{fmt.Sprintf("relawan%d@example.org", i), fmt.Sprintf("tolak%d@example.org", i)} {
			if res := w.signUp(t, person("Relawan "+role, email)); res.status != http.StatusSeeOther {
				t.Fatalf("sign-up: %d", res.status)
			}
		}
	}
	need := fmt.Sprint(w.needID)
	today := time.Now().In(i18n.WIB).Format("2006-01-02")
	for i, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			id := w.signupID(t, fmt.Sprintf("relawan%d@example.org", i))
			other := w.signupID(t, fmt.Sprintf("tolak%d@example.org", i))
			res := w.get(t, role, w.manage())
			switch {
			case volunteerReaders[role]:
				if res.status != http.StatusOK || !strings.Contains(res.body, "Relawan "+role) {
					t.Errorf("GET manage: %d", res.status)
				}
				// Contacts only for those who coordinate volunteers.
				sees := volunteerContactRoles[role]
				if strings.Contains(res.body, "relawan0@example.org") != sees || strings.Contains(res.body, "Kontak pendukung hanya") == sees {
					t.Errorf("contacts shown to %s: %v", role, !sees)
				}
			case role == "anon":
				if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
					t.Errorf("GET manage: %d %s", res.status, res.location)
				}
			default:
				if res.status != http.StatusForbidden {
					t.Errorf("GET manage: %d", res.status)
				}
			}
			posts := []struct {
				path string
				form url.Values
			}{
				{w.manage() + "/waktu", url.Values{"need": {need}, "date": {"2030-01-05"}, "start": {"09:00"}, "end": {"12:00"}}},
				{w.manage() + "/" + id + "/terima", nil},
				{w.manage() + "/" + id + "/jam", url.Values{"day": {today}, "duration": {"2"}}},
				{w.manage() + "/" + id + "/absen", nil},
				{w.manage() + "/" + other + "/tolak", url.Values{"reason": {"Slot hari itu penuh"}}},
			}
			for _, p := range posts {
				res := w.post(t, role, p.path, p.form)
				switch {
				case volunteerWriters[role]:
					if res.status != http.StatusSeeOther || res.location != w.manage() {
						t.Errorf("POST %s: %d %s\n%s", p.path, res.status, res.location, res.body)
					}
				case role == "anon":
					if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
						t.Errorf("POST %s: %d %s", p.path, res.status, res.location)
					}
				default:
					if res.status != http.StatusForbidden {
						t.Errorf("POST %s: %d", p.path, res.status)
					}
				}
			}
		})
	}
	writers := 0
	for _, r := range orgRoles {
		if volunteerWriters[r] {
			writers++
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM volunteer_signups WHERE status = 'absent'`); n != writers {
		t.Errorf("%d absent, want %d", n, writers)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM volunteer_hours`); n != writers {
		t.Errorf("%d hours lines, want %d", n, writers)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE action LIKE 'volunteer.%'`); n < 5*writers-1 {
		t.Errorf("%d audit entries", n)
	}
	// Another organisation's member cannot reach the campaign through
	// their own organisation's address.
	if res := w.get(t, "rejecter", "/organisasi/ditolak/galang-daya/"+w.campaign.Slug+"/relawan"); res.status != http.StatusNotFound {
		t.Errorf("campaign under another organisation: %d", res.status)
	}
}

func TestVolunteerManageErrors(t *testing.T) {
	w := newVolunteerWorld(t, "3")
	if res := w.signUp(t, person("Gita", "gita@example.org")); res.status != http.StatusSeeOther {
		t.Fatal(res.status)
	}
	id := w.signupID(t, "gita@example.org")
	tests := []struct {
		name   string
		path   string
		form   url.Values
		status int
		want   string
	}{
		{"decline without reason", "/" + id + "/tolak", url.Values{"reason": {" "}}, 422, "Wajib diisi"},
		{"activity end before start", "/waktu", url.Values{"need": {fmt.Sprint(w.needID)}, "date": {"2030-01-05"},
			"start": {"12:00"}, "end": {"09:00"}}, 422, "setelah waktu mulai"},
		{"activity bad date", "/waktu", url.Values{"need": {fmt.Sprint(w.needID)}, "date": {"05/01/2030"},
			"start": {"09:00"}, "end": {"12:00"}}, 422, "Tanggal tidak sah"},
		{"activity on a money need", "/waktu", url.Values{"need": {fmt.Sprint(w.campaign.Needs[0].ID)},
			"date": {"2030-01-05"}, "start": {"09:00"}, "end": {"12:00"}}, 404, ""},
		{"unknown sign-up", "/99999/terima", nil, 404, ""},
		{"hours for pending", "/" + id + "/jam", url.Values{"day": {"2025-01-01"}, "duration": {"2"}}, 303, ""},
		{"accept", "/" + id + "/terima", nil, 303, ""},
		{"bad duration", "/" + id + "/jam", url.Values{"day": {"2025-01-01"}, "duration": {"dua jam"}}, 422, "Lama tidak terbaca"},
		{"future day", "/" + id + "/jam", url.Values{"day": {"2999-01-01"}, "duration": {"2"}}, 422, "hari yang sudah lewat"},
	}
	for _, tt := range tests {
		res := w.post(t, "editor", w.manage()+tt.path, tt.form)
		if res.status != tt.status || !strings.Contains(res.body, tt.want) {
			t.Errorf("%s: %d\n%s", tt.name, res.status, res.body)
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM volunteer_hours`); n != 0 {
		t.Errorf("%d hours from bad input", n)
	}
}

func TestVolunteerSignupRateLimited(t *testing.T) {
	w := newVolunteerWorld(t, "3")
	last := 0
	for i := range 22 {
		res := w.post(t, "anon", w.page(), url.Values{"name": {"Spam"}, "token": {fmt.Sprintf("token-spam-%04d-abcdefgh", i)}})
		last = res.status
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("after 22 attempts: %d", last)
	}
}
