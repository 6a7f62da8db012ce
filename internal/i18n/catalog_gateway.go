package i18n

// Payment gateway: the sandbox payment page where a person plays the payer.
func init() {
	add(map[string]Msg{
		"gateway.pay.title":      {"Gerbang pembayaran uji coba", "Sandbox payment gateway"},
		"gateway.pay.intro":      {"Halaman ini meniru gerbang pembayaran. Tidak ada uang sungguhan yang berpindah.", "This page imitates a payment gateway. No real money moves."},
		"gateway.pay.order":      {"Nomor pesanan", "Order number"},
		"gateway.pay.amount":     {"Jumlah", "Amount"},
		"gateway.pay.payer":      {"Pembayar", "Payer"},
		"gateway.pay.status":     {"Status terakhir", "Last status"},
		"gateway.pay.status_new": {"Belum dibayar", "Not paid yet"},
		"gateway.pay.choose":     {"Apa yang dilakukan pembayar?", "What does the payer do?"},
		"gateway.pay.settlement": {"Bayar", "Pay"},
		"gateway.pay.pending":    {"Pilih cara bayar, bayar nanti", "Choose a way to pay, pay later"},
		"gateway.pay.deny":       {"Pembayaran ditolak", "Payment denied"},
		"gateway.pay.expire":     {"Biarkan kedaluwarsa", "Let it expire"},
		"gateway.pay.sent":       {"Notifikasi terkirim ke penerima dana.", "The notification was sent to the merchant."},
		"gateway.pay.not_sent":   {"Notifikasi tidak diterima oleh penerima dana: %s", "The merchant did not accept the notification: %s"},
		"gateway.pay.finished":   {"Transaksi ini sudah selesai.", "This transaction is finished."},
		"gateway.pay.back":       {"Kembali ke situs penerima dana", "Back to the merchant's site"},
		"gateway.pay.not_found":  {"Tautan pembayaran ini tidak dikenal.", "This payment link is unknown."},
	})
}
