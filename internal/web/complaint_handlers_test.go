package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/complaint/complainttest"
)

// TestComplaintFormRefusesAndKeepsInput: bad input comes back field by
// field with what was typed, HTML shown escaped.
func TestComplaintFormRefusesAndKeepsInput(t *testing.T) {
	w := newComplaintWorld(t)
	toolCheck(t, "form", w.get(t, "anon", "/organisasi/taman-baca/adukan?inisiatif=pojok-baca"), http.StatusOK,
		`value="pojok-baca" selected`, `name="visibility"`)
	for _, c := range []struct {
		name string
		edit func(url.Values)
		msg  string
	}{
		{"empty", func(f url.Values) { f.Set("text", " ") }, "Wajib diisi"},
		{"short", func(f url.Values) { f.Set("text", "lama") }, "minimal 10 huruf"},
		{"megabyte note", func(f url.Values) { f.Set("text", strings.Repeat("a", 200<<10)) }, "Terlalu panjang"},
		{"anonymous with contact", func(f url.Values) { f.Set("visibility", "anonim") }, "tidak menyimpan nama atau kontak"},
		{"bad contact", func(f url.Values) { f.Set("contact", "bukan") }, "nomor telepon Indonesia"},
		{"draft initiative", func(f url.Values) { f.Set("initiative", "draf") }, "bukan milik organisasi"},
		{"html escaped", func(f url.Values) { f.Set("text", "<script>alert(1)</script>"); f.Set("visibility", "") }, "&lt;script&gt;alert(1)&lt;/script&gt;"},
	} {
		f := complaintForm("Buku di pojok baca sudah rusak semua.", "publik")
		c.edit(f)
		toolCheck(t, c.name, w.post(t, "anon", "/organisasi/taman-baca/adukan", f), http.StatusUnprocessableEntity, c.msg, `id="error-summary"`)
	}
	var n int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM complaints`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d complaints written by refused forms", n)
	}
	toolCheck(t, "hidden org", w.get(t, "anon", "/organisasi/ditolak/adukan"), http.StatusNotFound)
}

// TestComplaintRolesAndFlow: the staff pages follow the roles; answer,
// rate and reopen through the pages; the public log hides what it must.
func TestComplaintRolesAndFlow(t *testing.T) {
	w := newComplaintWorld(t)
	code := w.fileComplaint(t, complaintForm("Buku di pojok baca rusak; telepon saya 0812-3456-7890.", "publik"))
	secret := w.fileComplaint(t, complaintForm("Pengurus meminta uang untuk pinjam buku.", "rahasia"))
	page := complaintStaff + "/" + code
	for _, role := range toolRoles {
		handler := role == "owner" || role == "admin" || role == "editor" || role == "platform"
		want := http.StatusForbidden
		switch {
		case role == "anon":
			want = http.StatusSeeOther
		case handler:
			want = http.StatusOK
		}
		toolCheck(t, role+" inbox", w.get(t, role, complaintStaff), want)
		toolCheck(t, role+" detail", w.get(t, role, page), want)
		manager := role == "owner" || role == "admin" || role == "platform"
		if handler {
			toolCheck(t, role+" settings", w.get(t, role, complaintStaff+"/pengaturan"), map[bool]int{true: 200, false: 403}[manager])
		}
	}
	// The editor reads the public complaint and its contact only once assigned.
	if body := w.get(t, "editor", page).body; strings.Contains(body, "warga@example.net") {
		t.Error("an editor not assigned sees the contact")
	}
	if body := w.get(t, "editor", complaintStaff+"/"+secret).body; strings.Contains(body, "meminta uang") {
		t.Error("an editor not assigned reads a confidential complaint")
	}
	toolCheck(t, "editor cannot answer a confidential one", w.post(t, "editor", complaintStaff+"/"+secret+"/jawab",
		url.Values{"answer": {"Kami periksa."}}), http.StatusConflict, "anggota yang ditugaskan")
	toolCheck(t, "editor cannot assign", w.post(t, "editor", page+"/tugaskan", url.Values{"assignee": {itoa(w.users["editor"].ID)}}), http.StatusForbidden)
	toolCheck(t, "admin assigns", w.post(t, "admin", complaintStaff+"/"+secret+"/tugaskan", url.Values{"assignee": {itoa(w.users["editor"].ID)}}), http.StatusSeeOther)
	toolCheck(t, "assigned editor reads", w.get(t, "editor", complaintStaff+"/"+secret), http.StatusOK, "meminta uang", "warga@example.net")
	toolCheck(t, "viewer cannot be assigned", w.post(t, "admin", page+"/tugaskan", url.Values{"assignee": {itoa(w.users["viewer"].ID)}}),
		http.StatusConflict, "pemilik, admin atau editor")

	// Status, answer, rate, reopen.
	toolCheck(t, "skip", w.post(t, "editor", page+"/status", url.Values{"status": {"selesai"}}), http.StatusConflict)
	toolCheck(t, "verify", w.post(t, "editor", page+"/status", url.Values{"status": {"diverifikasi"}}), http.StatusSeeOther)
	toolCheck(t, "reject without reason", w.post(t, "editor", page+"/status", url.Values{"status": {"ditolak"}}), http.StatusUnprocessableEntity, "Wajib diisi")
	toolCheck(t, "empty answer", w.post(t, "editor", page+"/jawab", url.Values{"answer": {""}}), http.StatusUnprocessableEntity)
	w.clock.Add(5 * time.Hour)
	toolCheck(t, "answer", w.post(t, "editor", page+"/jawab", url.Values{"answer": {"Buku baru datang Senin; hubungi 022-8765-4321."}}), http.StatusSeeOther)
	toolCheck(t, "follow up", w.post(t, "editor", page+"/status", url.Values{"status": {"ditindaklanjuti"}}), http.StatusSeeOther)
	toolCheck(t, "resolve", w.post(t, "editor", page+"/status", url.Values{"status": {"selesai"}}), http.StatusSeeOther)
	if got := mailsAbout(t, w, "warga@example.net", "Jawaban atas pengaduan "+code); len(got) != 1 {
		t.Errorf("answer mailed %d times", len(got))
	}
	status := "/pengaduan/" + code
	toolCheck(t, "status page", w.get(t, "anon", status), http.StatusOK, "Buku baru datang Senin", "buka-kembali", "Selesai")
	toolCheck(t, "status by lower case", w.get(t, "anon", "/pengaduan/"+strings.ToLower(code)), http.StatusSeeOther)
	toolCheck(t, "bad rating", w.post(t, "anon", status+"/nilai", url.Values{"rating": {"9"}}), http.StatusUnprocessableEntity, "1 sampai 5")
	toolCheck(t, "rate", w.post(t, "anon", status+"/nilai", url.Values{"rating": {"2"}}), http.StatusSeeOther)
	toolCheck(t, "reopen", w.post(t, "anon", status+"/buka-kembali", url.Values{"reason": {"Bukunya belum datang."}}), http.StatusSeeOther)
	toolCheck(t, "reopen twice", w.post(t, "anon", status+"/buka-kembali", url.Values{"reason": {"Lagi."}}), http.StatusConflict)
	toolCheck(t, "unknown code", w.get(t, "anon", "/pengaduan/AAAA-AAAA"), http.StatusNotFound)

	// The public log: masked contacts, hidden confidential words, figures.
	logPage := w.get(t, "anon", "/organisasi/taman-baca/pengaduan-publik")
	toolCheck(t, "log", logPage, http.StatusOK, "Buku di pojok baca rusak; telepon saya [disamarkan].", "hubungi [disamarkan]",
		"Rahasia atas permintaan pengadu", "disamarkan otomatis", "Dibuka kembali")
	for _, leak := range []string{"0812-3456-7890", "meminta uang", "warga@example.net", code, secret} {
		if strings.Contains(logPage.body, leak) {
			t.Errorf("the public log shows %q", leak)
		}
	}
	toolCheck(t, "initiative log", w.get(t, "anon", "/inisiatif/pojok-baca/pengaduan-publik"), http.StatusOK, "Log pengaduan Pojok Baca")
	csv := w.get(t, "anon", "/organisasi/taman-baca/pengaduan-publik.csv")
	toolCheck(t, "csv", csv, http.StatusOK, "ref,category,channel,status", "PGD-")
	if strings.Contains(csv.body, "warga@example.net") || strings.Contains(csv.body, "meminta uang") {
		t.Error("the CSV holds personal data or confidential words")
	}
	xlsx := w.get(t, "anon", "/organisasi/taman-baca/pengaduan-publik.xlsx")
	toolCheck(t, "xlsx", xlsx, http.StatusOK)
	sheet := readSheet(t, []byte(xlsx.body))
	if !strings.Contains(sheet, "hours_to_first_answer") || !strings.Contains(sheet, "PGD-") ||
		strings.Contains(sheet, "warga@example.net") || strings.Contains(sheet, "meminta uang") {
		t.Errorf("xlsx sheet:\n%s", sheet)
	}
}

// TestComplaintAPI: file, look up and read the public log as the issue
// lists them.
func TestComplaintAPI(t *testing.T) {
	w := newComplaintWorld(t)
	post := func(body string, headers ...string) orgResponse {
		t.Helper()
		return w.send(t, "anon", http.MethodPost, "/api/v1/organizations/taman-baca/complaints", "application/json", strings.NewReader(body))
	}
	r := post(`{"text":"Pojok baca tutup tanpa pemberitahuan.","initiative":"pojok-baca","visibility":"publik","contact":"0812-1111-2222"}`)
	var filed struct {
		Code, Status, Ref string
		DueAt             time.Time `json:"due_at"`
	}
	if err := json.Unmarshal([]byte(r.body), &filed); err != nil || r.status != http.StatusCreated || filed.Status != "diterima" ||
		!filed.DueAt.Equal(w.clock.Now().Add(48*time.Hour).Truncate(time.Microsecond)) {
		t.Fatalf("file: %d %s (%v)", r.status, r.body, err)
	}
	toolCheck(t, "duplicate key", post(`{"text":"a","text":"b"}`), http.StatusBadRequest, "duplicate_key")
	toolCheck(t, "unknown field", post(`{"text":"Pojok baca tutup.","visibility":"publik","admin":true}`), http.StatusBadRequest)
	toolCheck(t, "invalid", post(`{"text":"x","visibility":"semua"}`), http.StatusUnprocessableEntity, `"visibility"`, `"text"`)
	toolCheck(t, "status", w.get(t, "anon", "/api/v1/complaints/"+filed.Code), http.StatusOK, `"status":"diterima"`, `"can_reopen":false`)
	toolCheck(t, "unknown", w.get(t, "anon", "/api/v1/complaints/AAAA-AAAA"), http.StatusNotFound, "not_found")
	w.clock.Add(49 * time.Hour)
	log := w.get(t, "anon", "/api/v1/organizations/taman-baca/complaints")
	var page struct {
		Items []struct {
			Code          string     `json:"code"`
			Category      string     `json:"category"`
			Status        string     `json:"status"`
			ReceivedAt    time.Time  `json:"received_at"`
			FirstAnswerAt *time.Time `json:"first_answer_at"`
			Overdue       bool       `json:"overdue"`
		} `json:"items"`
		Next *string `json:"next"`
	}
	if err := json.Unmarshal([]byte(log.body), &page); err != nil || len(page.Items) != 1 || page.Next != nil {
		t.Fatalf("log %s (%v)", log.body, err)
	}
	if it := page.Items[0]; it.Code != filed.Ref || it.Code == filed.Code || !it.Overdue || it.FirstAnswerAt != nil || it.Category != "lainnya" {
		t.Errorf("log item %+v", it)
	}
	if strings.Contains(log.body, "0812") || strings.Contains(log.body, "+62812") {
		t.Error("the API log shows the contact")
	}
	toolCheck(t, "initiative log", w.get(t, "anon", "/api/v1/initiatives/pojok-baca/complaints"), http.StatusOK, filed.Ref)
	toolCheck(t, "draft initiative", w.get(t, "anon", "/api/v1/initiatives/draf/complaints"), http.StatusNotFound)
}

// TestComplaintWebhookAndEscalation: a signed gateway message becomes a
// complaint; 49 hours later the hub of Jawa Barat has it, Riau does not.
func TestComplaintWebhookAndEscalation(t *testing.T) {
	w := newComplaintWorld(t)
	ctx := context.Background()
	r := w.post(t, "owner", complaintStaff+"/pengaturan/webhook", url.Values{})
	m := regexpSecret.FindStringSubmatch(r.body)
	if r.status != http.StatusOK || m == nil {
		t.Fatalf("secret page %d", r.status)
	}
	gw := &complainttest.Gateway{URL: w.ts.URL + "/api/v1/organizations/taman-baca/complaints/inbound", Secret: m[1], Now: w.clock.Now}
	msg := complaint.InboundMessage{ID: complainttest.MessageID(), Channel: "whatsapp", From: "081299998888",
		Text: "Jam buka pojok baca tidak sesuai papan."}
	for i, want := range []int{http.StatusCreated, http.StatusOK} {
		res, err := gw.Deliver(ctx, msg)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Fatalf("delivery %d: %d", i, res.StatusCode)
		}
	}
	body := []byte(`{"id":"x1","channel":"sms","text":"Pojok baca kotor sekali."}`)
	res, err := gw.Post(ctx, body, w.clock.Now(), complaint.Sign("tebakan", w.clock.Now(), body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged: %d", res.StatusCode)
	}
	w.clock.Add(49 * time.Hour)
	if r, err := w.store.Sweep(ctx); err != nil || r.Escalated != 1 {
		t.Fatalf("sweep %+v, %v", r, err)
	}
	if got := mailsAbout(t, w, "coord@example.org", "melewati batas waktu"); len(got) != 1 {
		t.Errorf("coordinator mails: %d", len(got))
	}
	if got := mailsAbout(t, w, "othercoord@example.org", "melewati batas waktu"); len(got) != 0 {
		t.Errorf("the Riau coordinator was mailed")
	}
	toolCheck(t, "coord", w.get(t, "coord", "/simpul/simpul-jabar/pengaduan"), http.StatusOK, "PGD-", "Taman Baca Sukarasa", "Melewati batas waktu")
	toolCheck(t, "other coord", w.get(t, "othercoord", "/simpul/simpul-jabar/pengaduan"), http.StatusForbidden)
	toolCheck(t, "other hub", w.get(t, "othercoord", "/simpul/simpul-riau/pengaduan"), http.StatusOK, "Belum ada pengaduan")
	toolCheck(t, "platform", w.get(t, "platform", "/simpul/simpul-jabar/pengaduan"), http.StatusOK, "PGD-")
	toolCheck(t, "hub page links", w.get(t, "coord", "/simpul/simpul-jabar"), http.StatusOK, `href="/simpul/simpul-jabar/pengaduan"`)
	if body := w.get(t, "coord", "/simpul/simpul-jabar/pengaduan").body; strings.Contains(body, "081299998888") || strings.Contains(body, "Jam buka") {
		t.Error("coordinators see a confidential text or the number")
	}
}

// readSheet returns the XML of an XLSX file's first sheet.
func readSheet(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return string(b)
}

var regexpSecret = regexp.MustCompile(`id="webhook-secret">([^<]+)<`)
