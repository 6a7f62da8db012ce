package bankstatement

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, bank := range Banks {
		f, err := os.Open("testdata/" + string(bank) + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		got, err := Detect(f)
		f.Close()
		if err != nil || got != bank {
			t.Errorf("Detect(%s sample) = %s, %v", bank, got, err)
		}
	}
	for _, tc := range []struct {
		in   string
		want Bank
	}{
		{"Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n", BCA},
		{"No. Rekening,Tanggal,Tgl. Val.,Rincian Transaksi,No. Referensi,Debit,Kredit,Saldo\n", Mandiri},
		{"tgl_tran;desk_tran\n", BRI},
	} {
		if got, err := Detect(strings.NewReader(tc.in)); err != nil || got != tc.want {
			t.Errorf("Detect(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := Detect(strings.NewReader("Date,Amount\n2025-01-01,5\n")); !errors.Is(err, ErrUnknownBank) {
		t.Errorf("unknown format: err = %v", err)
	}
}

func TestParseAuto(t *testing.T) {
	raw, err := os.ReadFile("testdata/mandiri.csv")
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseAuto(strings.NewReader(string(raw)))
	if err != nil || st.Bank != Mandiri || len(st.Lines) != 6 {
		t.Fatalf("ParseAuto = %+v, %v", st, err)
	}
	if got := len(st.Credits()); got != 3 {
		t.Errorf("%d credits, want 3", got)
	}
}
