package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
	"lokadaya/internal/pdf/pdftest"
	"lokadaya/internal/web"
)

// reportWorld is the organisation world with open books: a published
// initiative "pojok-baca" with the active campaign "buku-untuk-desa", a
// draft initiative "rahasia" with the draft campaign "draf", entries with
// receipts in the blob store, and books for the rejected organisation.
type reportWorld struct {
	*orgWorld
	uploads  string
	jpeg     []byte
	headHash string
}

func newReportWorld(t *testing.T) *reportWorld {
	t.Helper()
	ctx := context.Background()
	w := &reportWorld{orgWorld: newOrgWorld(t), uploads: t.TempDir()}
	// Serve from an uploads directory the test can fill.
	srv, err := web.New(web.Config{BaseURL: "http://example.test", UploadsDir: w.uploads}, w.d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w.ts.Close()
	w.ts = serveFront(t, srv)
	t.Cleanup(w.ts.Close)

	now := db.Now()
	id := func(q string, args ...any) int64 {
		t.Helper()
		var n int64
		if err := w.d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	ini := id(`INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok-baca', 'Pojok Baca', 'published', ?, ?) RETURNING id`, w.org.ID, now, now)
	camp := id(`INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'buku-untuk-desa', 'Buku untuk desa', 'active', ?, ?) RETURNING id`, ini, w.org.ID, now, now)
	draftIni := id(`INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'rahasia', 'Rahasia', 'draft', ?, ?) RETURNING id`, w.org.ID, now, now)
	draftCamp := id(`INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'draf', 'Draf', 'draft', ?, ?) RETURNING id`, draftIni, w.org.ID, now, now)
	var rejected int64
	if err := w.d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = 'ditolak'`).Scan(&rejected); err != nil {
		t.Fatal(err)
	}

	store := blob.NewDir(w.uploads)
	w.jpeg = []byte("\xff\xd8\xff\xe0 nota toko buku")
	for key, ctype := range map[string]string{"receipts/1/nota.jpg": "image/jpeg", "receipts/1/nota.pdf": "application/pdf",
		"receipts/9/lain.jpg": "image/jpeg"} {
		body := w.jpeg
		if ctype == "application/pdf" {
			body = []byte("%PDF-1.4 kuitansi")
		}
		if err := store.Put(ctx, key, ctype, bytes.NewReader(body)); err != nil {
			t.Fatal(err)
		}
	}
	// A file outside the store that a forged key might reach for.
	if err := os.WriteFile(filepath.Join(filepath.Dir(w.uploads), "rahasia.txt"), []byte("rahasia"), 0o600); err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		tm, _ := time.Parse(time.DateOnly, s)
		return tm.Add(5 * time.Hour)
	}
	for _, e := range []ledger.Entry{
		/* 1 */ {OrgID: w.org.ID, Kind: ledger.KindDonation, Amount: 1_000_000, Category: ledger.CatProgram, CampaignID: camp,
			Description: "Donasi transfer", Counterparty: "Budi", RecordedAt: day("2026-01-10")},
		/* 2 */ {OrgID: w.org.ID, Kind: ledger.KindExpense, Amount: -200_000, Category: ledger.CatProgram, CampaignID: camp,
			Description: "Buku cerita", Counterparty: "Toko Buku Sinar", ReceiptKey: "receipts/1/nota.jpg", RecordedAt: day("2026-02-05")},
		/* 3 */ {OrgID: w.org.ID, Kind: ledger.KindExpense, Amount: -50_000, Category: ledger.CatOperasional, CampaignID: camp,
			Description: "Ongkos kirim", ReceiptKey: "receipts/1/nota.pdf", RecordedAt: day("2026-02-06")},
		/* 4 */ {OrgID: w.org.ID, Kind: ledger.KindFee, Amount: -5_000, Category: ledger.CatPlatform, CampaignID: camp,
			Description: "Biaya gateway", RecordedAt: day("2026-02-07")},
		/* 5 */ {OrgID: w.org.ID, Kind: ledger.KindDonation, Amount: 100_000, Category: ledger.CatZakatInfak, CampaignID: camp,
			Description: "Infak", RecordedAt: day("2026-01-20")},
		/* 6 */ {OrgID: w.org.ID, Kind: ledger.KindDonation, Amount: 300_000, Category: ledger.CatProgram, CampaignID: camp,
			Description: "Donasi ganda", Counterparty: "Sari", RecordedAt: day("2026-01-11")},
		/* 7 */ {OrgID: w.org.ID, Kind: ledger.KindReversal, Amount: -300_000, Category: ledger.CatProgram, CampaignID: camp,
			InitiativeID: ini, Counterparty: "Sari", Description: "Tercatat dua kali", ReversesSeq: 6, RecordedAt: day("2026-01-12")},
		/* 8 */ {OrgID: w.org.ID, Kind: ledger.KindExpense, Amount: -10_000, Category: ledger.CatProgram, CampaignID: camp,
			Description: "Kunci palsu", ReceiptKey: "../rahasia.txt", RecordedAt: day("2026-02-08")},
		/* 9 */ {OrgID: w.org.ID, Kind: ledger.KindDonation, Amount: 40_000, Category: ledger.CatProgram, CampaignID: draftCamp,
			Description: "Donasi draf", RecordedAt: day("2026-01-15")},
		{OrgID: rejected, Kind: ledger.KindExpense, Amount: -1_000, Category: ledger.CatProgram,
			Description: "Nota", ReceiptKey: "receipts/9/lain.jpg", RecordedAt: day("2026-01-15")},
	} {
		if err := w.d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, e)
			return err
		}); err != nil {
			t.Fatalf("append %+v: %v", e, err)
		}
	}
	_, w.headHash, _ = ledger.Head(ctx, w.d, w.org.ID)
	return w
}

func TestReportRoutesPerRole(t *testing.T) {
	w := newReportWorld(t)
	all := map[string]int{}
	insiders := map[string]int{}
	hidden := map[string]int{}
	for _, r := range orgRoles {
		all[r] = http.StatusOK
		insiders[r], hidden[r] = http.StatusOK, http.StatusNotFound
	}
	insiders["anon"], insiders["user"] = http.StatusNotFound, http.StatusNotFound
	hidden["platform"] = http.StatusOK
	none := map[string]int{}
	for _, r := range orgRoles {
		none[r] = http.StatusNotFound
	}
	for _, tc := range []struct {
		path string
		want map[string]int
	}{
		{"/organisasi/taman-baca/laporan", all},
		{"/organisasi/taman-baca/laporan?format=csv", all},
		{"/galang-daya/buku-untuk-desa/laporan", all},
		{"/inisiatif/pojok-baca/laporan", all},
		{"/galang-daya/draf/laporan", insiders},
		{"/inisiatif/rahasia/laporan", insiders},
		{"/organisasi/ditolak/laporan", hidden},
		{"/organisasi/tidak-ada/laporan", none},
		{"/galang-daya/tidak-ada/laporan", none},
		{"/inisiatif/tidak-ada/laporan", none},
		{"/organisasi/taman-baca/buku/2/kuitansi", all},
		{"/organisasi/ditolak/buku/1/kuitansi", hidden},
		{"/organisasi/taman-baca/buku/1/kuitansi", none},  // no receipt
		{"/organisasi/taman-baca/buku/8/kuitansi", none},  // a key outside the store
		{"/organisasi/taman-baca/buku/99/kuitansi", none}, // no such entry
		{"/organisasi/taman-baca/buku/0/kuitansi", none},
		{"/organisasi/taman-baca/buku/x/kuitansi", none},
		{"/api/v1/campaigns/buku-untuk-desa/report", all},
		{"/api/v1/campaigns/draf/report", none},
		{"/api/v1/campaigns/tidak-ada/report", none},
	} {
		for _, role := range orgRoles {
			if got := w.get(t, role, tc.path); got.status != tc.want[role] {
				t.Errorf("%s as %s = %d, want %d", tc.path, role, got.status, tc.want[role])
			}
		}
	}
	// Reports are read only.
	if got := w.post(t, "owner", "/organisasi/taman-baca/laporan", nil); got.status == http.StatusOK {
		t.Errorf("POST report = %d", got.status)
	}
}

func TestReportPage(t *testing.T) {
	w := newReportWorld(t)
	page := w.get(t, "anon", "/galang-daya/buku-untuk-desa/laporan")
	if page.status != http.StatusOK {
		t.Fatalf("page %d", page.status)
	}
	for _, want := range []string{"Laporan keuangan kampanye Buku untuk desa", "Donasi masuk", "Rp1.000.000",
		"Keluar: Program", "Rp210.000", "Keluar: Operasional", "Rp50.000", "Biaya platform/gateway", "Rp5.000",
		"Total keluar", "Rp265.000", "Saldo", "Rp735.000", "Porsi biaya operasional", "5,5\u00a0%",
		"Zakat dan infak masuk", "Rp100.000", "Toko Buku Sinar", "membatalkan #6",
		`href="/organisasi/taman-baca/buku/2/kuitansi"`, `href="/organisasi/taman-baca/buku/3/kuitansi"`,
		w.headHash, `href="/organisasi/taman-baca/buku/periksa"`,
		`href="/galang-daya/buku-untuk-desa/laporan?format=csv"`, `href="/galang-daya/buku-untuk-desa/laporan?format=xlsx"`,
		`href="/galang-daya/buku-untuk-desa/laporan?format=pdf"`, `name="from"`, `name="to"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, not := range []string{"/buku/1/kuitansi", "Donasi draf"} {
		if strings.Contains(page.body, not) {
			t.Errorf("page shows %q", not)
		}
	}
	// The organisation's report adds up every campaign, the draft's too:
	// money is money wherever it was booked.
	if org := w.get(t, "anon", "/organisasi/taman-baca/laporan"); !strings.Contains(org.body, "Rp1.040.000") {
		t.Errorf("organisation report lacks its donations")
	}
	// The period filter keeps its dates in the download links.
	feb := w.get(t, "anon", "/galang-daya/buku-untuk-desa/laporan?from=2026-02-01&to=2026-02-28")
	for _, want := range []string{"1 Februari 2026 – 28 Februari 2026", "belum ada donasi", `value="2026-02-01"`,
		"laporan?format=csv&amp;from=2026-02-01&amp;to=2026-02-28", "Buku cerita"} {
		if !strings.Contains(feb.body, want) {
			t.Errorf("February page lacks %q", want)
		}
	}
	if strings.Contains(feb.body, "Donasi transfer") {
		t.Errorf("February page shows January")
	}
	// Bad periods: a clear message, the typed value kept.
	for _, tc := range []struct{ query, want, kept string }{
		{"from=2026-13-01", "Tanggal tidak valid", `value="2026-13-01"`},
		{"to=31-01-2026", "Tanggal tidak valid", `value="31-01-2026"`},
		{"from=2026-02-02&to=2026-02-01", "Tanggal akhir harus sama dengan atau sesudah tanggal awal", `value="2026-02-02"`},
		{"from=2026-13-01&format=csv", "Tanggal tidak valid", ""},
		{"format=docx", "Format unduhan tidak dikenal", ""},
		{"from=%3Cscript%3E", "Tanggal tidak valid", `value="&lt;script&gt;"`},
	} {
		got := w.get(t, "anon", "/galang-daya/buku-untuk-desa/laporan?"+tc.query)
		if got.status != http.StatusBadRequest || !strings.Contains(got.body, tc.want) || !strings.Contains(got.body, tc.kept) {
			t.Errorf("%s: %d, body lacks %q or %q", tc.query, got.status, tc.want, tc.kept)
		}
	}
	if en := w.get(t, "anon", "/galang-daya/buku-untuk-desa/laporan?lang=en&from=x"); !strings.Contains(en.body, "Invalid date") {
		t.Errorf("English message missing")
	}
	// Each public page links to its report.
	for page, link := range map[string]string{
		"/organisasi/taman-baca":       "/organisasi/taman-baca/laporan",
		"/galang-daya/buku-untuk-desa": "/galang-daya/buku-untuk-desa/laporan",
		"/inisiatif/pojok-baca":        "/inisiatif/pojok-baca/laporan",
	} {
		if !strings.Contains(w.get(t, "anon", page).body, `href="`+link+`"`) {
			t.Errorf("%s has no link to %s", page, link)
		}
	}
	// The report page stays within the first-view budget.
	if total := gzippedSize(t, w.ts.URL+"/organisasi/taman-baca/laporan") + gzippedSize(t, w.ts.URL+"/static/style.css") +
		gzippedSize(t, w.ts.URL+"/static/app.js"); total > firstViewBudget {
		t.Errorf("report page weighs %d bytes compressed, budget %d", total, firstViewBudget)
	}
}

func TestReportFiles(t *testing.T) {
	w := newReportWorld(t)
	base := "/galang-daya/buku-untuk-desa/laporan?from=2026-01-01&to=2026-12-31&format="
	// CSV
	got := w.get(t, "anon", base+"csv")
	if got.status != 200 || got.header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		got.header.Get("Content-Disposition") != `attachment; filename=laporan-buku-untuk-desa-2026-01-01-sd-2026-12-31.csv` {
		t.Fatalf("csv %d %v", got.status, got.header)
	}
	if !strings.HasPrefix(got.body, "\uFEFF") {
		t.Errorf("csv without BOM")
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(got.body, "\uFEFF")))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sum := map[string]string{}
	var receipt string
	for _, row := range rows {
		if len(row) == 2 {
			sum[row[0]] = row[1]
		}
		if len(row) == 9 && row[0] == "2" {
			receipt = row[7]
		}
	}
	if sum["Saldo"] != "735000" || sum["Total keluar"] != "265000" || sum["Porsi biaya operasional"] != "5.5%" ||
		sum["Saldo zakat dan infak"] != "100000" || sum["Hash terakhir buku"] != w.headHash {
		t.Errorf("csv summary %v", sum)
	}
	if receipt != "http://example.test/organisasi/taman-baca/buku/2/kuitansi" {
		t.Errorf("csv receipt %q", receipt)
	}
	// XLSX
	got = w.get(t, "anon", base+"xlsx")
	if got.status != 200 || got.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Fatalf("xlsx %d %v", got.status, got.header)
	}
	zr, err := zip.NewReader(strings.NewReader(got.body), int64(len(got.body)))
	if err != nil {
		t.Fatal(err)
	}
	var sheet string
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := f.Open()
			var b bytes.Buffer
			_, _ = b.ReadFrom(rc)
			rc.Close()
			sheet = b.String()
		}
	}
	for _, want := range []string{`<v>735000</v>`, `<v>-200000</v>`, `<t xml:space="preserve">Toko Buku Sinar</t>`} {
		if !strings.Contains(sheet, want) {
			t.Errorf("sheet lacks %s", want)
		}
	}
	// PDF
	got = w.get(t, "anon", base+"pdf")
	if got.status != 200 || got.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("pdf %d %v", got.status, got.header)
	}
	f, err := pdftest.Parse([]byte(got.body))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(f.Text()), " ")
	for _, want := range []string{"Laporan keuangan kampanye Buku untuk desa", "Taman Baca Sukarasa",
		"1 Januari 2026 – 31 Desember 2026", "Saldo Rp735.000", "Total keluar Rp265.000", "Toko Buku Sinar"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdf lacks %q:\n%s", want, text)
		}
	}
	// English files.
	if got := w.get(t, "anon", base+"csv&lang=en"); !strings.Contains(got.body, "Balance,735000") {
		t.Errorf("English csv:\n%s", got.body)
	}
}

