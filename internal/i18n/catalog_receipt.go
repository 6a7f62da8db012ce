package i18n

// Donation receipts (bukti donasi) and their public check.
func init() {
	add(map[string]Msg{
		// The PDF.
		"kuitansi.title":       {"Bukti donasi", "Donation receipt"},
		"kuitansi.number":      {"Nomor kuitansi", "Receipt number"},
		"kuitansi.date":        {"Tanggal diterima", "Date received"},
		"kuitansi.from":        {"Diterima dari", "Received from"},
		"kuitansi.amount":      {"Jumlah", "Amount"},
		"kuitansi.words":       {"Terbilang", "In words"},
		"kuitansi.campaign":    {"Untuk kampanye", "For the campaign"},
		"kuitansi.fund":        {"Jenis dana", "Fund"},
		"kuitansi.method":      {"Cara pembayaran", "Payment method"},
		"kuitansi.akta":        {"Akta %s", "Deed %s"},
		"kuitansi.entry":       {"Catatan buku terbuka", "Open books entry"},
		"kuitansi.entry_value": {"Nomor urut %d", "Entry %d"},
		"kuitansi.hash":        {"Hash catatan", "Entry hash"},
		"kuitansi.scan":        {"Pindai untuk memeriksa kuitansi ini", "Scan to check this receipt"},
		"kuitansi.thanks": {"Terima kasih. %s telah menerima donasi ini dan mencatatnya di buku terbukanya.",
			"Thank you. %s has received this donation and recorded it in its open books."},
		"kuitansi.zakat_statement": {"Donasi ini diterima sebagai zakat dan infak. Zakat, infak dan sedekah dicatat terpisah dari dana umum organisasi, dalam kategori tersendiri di buku terbuka, dan tidak pernah dicampur dengan saldo lain.",
			"This donation was received as zakat and infak. Zakat, infak and sedekah are recorded apart from the organisation's general funds, in their own category of the open books, and never mixed with other balances."},
		"kuitansi.printed": {"Kuitansi ini dibuat oleh Lokadaya dari buku terbuka organisasi dan sah tanpa tanda tangan. Keasliannya dapat diperiksa lewat kode QR di atas.",
			"This receipt was made by Lokadaya from the organisation's open books and is valid without a signature. Its authenticity can be checked through the QR code above."},

		// The donor's pages.
		"kuitansi.mail":          {"Bukti donasi (PDF): %s", "Donation receipt (PDF): %s"},
		"kuitansi.download":      {"Unduh bukti donasi (PDF)", "Download the donation receipt (PDF)"},
		"kuitansi.pending.title": {"Bukti donasi belum tersedia", "The receipt is not available yet"},
		"kuitansi.pending.body": {"Bukti donasi tersedia setelah donasi dikonfirmasi oleh bendahara organisasi. Status donasi ini sekarang: %s.",
			"The receipt is available once the organisation's treasurer has confirmed the donation. This donation's status is now: %s."},
		"kuitansi.pending.back": {"Kembali ke halaman donasi", "Back to the donation's page"},

		// The public check.
		"kuitansi.verify.title": {"Periksa kuitansi %s", "Check receipt %s"},
		"kuitansi.verify.intro": {"Halaman ini membandingkan kuitansi dengan buku terbuka organisasi: Lokadaya menghitung ulang hash catatan dan memeriksa rantai catatan dari awal sampai catatan ini.", "This page compares the receipt with the organisation's open books: Lokadaya recomputes the entry's hash and checks the chain of entries from the first to this one."},
		"kuitansi.verify.ok":    {"Terverifikasi", "Verified"},
		"kuitansi.verify.ok_detail": {"Catatan ini cocok dengan buku terbuka, dan rantai %d catatan sampai catatan ini utuh.",
			"This entry matches the open books, and the chain of %d entries up to it is intact."},
		"kuitansi.verify.bad": {"Tidak terverifikasi", "Not verified"},
		"kuitansi.verify.bad_detail": {"Buku terbuka tidak cocok: %s pada catatan nomor %d. Jangan anggap kuitansi ini sah dan hubungi organisasi atau Lokadaya.",
			"The open books do not check out: %s at entry %d. Do not take this receipt as valid; contact the organisation or Lokadaya."},
		"kuitansi.verify.reversed":     {"Catatan ini telah dibatalkan oleh catatan nomor %d.", "This entry was reversed by entry %d."},
		"kuitansi.verify.org":          {"Organisasi", "Organisation"},
		"kuitansi.verify.kind":         {"Jenis catatan", "Kind of entry"},
		"kuitansi.verify.category":     {"Kategori", "Category"},
		"kuitansi.verify.counterparty": {"Nama yang ditampilkan", "Name shown"},
		"kuitansi.verify.prev_hash":    {"Hash catatan sebelumnya", "Previous entry's hash"},
		"kuitansi.verify.report":       {"Lihat laporan keuangan organisasi", "See the organisation's financial report"},
		"kuitansi.verify.link":         {"Periksa kuitansi catatan %d", "Check the receipt of entry %d"},
		"kuitansi.problem.missing":     {"catatan hilang", "an entry is missing"},
		"kuitansi.problem.link":        {"sambungan rantai putus", "the chain is broken"},
		"kuitansi.problem.hash":        {"isi catatan tidak sesuai hash-nya", "the entry does not match its hash"},
		"kuitansi.problem.seq":         {"nomor urut tidak wajar", "an unexpected entry number"},
		"kuitansi.problem.head":        {"ujung rantai tidak sesuai", "the head of the chain does not match"},
		"kuitansi.problem.tail":        {"catatan terakhir hilang", "the last entries are missing"},
		"error.receipt_unknown.title":  {"Kuitansi tidak ditemukan", "Receipt not found"},
		"error.receipt_unknown.body": {"Tidak ada catatan buku terbuka dengan nomor kuitansi ini. Periksa kembali nomornya, misalnya 7-12-3F9A2C1B: nomor organisasi, nomor urut catatan dan delapan karakter hash.",
			"No open books entry has this receipt number. Check the number again, for example 7-12-3F9A2C1B: the organisation's number, the entry's number and eight characters of its hash."},
	})
}
