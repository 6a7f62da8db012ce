package bankstatement

import "time"

// Mandiri Online, Livin' and MCM (Mandiri Cash Management): English column
// names in the business export, Indonesian in the personal one; MCM may
// print "Description" twice.
var mandiri = twoColumn{
	names: map[string][]string{
		"account": {"account no", "account number", "no rekening", "nomor rekening"},
		"date":    {"date", "posting date", "tanggal", "tgl"},
		"desc":    {"description", "remark", "keterangan", "rincian transaksi", "uraian"},
		"ref":     {"description 2", "remark 2"},
		"debit":   {"debit", "debet"},
		"credit":  {"credit", "kredit"},
		"balance": {"balance", "saldo"},
	},
	meta: generalMeta,
}

func parseMandiri(data []byte, ref time.Time) (*Statement, error) { return mandiri.parse(data, ref) }

// Mandiri's business banking (Kopra) and BSI's business export, separated
// by semicolons: AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit
// Amount;Debit Amount;Close Balance, dates like "01 September 2026
// 14:24:27", balances with sen.
var mandiriBisnis = twoColumn{
	names: map[string][]string{
		"account": {"accountno", "account no"},
		"date":    {"postdate", "post date"},
		"desc":    {"remarks", "remark"},
		"ref":     {"additionaldesc", "additional desc"},
		"debit":   {"debit amount"},
		"credit":  {"credit amount"},
		"balance": {"close balance", "closing balance"},
	},
	meta: generalMeta,
}

func parseMandiriBisnis(data []byte, ref time.Time) (*Statement, error) {
	return mandiriBisnis.parse(data, ref)
}