func TestReportReceipt(t *testing.T) {
	w := newReportWorld(t)
	got := w.get(t, "anon", "/organisasi/taman-baca/buku/2/kuitansi")
	if got.status != 200 || got.body != string(w.jpeg) {
		t.Fatalf("receipt %d %q", got.status, got.body)
	}
	for h, want := range map[string]string{"Content-Type": "image/jpeg", "X-Content-Type-Options": "nosniff",
		"Content-Security-Policy": "default-src 'none'; sandbox", "Content-Disposition": "inline; filename=kuitansi-taman-baca-2.jpg"} {
		if got.header.Get(h) != want {
			t.Errorf("%s = %q, want %q", h, got.header.Get(h), want)
		}
	}
	pdf := w.get(t, "anon", "/organisasi/taman-baca/buku/3/kuitansi")
	if pdf.status != 200 || pdf.header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(pdf.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("pdf receipt %d %v", pdf.status, pdf.header)
	}
	if forged := w.get(t, "anon", "/organisasi/taman-baca/buku/8/kuitansi"); strings.Contains(forged.body, "rahasia") && forged.status == 200 {
		t.Errorf("a forged key reached outside the store")
	}
}

func TestAPICampaignReport(t *testing.T) {
	w := newReportWorld(t)
	got := w.get(t, "anon", "/api/v1/campaigns/buku-untuk-desa/report")
	if got.status != 200 {
		t.Fatalf("%d %s", got.status, got.body)
	}
	v := decodeJSON(t, got.body)
	if keys(v) != "balance,donations,goods,in,operational_share,out,period,zakat_infak" {
		t.Errorf("keys %s", keys(v))
	}
	out, _ := v["out"].(map[string]any)
	if v["in"] != 1_000_000.0 || v["balance"] != 735_000.0 || v["operational_share"] != 0.055 ||
		out["program"] != 210_000.0 || out["operasional"] != 50_000.0 || out["biaya_platform"] != 5_000.0 || len(out) != 3 {
		t.Errorf("report %v", v)
	}
	if z, _ := v["zakat_infak"].(map[string]any); z["in"] != 100_000.0 || z["out"] != 0.0 || z["balance"] != 100_000.0 {
		t.Errorf("zakat %v", v["zakat_infak"])
	}
	feb := decodeJSON(t, w.get(t, "anon", "/api/v1/campaigns/buku-untuk-desa/report?from=2026-02-01&to=2026-02-28").body)
	if feb["in"] != 0.0 || feb["operational_share"] != nil || feb["balance"] != -265_000.0 || feb["zakat_infak"] != nil {
		t.Errorf("February %v", feb)
	}
	if p, _ := feb["period"].(map[string]any); p["from"] != "2026-02-01" || p["to"] != "2026-02-28" {
		t.Errorf("period %v", feb["period"])
	}
	bad := w.get(t, "anon", "/api/v1/campaigns/buku-untuk-desa/report?to=2026-02-31")
	if bad.status != 400 || !strings.Contains(bad.body, `"bad_request"`) || !strings.Contains(bad.body, "to: ") {
		t.Errorf("bad period %d %s", bad.status, bad.body)
	}
	missing := w.get(t, "anon", "/api/v1/campaigns/draf/report")
	if missing.status != 404 || !strings.Contains(missing.body, `"not_found"`) ||
		!strings.HasPrefix(missing.header.Get("Content-Type"), "application/json") {
		t.Errorf("draft %d %s", missing.status, missing.body)
	}
}

// TestReportFileFailsCleanly: when the entries cannot be read, nothing of
// the file has left yet, so the download answers with the error page in
// the reader's language, not a file that looks whole.
func TestReportFileFailsCleanly(t *testing.T) {
	w := newReportWorld(t)
	// The entries are read with their campaigns; the figures are not.
	if _, err := w.d.Exec(context.Background(), `ALTER TABLE campaigns RENAME TO campaigns_gone`); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"pdf", "csv", "xlsx"} {
		got := w.get(t, "anon", "/organisasi/taman-baca/laporan?lang=en&format="+format)
		if got.status != http.StatusInternalServerError || !strings.HasPrefix(got.header.Get("Content-Type"), "text/html") ||
			got.header.Get("Content-Disposition") != "" || !strings.Contains(got.body, "Something went wrong") {
			t.Errorf("%s: %d %v\n%.300s", format, got.status, got.header, got.body)
		}
	}
}
