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
		"campaign.active.no_ways": {"Kampanye ini meminta dana, tetapi organisasi belum punya cara menerima uang, jadi halaman kampanye berkata donasi uang belum bisa diterima.",
			"This campaign asks for money, but the organisation has no way to take it yet, so the campaign page says money cannot be given yet."},
		"campaign.publish.ways": {"Donatur akan dapat membayar dengan: %s.", "Donors will be able to pay by: %s."},

		"donation.wall.codes": {"Jumlah di atas adalah donasi yang dipilih tiap donatur. Angka terkumpul juga memuat kode unik transfer (%s untuk donasi di daftar ini) yang ikut diterima organisasi dan dicatat di buku kas.",
			"The amounts above are the gifts each donor chose. The money raised also includes the transfers' unique codes (%s for the donations listed), which the organisation received too and booked in its ledger."},

		"effect.conversion_more": {"tidak dihitung — %s pendukung dari %s kunjungan", "not counted — %s supporters from %s visits"},
		"effect.conversion_hint": {"Pendukung per kunjungan = pendukung dibagi kunjungan ke halaman kampanye dan halaman kebutuhannya (setiap kali dibuka oleh orang di luar organisasi). Bila pendukung lebih banyak daripada kunjungan — sebagian mendukung lewat API atau dicatat tanpa membuka halaman — angka ini tidak dihitung, sebab persentase di atas 100 % menyesatkan.",
			"Supporters per visit = supporters divided by visits to the campaign page and its needs' pages (each opening by someone outside the organisation). When supporters outnumber visits — some support through the API or are recorded without opening a page — it is not counted, since a percentage above 100% would mislead."},

		"volunteer.slots.of":       {"%s slot: %s", "%s slots: %s"},
		"volunteer.slots.accepted": {"%s diterima", "%s accepted"},
		"volunteer.slots.pending":  {"%s menunggu keputusan organisasi", "%s awaiting the organisation's decision"},
		"volunteer.slots.open":     {"%s masih kosong", "%s still open"},
		"volunteer.slots.waiting":  {"%s di daftar tunggu", "%s on the waiting list"},

		"payment.copy":        {"Salin", "Copy"},
		"payment.copied":      {"Tersalin", "Copied"},
		"payment.copy_label":  {"Salin nomor rekening %s", "Copy account number %s"},
		"payment.copy_failed": {"Tidak bisa menyalin; pilih nomornya lalu salin", "Could not copy; select the number and copy it"},
	})
}
