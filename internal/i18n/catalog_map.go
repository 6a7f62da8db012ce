package i18n

// The map of Indonesia (/peta).
func init() {
	add(map[string]Msg{
		"nav.map":          {"Peta", "Map"},
		"map.title":        {"Peta Indonesia", "Map of Indonesia"},
		"map.title.within": {"Peta %s", "Map of %s"},
		"map.intro": {
			"Setiap provinsi atau kabupaten/kota diwarnai menurut angka yang dipilih. Pilih sebuah wilayah pada peta untuk membuka halamannya.",
			"Each province or kabupaten/kota is coloured by the chosen figure. Choose a region on the map to open its page.",
		},
		"map.field.figure":        {"Angka", "Figure"},
		"map.field.level":         {"Tingkat", "Level"},
		"map.field.within":        {"Provinsi", "Province"},
		"map.level.provinsi":      {"Provinsi", "Provinces"},
		"map.level.kabupaten":     {"Kabupaten/kota", "Kabupaten/kota"},
		"map.within.all":          {"Seluruh Indonesia", "All of Indonesia"},
		"map.skip":                {"Lewati %d wilayah di peta, ke tabel angkanya", "Skip the %d regions of the map, to the table of figures"},
		"map.show":                {"Tampilkan", "Show"},
		"map.figure.organisasi":   {"Organisasi (OMS)", "Organisations (OMS)"},
		"map.value.organisasi":    {"%s organisasi", "%s organisations"},
		"map.svg_title.provinsi":  {"Peta provinsi Indonesia: %s", "Map of Indonesia's provinces: %s"},
		"map.svg_title.kabupaten": {"Peta kabupaten/kota Indonesia: %s", "Map of Indonesia's kabupaten/kota: %s"},
		"map.svg_title.within":    {"Peta %[1]s per kabupaten/kota di %[2]s", "Map of %[1]s by kabupaten/kota in %[2]s"},
		"map.hint":                {"Makin gelap warnanya, makin besar angkanya.", "The darker the colour, the larger the figure."},
		"map.source":              {"Batas wilayah: wilayah_boundaries (Cahya DSN, lisensi MIT), disederhanakan.", "Boundaries: wilayah_boundaries (Cahya DSN, MIT licence), simplified."},
		"map.source_link":         {"Tentang data", "About the data"},
		"map.download":            {"Unduh peta (SVG)", "Download the map (SVG)"},
		"map.table.summary":       {"Tabel angka per wilayah (%d wilayah)", "Table of figures by region (%d regions)"},
		"map.col.region":          {"Wilayah", "Region"},
		"map.col.zoom":            {"Peta kabupaten/kota", "Kabupaten/kota map"},
		"map.zoom_link":           {"Lihat peta", "See the map"},
		"map.region_label":        {"Peta", "Map"},
		"map.region_link":         {"Lihat kabupaten/kota provinsi ini di peta", "See this province's kabupaten/kota on the map"},
		"map.total":               {"Jumlah", "Total"},
		"about_data.map.title":    {"Peta", "Map"},
		"about_data.map.text": {
			"Batas provinsi dan kabupaten/kota pada peta berasal dari wilayah_boundaries karya Cahya DSN, dengan kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025), berlisensi MIT. Batas itu disederhanakan dan disimpan di dalam aplikasi, sehingga peta tidak memanggil server lain. Batas pada peta ini bukan batas resmi.",
			"The province and kabupaten/kota boundaries on the map come from wilayah_boundaries by Cahya DSN, keyed by Kemendagri region codes (Kepmendagri 300.2.2-2138/2025), under the MIT licence. They are simplified and stored inside the application, so the map calls no other server. The boundaries on this map are not official boundaries.",
		},
		"about_data.map.source":  {"Sumber", "Source"},
		"about_data.map.licence": {"Lisensi", "Licence"},
	})
}
