package i18n

// Supporters: a donation's status in the words of its way to pay.
func init() {
	add(map[string]Msg{
		"donation.status.pending_qris":      {"Menunggu pembayaran QRIS", "Awaiting QRIS payment"},
		"donation.status.pending_gateway":   {"Menunggu pembayaran", "Awaiting payment"},
		"donation.status.gateway_new":       {"Menyiapkan pembayaran", "Preparing the payment"},
		"donation.status.gateway_refunded":  {"Dana dikembalikan", "Refunded"},
		"donation.status.gateway_failed":    {"Pembayaran gagal", "Payment failed"},
		"donation.status.gateway_cancelled": {"Pembayaran dibatalkan", "Payment cancelled"},
	})
}

// Discarding a statement import.
func init() {
	add(map[string]Msg{
		"bankimport.preview.discard":         {"Buang", "Discard"},
		"bankimport.preview.discard_hint":    {"Membuang impor ini menghapus berkas mutasinya; tidak ada donasi yang berubah. Impor yang tidak dikonfirmasi dibuang sendiri setelah 7 hari.", "Discarding this import deletes its statement file; no donation changes. Imports left unconfirmed are discarded by themselves after 7 days."},
		"bankimport.flash.discarded":         {"Impor mutasi dibuang beserta berkasnya.", "Statement import discarded with its file."},
		"bankimport.flash.discard_confirmed": {"Impor ini sudah dikonfirmasi, jadi tidak dapat dibuang.", "This import is confirmed, so it cannot be discarded."},
	})
}

// The privacy notice: what supporters leave on campaign pages.
func init() {
	add(map[string]Msg{
		"privacy.support_h": {"Dukungan untuk kampanye", "Support for campaigns"},
		"privacy.support_what": {"Saat Anda mendukung kampanye Galang Daya—dengan atau tanpa akun—kami menyimpan yang Anda isi: untuk donasi, jumlah, cara bayar, nama (kecuali Anda memilih anonim), pesan, dan e-mail atau nomor HP untuk tanda terima; untuk barang, barang, jumlah, rencana pengiriman dan kontak; untuk relawan, nama, e-mail, nomor HP, wilayah, keahlian dan waktu luang; untuk tawaran keahlian atau kemitraan, nama, lembaga, isi tawaran, percakapan dan kontak; untuk tanda tangan petisi, nama, wilayah, komentar dan e-mail yang diverifikasi; dan e-mail Anda bila Anda meminta kabar kampanye.",
			"When you support a Galang Daya campaign—with or without an account—we keep what you enter: for a donation, the amount, the way to pay, your name (unless you chose to be anonymous), your message and the e-mail or phone for the receipt; for goods, the items, quantity, delivery plan and contact; for volunteering, your name, e-mail, phone, region, skills and availability; for a skill or partnership offer, your name, institution, the offer, the conversation and your contact; for a petition signature, your name, region, comment and verified e-mail; and your e-mail if you asked for the campaign's news."},
		"privacy.support_why": {"Untuk apa: mengirim tanda terima dan konfirmasi, mencocokkan pembayaran, agar organisasi dapat menghubungi Anda tentang dukungan Anda, menghitung kemajuan kampanye, dan mempertanggungjawabkan dana yang dihimpun dari publik. Kontak Anda hanya terlihat oleh pengurus organisasi yang memerlukannya, tidak pernah di halaman publik; dinding pendukung menghormati pilihan anonim.",
			"Why: to send receipts and confirmations, match payments, let the organisation contact you about your support, count the campaign's progress, and account for money raised from the public. Your contact is seen only by the organisation's members who need it, never on public pages; the supporters' wall honours anonymity."},
		"privacy.support_keep": {"Berapa lama: catatan dukungan disimpan selama organisasi menyimpan catatan kampanyenya, karena jumlah uang dan barang adalah bagian dari laporan keuangannya. Tanda tangan yang e-mailnya tidak diverifikasi dihapus saat tautannya kedaluwarsa (7 hari); berkas mutasi bank yang diunggah tetapi tidak dikonfirmasi dihapus setelah 7 hari.",
			"How long: support records are kept as long as the organisation keeps its campaign records, because the money and goods are part of its accounts. Signatures whose e-mail is never verified are deleted when their link expires (7 days); bank statements uploaded but never confirmed are deleted after 7 days."},
		"privacy.support_news": {"Kabar kampanye: setiap e-mail kabar memuat tautan “Berhenti menerima kabar”; buka tautan itu dan tekan “Ya, berhenti”, tanpa perlu akun. Langganan yang dihentikan tidak dikirimi kabar lagi.",
			"Campaign news: every news e-mail carries a “Stop receiving news” link; open it and press “Yes, stop”, no account needed. A stopped subscription gets no more news."},
		"privacy.support_rights": {"Bila Anda punya akun dengan alamat e-mail yang sama dan sudah diverifikasi, unduhan data Anda memuat catatan dukungan ini, dan menghapus akun menghapus nama, kontak, pesan dan komentar di dalamnya serta langganan kabar Anda. Jumlah uang, barang dan hitungan tanda tangan tetap ada tanpa identitas Anda, agar total kampanye tetap benar. Pengecualian: nama yang Anda pilih untuk ditampilkan (bila tidak anonim) pada donasi atau barang yang sudah dibukukan tetap ada di buku kas terbuka organisasi, karena buku itu hanya bisa ditambah dan tidak diubah.",
			"If you have an account with the same, verified e-mail address, your data download includes these support records, and deleting the account erases the names, contacts, messages and comments in them and your news subscriptions. Amounts of money and goods and the signature counts stay, without your identity, so that campaign totals stay true. One exception: the name you chose to show (unless anonymous) on a donation or goods already booked stays in the organisation's open books, which can only be added to, never changed."},
	})
}
