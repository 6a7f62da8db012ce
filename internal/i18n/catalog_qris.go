package i18n

// Reading the organisation's QRIS and making dynamic QRIS codes.
func init() {
	add(map[string]Msg{
		"qris.err.empty": {"Payload QRIS kosong.", "The QRIS payload is empty."},
		"qris.err.charset": {
			"Payload QRIS hanya boleh berisi huruf, angka, dan tanda baca biasa (ASCII).",
			"A QRIS payload may only contain plain letters, digits and punctuation (ASCII).",
		},
		"qris.err.format": {
			"Ini bukan payload QRIS: seharusnya diawali 000201.",
			"This is not a QRIS payload: it should start with 000201.",
		},
		"qris.err.syntax": {
			"Struktur payload QRIS rusak: ID, panjang, dan isi data tidak cocok. Salin ulang seluruh teksnya.",
			"The QRIS payload is malformed: data IDs, lengths and values do not match. Copy the whole text again.",
		},
		"qris.err.duplicate": {
			"Payload QRIS memuat data yang sama dua kali.",
			"The QRIS payload contains the same data object twice.",
		},
		"qris.err.template": {
			"Salah satu bagian bertingkat payload QRIS (info merchant atau data tambahan) rusak.",
			"A nested part of the QRIS payload (merchant information or additional data) is malformed.",
		},
		"qris.err.crc_missing": {
			"Payload QRIS tidak diakhiri kode pemeriksa (tag 63, empat karakter).",
			"The QRIS payload does not end with its check code (tag 63, four characters).",
		},
		"qris.err.crc": {
			"Kode pemeriksa (CRC) QRIS tidak cocok; kemungkinan payload salah salin atau diubah.",
			"The QRIS check code (CRC) does not match; the payload was probably mis-copied or altered.",
		},
		"qris.err.currency": {
			"QRIS ini bukan untuk rupiah (mata uang harus 360).",
			"This QRIS is not for rupiah (the currency must be 360).",
		},
		"qris.err.initiation": {
			"Jenis QRIS tidak dikenal: harus statis (11) atau dinamis (12).",
			"Unknown QRIS type: it must be static (11) or dynamic (12).",
		},
		"qris.err.amount": {
			"Nominal di dalam QRIS tidak sah; harus rupiah bulat.",
			"The amount inside the QRIS is invalid; it must be whole rupiah.",
		},
		"qris.err.merchant": {
			"QRIS tidak memuat nama merchant.",
			"The QRIS does not carry a merchant name.",
		},
		"qris.err.amount_range": {
			"Nominal QRIS harus antara Rp1 dan Rp9.999.999.999.999.",
			"The QRIS amount must be between Rp1 and Rp9,999,999,999,999.",
		},
		"qris.err.value_length": {
			"Satu data QRIS lebih panjang dari 99 karakter.",
			"A QRIS data object is longer than 99 characters.",
		},
		"qris.err.unreadable": {
			"Kode QR tidak terbaca dari gambar. Unggah foto yang lebih tajam dan lurus, atau tempel teks payload-nya.",
			"No QR code could be read from the picture. Upload a sharper, straighter photo, or paste the payload text.",
		},
	})
}
