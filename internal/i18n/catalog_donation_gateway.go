package i18n

// Giving money through the payment gateway, and its notifications.
func init() {
	add(map[string]Msg{
		"donation.method.gateway":     {"Bayar online (virtual account, e-wallet, kartu)", "Pay online (virtual account, e-wallet, card)"},
		"donation.err.gateway":        {"Gerbang pembayaran sedang tidak dapat dihubungi, jadi donasi Anda belum dibuat. Coba lagi sebentar lagi, atau pilih cara bayar lain.", "The payment gateway cannot be reached right now, so your donation was not made. Try again in a moment, or choose another way to pay."},
		"donation.show.title_gateway": {"Bayar online", "Pay online"},
		"donation.gateway.pay":        {"Lanjut ke halaman pembayaran", "Go to the payment page"},
		"donation.gateway.after":      {"Setelah pembayaran berhasil, donasi Anda dikonfirmasi otomatis dan halaman ini menampilkannya. Simpan alamat halaman ini untuk melihat statusnya.", "Once the payment succeeds, your donation is confirmed automatically and this page shows it. Keep this page's address to check its status."},
		"donation.gateway.preparing":  {"Halaman pembayaran sedang disiapkan. Muat ulang halaman ini sebentar lagi.", "The payment page is being prepared. Reload this page in a moment."},

		"donation.gateway.state.new":       {"Gerbang pembayaran tidak dapat dihubungi, jadi pembayaran ini tidak dibuat dan tidak ada uang yang berpindah. Silakan berdonasi lagi dari halaman kampanye.", "The payment gateway could not be reached, so this payment was not made and no money moved. Please give again from the campaign page."},
		"donation.gateway.state.pending":   {"Menunggu pembayaran di gerbang pembayaran.", "Waiting for the payment at the payment gateway."},
		"donation.gateway.state.paid":      {"Pembayaran diterima.", "The payment was received."},
		"donation.gateway.state.failed":    {"Pembayaran ditolak oleh bank atau gerbang pembayaran. Tidak ada uang yang diterima.", "The bank or the payment gateway declined the payment. No money was received."},
		"donation.gateway.state.cancelled": {"Pembayaran dibatalkan. Tidak ada uang yang diterima.", "The payment was cancelled. No money was received."},
		"donation.gateway.state.expired":   {"Batas waktu pembayaran sudah lewat. Tidak ada uang yang diterima.", "The time to pay has passed. No money was received."},
		"donation.gateway.state.refunded":  {"Donasi ini sudah dikembalikan kepada Anda melalui gerbang pembayaran.", "This donation was refunded to you through the payment gateway."},
		"donation.manage.via":              {"lewat %s", "by %s"},

		"donation.api.gateway":               {"Gerbang pembayaran sedang tidak dapat dihubungi. Ulangi permintaan dengan Idempotency-Key yang sama sebentar lagi.", "The payment gateway cannot be reached right now. Repeat the request with the same Idempotency-Key in a moment."},
		"donation.api.gateway_final":         {"Pembayaran untuk donasi ini tidak dapat dibuat. Kirim donasi baru dengan Idempotency-Key yang lain.", "No payment can be made for this donation. Send a new donation with another Idempotency-Key."},
		"donation.api.instructions.transfer": {"Transfer tepat %s ke %s %s a.n. %s sebelum %s.", "Transfer exactly %s to %s %s (%s) before %s."},
		"donation.api.instructions.qris":     {"Pindai QRIS dinamis (kolom qris, atau gambarnya di halaman petunjuk) dan bayar tepat %s sebelum %s.", "Scan the dynamic QRIS (the qris field, or its picture on the instructions page) and pay exactly %s before %s."},
		"donation.api.instructions.gateway":  {"Bayar %s di halaman pembayaran (payment_url). Donasi dikonfirmasi otomatis setelah pembayaran berhasil.", "Pay %s on the payment page (payment_url). The donation is confirmed automatically once the payment succeeds."},

		"gateway.notify.provider":  {"Penyedia pembayaran ini tidak dikenal.", "This payment provider is unknown."},
		"gateway.notify.bad":       {"Notifikasi tidak terbaca.", "The notification cannot be read."},
		"gateway.notify.signature": {"Tanda tangan notifikasi tidak cocok.", "The notification's signature does not match."},
		"gateway.notify.order":     {"Tidak ada donasi dengan order_id ini.", "No donation has this order_id."},
		"gateway.notify.amount":    {"gross_amount tidak sama dengan jumlah donasi.", "gross_amount is not the donation's amount."},
	})
}
