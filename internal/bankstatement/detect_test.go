package bankstatement

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// testRef is when the test files were "exported".
var testRef = time.Date(2025, time.April, 2, 9, 0, 0, 0, time.UTC)

// allFormats lists every format once, in the order of Banks.
func allFormats() []Format {
	var out []Format
	for _, b := range Banks {
		for _, f := range Formats(b) {
			if !slicesContains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func TestDetect(t *testing.T) {
	for _, f := range allFormats() {
		raw, err := os.ReadFile("testdata/" + string(f) + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		if got, err := Detect(strings.NewReader(string(raw))); err != nil || got != f {
			t.Errorf("Detect(%s sample) = %s, %v", f, got, err)
		}
	}
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{"Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n", FormatKlikBCA},
		{"\"Tanggal Transaksi\",\"Keterangan\",\"Cabang\",\"Jumlah\",\"Saldo\"\n", FormatKlikBCABisnis},
		{"Date,Description,Branch,Amount,,Balance\n", FormatKlikBCAEnglish},
		{"No. Rekening,Tanggal,Tgl. Val.,Rincian Transaksi,No. Referensi,Debit,Kredit,Saldo\n", FormatMandiri},
		{"AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance\n", FormatMandiriBisnis},
		{"tgl_tran;desk_tran\n", FormatBRI},
		{"Posting Date,Effective Date,Branch,Journal,Description,Amount,DB/CR,Balance\n", FormatBNI},
		{"Tanggal Transaksi,Uraian Transaksi,Tipe,Nominal,Saldo\n", FormatBNI},
		{"TrxId,Tanggal,Trx Time,D/K,Mutasi,Saldo,Keterangan\n", FormatBSI},
	} {
		if got, err := Detect(strings.NewReader(tc.in)); err != nil || got != tc.want {
			t.Errorf("Detect(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := Detect(strings.NewReader("Date,Amount\n2025-01-01,5\n")); !errors.Is(err, ErrUnknownBank) {
		t.Errorf("unknown format: err = %v", err)
	}
}

// Every format serves the banks listed for it, and the formats named in
// messages are all of them.
func TestFormatsOfBanks(t *testing.T) {
	names := FormatNames()
	for _, f := range allFormats() {
		if !strings.Contains(names, f.Name()) {
			t.Errorf("%s missing from %q", f.Name(), names)
		}
		if _, ok := sampleWriters[f]; !ok {
			t.Errorf("no sample writer for %s", f)
		}
	}
	if !FormatMandiriBisnis.Serves(BSI) || !FormatMandiriBisnis.Serves(Mandiri) || FormatBSI.Serves(Mandiri) {
		t.Error("the business layout of Mandiri and BSI")
	}
	if len(Formats(Bank("btn"))) != 0 {
		t.Error("formats of an unknown bank")
	}
}

func TestParseAuto(t *testing.T) {
	raw, err := os.ReadFile("testdata/mandiri.csv")
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseAuto(strings.NewReader(string(raw)), testRef)
	if err != nil || st.Bank != Mandiri || st.Format != FormatMandiri || len(st.Lines) != 6 {
		t.Fatalf("ParseAuto = %+v, %v", st, err)
	}
	if got := len(st.Credits()); got != 3 {
		t.Errorf("%d credits, want 3", got)
	}
}
