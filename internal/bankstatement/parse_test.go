package bankstatement

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/i18n"
)

func parseFile(t *testing.T, f Format) *Statement {
	t.Helper()
	raw, err := os.ReadFile("testdata/" + string(f) + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	bank := firstBank(f)
	st, err := ParseAt(bank, strings.NewReader(string(raw)), testRef)
	if err != nil {
		t.Fatalf("Parse(%s): %v", f, err)
	}
	if st.Format != f {
		t.Errorf("read as %s, want %s", st.Format, f)
	}
	return st
}

func sums(lines []Line) (credit, debit int64) {
	for _, l := range lines {
		if l.Amount > 0 {
			credit += l.Amount
		} else {
			debit -= l.Amount
		}
	}
	return credit, debit
}

func TestSampleFiles(t *testing.T) {
	for _, tc := range []struct {
		format        Format
		account       string
		from, to      string
		lines         int
		credit, debit int64 // settled lines
		first         Line
		lastBalance   int64 // 0: the export has no balance column
	}{
		{FormatKlikBCA, "0009876543", "2025-03-01", "2025-03-31", 9, 1640940, 460304,
			Line{Description: "TRSF E-BANKING CR 0303/FTSCY/WS95051 150123.00 ANI CONTOH", Amount: 150123, Number: 7}, 2680636},
		{FormatKlikBCAEnglish, "0009876543", "2025-03-03", "2025-04-02", 5, 439136, 10000,
			Line{Description: "TRSF E-BANKING CR 0303/FTSCY/WS95051 150123.00ANI CONTOH", Amount: 150123, Number: 6}, 2004136},
		{FormatKlikBCABisnis, "0350000001", "2025-03-01", "2025-03-31", 4, 4529214, 450000,
			Line{Description: "KR OTOMATIS LLG-BANK CONTOH DONATUR CONTOH", Amount: 3528964, Number: 8}, 26092183},
		{FormatBRI, "009901000123509", "2025-03-02", "2025-03-14", 6, 1626470, 512500,
			Line{Description: "NBMB ANI CONTOH TO YAYASAN CONTOH MANDIRI", Amount: 250321, Number: 2}, 4113970},
		{FormatMandiri, "1230009876543", "2025-03-03", "2025-03-28", 6, 25600777, 4262500,
			Line{Description: "TRANSFER DARI ANI CONTOH", Amount: 500456, Number: 2}, 0},
		{FormatMandiriBisnis, "1230009876543", "2025-03-03", "2025-03-17", 3, 600777, 750000,
			Line{Description: "TRANSFER DARI ANI CONTOH Trf Inw CN BANK CENTRAL ASIA", Amount: 500456, Number: 2}, 13189253},
		{FormatBNI, "", "2025-03-03", "2025-03-31", 4, 325471, 512500,
			Line{Description: "TRANSFER DARI ANI CONTOH | BNI MOBILE 948211", Amount: 250321, Number: 2}, 2812971},
		{FormatBSI, "7001234567", "2025-03-01", "2025-03-31", 4, 2850123, 1005000,
			Line{Description: "ZAKAT MAAL DARI ANI CONTOH FT25030211001", Amount: 2500000, Number: 6}, 11845123},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			st := parseFile(t, tc.format)
			if st.Account != tc.account {
				t.Errorf("account = %q", st.Account)
			}
			if got := st.From.Format(time.DateOnly) + " " + st.To.Format(time.DateOnly); got != tc.from+" "+tc.to {
				t.Errorf("period = %s", got)
			}
			if len(st.Lines) != tc.lines {
				t.Fatalf("%d lines, want %d", len(st.Lines), tc.lines)
			}
			var settled []Line
			for _, l := range st.Lines {
				if !l.Pending {
					settled = append(settled, l)
				}
			}
			if c, d := sums(settled); c != tc.credit || d != tc.debit {
				t.Errorf("credits %d debits %d, want %d %d", c, d, tc.credit, tc.debit)
			}
			f := st.Lines[0]
			if f.Description != tc.first.Description || f.Amount != tc.first.Amount || f.Number != tc.first.Number {
				t.Errorf("first line = %+v", f)
			}
			if f.Date.Location().String() != "WIB" || f.Date.Hour() != 0 {
				t.Errorf("date %v is not a WIB day", f.Date)
			}
			if f.Raw == "" || strings.ContainsAny(f.Raw, "\r\n") {
				t.Errorf("raw = %q", f.Raw)
			}
			last := st.Lines[len(st.Lines)-1]
			switch {
			case tc.lastBalance == 0 && last.Balance != nil:
				t.Errorf("balance %d where the export has none", *last.Balance)
			case tc.lastBalance != 0 && (last.Balance == nil || *last.Balance != tc.lastBalance):
				t.Errorf("last balance = %v, want %d", last.Balance, tc.lastBalance)
			}
		})
	}
}

