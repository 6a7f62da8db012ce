package bankstatement

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func parseFile(t *testing.T, bank Bank) *Statement {
	t.Helper()
	f, err := os.Open("testdata/" + string(bank) + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := Parse(bank, f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", bank, err)
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
		bank          Bank
		account       string
		from, to      string
		lines         int
		credit, debit int64
		first         Line
		lastBalance   int64 // 0: the export has no balance column
	}{
		{BCA, "0009876543", "2025-03-01", "2025-03-31", 9, 1640940, 460304,
			Line{Description: "TRSF E-BANKING CR 0303/FTSCY/WS95051 150123.00 ANI CONTOH", Amount: 150123, Number: 7}, 2680636},
		{BRI, "009901000123509", "2025-03-02", "2025-03-14", 6, 1626470, 512500,
			Line{Description: "NBMB ANI CONTOH TO YAYASAN CONTOH MANDIRI", Amount: 250321, Number: 2}, 4113970},
		{Mandiri, "1230009876543", "2025-03-03", "2025-03-28", 6, 25600777, 4262500,
			Line{Description: "TRANSFER DARI ANI CONTOH", Amount: 500456, Number: 2}, 0},
	} {
		t.Run(string(tc.bank), func(t *testing.T) {
			st := parseFile(t, tc.bank)
			if st.Bank != tc.bank || st.Account != tc.account {
				t.Errorf("bank, account = %s, %q", st.Bank, st.Account)
			}
			if got := st.From.Format(time.DateOnly) + " " + st.To.Format(time.DateOnly); got != tc.from+" "+tc.to {
				t.Errorf("period = %s", got)
			}
			if len(st.Lines) != tc.lines {
				t.Fatalf("%d lines, want %d", len(st.Lines), tc.lines)
			}
			if c, d := sums(st.Lines); c != tc.credit || d != tc.debit {
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

// The footer of the BCA sample agrees with its lines, and the running
// balance moves by each line's amount.
func TestBCAFooterTotals(t *testing.T) {
	st := parseFile(t, BCA)
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
		{"bca footer with unquoted amounts", BCA, bcaHead + "'03/03,A,0,\"1,000.00\",CR,\nSaldo Awal : 1,500,000.00\nMutasi Kredit : 1,000.00 1\nSaldo Akhir : 1,501,000.00\n", "1000|2025-03-03"},
		{"bri iso with time, comma sep", BRI, "TGL_TRAN,DESK_TRAN,MUTASI_DEBET,MUTASI_KREDIT,SALDO_AKHIR_MUTASI\n2025-03-14 10:22:01,A,0,1500000.00,1500000.00\n", "1500000|2025-03-14"},
		{"bri short year, dots", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT;SALDO_AKHIR_MUTASI\n14/03/25;A;1.500.000;0;0\n", "-1500000|2025-03-14"},
		{"bri meta lines and totals row", BRI, "Nomor Rekening : 0099-01-000123-50-9\nPeriode : 2025-03-01 - 2025-03-31\n\nTanggal Transaksi;Uraian Transaksi;Debet;Kredit;Saldo\n01/03/2025;A;;25.000,00;25.000,00\n;Total;0,00;25.000,00;\n", "25000|2025-03-01"},
		{"mandiri personal indonesian headers", Mandiri, "No. Rekening,Tanggal,Tgl. Val.,Rincian Transaksi,No. Referensi,Debit,Kredit,Saldo\n123,03/03/2025,03/03/2025,TRANSFER,R1,\"0.00\",\"10,000.00\",\"10,000.00\"\n", "10000|2025-03-03"},
		{"mandiri semicolon quoted", Mandiri, "\"Account No\";\"Date\";\"Description\";\"Debit\";\"Credit\"\n\"123\";\"03/03/2025\";\"A; B\";\"1.500.000,00\";\"0,00\"\n", "-1500000|2025-03-03"},
		{"mandiri unquoted grouped", Mandiri, "Account No,Date,Val. Date,Transaction Code,Description,Reference No.,Debit,Credit\n123,03/03/2025,03/03/2025,8109,A,R1,.00,1,500,000.00\n", "1500000|2025-03-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := Parse(tc.bank, strings.NewReader(tc.in))
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
		{"unknown bank", Bank("bni"), bcaHead, ErrUnknownBank, KeyUnknownBank, 0},
		{"empty file", BCA, "", ErrNoHeader, KeyNoHeader, 0},
		{"no header", BRI, "a,b,c\n1,2,3\n", ErrNoHeader, KeyNoHeader, 0},
		{"header only", BCA, bcaHead, ErrNoLines, KeyNoLines, 0},
		{"bad amount", BCA, bcaHead + "'03/03,A,0,\"1,0,0\",CR,\n", ErrAmount, KeyAmount, 6},
		{"letters in amount", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n2025-03-14;A;0;12a\n", ErrAmount, KeyAmount, 2},
		{"non-zero sen", BCA, bcaHead + "'03/03,A,0,\"1,000.50\",CR,\n", ErrSen, KeySen, 6},
		{"sen the Indonesian way", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n2025-03-14;A;0;1.000,01\n", ErrSen, KeySen, 2},
		{"bad day", Mandiri, "Account No,Date,Description,Debit,Credit\n1,31/04/2025,A,0,5\n", ErrDate, KeyDate, 2},
		{"bad month", BRI, "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n2025-13-14;A;0;5\n", ErrDate, KeyDate, 2},
		{"date without year or period", BCA, "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n'03/03,A,0,5.00,CR,\n", ErrDate, KeyDate, 2},
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
			_, err := Parse(tc.bank, strings.NewReader(tc.in))
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
