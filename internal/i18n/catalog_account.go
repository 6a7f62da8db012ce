package i18n

// Accounts: sign-up, login, password reset, the account page, export,
// deletion, the privacy notice, the e-mails they send and the dev outbox.
func init() {
	add(map[string]Msg{
		// Fields.
		"account.field.name":             {"Nama lengkap", "Full name"},
		"account.field.email":            {"Alamat e-mail", "E-mail address"},
		"account.field.phone":            {"Nomor HP (opsional)", "Mobile number (optional)"},
		"account.field.phone_hint":       {"Contoh: 0812-3456-7890. Disimpan dalam format +62.", "For example 0812-3456-7890. Stored as +62…"},
		"account.field.password":         {"Kata sandi", "Password"},
		"account.field.password_hint":    {"Minimal 10 karakter. Kalimat pendek yang mudah Anda ingat lebih baik.", "At least 10 characters. A short sentence you remember is best."},
		"account.field.new_password":     {"Kata sandi baru", "New password"},
		"account.field.password_confirm": {"Ulangi kata sandi", "Repeat the password"},
		"account.field.locale":           {"Bahasa tampilan", "Interface language"},
		"account.field.consent":          {"Saya telah membaca dan menyetujui pemberitahuan privasi Lokadaya.", "I have read and agree to Lokadaya's privacy notice."},
		"account.locale.id":              {"Bahasa Indonesia", "Bahasa Indonesia"},
		"account.locale.en":              {"English", "English"},

		// Errors.
		"account.err.email":             {"Masukkan alamat e-mail yang valid.", "Enter a valid e-mail address."},
		"account.err.phone":             {"Nomor HP Indonesia tidak valid.", "Not a valid Indonesian mobile number."},
		"account.err.password_short":    {"Kata sandi minimal 10 karakter.", "The password needs at least 10 characters."},
		"account.err.password_email":    {"Kata sandi tidak boleh sama dengan alamat e-mail.", "The password must not be your e-mail address."},
		"account.err.password_mismatch": {"Kedua kata sandi tidak sama.", "The two passwords differ."},
		"account.err.password_wrong":    {"Kata sandi salah.", "Wrong password."},
		"account.err.consent":           {"Anda perlu menyetujui pemberitahuan privasi untuk mendaftar.", "You need to agree to the privacy notice to sign up."},
		"account.err.credentials":       {"E-mail atau kata sandi salah.", "Wrong e-mail or password."},
		"account.err.locale":            {"Pilih bahasa yang tersedia.", "Choose one of the languages offered."},
		"account.err.link":              {"Tautan ini tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau salah salin.", "This link does not work: it was used already, has expired or was copied incompletely."},
		"account.err.form_title":        {"Formulir tidak terbaca", "Form could not be read"},
		"account.err.form":              {"Isian formulir tidak dapat dibaca. Muat ulang halaman lalu coba lagi.", "The form could not be read. Reload the page and try again."},
		"account.err.link_title":        {"Tautan tidak berlaku", "Link no longer valid"},

		// Sign-up.
		"account.signup.title":      {"Daftar akun", "Create an account"},
		"account.signup.intro":      {"Akun diperlukan untuk mengelola organisasi. Untuk mendukung inisiatif, Anda tidak perlu akun.", "You need an account to run an organisation. To support an initiative you need none."},
		"account.signup.submit":     {"Daftar", "Sign up"},
		"account.signup.have":       {"Sudah punya akun?", "Already have an account?"},
		"account.signup.privacy":    {"Baca pemberitahuan privasi", "Read the privacy notice"},
		"account.flash.verified":    {"Terima kasih, alamat e-mail Anda sudah terverifikasi.", "Thank you, your e-mail address is verified."},
		"account.flash.resent":      {"Tautan verifikasi baru sudah dikirim.", "A new verification link is on its way."},
		"account.flash.already":     {"Alamat e-mail Anda sudah terverifikasi.", "Your e-mail address is already verified."},
		"account.banner.unverified": {"Alamat e-mail Anda belum terverifikasi. Buka tautan yang kami kirim, atau minta tautan baru di halaman akun.", "Your e-mail address is not verified yet. Open the link we sent, or ask for a new one on your account page."},
		"account.banner.go":         {"Ke halaman akun", "Go to my account"},

		// Login, logout.
		"account.login.title":      {"Masuk", "Log in"},
		"account.login.submit":     {"Masuk", "Log in"},
		"account.login.forgot":     {"Lupa kata sandi?", "Forgot your password?"},
		"account.login.no_account": {"Belum punya akun?", "No account yet?"},
		"account.flash.logged_in":  {"Selamat datang kembali.", "Welcome back."},
		"account.flash.logged_out": {"Anda sudah keluar.", "You are logged out."},

		// Password reset.
		"account.forgot.title":     {"Lupa kata sandi", "Forgot your password"},
		"account.forgot.intro":     {"Masukkan alamat e-mail akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.", "Enter your account's e-mail address. We will send a link to set a new password."},
		"account.forgot.submit":    {"Kirim tautan", "Send the link"},
		"account.flash.reset_sent": {"Jika alamat itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim. Periksa kotak masuk dan folder spam; bila tidak ada e-mail baru, tautan di e-mail terakhir dari kami masih berlaku 24 jam.", "If that address is registered, a link to set a new password is on its way. Check your inbox and spam folder; if no new e-mail comes, the link in our latest e-mail still works for 24 hours."},
		"account.reset.title":      {"Buat kata sandi baru", "Set a new password"},
		"account.reset.intro":      {"Setelah kata sandi baru disimpan, semua sesi masuk lain di perangkat mana pun diakhiri.", "Once the new password is saved, every other login on any device is ended."},
		"account.reset.submit":     {"Simpan kata sandi", "Save the password"},
		"account.flash.reset_done": {"Kata sandi baru sudah disimpan dan sesi lain telah diakhiri.", "Your new password is saved and other logins were ended."},

		// Account page.
		"account.page.title":        {"Akun saya", "My account"},
		"account.page.profile":      {"Profil", "Profile"},
		"account.page.verification": {"Verifikasi e-mail", "E-mail verification"},
		"account.page.verified_on":  {"Terverifikasi pada %s.", "Verified on %s."},
		"account.page.unverified":   {"Belum terverifikasi.", "Not verified yet."},
		"account.page.resend":       {"Kirim ulang tautan verifikasi", "Send the verification link again"},
		"account.page.data":         {"Data Anda", "Your data"},
		"account.page.data_intro":   {"Anda berhak mengakses, memperbaiki, mengunduh, dan menghapus data pribadi Anda (UU 27/2022).", "You have the right to access, correct, download and erase your personal data (UU 27/2022)."},
		"account.page.export":       {"Unduh data saya (JSON)", "Download my data (JSON)"},
		"account.page.delete":       {"Hapus akun", "Delete my account"},
		"account.flash.saved":       {"Perubahan tersimpan.", "Changes saved."},

		// Deletion.
		"account.delete.title":      {"Hapus akun", "Delete my account"},
		"account.delete.intro":      {"Akun, sesi masuk, dan keanggotaan organisasi Anda akan dihapus permanen. Catatan audit tetap menyimpan nama Anda sebagai pelaku tindakan.", "Your account, logins and organisation memberships are erased for good. The audit log keeps your name as the author of past actions."},
		"account.delete.confirm":    {"Ketik kata sandi Anda untuk mengonfirmasi", "Type your password to confirm"},
		"account.delete.submit":     {"Hapus akun saya", "Delete my account"},
		"account.delete.sole_owner": {"Akun belum bisa dihapus karena Anda satu-satunya pemilik organisasi berikut. Alihkan kepemilikan kepada pengurus lain terlebih dahulu:", "The account cannot be deleted yet: you are the only owner of the organisations below. Transfer ownership to another member first:"},
		"account.flash.deleted":     {"Akun Anda sudah dihapus. Terima kasih telah menggunakan Lokadaya.", "Your account is deleted. Thank you for using Lokadaya."},

		// Privacy notice.
		"account.privacy.title":        {"Pemberitahuan privasi", "Privacy notice"},
		"account.privacy.intro":        {"Lokadaya memproses data pribadi sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP).", "Lokadaya processes personal data under Law No. 27 of 2022 on Personal Data Protection (UU PDP)."},
		"account.privacy.purpose_h":    {"Untuk apa data dipakai", "What the data is for"},
		"account.privacy.purpose":      {"Untuk membuat dan mengamankan akun Anda, mengelola organisasi dan inisiatifnya, mengirim e-mail yang Anda perlukan (verifikasi, atur ulang sandi, pemberitahuan), dan mencatat tindakan penting demi akuntabilitas. Data tidak dijual dan tidak dipakai untuk iklan.", "To create and secure your account, run organisations and their initiatives, send the e-mail you need (verification, password reset, notices) and record important actions for accountability. Data is never sold nor used for advertising."},
		"account.privacy.data_h":       {"Data yang disimpan", "Data we keep"},
		"account.privacy.data":         {"Nama, alamat e-mail, nomor HP (jika diisi), kata sandi dalam bentuk hash (tidak bisa dibaca), bahasa pilihan, waktu persetujuan, sesi masuk (waktu dan jenis peramban), peramban tempat Anda pernah masuk (penanda acak, 180 hari), tautan e-mail yang dikirim (hanya hash-nya), keanggotaan organisasi, dan catatan audit tindakan Anda.", "Name, e-mail address, mobile number (if given), the password as a hash (unreadable), language preference, time of consent, logins (times and browser type), browsers you logged in from (a random marker, 180 days), e-mailed links (hashes only), organisation memberships and the audit log of your actions."},
		"account.privacy.rights_h":     {"Hak Anda", "Your rights"},
		"account.privacy.right_access": {"Akses: lihat data Anda di halaman akun.", "Access: see your data on your account page."},
		"account.privacy.right_fix":    {"Perbaikan: ubah nama, nomor HP, dan bahasa kapan saja.", "Correction: change your name, number and language at any time."},
		"account.privacy.right_export": {"Portabilitas: unduh semua data Anda dalam format JSON.", "Portability: download all your data as JSON."},
		"account.privacy.right_erase":  {"Penghapusan: hapus akun Anda; data pribadi ikut terhapus.", "Erasure: delete your account and your personal data with it."},
		"account.privacy.keep_h":       {"Berapa lama", "How long"},
		"account.privacy.keep":         {"Data akun disimpan selama akun aktif. Sesi berakhir setelah 30 hari tanpa aktivitas; e-mail terkirim dihapus dari antrean setelah 30 hari.", "Account data is kept while the account exists. Logins end after 30 days without use; sent e-mail leaves the queue after 30 days."},
		"account.privacy.contact_h":    {"Kontak", "Contact"},
		"account.privacy.contact":      {"Untuk pertanyaan atau keberatan tentang data pribadi, hubungi pengelola Lokadaya melalui alamat e-mail pengirim pesan kami.", "For questions or objections about personal data, write to the Lokadaya operators at the address our e-mails come from."},

		// E-mails.
		"account.mail.verify_subject": {"Verifikasi alamat e-mail Anda di Lokadaya", "Verify your e-mail address on Lokadaya"},
		"account.mail.verify_body":    {"Halo %s,\n\nTerima kasih telah mendaftar di Lokadaya. Buka tautan berikut untuk memverifikasi alamat e-mail Anda (berlaku 24 jam):\n\n%s\n\nJika Anda tidak mendaftar, abaikan e-mail ini.\n\nSalam,\nLokadaya", "Hello %s,\n\nThank you for signing up to Lokadaya. Open this link to verify your e-mail address (valid for 24 hours):\n\n%s\n\nIf you did not sign up, ignore this e-mail.\n\nRegards,\nLokadaya"},
		"account.mail.reset_subject":  {"Atur ulang kata sandi Lokadaya", "Reset your Lokadaya password"},
		"account.mail.reset_body":     {"Halo %s,\n\nAda permintaan untuk membuat kata sandi baru bagi akun Anda. Buka tautan berikut (berlaku 24 jam, sekali pakai):\n\n%s\n\nJika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.\n\nSalam,\nLokadaya", "Hello %s,\n\nSomeone asked to set a new password for your account. Open this link (valid for 24 hours, once):\n\n%s\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n\nRegards,\nLokadaya"},

		// Dev outbox.
		"account.outbox.title":  {"Kotak keluar (mode demo)", "Outbox (demo mode)"},
		"account.outbox.intro":  {"E-mail yang dikirim platform. Tanpa LOKADAYA_SMTP_URL tidak ada yang benar-benar terkirim.", "E-mail the platform sent. Without LOKADAYA_SMTP_URL nothing really leaves."},
		"account.outbox.empty":  {"Belum ada e-mail.", "No e-mail yet."},
		"account.outbox.to":     {"Kepada", "To"},
		"account.outbox.queued": {"Menunggu dikirim", "Waiting to be sent"},
		"account.outbox.sent":   {"Diproses", "Processed"},
		"account.outbox.failed": {"Gagal", "Failed"},
	})
}
