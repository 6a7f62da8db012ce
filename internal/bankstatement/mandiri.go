package bankstatement

// Mandiri Online and MCM (Mandiri Cash Management): English column
// names in the business export, Indonesian in the personal one.
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

func parseMandiri(data []byte) (*Statement, error) { return mandiri.parse(data) }
