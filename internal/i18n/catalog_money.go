package i18n

// Ways to pay that truly exist, the warning before publishing a campaign
// that cannot take money, and the copy button of an account number.
func init() {
	add(map[string]Msg{
		"donation.closed.no_ways": {"Organisasi ini belum bisa menerima donasi uang: belum ada rekening bank, QRIS, atau pembayaran online yang siap. Silakan kembali lagi nanti, atau dukung dengan cara lain di atas.",
			"This organisation cannot take money yet: no bank account, QRIS or online payment is ready. Please come back later, or support it another way above."},
		"donation.give.submit_qris":    {"Lanjut ke kode QRIS", "Continue to the QRIS code"},
		"donation.give.submit_gateway": {"Lanjut ke pembayaran online", "Continue to online payment"},
		"donation.give.submit_choice":  {"Lanjut ke pembayaran", "Continue to payment"},

		"campaign.publish.no_ways": {"Kampanye ini meminta dana, tetapi organisasi belum punya cara menerima uang: belum ada rekening bank aktif, QRIS yang sudah dikonfirmasi, atau pembayaran online. Bila diterbitkan sekarang, halaman kampanye akan berkata donasi uang belum bisa diterima.",
			"This campaign asks for money, but the organisation has no way to take it yet: no active bank account, confirmed QRIS or online payment. Published now, the campaign page will say that money cannot be given yet."},
		"campaign.publish.settings": {"Atur rekening atau QRIS di pengaturan pembayaran", "Set up an account or QRIS in the payment settings"},
		"campaign.publish.anyway":   {"Saya mengerti; terbitkan tanpa cara menerima uang", "I understand; publish without a way to take money"},
		"campaign.publish.err.no_ways": {"Centang dulu bahwa Anda mengerti kampanye ini belum bisa menerima uang, atau atur rekening atau QRIS lebih dahulu.",
			"First tick that you understand this campaign cannot take money yet, or set up an account or QRIS first."},
		"campaign.publish.ways": {"Donatur akan dapat membayar dengan: %s.", "Donors will be able to pay by: %s."},

		"payment.copy":        {"Salin", "Copy"},
		"payment.copied":      {"Tersalin", "Copied"},
		"payment.copy_label":  {"Salin nomor rekening %s", "Copy account number %s"},
		"payment.copy_failed": {"Tidak bisa menyalin; pilih nomornya lalu salin", "Could not copy; select the number and copy it"},
	})
}
