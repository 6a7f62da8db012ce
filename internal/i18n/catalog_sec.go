package i18n

// Security: the gateway's status check, access to operator pages, sign-in
// limits, sign-up notices, supporters' contact data and strict input.
func init() {
	add(map[string]Msg{
		"gateway.notify.not_confirmed": {"Status di gateway pembayaran tidak membenarkan notifikasi ini; tidak ada yang diubah.", "The payment gateway's status does not confirm this notification; nothing was changed."},
		"gateway.notify.unavailable":   {"Status di gateway pembayaran belum dapat diperiksa. Kirim lagi nanti.", "The payment gateway's status cannot be checked yet. Send it again later."},
	})
}