// Pending ("PEND") lines are read, dated, and kept out of the credits.
func TestPendingLines(t *testing.T) {
	for _, tc := range []struct {
		format Format
		amount int64
		day    string
	}{
		{FormatKlikBCAEnglish, 75000, "2025-04-02"}, // no period: the day of export
		{FormatKlikBCABisnis, 100777, "2025-03-31"}, // the period's last day
	} {
		st := parseFile(t, tc.format)
		last := st.Lines[len(st.Lines)-1]
		if !last.Pending || last.Amount != tc.amount || last.Date.Format(time.DateOnly) != tc.day {
			t.Errorf("%s: last line %+v", tc.format, last)
		}
		for _, c := range st.Credits() {
			if c.Pending {
				t.Errorf("%s: pending line among the credits", tc.format)
			}
		}
		if st.Totals == nil {
			t.Errorf("%s: footer not checked", tc.format)
		}
	}
}

// The footer of the BCA sample agrees with its lines, and the running
// balance moves by each line's amount.
func TestBCAFooterTotals(t *testing.T) {
	st := parseFile(t, FormatKlikBCA)
	if st.Totals == nil {
		t.Fatal("no totals")
	}
	c, d := sums(st.Lines)
	want := Totals{Opening: 1500000, Credit: c, Debit: d, Closing: 2680636}
	if *st.Totals != want {
		t.Errorf("totals = %+v, want %+v", *st.Totals, want)
	}
	prev := st.Totals.Opening
	for _, l := range st.Lines {
		if l.Balance == nil || *l.Balance != prev+l.Amount {
			t.Fatalf("line %d: balance %v after %d%+d", l.Number, l.Balance, prev, l.Amount)
		}
		prev = *l.Balance
	}
}

const bcaHead = "No. rekening : 0009876543\nPeriode : 01/03/2025 - 31/03/2025\nKode Mata Uang : Rp\n\nTanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n"

