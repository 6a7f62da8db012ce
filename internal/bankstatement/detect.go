package bankstatement

import (
	"bytes"
	"io"
)

// detectWindow is how much of a file Detect reads: the header is always
// near the top.
const detectWindow = 64 << 10

// Detect names the bank whose export r holds, from words only that bank's
// format uses: BRI's TGL_TRAN/DESK_TRAN/MUTASI_KREDIT column names,
// Mandiri's "Transaction Code"/"Val. Date"/"Reference No." columns, BCA's
// "Kode Mata Uang" line or its Tanggal/Keterangan/Cabang/Jumlah header.
func Detect(r io.Reader) (Bank, error) {
	head, err := io.ReadAll(io.LimitReader(r, detectWindow))
	if err != nil {
		return "", &ParseError{Key: KeyRead, Err: err}
	}
	h := bytes.ToLower(head)
	has := func(words ...string) bool {
		for _, w := range words {
			if !bytes.Contains(h, []byte(w)) {
				return false
			}
		}
		return true
	}
	switch {
	case has("tgl_tran") || has("desk_tran") || has("mutasi_kredit") || has("saldo_akhir_mutasi"):
		return BRI, nil
	case has("transaction code") || has("val. date") || has("reference no") ||
		has("tgl. val") || has("no. referensi") || has("rincian transaksi"):
		return Mandiri, nil
	case has("kode mata uang") || has("keterangan", "cabang", "jumlah") ||
		has("mutasi kredit", "mutasi debet", "saldo awal"):
		return BCA, nil
	}
	return "", &ParseError{Key: KeyUnknownBank, Err: ErrUnknownBank}
}
