package i18n

func init() {
	add(map[string]Msg{
		"donation.err.amount":  {"Jumlah tidak terbaca. Tulis angka rupiah, misalnya 50.000.", "The amount cannot be read. Write rupiah digits, e.g. 50.000."},
		"donation.err.minimum": {"Jumlah di bawah batas minimum donasi.", "The amount is below the minimum donation."},
		"donation.err.maximum": {"Jumlah terlalu besar.", "The amount is too large."},
		"donation.err.text":    {"Teks berisi karakter yang tidak sah.", "The text contains invalid characters."},
		"donation.err.email":   {"Alamat e-mail tidak sah.", "The e-mail address is not valid."},
		"donation.err.phone":   {"Nomor telepon Indonesia tidak sah.", "Not a valid Indonesian phone number."},
		"donation.err.token":   {"Formulir kedaluwarsa. Muat ulang halaman lalu coba lagi.", "The form has expired. Reload the page and try again."},
		"donation.err.no_code": {"Terlalu banyak donasi dengan jumlah ini sedang menunggu. Coba jumlah lain.", "Too many donations of this amount are waiting. Try another amount."},

		"donation.status.pending":   {"Menunggu transfer", "Awaiting transfer"},
		"donation.status.confirmed": {"Diterima", "Received"},
		"donation.status.rejected":  {"Ditolak", "Rejected"},
		"donation.status.expired":   {"Kedaluwarsa", "Expired"},

		"donation.closed.campaign": {"Kampanye ini tidak sedang menerima donasi.", "This campaign is not taking donations now."},
		"donation.closed.no_money": {"Kampanye ini tidak menggalang dana.", "This campaign does not raise money."},

		"donation.give.heading":         {"Donasi", "Donate"},
		"donation.give.title":           {"Donasi untuk %s", "Donate to %s"},
		"donation.give.submit_transfer": {"Lanjut ke petunjuk transfer", "Continue to transfer instructions"},
		"donation.field.amount":         {"Jumlah donasi", "Amount"},
		"donation.field.amount_custom":  {"Jumlah lain (rupiah)", "Another amount (rupiah)"},
		"donation.field.amount_hint":    {"Paling sedikit %s. Jumlah lain menggantikan pilihan di atas.", "At least %s. Another amount replaces the choice above."},
		"donation.field.name":           {"Nama", "Name"},
		"donation.field.anonymous":      {"Sembunyikan nama saya (tampil sebagai Hamba Allah)", "Hide my name (shown as Anonymous)"},
		"donation.field.message":        {"Pesan (boleh kosong)", "Message (optional)"},
		"donation.field.email":          {"E-mail (boleh kosong)", "E-mail (optional)"},
		"donation.field.phone":          {"Nomor telepon (boleh kosong)", "Phone number (optional)"},
		"donation.field.contact_hint":   {"Tanda terima dikirim ke e-mail bila diisi. Kontak tidak ditampilkan ke publik.", "A receipt goes to the e-mail when given. Contacts are never shown publicly."},

		"donation.money.confirmed": {"%s terkumpul dari target %s", "%s raised of %s"},
		"donation.money.donors":    {"%d donatur", "%d donors"},
		"donation.money.pending":   {"%s menunggu konfirmasi bendahara", "%s awaiting the treasurer's confirmation"},
		"donation.wall.title":      {"Para pendukung", "Supporters"},
		"donation.wall.anonymous":  {"Hamba Allah", "Anonymous"},
		"donation.wall.empty":      {"Belum ada donasi yang dikonfirmasi. Jadilah yang pertama!", "No confirmed donations yet. Be the first!"},

		"donation.show.title":            {"Petunjuk transfer", "Transfer instructions"},
		"donation.show.transfer_exactly": {"Transfer tepat sejumlah ini, termasuk tiga angka terakhir:", "Transfer exactly this amount, including the last three digits:"},
		"donation.show.code_hint":        {"Donasi %s ditambah kode unik %d rupiah, agar bendahara dapat mengenali transfer Anda.", "Your %s plus a unique code of %d rupiah, so the treasurer can recognise your transfer."},
		"donation.show.deadline":         {"Batas waktu transfer: %s.", "Transfer by: %s."},
		"donation.show.after":            {"Setelah uang masuk, bendahara organisasi mengonfirmasi donasi Anda. Simpan alamat halaman ini untuk melihat statusnya.", "Once the money arrives, the organisation's treasurer confirms your donation. Keep this page's address to check its status."},
		"donation.show.confirmed":        {"Terima kasih! Donasi %s sudah diterima.", "Thank you! Your donation of %s was received."},
		"donation.show.rejected":         {"Donasi ini ditolak oleh bendahara.", "The treasurer rejected this donation."},
		"donation.show.expired":          {"Batas waktu transfer sudah lewat. Bila Anda sudah mentransfer, hubungi organisasi.", "The transfer deadline has passed. If you already transferred, contact the organisation."},
		"donation.show.title_qris":       {"Bayar dengan QRIS", "Pay with QRIS"},
		"donation.show.qris_scan":        {"Pindai kode ini dengan aplikasi bank atau dompet digital Anda. Jumlahnya sudah terisi; bayar tanpa mengubahnya.", "Scan this code with your banking or e-wallet app. The amount is filled in; pay it without changing it."},
		"donation.show.qris_alt":         {"Kode QRIS untuk membayar %s", "QRIS code to pay %s"},
		"donation.show.qris_merchant":    {"Pastikan nama penerima di aplikasi Anda: %s.", "Check that your app shows the recipient: %s."},
		"donation.show.qris_deadline":    {"Batas waktu pembayaran: %s.", "Pay by: %s."},
		"donation.field.method":          {"Cara bayar", "Payment method"},
		"donation.method.transfer":       {"Transfer bank", "Bank transfer"},
		"donation.method.qris":           {"QRIS", "QRIS"},
		"donation.err.method":            {"Pilih cara bayar yang tersedia.", "Choose an available payment method."},
		"donation.show.back":             {"Kembali ke kampanye", "Back to the campaign"},

		"donation.manage.title":      {"Donasi masuk", "Incoming donations"},
		"donation.manage.settings":   {"Pengaturan pembayaran", "Payment settings"},
		"donation.manage.intro":      {"Cocokkan jumlah tepat (dengan kode unik) dengan mutasi rekening, lalu konfirmasi atau tolak.", "Match the exact amount (with its unique code) against the account statement, then confirm or reject."},
		"donation.manage.pending":    {"Menunggu konfirmasi", "Awaiting confirmation"},
		"donation.manage.recent":     {"Terakhir diproses", "Recently settled"},
		"donation.manage.amount":     {"Jumlah", "Amount"},
		"donation.manage.donor":      {"Donatur", "Donor"},
		"donation.manage.campaign":   {"Kampanye", "Campaign"},
		"donation.manage.created":    {"Dibuat", "Created"},
		"donation.manage.expires":    {"batas %s", "due %s"},
		"donation.manage.status":     {"Status", "Status"},
		"donation.manage.actions":    {"Tindakan", "Actions"},
		"donation.manage.anonymous":  {"anonim", "anonymous"},
		"donation.manage.confirm":    {"Konfirmasi diterima", "Confirm received"},
		"donation.manage.reject":     {"Tolak", "Reject"},
		"donation.manage.reason":     {"Alasan penolakan", "Reason for rejecting"},
		"donation.manage.no_pending": {"Tidak ada donasi yang menunggu.", "No donations are waiting."},
		"donation.manage.no_recent":  {"Belum ada donasi yang diproses.", "No donations settled yet."},
		"donation.flash.confirmed":   {"Donasi dikonfirmasi.", "Donation confirmed."},
		"donation.flash.rejected":    {"Donasi ditolak.", "Donation rejected."},
		"donation.flash.already":     {"Donasi itu sudah diproses sebelumnya.", "That donation was already settled."},

		"donation.receipt.subject": {"Tanda terima donasi — %s", "Donation receipt — %s"},
		"donation.receipt.body": {"Terima kasih, %s. Donasi Anda sebesar %s untuk kampanye \"%s\" sudah diterima (nomor %d, %s).\n%s",
			"Thank you, %s. Your donation of %s to the campaign \"%s\" was received (number %d, %s).\n%s"},
	})
}

func init() {
	add(map[string]Msg{
		"donation.api.key":        {"Header Idempotency-Key wajib diisi: 16–200 karakter ASCII yang terlihat, misalnya sebuah UUID.", "The Idempotency-Key header is required: 16–200 visible ASCII characters, such as a UUID."},
		"donation.api.key_reused": {"Idempotency-Key ini sudah dipakai untuk donasi lain dengan isi berbeda.", "This Idempotency-Key was already used for a different donation."},
	})
}
