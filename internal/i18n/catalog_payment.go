package i18n

// An organisation's payment settings: bank accounts and static QRIS.
func init() {
	add(map[string]Msg{
		"payment.link":      {"Pengaturan pembayaran", "Payment settings"},
		"payment.title":     {"Pengaturan pembayaran — %s", "Payment settings — %s"},
		"payment.intro":     {"Ke mana donasi untuk organisasi ini dikirim: rekening bank untuk transfer dan QRIS statis. Hanya pemilik, admin, dan bendahara yang dapat mengubahnya.", "Where donations to this organisation are sent: bank accounts for transfers and a static QRIS. Only the owner, admins and the treasurer can change them."},
		"payment.read_only": {"Anda dapat melihat pengaturan ini, tetapi hanya pemilik, admin, dan bendahara yang dapat mengubahnya.", "You can see these settings, but only the owner, admins and the treasurer can change them."},

		"payment.bank.bca":     {"BCA", "BCA"},
		"payment.bank.bri":     {"BRI", "BRI"},
		"payment.bank.mandiri": {"Mandiri", "Mandiri"},
		"payment.bank.bni":     {"BNI", "BNI"},
		"payment.bank.bsi":     {"BSI", "BSI"},
		"payment.bank.lainnya": {"Bank lain", "Other bank"},

		"payment.field.bank":                {"Bank", "Bank"},
		"payment.field.bank_choose":         {"— pilih bank —", "— choose a bank —"},
		"payment.field.account_number":      {"Nomor rekening", "Account number"},
		"payment.field.account_number_hint": {"Hanya angka, 6–20 digit; spasi, titik, dan tanda hubung diabaikan.", "Digits only, 6–20 of them; spaces, dots and dashes are ignored."},
		"payment.field.account_name":        {"Nama pemilik rekening", "Account holder's name"},
		"payment.field.payload":             {"Teks QRIS", "QRIS text"},
		"payment.field.payload_hint":        {"Tempel isi QRIS statis (diawali 000201), atau unggah gambarnya di bawah.", "Paste the content of the static QRIS (starting 000201), or upload its picture below."},
		"payment.field.picture":             {"Gambar QRIS", "QRIS picture"},
		"payment.field.picture_hint":        {"PNG, JPEG, atau GIF, paling besar 2 MB. Jika ada gambar, teks di atas diabaikan.", "PNG, JPEG or GIF, at most 2 MB. When a picture is sent, the text above is ignored."},

		"payment.accounts.title":      {"Rekening bank", "Bank accounts"},
		"payment.accounts.empty":      {"Belum ada rekening.", "No account yet."},
		"payment.accounts.status":     {"Status", "Status"},
		"payment.accounts.actions":    {"Tindakan", "Actions"},
		"payment.accounts.active":     {"Aktif", "Active"},
		"payment.accounts.inactive":   {"Nonaktif", "Inactive"},
		"payment.accounts.deactivate": {"Nonaktifkan", "Deactivate"},
		"payment.accounts.add":        {"Tambah rekening", "Add an account"},
		"payment.accounts.add_button": {"Tambah rekening", "Add account"},

		"payment.qris.title":        {"QRIS", "QRIS"},
		"payment.qris.empty":        {"Belum ada QRIS.", "No QRIS yet."},
		"payment.qris.merchant":     {"Nama merchant", "Merchant name"},
		"payment.qris.nmid":         {"NMID", "NMID"},
		"payment.qris.status":       {"Status", "Status"},
		"payment.qris.unconfirmed":  {"Belum dikonfirmasi: donasi belum dapat memakai QRIS ini.", "Not confirmed: donations cannot use this QRIS yet."},
		"payment.qris.confirmed_at": {"Dikonfirmasi %s", "Confirmed %s"},
		"payment.qris.confirm_hint": {"Periksa nama merchant dan NMID di atas. Jika benar milik organisasi ini, tekan Konfirmasi.", "Check the merchant name and NMID above. If they are this organisation's own, press Confirm."},
		"payment.qris.confirm":      {"Konfirmasi", "Confirm"},
		"payment.qris.add":          {"Pasang QRIS", "Set up QRIS"},
		"payment.qris.replace":      {"Ganti QRIS", "Replace the QRIS"},
		"payment.qris.save":         {"Simpan QRIS", "Save QRIS"},

		"payment.err.bank":              {"Pilih salah satu bank dari daftar.", "Choose one of the banks in the list."},
		"payment.err.account_digits":    {"Nomor rekening hanya boleh berisi angka.", "An account number may only contain digits."},
		"payment.err.account_length":    {"Nomor rekening harus 6 sampai 20 digit.", "An account number must have 6 to 20 digits."},
		"payment.err.account_name":      {"Nama pemilik rekening tidak terbaca.", "The account holder's name cannot be read."},
		"payment.err.account_duplicate": {"Rekening ini sudah terdaftar dan aktif.", "This account is already listed and active."},
		"payment.err.qris_too_long":     {"Teks QRIS terlalu panjang.", "The QRIS text is too long."},
		"payment.err.qris_not_static":   {"Ini bukan QRIS statis. Gunakan QRIS statis organisasi (yang dicetak dan dipajang), bukan QRIS untuk satu transaksi.", "This is not a static QRIS. Use the organisation's static QRIS (the printed one), not a code for a single payment."},
		"payment.err.picture_too_big":   {"Gambar terlalu besar (paling besar 2 MB dan 20 megapiksel).", "The picture is too big (at most 2 MB and 20 megapixels)."},
		"payment.err.picture_format":    {"Berkas ini bukan gambar PNG, JPEG, atau GIF yang dapat dibaca.", "This file is not a readable PNG, JPEG or GIF picture."},

		"payment.flash.account_added":       {"Rekening ditambahkan.", "Account added."},
		"payment.flash.account_deactivated": {"Rekening dinonaktifkan.", "Account deactivated."},
		"payment.flash.qris_saved":          {"QRIS disimpan. Periksa nama merchant, lalu tekan Konfirmasi.", "QRIS saved. Check the merchant name, then press Confirm."},
		"payment.flash.qris_confirmed":      {"QRIS dikonfirmasi; donasi kini dapat memakainya.", "QRIS confirmed; donations can now use it."},
		"payment.flash.qris_changed":        {"QRIS telah diganti sejak halaman dibuka. Periksa lagi sebelum mengonfirmasi.", "The QRIS was replaced since the page was opened. Check it again before confirming."},
	})
}
