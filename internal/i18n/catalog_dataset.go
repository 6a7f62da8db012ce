package i18n

// Datasets organisations publish (internal/dataset): the errors of the
// form and of an uploaded file, and the refusals.
func init() {
	add(map[string]Msg{
		"dataset.err.not_allowed":         {"Hanya pemilik, admin, atau editor organisasi yang dapat mengelola datanya.", "Only the organisation's owner, admins or editors may manage its data."},
		"dataset.err.not_verified":        {"Organisasi harus terverifikasi sebelum menerbitkan data.", "The organisation must be verified before it publishes data."},
		"dataset.err.not_published":       {"Hanya data yang sudah terbit yang dapat dikutip.", "Only published datasets may be cited."},
		"dataset.err.subject_kind":        {"Jenis yang mengutip tidak dikenal.", "Unknown kind of citing record."},
		"dataset.err.text":                {"Teks berisi karakter yang tidak diizinkan.", "The text contains characters that are not allowed."},
		"dataset.err.licence":             {"Pilih salah satu lisensi terbuka.", "Choose one of the open licences."},
		"dataset.err.keywords":            {"Paling banyak 20 kata kunci, masing-masing paling panjang 60 karakter.", "At most 20 keywords, each at most 60 characters."},
		"dataset.err.date":                {"Tanggal tidak dikenal; gunakan pemilih tanggal.", "Unknown date; use the date picker."},
		"dataset.err.period":              {"Akhir cakupan waktu tidak boleh sebelum awalnya.", "The end of the period covered cannot be before its start."},
		"dataset.err.source":              {"Pilih: unggah berkas atau tautan ke data di tempat lain.", "Choose: upload a file or link to data kept elsewhere."},
		"dataset.err.link":                {"Tautan harus alamat web lengkap (https://…).", "The link must be a full web address (https://…)."},
		"dataset.err.file_required":       {"Pilih berkas CSV atau XLSX untuk diunggah.", "Choose a CSV or XLSX file to upload."},
		"dataset.err.file_format":         {"Berkas harus CSV atau XLSX.", "The file must be CSV or XLSX."},
		"dataset.err.file_too_big":        {"Berkas terlalu besar; paling besar 10 MB.", "The file is too big; at most 10 MB."},
		"dataset.err.file_size":           {"Berkas terlalu besar; paling besar %d MB.", "The file is too big; at most %d MB."},
		"dataset.err.file_empty":          {"Berkas kosong: baris pertama harus berisi nama kolom.", "The file is empty: its first row must hold the column names."},
		"dataset.err.dictionary_required": {"Isi kamus data: satu kolom per baris.", "Fill in the data dictionary: one column a line."},
		"dataset.err.dictionary_line":     {"Setiap baris kamus data: nama | jenis | arti | satuan (satuan boleh kosong).", "Every dictionary line: name | type | meaning | unit (the unit may be left out)."},
		"dataset.err.dictionary_type":     {"Jenis kolom tidak dikenal; gunakan teks, bilangan, desimal, tanggal, waktu, atau ya/tidak.", "Unknown column type; use string, integer, decimal, date, datetime or boolean."},
		"dataset.err.dictionary_twice":    {"Nama kolom dalam kamus data tidak boleh sama.", "Column names in the dictionary must differ."},
		"dataset.err.columns_many":        {"Terlalu banyak kolom; paling banyak %d.", "Too many columns; at most %d."},
		"dataset.err.header_empty":        {"Baris pertama berkas harus berisi nama kolom.", "The file's first row must hold the column names."},
		"dataset.err.header_blank":        {"Kolom ke-%d di baris pertama tidak bernama.", "Column %d of the first row has no name."},
		"dataset.err.header_twice":        {"Nama kolom %q muncul dua kali di baris pertama.", "The column name %q appears twice in the first row."},
		"dataset.err.header_mismatch":     {"Kolom ke-%d di berkas bernama %q, tetapi kamus data menyebut %q.", "Column %d of the file is named %q, but the dictionary says %q."},
		"dataset.err.header_count":        {"Berkas punya %d kolom, kamus data menyebut %d.", "The file has %d columns, the dictionary names %d."},
		"dataset.err.row_width":           {"Baris %d punya %d kolom, lebih dari %d kolom di baris pertama.", "Row %d has %d columns, more than the %d of the first row."},
		"dataset.err.value":               {"Baris %d, kolom %q: nilai %q bukan %s.", "Row %d, column %q: the value %q is not a %s."},
		"dataset.err.rows":                {"Terlalu banyak baris; paling banyak %d.", "Too many rows; at most %d."},
		"dataset.err.csv":                 {"Berkas CSV tidak terbaca di baris %d (periksa tanda kutip).", "The CSV file cannot be read at line %d (check the quotes)."},
		"dataset.err.csv_encoding":        {"Berkas CSV harus dalam pengodean UTF-8.", "The CSV file must be encoded in UTF-8."},
		"dataset.err.xlsx":                {"Berkas XLSX tidak terbaca; simpan ulang dari aplikasi lembar kerja.", "The XLSX file cannot be read; save it again from the spreadsheet application."},
	})
}
