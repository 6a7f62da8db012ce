package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/pdf/pdftest"
	"lokadaya/internal/report"
)

// books is an organisation in Bali (WITA, UTC+8) with two initiatives and
// three campaigns, and a year's start of entries.
type books struct {
	org, iniA, iniB, campA1, campA2, campB1 int64
}

var fixtureN int

func insertID(t *testing.T, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := d.QueryRow(context.Background(), q, args...).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func newBooks(t *testing.T, d *db.DB) books {
	t.Helper()
	fixtureN++
	slug := fmt.Sprintf("kas-%d", fixtureN)
	now := db.Now()
	var b books
	b.org = insertID(t, d, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES (?, 'Yayasan Kas Desa', 'komunitas', '51.71.01.1001', 'verified', ?, ?) RETURNING id`, slug, now, now)
	ini := func(s string) int64 {
		return insertID(t, d, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, ?, ?, 'published', ?, ?) RETURNING id`, b.org, slug+"-"+s, "Inisiatif "+s, now, now)
	}
	camp := func(ini int64, s string) int64 {
		return insertID(t, d, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, 'active', ?, ?) RETURNING id`, ini, b.org, slug+"-"+s, "Kampanye "+s, now, now)
	}
	b.iniA, b.iniB = ini("a"), ini("b")
	b.campA1, b.campA2, b.campB1 = camp(b.iniA, "a1"), camp(b.iniA, "a2"), camp(b.iniB, "b1")
	utc := func(s string) time.Time { return instant(t, s) }
	for _, e := range []ledger.Entry{
		/* 1 */ {Kind: ledger.KindDonation, Amount: 1_000_000, Category: ledger.CatProgram, CampaignID: b.campA1,
			Description: "Donasi transfer", Counterparty: "Budi", RecordedAt: utc("2026-01-10T03:00:00Z")},
		/* 2 */ {Kind: ledger.KindDonation, Amount: 500_000, Category: ledger.CatProgram, CampaignID: b.campA1,
			Description: "Donasi QRIS", RecordedAt: utc("2026-01-20T03:00:00Z")},
		/* 3 */ {Kind: ledger.KindDonation, Amount: 250_000, Category: ledger.CatZakatInfak, CampaignID: b.campA1,
			Description: "Infak Jumat", RecordedAt: utc("2026-01-25T03:00:00Z")},
		/* 4 */ {Kind: ledger.KindExpense, Amount: -100_000, Category: ledger.CatZakatInfak, CampaignID: b.campA1,
			Description: "Santunan", RecordedAt: utc("2026-01-26T03:00:00Z")},
		// 1 February 01:00 WITA: in February there, still January in UTC.
		/* 5 */ {Kind: ledger.KindGoods, Amount: 300_000, Category: ledger.CatProgram, InitiativeID: b.iniA,
			Description: "20 kg beras", Counterparty: "Toko Makmur", RecordedAt: utc("2026-01-31T17:00:00Z")},
		/* 6 */ {Kind: ledger.KindExpense, Amount: -200_000, Category: ledger.CatProgram, CampaignID: b.campA1,
			Description: "=HYPERLINK(\"http://x\")", Counterparty: "Toko Buku", ReceiptKey: "receipts/1/nota.jpg",
			RecordedAt: utc("2026-02-05T03:00:00Z")},
		/* 7 */ {Kind: ledger.KindExpense, Amount: -80_000, Category: ledger.CatOperasional, CampaignID: b.campA1,
			Description: "Fotokopi & <map>", RecordedAt: utc("2026-02-06T03:00:00Z")},
		/* 8 */ {Kind: ledger.KindFee, Amount: -5_000, Category: ledger.CatPlatform, CampaignID: b.campA1,
			Description: "Biaya gateway", RecordedAt: utc("2026-02-07T03:00:00Z")},
		/* 9 */ {Kind: ledger.KindDonation, Amount: 400_000, Category: ledger.CatProgram, CampaignID: b.campA1,
			Description: "Donasi transfer", Counterparty: "Siti", RecordedAt: utc("2026-02-10T03:00:00Z")},
		/* 10 */ {Kind: ledger.KindReversal, Amount: -400_000, Category: ledger.CatProgram, CampaignID: b.campA1,
			InitiativeID: b.iniA, Counterparty: "Siti", Description: "Transfer ganda", ReversesSeq: 9,
			RecordedAt: utc("2026-02-11T03:00:00Z")},
		/* 11 */ {Kind: ledger.KindExpense, Amount: -30_000, Category: ledger.CatOperasional, CampaignID: b.campA1,
			Description: "Salah catat", RecordedAt: utc("2026-02-12T03:00:00Z")},
		/* 12 */ {Kind: ledger.KindReversal, Amount: 30_000, Category: ledger.CatOperasional, CampaignID: b.campA1,
			InitiativeID: b.iniA, Description: "Koreksi salah catat", ReversesSeq: 11, RecordedAt: utc("2026-02-13T03:00:00Z")},
		// 1 March 00:30 WITA: outside February there.
		/* 13 */ {Kind: ledger.KindDonation, Amount: 700_000, Category: ledger.CatProgram, CampaignID: b.campB1,
			Description: "Donasi", Counterparty: "+62 Hamba Allah", RecordedAt: utc("2026-02-28T16:30:00Z")},
		/* 14 */ {Kind: ledger.KindExpense, Amount: -100_000, Category: ledger.CatProgram, CampaignID: b.campB1,
			Description: "Bibit", RecordedAt: utc("2026-03-05T03:00:00Z")},
	} {
		e.OrgID = b.org
		if err := d.InTx(context.Background(), func(tx *db.Tx) error {
			_, err := ledger.Append(context.Background(), tx, e)
			return err
		}); err != nil {
			t.Fatalf("append %+v: %v", e, err)
		}
	}
	return b
}

var wita = i18n.WITA

func period(t *testing.T, from, to string) report.Period {
	t.Helper()
	p, err := report.ParsePeriod(from, to, wita)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := newBooks(t, d)
		ctx := context.Background()
		type want struct {
			donations, goods, in, outTotal, balance int64
			out                                     map[ledger.Category]int64
			share                                   float64 // -1: none
			zakat                                   ledger.Flow
			entries                                 []int64
		}
		for _, tc := range []struct {
			name     string
			scope    report.Scope
			from, to string
			want     want
		}{
			{"campaign all time", report.Scope{OrgID: b.org, CampaignID: b.campA1}, "", "", want{
				donations: 1_500_000, in: 1_500_000, outTotal: 285_000, balance: 1_215_000,
				out:   map[ledger.Category]int64{ledger.CatProgram: 200_000, ledger.CatOperasional: 80_000, ledger.CatPlatform: 5_000},
				share: 85_000.0 / 1_500_000, zakat: ledger.Flow{In: 250_000, Out: 100_000},
				entries: []int64{1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12}}},
			{"initiative all time", report.Scope{OrgID: b.org, InitiativeID: b.iniA}, "", "", want{
				donations: 1_500_000, goods: 300_000, in: 1_800_000, outTotal: 285_000, balance: 1_515_000,
				out:   map[ledger.Category]int64{ledger.CatProgram: 200_000, ledger.CatOperasional: 80_000, ledger.CatPlatform: 5_000},
				share: 85_000.0 / 1_500_000, zakat: ledger.Flow{In: 250_000, Out: 100_000},
				entries: []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}}},
			{"organisation all time", report.Scope{OrgID: b.org}, "", "", want{
				donations: 2_200_000, goods: 300_000, in: 2_500_000, outTotal: 385_000, balance: 2_115_000,
				out:   map[ledger.Category]int64{ledger.CatProgram: 300_000, ledger.CatOperasional: 80_000, ledger.CatPlatform: 5_000},
				share: 85_000.0 / 2_200_000, zakat: ledger.Flow{In: 250_000, Out: 100_000},
				entries: []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}}},
			{"organisation in February (WITA)", report.Scope{OrgID: b.org}, "2026-02-01", "2026-02-28", want{
				goods: 300_000, in: 300_000, outTotal: 285_000, balance: 15_000,
				out:   map[ledger.Category]int64{ledger.CatProgram: 200_000, ledger.CatOperasional: 80_000, ledger.CatPlatform: 5_000},
				share: -1, entries: []int64{5, 6, 7, 8, 9, 10, 11, 12}}},
			{"campaign in January", report.Scope{OrgID: b.org, CampaignID: b.campA1}, "2026-01-01", "2026-01-31", want{
				donations: 1_500_000, in: 1_500_000, balance: 1_500_000, out: map[ledger.Category]int64{},
				share: 0, zakat: ledger.Flow{In: 250_000, Out: 100_000}, entries: []int64{1, 2, 3, 4}}},
			{"organisation from March", report.Scope{OrgID: b.org}, "2026-03-01", "", want{
				donations: 700_000, in: 700_000, outTotal: 100_000, balance: 600_000,
				out: map[ledger.Category]int64{ledger.CatProgram: 100_000}, share: 0, entries: []int64{13, 14}}},
			{"empty campaign", report.Scope{OrgID: b.org, CampaignID: b.campA2}, "", "", want{
				out: map[ledger.Category]int64{}, share: -1}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				rep, err := report.Build(ctx, d, tc.scope, period(t, tc.from, tc.to))
				if err != nil {
					t.Fatal(err)
				}
				f, w := rep.Figures, tc.want
				if f.Donations != w.donations || f.Goods != w.goods || f.In != w.in || f.OutTotal != w.outTotal || f.Balance != w.balance {
					t.Errorf("donations %d goods %d in %d out %d balance %d, want %d %d %d %d %d",
						f.Donations, f.Goods, f.In, f.OutTotal, f.Balance, w.donations, w.goods, w.in, w.outTotal, w.balance)
				}
				if fmt.Sprint(f.Out) != fmt.Sprint(w.out) {
					t.Errorf("out %v, want %v", f.Out, w.out)
				}
				if math.Abs(f.Share-w.share) > 1e-9 {
					t.Errorf("share %v, want %v", f.Share, w.share)
				}
				if f.Zakat != w.zakat {
					t.Errorf("zakat %+v, want %+v", f.Zakat, w.zakat)
				}
				var seqs []int64
				for _, l := range allLines(t, rep) {
					seqs = append(seqs, l.Seq)
				}
				if fmt.Sprint(seqs) != fmt.Sprint(w.entries) {
					t.Errorf("entries %v, want %v", seqs, w.entries)
				}
				if rep.HeadSeq != 14 || len(rep.HeadHash) != 64 {
					t.Errorf("head %d %q", rep.HeadSeq, rep.HeadHash)
				}
			})
		}
		// The entries carry what the page shows.
		rep, err := report.Build(ctx, d, report.Scope{OrgID: b.org, CampaignID: b.campA1}, report.Period{})
		if err != nil {
			t.Fatal(err)
		}
		byseq := map[int64]report.Line{}
		for _, l := range allLines(t, rep) {
			byseq[l.Seq] = l
		}
		if l := byseq[6]; !l.HasReceipt || l.Counterparty != "Toko Buku" || l.Amount != -200_000 || l.CampaignTitle != "Kampanye a1" {
			t.Errorf("entry 6 %+v", l)
		}
		if l := byseq[10]; l.Kind != ledger.KindReversal || l.ReversesSeq != 9 || l.HasReceipt || len(l.HashShort()) != 12 {
			t.Errorf("entry 10 %+v", l)
		}
		if got := rep.Figures.SharePercent(); got != 5.7 {
			t.Errorf("share percent %v", got)
		}
	})
}

// allLines are every entry the report streams.
func allLines(t *testing.T, rep *report.Report) []report.Line {
	t.Helper()
	var out []report.Line
	if err := rep.All(func(l *report.Line) error {
		out = append(out, *l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		from, to       string
		field, key     string
		fromUTC, toUTC string
	}{
		{"", "", "", "", "", ""},
		{"2026-02-01", "2026-02-28", "", "", "2026-01-31T16:00:00Z", "2026-02-28T16:00:00Z"},
		{" 2026-02-01 ", "", "", "", "2026-01-31T16:00:00Z", ""},
		{"", "2026-12-31", "", "", "", "2026-12-31T16:00:00Z"},
		{"2026-02-01", "2026-02-01", "", "", "2026-01-31T16:00:00Z", "2026-02-01T16:00:00Z"},
		{"2026-02-02", "2026-02-01", "to", report.KeyBadOrder, "", ""},
		{"2026-2-1", "", "from", report.KeyBadDate, "", ""},
		{"01-02-2026", "", "from", report.KeyBadDate, "", ""},
		{"", "2026-02-30", "to", report.KeyBadDate, "", ""},
		{"1969-12-31", "", "from", report.KeyBadDate, "", ""},
		{"", "9999-12-31", "to", report.KeyBadDate, "", ""},
		{"2026-02-01T00:00:00Z", "", "from", report.KeyBadDate, "", ""},
		{"kemarin", "", "from", report.KeyBadDate, "", ""},
	} {
		p, err := report.ParsePeriod(tc.from, tc.to, wita)
		var pe *report.PeriodError
		if tc.field != "" {
			if !errors.As(err, &pe) || pe.Field != tc.field || pe.Key != tc.key {
				t.Errorf("%q..%q: err %v, want %s %s", tc.from, tc.to, err, tc.field, tc.key)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q..%q: %v", tc.from, tc.to, err)
			continue
		}
		str := func(tm time.Time) string {
			if tm.IsZero() {
				return ""
			}
			return tm.Format(time.RFC3339)
		}
		if str(p.From) != tc.fromUTC || str(p.To) != tc.toUTC {
			t.Errorf("%q..%q: %s..%s, want %s..%s", tc.from, tc.to, str(p.From), str(p.To), tc.fromUTC, tc.toUTC)
		}
	}
}

// FuzzParsePeriod: any input either parses into an ordered UTC period
// whose days read back, or is refused with a known message.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"", "2026-02-01", "2026-02-30", "9998-12-31", "1970-01-01", "x", "2026-02-01\x00"} {
		f.Add(s, "2026-03-01")
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		p, err := report.ParsePeriod(from, to, wita)
		if err != nil {
			var pe *report.PeriodError
			if !errors.As(err, &pe) || (pe.Key != report.KeyBadDate && pe.Key != report.KeyBadOrder) || !i18n.Has(pe.Key) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
			t.Fatalf("unordered %v %v", p.From, p.To)
		}
		if p.FromDate != "" && p.From.In(wita).Format(time.DateOnly) != p.FromDate {
			t.Fatalf("from %v does not read back as %q", p.From, p.FromDate)
		}
		if p.ToDate != "" && p.To.In(wita).AddDate(0, 0, -1).Format(time.DateOnly) != p.ToDate {
			t.Fatalf("to %v does not read back as %q", p.To, p.ToDate)
		}
	})
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "Budi": "Budi", "=1+1": "'=1+1", "+62 812": "'+62 812", "-Rp5": "'-Rp5", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "a=b": "a=b", "'quoted": "'quoted",
	} {
		if got := report.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	for i, want := range map[int]string{0: "A", 8: "I", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := report.ColumnName(i); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", i, got, want)
		}
	}
}

// fileReport is the campaign report the file tests write and read back.
func fileReport(t *testing.T, d *db.DB) (*report.Report, *report.Meta) {
	t.Helper()
	b := newBooks(t, d)
	rep, err := report.Build(context.Background(), d, report.Scope{OrgID: b.org, CampaignID: b.campA1}, report.Period{})
	if err != nil {
		t.Fatal(err)
	}
	m := &report.Meta{Lang: i18n.ID, Title: "Laporan keuangan kampanye Kampanye a1", OrgName: "Yayasan Kas Desa",
		Subject: "Kampanye a1", Zone: wita, Generated: time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC),
		BaseURL: "https://lokadaya.example/", OrgSlug: fmt.Sprintf("kas-%d", fixtureN)}
	return rep, m
}

// summaryOf maps the summary labels of rows (label, value) to their value.
func summaryOf(rows [][]string) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			out[r[0]] = r[1]
		}
	}
	return out
}

// entryRows are the rows after the entries' header, keyed by seq.
func entryRows(t *testing.T, rows [][]string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	in := false
	for _, r := range rows {
		if len(r) > 0 && r[0] == "No." {
			in = true
			if strings.Join(r, "|") != "No.|Tanggal|Jenis|Keterangan|Pihak|Kategori|Jumlah (Rp)|Kuitansi|Hash" {
				t.Errorf("header %q", r)
			}
			continue
		}
		if in && len(r) > 0 {
			out[r[0]] = r
		}
	}
	return out
}

func checkTable(t *testing.T, rep *report.Report, m *report.Meta, rows [][]string) {
	t.Helper()
	sum := summaryOf(rows)
	for label, want := range map[string]string{
		"Organisasi": "Yayasan Kas Desa", "Untuk": "Kampanye a1", "Periode": "Seluruh waktu",
		"Donasi masuk": "1500000", "Total masuk": "1500000", "Keluar: Program": "200000",
		"Keluar: Operasional": "80000", "Keluar: Biaya platform/gateway": "5000", "Total keluar": "285000",
		"Saldo": "1215000", "Porsi biaya operasional": "5.7%", "Zakat dan infak masuk": "250000",
		"Zakat dan infak keluar": "100000", "Saldo zakat dan infak": "150000", "Hash terakhir buku": rep.HeadHash,
		"Dibuat": "10 Maret 2026 10.00 WITA",
	} {
		if sum[label] != want {
			t.Errorf("%s = %q, want %q", label, sum[label], want)
		}
	}
	entries := entryRows(t, rows)
	if n := len(allLines(t, rep)); len(entries) != n {
		t.Errorf("%d entry rows, want %d", len(entries), n)
	}
	six := entries["6"]
	if len(six) != 9 || six[1] != "2026-02-05" || six[2] != "Pengeluaran" || six[3] != `'=HYPERLINK("http://x")` ||
		six[4] != "Toko Buku" || six[5] != "Program" || six[6] != "-200000" ||
		six[7] != "https://lokadaya.example/organisasi/"+m.OrgSlug+"/buku/6/kuitansi" || len(six[8]) != 12 {
		t.Errorf("entry 6 %q", six)
	}
	if r := entries["7"]; len(r) < 4 || r[3] != "Fotokopi & <map>" {
		t.Errorf("entry 7 %q", r)
	}
	if r := entries["10"]; len(r) < 8 || r[2] != "Koreksi" || r[6] != "-400000" || r[7] != "" {
		t.Errorf("entry 10 %q", r)
	}
}

func TestCSVReadBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		rep, m := fileReport(t, d)
		var buf bytes.Buffer
		if err := report.WriteCSV(&buf, rep, m); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
			t.Fatalf("no BOM: %q", data[:10])
		}
		r := csv.NewReader(bytes.NewReader(data[3:]))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		checkTable(t, rep, m, rows)
	})
}

