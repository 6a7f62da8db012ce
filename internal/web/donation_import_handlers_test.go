package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/i18n"
)

const importBase = "/organisasi/taman-baca/donasi/impor"

// importRoles are the callers every import route is tried with: the
// organisation's roles, a platform admin and another organisation's owner.
var importRoles = append(append([]string{}, orgRoles...), "rejecter")

// importWorld is a donationWorld whose BCA account (1234567890) takes
// statements.
type importWorld struct {
	*donationWorld
	accountID string
}

func newImportWorld(t *testing.T) *importWorld {
	t.Helper()
	w := &importWorld{donationWorld: newDonationWorld(t)}
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM org_bank_accounts`).Scan(&w.accountID); err != nil {
		t.Fatal(err)
	}
	return w
}

// amountOf gives a donation and returns the amount to transfer.
func (w *importWorld) giveAmount(t *testing.T, name, email string) int64 {
	t.Helper()
	w.give(t, url.Values{"amount": {"100000"}, "name": {name}, "email": {email}})
	var amount int64
	if err := w.d.QueryRow(context.Background(), `SELECT amount FROM donations ORDER BY id DESC LIMIT 1`).Scan(&amount); err != nil {
		t.Fatal(err)
	}
	return amount
}

// bcaAmount prints n the way BCA does: 150,123.00.
func bcaAmount(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + ".00"
}

// bcaStatement is a BCA export of account with today's credits (and one
// debit).
func bcaStatement(account string, credits ...int64) []byte {
	today := time.Now().In(i18n.WIB)
	day := today.Format("02/01/2006")
	var b strings.Builder
	fmt.Fprintf(&b, "No. rekening : =\"%s\"\nNama : TAMAN BACA SUKARASA\nPeriode : %s - %s\nKode Mata Uang : Rp\n\n", account, day, day)
	b.WriteString("Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n")
	balance := int64(1_000_000)
	for i, c := range credits {
		balance += c
		fmt.Fprintf(&b, "'%s,\"TRSF E-BANKING CR %d DONATUR\",'0000,\"%s\",CR,\"%s\"\n", today.Format("02/01"), i,
			bcaAmount(c), bcaAmount(balance))
	}
	balance -= 6_500
	fmt.Fprintf(&b, "'%s,\"BIAYA ADM\",'0000,\"6,500.00\",DB,\"%s\"\n", today.Format("02/01"), bcaAmount(balance))
	return []byte(b.String())
}

// upload posts a statement for the account id to the import form.
func (w *importWorld) upload(t *testing.T, role, account string, file []byte) orgResponse {
	t.Helper()
	return postStatement(t, w.orgWorld, role, importBase, account, file)
}

// postStatement posts a statement (none when file is nil) for an account
// to the import form at path, as role.
func postStatement(t *testing.T, w *orgWorld, role, path, account string, file []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("account", account)
	if file != nil {
		fw, err := mw.CreateFormFile("file", "mutasi.csv")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

// preview uploads file as the treasurer and returns the preview's path.
func (w *importWorld) preview(t *testing.T, file []byte) string {
	t.Helper()
	res := w.upload(t, "treasurer", w.accountID, file)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, importBase+"/") {
		t.Fatalf("upload: %d %s\n%s", res.status, res.location, res.body)
	}
	return res.location
}

// wantAccess checks an answer for role: money managers get ok, anonymous
// callers go to the login page, everyone else gets 403.
func wantAccess(t *testing.T, role string, res orgResponse, ok int) {
	t.Helper()
	switch {
	case role == "anon":
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/masuk") {
			t.Errorf("anon: %d %s", res.status, res.location)
		}
	case donationMoneyManagers[role]:
		if res.status != ok {
			t.Errorf("%s: %d, want %d", role, res.status, ok)
		}
	default:
		if res.status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", role, res.status)
		}
	}
}

func TestDonationImportRoles(t *testing.T) {
	w := newImportWorld(t)
	amount := w.giveAmount(t, "Siti", "")
	file := bcaStatement("1234567890", amount)
	pending := w.preview(t, file)
	for _, role := range importRoles {
		t.Run(role, func(t *testing.T) {
			wantAccess(t, role, w.get(t, role, importBase), http.StatusOK)
			wantAccess(t, role, w.get(t, role, pending), http.StatusOK)
			wantAccess(t, role, w.get(t, role, importBase+"/contoh/klikbca"), http.StatusOK)
			wantAccess(t, role, w.upload(t, role, w.accountID, file), http.StatusSeeOther)
			if !donationMoneyManagers[role] {
				wantAccess(t, role, w.post(t, role, pending+"/konfirmasi", nil), http.StatusSeeOther)
			}
		})
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`); n != 0 {
		t.Fatalf("outsiders confirmed %d donations", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_imports`); n != 4 {
		t.Errorf("%d imports, want one by the world and one per money manager", n)
	}
	// Another organisation's owner cannot reach the import through their
	// own organisation either.
	id := strings.TrimPrefix(pending, importBase+"/")
	for _, path := range []string{"/organisasi/ditolak/donasi/impor/" + id} {
		if res := w.get(t, "rejecter", path); res.status != http.StatusNotFound {
			t.Errorf("%s: %d", path, res.status)
		}
		if res := w.post(t, "rejecter", path+"/konfirmasi", nil); res.status != http.StatusNotFound {
			t.Errorf("%s confirm: %d", path, res.status)
		}
	}
	if res := w.get(t, "treasurer", importBase+"/bukan-impor"); res.status != http.StatusNotFound {
		t.Errorf("unknown import: %d", res.status)
	}
	if res := w.get(t, "treasurer", importBase+"/contoh/bni"); res.status != http.StatusNotFound {
		t.Errorf("unknown sample: %d", res.status)
	}
	res := w.post(t, "owner", pending+"/konfirmasi", nil)
	if res.status != http.StatusSeeOther || res.location != pending {
		t.Fatalf("owner confirms: %d %s", res.status, res.location)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`); n != 1 {
		t.Errorf("%d confirmed", n)
	}
}

