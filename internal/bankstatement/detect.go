package bankstatement

import (
	"io"
	"strings"
)

// detectWindow is how much of a file Detect reads: the header is always
// near the top.
const detectWindow = 64 << 10

// Detect names the format of the export r holds, from words only that
// format uses (see the sniff functions); ErrUnknownBank when none fits.
func Detect(r io.Reader) (Format, error) {
	head, err := io.ReadAll(io.LimitReader(r, detectWindow))
	if err != nil {
		return "", &ParseError{Key: KeyRead, Err: err}
	}
	h := strings.ToLower(string(head))
	for _, l := range layouts {
		if l.sniff(h) {
			return l.format, nil
		}
	}
	return "", unknownFormat()
}

// hasAll reports whether h contains every word.
func hasAll(h string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// BRI: TGL_TRAN/DESK_TRAN/MUTASI_KREDIT column names.
func sniffBRI(h string) bool {
	return hasAll(h, "tgl_tran") || hasAll(h, "desk_tran") || hasAll(h, "mutasi_kredit") || hasAll(h, "saldo_akhir_mutasi")
}

// Mandiri Kopra and BSI business: AccountNo;Ccy;PostDate;…;Credit Amount.
func sniffMandiriBisnis(h string) bool { return hasAll(h, "postdate", "credit amount") }

// BSI: TrxId and the D/K column beside Mutasi.
func sniffBSI(h string) bool {
	return hasAll(h, "trxid") || hasAll(h, "trx id") || hasAll(h, "d/k", "mutasi")
}

// BNI: Post Date and Journal No., DB/CR beside Amount, or wondr's
// Uraian Transaksi, Tipe and Nominal.
func sniffBNI(h string) bool {
	return hasAll(h, "post date", "journal") || hasAll(h, "posting date", "db/cr") ||
		hasAll(h, "uraian transaksi", "tipe", "nominal")
}

// Mandiri online and MCM: Transaction Code, Val. Date, Reference No.
func sniffMandiri(h string) bool {
	return hasAll(h, "transaction code") || hasAll(h, "val. date") || hasAll(h, "reference no") ||
		hasAll(h, "tgl. val") || hasAll(h, "no. referensi") || hasAll(h, "rincian transaksi")
}

// KlikBCA in English: Description, Branch and Amount, and its footer.
func sniffKlikBCAEnglish(h string) bool {
	return hasAll(h, "description", "branch", "amount") || hasAll(h, "starting balance", "ending balance")
}

// KlikBCA Bisnis: the Indonesian header without the empty marker column
// between Jumlah and Saldo (the marker shares the amount's cell).
func sniffKlikBCABisnis(h string) bool {
	return sniffKlikBCA(h) && (strings.Contains(h, `"jumlah","saldo"`) || strings.Contains(h, "jumlah,saldo") ||
		strings.Contains(h, "jumlah;saldo") || strings.Contains(h, `"jumlah";"saldo"`))
}

// KlikBCA Individu: "Kode Mata Uang" or its Tanggal/Keterangan/Cabang/
// Jumlah header, or its footer.
func sniffKlikBCA(h string) bool {
	return hasAll(h, "kode mata uang") || hasAll(h, "keterangan", "cabang", "jumlah") ||
		hasAll(h, "mutasi kredit", "mutasi debet", "saldo awal")
}