// readXLSX opens the workbook and returns its sheet's rows as texts, with
// every numeric cell checked to be a number.
func readXLSX(t *testing.T, data []byte) [][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
		"xl/worksheets/sheet1.xml", "xl/styles.xml"} {
		body, ok := parts[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		// Every part is well-formed XML.
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(parts["xl/workbook.xml"], &wb); err != nil || len(wb.Sheets) != 1 || wb.Sheets[0].Name != report.SheetName {
		t.Fatalf("workbook %+v %v", wb, err)
	}
	var sheet struct {
		Rows []struct {
			R     int `xml:"r,attr"`
			Cells []struct {
				Ref    string `xml:"r,attr"`
				Type   string `xml:"t,attr"`
				Style  string `xml:"s,attr"`
				Value  string `xml:"v"`
				Inline string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(parts["xl/worksheets/sheet1.xml"], &sheet); err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i, r := range sheet.Rows {
		if r.R != i+1 {
			t.Fatalf("row %d numbered %d", i+1, r.R)
		}
		var row []string
		for _, c := range r.Cells {
			col := 0
			for _, ch := range strings.TrimRight(c.Ref, "0123456789") {
				col = col*26 + int(ch-'A'+1)
			}
			if c.Ref != report.ColumnName(col-1)+strconv.Itoa(r.R) {
				t.Fatalf("cell %s in row %d", c.Ref, r.R)
			}
			for len(row) < col-1 {
				row = append(row, "")
			}
			switch c.Type {
			case "inlineStr":
				row = append(row, c.Inline)
			case "": // a number
				n, err := strconv.ParseInt(c.Value, 10, 64)
				if err != nil {
					t.Fatalf("cell %s: %q is not a whole number", c.Ref, c.Value)
				}
				switch c.Style {
				case "1":
					row = append(row, c.Value)
				case "2": // a date: days since 30 December 1899
					row = append(row, time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)).Format(time.DateOnly))
				default:
					t.Fatalf("cell %s: number in style %q", c.Ref, c.Style)
				}
			default:
				t.Fatalf("cell %s of type %q", c.Ref, c.Type)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func TestXLSXReadBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		rep, m := fileReport(t, d)
		var buf bytes.Buffer
		if err := report.WriteXLSX(&buf, rep, m); err != nil {
			t.Fatal(err)
		}
		rows := readXLSX(t, buf.Bytes())
		// Texts are inline strings as typed: a spreadsheet never runs them,
		// so the XLSX keeps them unchanged apart from the CSV's guard.
		for i := range rows {
			if len(rows[i]) > 3 && rows[i][3] == `=HYPERLINK("http://x")` {
				rows[i][3] = "'" + rows[i][3]
			}
		}
		checkTable(t, rep, m, rows)
	})
}

func TestPDFReadBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		rep, m := fileReport(t, d)
		var buf bytes.Buffer
		if err := report.WritePDF(&buf, rep, m); err != nil {
			t.Fatal(err)
		}
		f, err := pdftest.Parse(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(f.Text()), " ")
		for _, want := range []string{"Laporan keuangan kampanye Kampanye a1", "Yayasan Kas Desa", "Seluruh waktu",
			"Donasi masuk Rp1.500.000", "Keluar: Operasional Rp80.000", "Keluar: Biaya", "Rp5.000", "-Rp5.000",
			"Total keluar Rp285.000", "Saldo Rp1.215.000", "Porsi biaya operasional 5.7%",
			"Zakat dan infak masuk Rp250.000", "Saldo zakat dan infak Rp150.000",
			"#6 · 5 Februari 2026 · Pengeluaran · Program · -Rp200.000", "Toko Buku",
			"/buku/6/kuitansi", "Koreksi", "membatalkan #9", "10 Maret 2026 10.00 WITA", "Halaman 1"} {
			if !strings.Contains(text, want) {
				t.Errorf("PDF lacks %q:\n%s", want, text)
			}
		}
		// The 64-character head hash may be wrapped; it is all there.
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), rep.HeadHash) {
			t.Errorf("PDF lacks the head hash %s", rep.HeadHash)
		}
		if f.Info["Title"] != m.Title {
			t.Errorf("info %q", f.Info)
		}
		// A standard reader agrees, where one is installed.
		if _, err := exec.LookPath("pdftotext"); err == nil {
			cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
			cmd.Stdin = bytes.NewReader(buf.Bytes())
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			got := strings.Join(strings.Fields(string(out)), " ")
			for _, want := range []string{"Saldo Rp1.215.000", "Total keluar Rp285.000", "Saldo zakat dan infak Rp150.000"} {
				if !strings.Contains(got, want) {
					t.Errorf("pdftotext lacks %q:\n%s", want, got)
				}
			}
		}
	})
}

// instant is an RFC 3339 time, fractions of a second allowed.
func instant(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