func TestDonationImportFlow(t *testing.T) {
	w := newImportWorld(t)
	siti := w.giveAmount(t, "Siti Aminah", "siti@example.org")
	budi := w.giveAmount(t, "Budi Santoso", "")
	file := bcaStatement("1234567890", siti, 123_456, budi)

	page := w.get(t, "treasurer", "/organisasi/taman-baca/donasi").body
	if !strings.Contains(page, importBase) {
		t.Error("the donations page does not link to the import")
	}
	form := w.get(t, "treasurer", importBase).body
	for _, want := range []string{"Impor mutasi rekening", "1234567890", "Belum ada mutasi",
		importBase + "/contoh/klikbca?rekening=" + w.accountID, importBase + "/contoh/klikbca_en?rekening=" + w.accountID,
		importBase + "/contoh/klikbca_bisnis?rekening=" + w.accountID} {
		if !strings.Contains(form, want) {
			t.Errorf("form lacks %q", want)
		}
	}
	sample := w.get(t, "treasurer", importBase+"/contoh/klikbca?rekening="+w.accountID)
	if !strings.HasPrefix(sample.header.Get("Content-Type"), "text/csv") || !strings.Contains(sample.body, `="1234567890"`) ||
		!strings.Contains(sample.body, bcaAmount(siti)) || !strings.Contains(sample.body, bcaAmount(budi)) {
		t.Errorf("sample %q:\n%s", sample.header.Get("Content-Type"), sample.body)
	}

	path := w.preview(t, file)
	pv := w.get(t, "treasurer", path).body
	for _, want := range []string{"Siti Aminah", "Budi Santoso", "Buku untuk Anak", "tidak cocok", i18n.Rupiah(siti),
		"Konfirmasi impor (2 donasi dikonfirmasi)", "Belum ada yang berubah"} {
		if !strings.Contains(pv, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if n := w.count(t, `SELECT COUNT(*) FROM donations WHERE status = 'pending'`); n != 2 {
		t.Fatalf("the preview changed donations: %d pending", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_lines`); n != 0 {
		t.Fatalf("the preview recorded %d lines", n)
	}

	// Two treasurers confirm at once: the money is counted once.
	var wg sync.WaitGroup
	results := make([]orgResponse, 3)
	for i, role := range []string{"treasurer", "owner", "admin"} {
		wg.Go(func() { results[i] = w.post(t, role, path+"/konfirmasi", nil) })
	}
	wg.Wait()
	for _, res := range results {
		if res.status != http.StatusSeeOther || res.location != path {
			t.Errorf("confirm: %d %s", res.status, res.location)
		}
	}
	if m := w.apiMoney(t); m["confirmed"] != siti+budi || m["pending"] != 0 || m["donors"] != 2 {
		t.Errorf("money after the import: %v", m)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE '%Tanda terima donasi%'`); n != 1 {
		t.Errorf("%d receipts queued, want Siti's", n)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_lines`); n != 3 {
		t.Errorf("%d lines recorded", n)
	}
	result := w.get(t, "treasurer", path).body
	for _, want := range []string{"Hasil impor mutasi", "mengonfirmasi donasi", "3 kredit dicatat, 2 donasi dikonfirmasi"} {
		if !strings.Contains(result, want) {
			t.Errorf("result lacks %q", want)
		}
	}

	// The same file again: every line was imported; confirming changes
	// nothing.
	again := w.preview(t, file)
	pv = w.get(t, "treasurer", again).body
	if !strings.Contains(pv, "Semua kredit dalam berkas ini sudah pernah diimpor") || strings.Count(pv, "sudah diimpor") != 3 {
		t.Errorf("second preview:\n%s", pv)
	}
	if res := w.post(t, "treasurer", again+"/konfirmasi", nil); res.status != http.StatusSeeOther {
		t.Fatalf("second confirm: %d", res.status)
	}
	if m := w.apiMoney(t); m["confirmed"] != siti+budi {
		t.Errorf("money after a second import: %v", m)
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_lines`); n != 3 {
		t.Errorf("%d lines after a second import", n)
	}
	history := w.get(t, "treasurer", importBase).body
	if strings.Count(history, "Dikonfirmasi</td>")+strings.Count(history, "Dikonfirmasi ·") != 2 || !strings.Contains(history, "Pengguna treasurer") {
		t.Errorf("history:\n%s", history)
	}
	// The metrics count each donation the imports confirmed once.
	if got := scrapeMetrics(t, w)[`lokadaya_donations_confirmed_total{method="transfer"}`]; got != 2 {
		t.Errorf("confirmed transfers in the metrics: %v, want 2", got)
	}
}

func TestDonationImportBadFiles(t *testing.T) {
	w := newImportWorld(t)
	amount := w.giveAmount(t, "Siti", "")
	bri, err := os.ReadFile("../bankstatement/testdata/bri.csv")
	if err != nil {
		t.Fatal(err)
	}
	bcaOther, err := os.ReadFile("../bankstatement/testdata/klikbca.csv")
	if err != nil {
		t.Fatal(err)
	}
	good := bcaStatement("1234567890", amount)
	broken := bytes.Replace(good, []byte(",CR,"), []byte(",XX,"), 1)
	huge := bytes.Repeat([]byte("a"), 4<<20+100<<10)
	tests := []struct {
		name    string
		account string
		file    []byte
		status  int
		want    string
	}{
		{"unknown format", w.accountID, []byte("nama,alamat\nSiti,Bandung\n"), http.StatusUnprocessableEntity, "Format berkas ini tidak dikenali. Untuk rekening BCA, unduh mutasi dalam CSV dari salah satu format ini: KlikBCA Individu; KlikBCA Individual (English); KlikBCA Bisnis"},
		{"another bank", w.accountID, bri, http.StatusUnprocessableEntity, "mutasi rekening BRI (internet banking, BRImo), sedangkan rekening yang dipilih rekening BCA"},
		{"another account", w.accountID, bcaOther, http.StatusUnprocessableEntity, "bukan rekening yang dipilih (1234567890)"},
		{"broken row", w.accountID, broken, http.StatusUnprocessableEntity, "Baris 7: jumlah tanpa tanda CR atau DB"},
		{"no file", w.accountID, nil, http.StatusUnprocessableEntity, "Pilih berkas CSV mutasi rekening"},
		{"no account", "999999", good, http.StatusUnprocessableEntity, "Pilih salah satu rekening organisasi"},
		{"too large", w.accountID, huge, http.StatusRequestEntityTooLarge, "Berkas terlalu besar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := w.upload(t, "treasurer", tt.account, tt.file)
			if res.status != tt.status || !strings.Contains(res.body, tt.want) {
				t.Fatalf("%d, want %d with %q\n%s", res.status, tt.status, tt.want, res.body)
			}
			if !strings.Contains(res.body, `name="file"`) {
				t.Error("the form is not shown again")
			}
		})
	}
	res := w.upload(t, "treasurer", w.accountID, bri)
	if !strings.Contains(res.body, `value="`+w.accountID+`" selected`) {
		t.Error("the chosen account is not kept")
	}
	en := w.send(t, "treasurer", http.MethodGet, importBase+"?lang=en", "", nil)
	if !strings.Contains(en.body, "Import a bank statement") {
		t.Error("no English page")
	}
	if n := w.count(t, `SELECT COUNT(*) FROM bank_statement_imports`); n != 0 {
		t.Errorf("%d imports kept from bad files", n)
	}
}
