package i18n

// Security: the gateway's status check, access to operator pages, sign-in
// limits, sign-up notices, supporters' contact data and strict input.
func init() {
	add(map[string]Msg{
		"gateway.notify.not_confirmed": {"Status di gateway pembayaran tidak membenarkan notifikasi ini; tidak ada yang diubah.", "The payment gateway's status does not confirm this notification; nothing was changed."},
		"gateway.notify.unavailable":   {"Status di gateway pembayaran belum dapat diperiksa. Kirim lagi nanti.", "The payment gateway's status cannot be checked yet. Send it again later."},

		// Strict input: request bodies too large, or JSON read two ways.
		"error.413.title":        {"Isian terlalu besar", "Form too large"},
		"error.413.body":         {"Isian formulir ini lebih besar dari yang dapat kami terima (256 KB). Kembali ke halaman sebelumnya, persingkat teksnya, lalu kirim lagi.", "This form is larger than we can accept (256 KB). Go back, shorten the text and send it again."},
		"error.400.title":        {"Formulir tidak terbaca", "Form could not be read"},
		"error.400.body":         {"Isian formulir tidak dapat dibaca. Muat ulang halaman lalu coba lagi.", "The form could not be read. Reload the page and try again."},
		"api.err.content_type":   {"Kirim isi permintaan sebagai JSON dengan Content-Type: application/json.", "Send the request body as JSON with Content-Type: application/json."},
		"api.err.too_large":      {"Isi permintaan terlalu besar (paling banyak %s KB).", "The request body is too large (at most %s KB)."},
		"api.err.json_syntax":    {"Isi permintaan bukan JSON yang valid.", "The request body is not valid JSON."},
		"api.err.json_trailing":  {"Ada data lain setelah objek JSON; kirim satu objek saja.", "There is more data after the JSON object; send one object only."},
		"api.err.json_duplicate": {"Kunci %q muncul lebih dari sekali dalam objek JSON.", "The key %q appears more than once in the JSON object."},
		"api.err.json_fields":    {"Objek JSON berisi kolom yang tidak dikenal atau nilai dengan jenis yang salah.", "The JSON object has an unknown field or a value of the wrong type."},

		// Who sees supporters' contact data.
		"privacy.support_roles": {"Siapa yang melihat kontak Anda: e-mail dan nomor HP relawan dan pemberi tawaran hanya terlihat oleh pemilik, admin, dan editor organisasi, yang mengatur relawan dan menjawab tawaran; kontak pemberi barang juga terlihat oleh bendahara, yang mencatat barang yang diterima. Anggota berperan pemantau hanya melihat nama dan jumlah, tanpa kontak. E-mail dan nomor HP donatur hanya dipakai untuk tanda terima dan tidak ditampilkan kepada pengurus; unduhan tanda tangan petisi tidak memuat e-mail.", "Who sees your contact details: the e-mail and phone number of volunteers and of people making offers are visible only to the organisation's owners, admins and editors, who coordinate volunteers and answer offers; those of people pledging goods also to its treasurers, who record what arrives. Members with the viewer role see names and amounts, never contact details. Donors' e-mail and phone are used only for receipts and are not shown to members; the petition signature download carries no e-mail."},
		"contacts.hidden":       {"Kontak pendukung hanya terlihat oleh pengurus yang mengurus mereka (pemilik, admin, editor; untuk barang juga bendahara).", "Supporters' contact details are visible only to the members who look after them (owners, admins, editors; for goods also treasurers)."},

		// Failed logins from unknown browsers hold back only such browsers.
		"account.login.held": {"Terlalu banyak percobaan masuk yang gagal untuk akun ini dari perangkat yang belum dikenal. Coba lagi nanti, masuk dari perangkat yang pernah Anda pakai, atau buat kata sandi baru lewat “Lupa kata sandi” untuk masuk melalui e-mail.", "Too many failed logins to this account from unknown devices. Try again later, log in from a device you used before, or set a new password through “Forgot password” to get in by e-mail."},

		// Sign-up answers alike whether or not the address has an account.
		"account.flash.signup_sent":         {"Kami sudah mengirim e-mail ke alamat itu. Buka tautan di dalamnya untuk memverifikasi alamat Anda, lalu masuk dengan kata sandi Anda.", "We sent an e-mail to that address. Open its link to verify your address, then log in with your password."},
		"account.mail.signup_again_subject": {"Ada yang mencoba mendaftar dengan alamat e-mail Anda", "Someone tried to sign up with your e-mail address"},
		"account.mail.signup_again_body":    {"Halo %s,\n\nSeseorang baru saja mencoba mendaftar di Lokadaya dengan alamat e-mail ini, padahal alamat ini sudah punya akun.\n\nJika itu Anda, silakan masuk:\n%s\n\nLupa kata sandi? Buat yang baru di sini:\n%s\n\nJika bukan Anda, abaikan e-mail ini; akun Anda tidak berubah.\n\nSalam,\nLokadaya", "Hello %s,\n\nSomeone just tried to sign up to Lokadaya with this e-mail address, which already has an account.\n\nIf it was you, log in:\n%s\n\nForgot your password? Set a new one here:\n%s\n\nIf it was not you, ignore this e-mail; your account has not changed.\n\nRegards,\nLokadaya"},
	})
}