// Variants the parsers must accept, each reduced to "amounts|days".
func TestVariants(t *testing.T) {
	for _, tc := range []struct {
		name string
		bank Bank
		in   string
		want string
	}{
		{"bca marker in next cell", BCA, bcaHead + "'03/03,TRANSFER,'0000,\"1,000.00\",CR,\"5,000.00\"\n", "1000|2025-03-03"},
		{"bca marker in same cell, no blank column", BCA, bcaHead + "03/03,TRANSFER,0000,\"1,000.00 DB\",\"5,000.00\"\n", "-1000|2025-03-03"},
		{"bca unquoted grouped amounts", BCA, bcaHead + "'03/03,TRANSFER,'0000,1,287,490.00,CR,2,000,000.00\n", "1287490|2025-03-03"},
		{"bca plain amounts", BCA, bcaHead + "'03/03,TRANSFER,'0000,287490.00,CR,2000000.00\n", "287490|2025-03-03"},
		{"bca semicolon", BCA, strings.ReplaceAll(bcaHead, ",", ";") + "'03/03;TRANSFER;'0000;287,490.00;CR;2,000,000.00\n", "287490|2025-03-03"},
		{"bca crlf and bom", BCA, "\ufeff" + strings.ReplaceAll(bcaHead+"'03/03,A,'0000,\"10.00\",CR,\n", "\n", "\r\n"), "10|2025-03-03"},
		{"bca year from a period across new year", BCA, strings.Replace(bcaHead, "01/03/2025 - 31/03/2025", "15/12/2024 - 14/01/2025", 1) +
			"'20/12,A,0,\"1.00\",CR,\n'02/01,B,0,\"2.00\",CR,\n", "1,2|2024-12-20,2025-01-02"},
		{"bca pend takes period end", BCA, bcaHead + "PEND,A,0,\"5.00\",CR,\n", "5|2025-03-31"},
		{"klikbca english without period: year of export", BCA, "Account No.,=,'0009876543\nDate,Description,Branch,Amount,,Balance\n'05/03,A,'0000,5.00,CR,5.50\n'05/12,B,'0000,7.00,CR,12.50\nStarting Balance,=,0.50\nCredit,=,12.00\nDebet,=,\nEnding Balance,=,12.50\n", "5,7|2025-03-05,2024-12-05"},
		{"balances and totals with sen", BCA, bcaHead + "'03/03,A,0,\"1,000.00\",CR,\"1,000.47\"\nSaldo Awal : 0.47\nMutasi Kredit : 1,000.00\nSaldo Akhir : 1,000.47\n", "1000|2025-03-03"},
		{"mandiri business month names", Mandiri, "AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance\n1;IDR;01 September 2025 14:24:27;A;B;18429612.00;0.00;130941712.79\n1;IDR;2 Des 2025;C;;0.00;5.00;130941707.79\n", "18429612,-5|2025-09-01,2025-12-02"},
		{"bsi account in the business layout", BSI, "AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance\n1;IDR;01-Sep-25 10:00;A;;5.00;0.00;5.00\n", "5|2025-09-01"},
		{"mandiri mcm description twice", Mandiri, "Account No,Date,Val. Date,Transaction Code,Description,Description,Reference No.,Debit,Credit\n1,01/01/26,01/01/26,6902,DR 1 KR 2,DONATUR,R1,.00,\"5,000.00\"\n", "5000|2026-01-01"},
		{"bni with a DB/CR column", BNI, "Posting Date,Effective Date,Branch,Journal,Description,Amount,DB/CR,Balance\n02/03/2025,02/03/2025,1,2,A,\"5,000.00\",CR,\"5,000.00\"\n03/03/2025,03/03/2025,1,3,B,\"1,000.00\",DB,\"4,000.00\"\n", "5000,-1000|2025-03-02,2025-03-03"},
		{"bni wondr", BNI, "Tanggal Transaksi,Uraian Transaksi,Tipe,Nominal,Saldo\n2025-03-02 10:00:00,A,Cr,\"5.000,00\",\"5.000,00\"\n", "5000|2025-03-02"},
		{"bsi debit", BSI, "TrxId,Tanggal,Trx Time,D/K,Mutasi,Saldo,Keterangan\n1,02/03/2025,08:00,D,\"5.000,00\",,A\n", "-5000|2025-03-02"},
		{"bca footer with unquoted amounts", BCA, bcaHead + "'03/03,A,0,\"1,000.00\",CR,\nSaldo Awal : 1,500,000.00\nMutasi Kredit : 1,000.00 1\nSaldo Akhir : 1,501,000.00\n", "1000|2025-03-03"},
		{"bri iso with time, comma sep", BRI, "TGL_TRAN,DESK_TRAN,MUTASI_DEBET,MUTASI_KREDIT,SALDO_AKHIR_MUTASI\n2025-03-14 10:22:01,A,0,1500000.00,1500000.00\n", "1500000|2025-03-14"},
		{"bri short year, dots", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT;SALDO_AKHIR_MUTASI\n14/03/25;A;1.500.000;0;0\n", "-1500000|2025-03-14"},
		{"bri meta lines and totals row", BRI, "Nomor Rekening : 0099-01-000123-50-9\nPeriode : 2025-03-01 - 2025-03-31\n\nTanggal Transaksi;Uraian Transaksi;Debet;Kredit;Saldo\n01/03/2025;A;;25.000,00;25.000,00\n;Total;0,00;25.000,00;\n", "25000|2025-03-01"},
		{"mandiri personal indonesian headers", Mandiri, "No. Rekening,Tanggal,Tgl. Val.,Rincian Transaksi,No. Referensi,Debit,Kredit,Saldo\n123,03/03/2025,03/03/2025,TRANSFER,R1,\"0.00\",\"10,000.00\",\"10,000.00\"\n", "10000|2025-03-03"},
		{"mandiri semicolon quoted", Mandiri, "\"Account No\";\"Date\";\"Description\";\"Debit\";\"Credit\"\n\"123\";\"03/03/2025\";\"A; B\";\"1.500.000,00\";\"0,00\"\n", "-1500000|2025-03-03"},
		{"mandiri unquoted grouped", Mandiri, "Account No,Date,Val. Date,Transaction Code,Description,Reference No.,Debit,Credit\n123,03/03/2025,03/03/2025,8109,A,R1,.00,1,500,000.00\n", "1500000|2025-03-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := ParseAt(tc.bank, strings.NewReader(tc.in), testRef)
			if err != nil {
				t.Fatal(err)
			}
			var amounts, days []string
			for _, l := range st.Lines {
				amounts = append(amounts, itoa(l.Amount))
				days = append(days, l.Date.Format(time.DateOnly))
			}
			if got := strings.Join(amounts, ",") + "|" + strings.Join(days, ","); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		bank Bank
		in   string
		err  error
		key  string
		line int
	}{
		{"unknown bank", Bank("btn"), bcaHead, ErrUnknownBank, KeyUnknownBank, 0},
		{"empty file", BCA, "", ErrNoHeader, KeyUnknownFormat, 0},
		{"no header", BRI, "a,b,c\n1,2,3\n", ErrNoHeader, KeyUnknownFormat, 0},
		{"header only", BCA, bcaHead, ErrNoLines, KeyNoLines, 0},
		{"bad amount", BCA, bcaHead + "'03/03,A,0,\"1,0,0\",CR,\n", ErrAmount, KeyAmount, 6},
		{"letters in amount", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n2025-03-14;A;0;12a\n", ErrAmount, KeyAmount, 2},
		{"non-zero sen", BCA, bcaHead + "'03/03,A,0,\"1,000.50\",CR,\n", ErrSen, KeySen, 6},
		{"sen the Indonesian way", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n2025-03-14;A;0;1.000,01\n", ErrSen, KeySen, 2},
		{"bad day", Mandiri, "Account No,Date,Description,Debit,Credit\n1,31/04/2025,A,0,5\n", ErrDate, KeyDate, 2},
		{"bad month", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n2025-13-14;A;0;5\n", ErrDate, KeyDate, 2},
		{"bad date without a period", BCA, "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n'31/02,A,0,5.00,CR,\n", ErrDate, KeyDate, 2},
		{"bad month name", Mandiri, "AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance\n1;IDR;31 February 2025;A;;5.00;0.00;5.00\n", ErrDate, KeyDate, 2},
		{"bsi marker", BSI, "TrxId,Tanggal,Trx Time,D/K,Mutasi,Saldo,Keterangan\n1,02/03/2025,08:00,X,5.00,5.00,A\n", ErrMarker, KeyMarker, 2},
		{"bsi without amount", BSI, "TrxId,Tanggal,Trx Time,D/K,Mutasi,Saldo,Keterangan\n1,02/03/2025,08:00,K,,5.00,A\n", ErrNoAmount, KeyNoAmount, 2},
		{"bni both sides", BNI, "Post Date,Value Date,Branch,Journal No.,Description,Debit,Credit\n03/03/25,03/03/25,1,2,A,5,5\n", ErrBothSides, KeyBothSides, 2},
		{"bad period", BCA, strings.Replace(bcaHead, "31/03/2025", "31/02/2025", 1), ErrDate, KeyDate, 2},
		{"missing marker", BCA, bcaHead + "'03/03,A,0,\"5.00\",,\n", ErrMarker, KeyMarker, 6},
		{"foreign currency", BCA, strings.Replace(bcaHead, ": Rp", ": USD", 1), ErrCurrency, KeyCurrency, 3},
		{"footer disagrees", BCA, bcaHead + "'03/03,A,0,\"5.00\",CR,\nMutasi Kredit : \"6.00\"\n", ErrTotals, KeyTotals, 7},
		{"opening and closing disagree", BCA, bcaHead + "'03/03,A,0,\"5.00\",CR,\nSaldo Awal : 0.00\nSaldo Akhir : 4.00\n", ErrTotals, KeyTotals, 8},
		{"both sides", Mandiri, "Account No,Date,Description,Debit,Credit\n1,03/03/2025,A,5,5\n", ErrBothSides, KeyBothSides, 2},
		{"no amount", Mandiri, "Account No,Date,Description,Debit,Credit\n1,03/03/2025,A,,\n", ErrNoAmount, KeyNoAmount, 2},
		{"missing credit column", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET\n2025-03-14;A;5\n", ErrColumns, KeyColumns, 1},
		{"short row", Mandiri, "Account No,Date,Description,Debit,Credit\n1,03/03/2025,A\n", ErrColumns, KeyColumns, 2},
		{"too large", BRI, strings.Repeat("x", MaxFileSize+1), ErrTooLarge, KeyTooLarge, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAt(tc.bank, strings.NewReader(tc.in), testRef)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if !errors.Is(err, tc.err) || pe.Key != tc.key || pe.Line != tc.line {
				t.Errorf("err = %v (key %s, line %d), want %v (key %s, line %d)", err, pe.Key, pe.Line, tc.err, tc.key, tc.line)
			}
		})
	}
}

// A file in none of a bank's formats gets a message naming them.
func TestUnknownFormatMessage(t *testing.T) {
	_, err := ParseAt(BSI, strings.NewReader("Tanggal,Jumlah\n02/03/2025,5\n"), testRef)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Key != KeyUnknownFormat {
		t.Fatalf("err = %v", err)
	}
	msg := i18n.T(i18n.ID, pe.Key, pe.Args()...)
	for _, want := range []string{"rekening BSI", "BSI (Net Banking, BSI Mobile)", "Mandiri Kopra / BSI bisnis"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	_, err = ParseAuto(strings.NewReader("Tanggal,Jumlah\n"), testRef)
	if !errors.As(err, &pe) || !strings.Contains(i18n.T(i18n.EN, pe.Key, pe.Args()...), "KlikBCA Bisnis") {
		t.Fatalf("ParseAuto err = %v", err)
	}
}
