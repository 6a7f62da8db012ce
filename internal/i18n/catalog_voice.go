package i18n

// The voice of the people served: service points and records, reach.
func init() {
	add(map[string]Msg{
		"voice.link":           {"Suara penerima manfaat", "Voice of the people served"},
		"voice.overview.title": {"Titik dan catatan layanan", "Service points and records"},
		"voice.overview.intro": {
			"Catat di mana dan kepada siapa setiap inisiatif melayani. Angka ini menjadi jangkauan yang ditampilkan di halaman publik inisiatif.",
			"Record where and whom each initiative serves. These figures become the reach shown on the initiative's public page.",
		},
		"voice.overview.none": {
			"Belum ada inisiatif. Buat inisiatif di tahap 3 siklus terlebih dahulu.",
			"No initiatives yet. Create one in stage 3 of the cycle first.",
		},
		"voice.col.initiative":      {"Inisiatif", "Initiative"},
		"voice.col.points":          {"Titik layanan", "Service points"},
		"voice.col.code":            {"Kode", "Code"},
		"voice.service.title":       {"Layanan %s", "Service of %s"},
		"voice.service.public_page": {"Lihat halaman publik inisiatif", "See the initiative's public page"},
		"voice.points.title":        {"Titik layanan", "Service points"},
		"voice.points.none":         {"Belum ada titik layanan.", "No service points yet."},
		"voice.point.new":           {"Tambah titik layanan", "Add a service point"},
		"voice.point.edit":          {"Ubah titik layanan %s", "Edit the service point %s"},
		"voice.point.edit_link":     {"Ubah", "Edit"},
		"voice.point.code_is": {
			"Kode publik titik ini: %s. Kode ini tidak berubah dan dipakai untuk kode QR.",
			"This point's public code: %s. It never changes and goes into the QR code.",
		},
		"voice.point.field.name":       {"Nama titik layanan", "Name of the service point"},
		"voice.point.field.address":    {"Alamat", "Address"},
		"voice.point.field.region":     {"Wilayah", "Region"},
		"voice.point.field.hours":      {"Jam buka", "Opening hours"},
		"voice.point.field.hours_hint": {"Misalnya: Senin–Jumat 08.00–14.00", "For example: Monday–Friday 08.00–14.00"},
		"voice.point.coords":           {"Koordinat (tidak wajib)", "Coordinates (optional)"},
		"voice.point.coords_hint": {
			"Dalam derajat desimal, misalnya lintang -6,2 dan bujur 106,8. Isi keduanya atau kosongkan keduanya.",
			"In decimal degrees, for example latitude -6.2 and longitude 106.8. Fill in both or neither.",
		},
		"voice.point.field.latitude":  {"Lintang", "Latitude"},
		"voice.point.field.longitude": {"Bujur", "Longitude"},
		"voice.flash.point_saved":     {"Titik layanan disimpan.", "Service point saved."},
		"service.err.name_taken": {
			"Inisiatif ini sudah punya titik layanan dengan nama ini.",
			"This initiative already has a service point with this name.",
		},
		"service.err.text":        {"Teks berisi karakter yang tidak sah.", "The text has characters that are not allowed."},
		"service.err.coords_both": {"Isi lintang dan bujur, atau kosongkan keduanya.", "Fill in both latitude and longitude, or neither."},
		"service.err.latitude":    {"Lintang harus angka antara -90 dan 90.", "Latitude must be a number between -90 and 90."},
		"service.err.longitude":   {"Bujur harus angka antara -180 dan 180.", "Longitude must be a number between -180 and 180."},
	})
}
