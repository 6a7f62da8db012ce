package i18n

// The open books: the ledger API and the head hash on an organisation's page.
func init() {
	add(map[string]Msg{
		"ledger.api.bad_param": {
			"Nilai parameter %s tidak valid: tanggal ditulis YYYY-MM-DD (atau waktu RFC 3339), from sebelum to, kursor berupa angka.",
			"Invalid value for parameter %s: dates are written YYYY-MM-DD (or an RFC 3339 time), from before to, the cursor is a number.",
		},
		"ledger.show.title": {"Buku terbuka", "Open books"},
		"ledger.show.head": {
			"Setiap rupiah masuk dan keluar dicatat dalam buku yang tidak bisa diubah diam-diam. Catatan: %d. Hash terakhir:",
			"Every rupiah in and out is kept in books that cannot be quietly rewritten. Entries: %d. Latest hash:",
		},
		"ledger.show.verify": {"Periksa buku", "Check the books"},
	})
}
