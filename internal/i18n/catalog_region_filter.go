package i18n

// The region filter of the public lists: a region typed by name.
func init() {
	add(map[string]Msg{
		"region.filter.label":       {"Wilayah", "Region"},
		"region.filter.placeholder": {"mis. Bandung", "e.g. Bandung"},
		"region.filter.hint":        {"Ketik nama provinsi, kabupaten/kota, kecamatan atau desa/kelurahan.", "Type the name of a province, kabupaten/kota, kecamatan or desa/kelurahan."},
		"region.filter.choose":      {"Ada beberapa wilayah dengan nama itu. Pilih salah satu:", "Several regions bear that name. Choose one:"},
		"region.filter.none":        {"Tidak ada wilayah dengan nama itu. Periksa ejaannya.", "No region bears that name. Check the spelling."},
		"region.filter.too_short":   {"Ketik paling sedikit 2 huruf nama wilayah.", "Type at least 2 letters of the region's name."},
	})
}
