package bankstatement

import (
	"regexp"
	"time"
)

var isoDate = regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}`)

// BRI internet banking: one row per line under upper-case column names;
// some versions put "Key : value" lines above them.
var bri = twoColumn{
	names: map[string][]string{
		"account": {"norek", "no rekening", "nomor rekening", "no rek"},
		"date":    {"tgl tran", "tgl transaksi", "tanggal transaksi", "tanggal", "tgl"},
		"desc":    {"desk tran", "deskripsi", "uraian transaksi", "uraian", "keterangan"},
		"debit":   {"mutasi debet", "mutasi debit", "debet", "debit"},
		"credit":  {"mutasi kredit", "kredit", "credit"},
		"balance": {"saldo akhir mutasi", "saldo akhir", "saldo"},
	},
	meta: generalMeta,
}

func parseBRI(data []byte, ref time.Time) (*Statement, error) { return bri.parse(data, ref) }
