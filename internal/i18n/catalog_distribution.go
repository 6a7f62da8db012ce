package i18n

// Goods handed out to the people served and their confirmation of receipt.
func init() {
	add(map[string]Msg{
		"distribution.err.quantity":       {"Tulis jumlah berupa bilangan bulat, paling sedikit 1.", "Write the quantity as a whole number, at least 1."},
		"distribution.err.date":           {"Tulis tanggal dengan benar (TTTT-BB-HH).", "Write a valid date (YYYY-MM-DD)."},
		"distribution.err.future":         {"Tanggal pembagian belum tiba.", "The day of handing out is still to come."},
		"distribution.err.source":         {"Pilih pengeluaran yang sudah disetujui atau penerimaan barang organisasi Anda.", "Choose an approved expense or a goods receipt of your organisation."},
		"distribution.err.no_recipients":  {"Tulis paling sedikit satu penerima.", "List at least one recipient."},
		"distribution.err.over":           {"Jumlah untuk para penerima melebihi jumlah yang dibagikan.", "The recipients' shares add up to more than was handed out."},
		"distribution.err.too_many":       {"Paling banyak 500 penerima dalam satu pembagian.", "At most 500 recipients in one handing-out."},
		"distribution.err.line":           {"Baris %d: tulis penanda dan jumlah, dipisah titik koma (Rumah 1; 2).", "Line %d: write a marker and a quantity, separated by a semicolon (House 1; 2)."},
		"distribution.err.label":          {"Baris %d: penanda penerima kosong atau lebih dari 60 huruf.", "Line %d: the recipient's marker is empty or longer than 60 characters."},
		"distribution.err.line_quantity":  {"Baris %d: jumlah harus bilangan bulat, paling sedikit 1.", "Line %d: the quantity must be a whole number, at least 1."},
		"distribution.err.line_kind":      {"Baris %d: bagian ketiga hanya boleh \"kelompok\".", "Line %d: the third part can only be \"kelompok\"."},
		"distribution.err.received":       {"Tulis jumlah yang diterima sebagai bilangan bulat, tidak lebih dari bagian Anda.", "Write how many arrived as a whole number, no more than your share."},
		"distribution.err.confirmer":      {"Pilih siapa yang mengonfirmasi.", "Choose who confirms."},
		"distribution.confirmer.penerima": {"Penerima", "Recipient"},
		"distribution.confirmer.ketua_rt": {"Ketua RT", "Head of the RT"},
		"distribution.confirmer.ketua_rw": {"Ketua RW", "Head of the RW"},
	})
}
