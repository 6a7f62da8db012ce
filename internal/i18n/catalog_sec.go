package i18n

// Security: the gateway's status check, access to operator pages, sign-in
// limits, sign-up notices, supporters' contact data and strict input.
func init() {
	add(map[string]Msg{
		"gateway.notify.not_confirmed": {"Status di gateway pembayaran tidak membenarkan notifikasi ini; tidak ada yang diubah.", "The payment gateway's status does not confirm this notification; nothing was changed."},
		"gateway.notify.unavailable":   {"Status di gateway pembayaran belum dapat diperiksa. Kirim lagi nanti.", "The payment gateway's status cannot be checked yet. Send it again later."},

		// Sign-up answers alike whether or not the address has an account.
		"account.flash.signup_sent":         {"Kami sudah mengirim e-mail ke alamat itu. Buka tautan di dalamnya untuk memverifikasi alamat Anda, lalu masuk dengan kata sandi Anda.", "We sent an e-mail to that address. Open its link to verify your address, then log in with your password."},
		"account.mail.signup_again_subject": {"Ada yang mencoba mendaftar dengan alamat e-mail Anda", "Someone tried to sign up with your e-mail address"},
		"account.mail.signup_again_body":    {"Halo %s,\n\nSeseorang baru saja mencoba mendaftar di Lokadaya dengan alamat e-mail ini, padahal alamat ini sudah punya akun.\n\nJika itu Anda, silakan masuk:\n%s\n\nLupa kata sandi? Buat yang baru di sini:\n%s\n\nJika bukan Anda, abaikan e-mail ini; akun Anda tidak berubah.\n\nSalam,\nLokadaya", "Hello %s,\n\nSomeone just tried to sign up to Lokadaya with this e-mail address, which already has an account.\n\nIf it was you, log in:\n%s\n\nForgot your password? Set a new one here:\n%s\n\nIf it was not you, ignore this e-mail; your account has not changed.\n\nRegards,\nLokadaya"},
	})
}
