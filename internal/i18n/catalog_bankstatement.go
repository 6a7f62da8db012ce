package i18n

// Reading bank statement exports (BCA, BRI, Mandiri, BNI, BSI CSV).
// Messages of errors tied to a line take the line number.
func init() {
	add(map[string]Msg{
		"bankstatement.bank.bca":     {"BCA", "BCA"},
		"bankstatement.bank.bri":     {"BRI", "BRI"},
		"bankstatement.bank.mandiri": {"Mandiri", "Mandiri"},
		"bankstatement.bank.bni":     {"BNI", "BNI"},
		"bankstatement.bank.bsi":     {"BSI", "BSI"},

		"bankstatement.err.unknown_bank":   {"Berkas ini tidak dikenali sebagai mutasi rekening. Format yang dapat dibaca: %s.", "This file is not recognised as an account statement. The formats read are: %s."},
		"bankstatement.err.unknown_format": {"Format berkas ini tidak dikenali. Untuk rekening %s, unduh mutasi dalam CSV dari salah satu format ini: %s.", "This file's format is not recognised. For a %s account, download the statement as CSV in one of these formats: %s."},
		"bankstatement.err.read":           {"Berkas tidak dapat dibaca.", "The file could not be read."},
		"bankstatement.err.too_large":      {"Berkas terlalu besar (paling besar 4 MB).", "The file is too large (4 MB at most)."},
		"bankstatement.err.no_header":      {"Baris judul kolom tidak ditemukan. Unggah berkas CSV asli dari internet banking.", "The column header was not found. Upload the CSV file exactly as internet banking exported it."},
		"bankstatement.err.no_lines":       {"Berkas tidak memuat satu pun transaksi.", "The file holds no transactions."},
		"bankstatement.err.amount":         {"Baris %d: jumlah uang tidak terbaca.", "Line %d: the amount cannot be read."},
		"bankstatement.err.sen":            {"Baris %d: jumlah memuat sen; rupiah di sini harus bulat.", "Line %d: the amount has sen; rupiah here must be whole."},
		"bankstatement.err.date":           {"Baris %d: tanggal tidak terbaca.", "Line %d: the date cannot be read."},
		"bankstatement.err.marker":         {"Baris %d: jumlah tanpa tanda CR atau DB.", "Line %d: the amount lacks its CR or DB marker."},
		"bankstatement.err.both_sides":     {"Baris %d: debet dan kredit sama-sama terisi.", "Line %d: both debit and credit are filled in."},
		"bankstatement.err.no_amount":      {"Baris %d: tidak ada jumlah debet maupun kredit.", "Line %d: there is neither a debit nor a credit amount."},
		"bankstatement.err.currency":       {"Baris %d: mata uang rekening bukan rupiah.", "Line %d: the account's currency is not rupiah."},
		"bankstatement.err.totals":         {"Baris %d: total di akhir berkas tidak cocok dengan jumlah transaksi; berkas mungkin terpotong.", "Line %d: the totals at the end of the file disagree with the transactions; the file may be cut short."},
		"bankstatement.err.csv":            {"Baris %d: format CSV rusak.", "Line %d: the CSV is malformed."},
		"bankstatement.err.columns":        {"Baris %d: kolom yang diperlukan tidak ada.", "Line %d: a required column is missing."},
	})
}
