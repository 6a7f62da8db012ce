package i18n

// Open data: the catalogue page, downloads, the organisation's data
// licence, the CKAN and DCAT catalogue.
func init() {
	add(map[string]Msg{
		"opendata.nav":       {"Data terbuka", "Open data"},
		"opendata.title":     {"Data terbuka", "Open data"},
		"opendata.org_title": {"Data terbuka %s", "Open data of %s"},
		"opendata.org_notes": {
			"Semua data terbuka %s: kampanye, kebutuhan, dukungan per hari, buku kas, pengeluaran, laporan keuangan, inisiatif, layanan dan umpan balik per bulan, serta survei kepuasan (IKM) — dalam CSV, XLSX dan JSON.",
			"All open data of %s: campaigns, needs, contributions per day, books, expenses, financial reports, initiatives, service and feedback per month, and the satisfaction survey (IKM) — as CSV, XLSX and JSON.",
		},
		"opendata.intro": {
			"Data publik Lokadaya untuk pemerintah, peneliti, jurnalis dan OMS: unduh, olah dan pakai kembali. Tanpa data pribadi — dukungan hanya dihitung dan dijumlahkan, tidak pernah per orang.",
			"Lokadaya's public data for governments, researchers, journalists and OMS: download, process and reuse it. No personal data — contributions are only counted and summed, never per person.",
		},
		"opendata.filter.org":         {"Cari data satu organisasi", "Find one organisation's data"},
		"opendata.filter.placeholder": {"nama organisasi, mis. Terang Kampung", "organisation name, e.g. Terang Kampung"},
		"opendata.filter.submit":      {"Cari", "Search"},
		"opendata.filter.none":        {"Tidak ada organisasi penerbit data yang namanya memuat \u201c%s\u201d.", "No publishing organisation's name contains \u201c%s\u201d."},
		"opendata.licence.title":      {"Lisensi", "Licence"},
		"opendata.licence.org":        {"%s menerbitkan datanya di bawah", "%s publishes its data under"},
		"opendata.licence.platform":   {"Data diterbitkan di bawah", "The data is published under"},
		"opendata.licence.rows": {
			"kecuali organisasi memilih lisensi terbuka lain; kolom license di setiap baris menyebut lisensi organisasinya.",
			"unless the organisation chose another open licence; the license column of every row names its organisation's licence.",
		},
		"opendata.harvest.title": {"Untuk portal data (Satu Data Indonesia)", "For data portals (Satu Data Indonesia)"},
		"opendata.harvest.text": {
			"Portal CKAN dapat memanen katalog ini lewat API CKAN atau katalog DCAT.",
			"CKAN portals can harvest this catalogue through the CKAN API or the DCAT catalogue.",
		},
		"opendata.harvest.dcat": {"Katalog DCAT (JSON-LD)", "DCAT catalogue (JSON-LD)"},
		"opendata.harvest.ckan": {"API CKAN", "CKAN API"},
		"opendata.formats": {
			"Format: CSV (RFC 4180, UTF-8, dengan baris judul), XLSX (lembar data dan lembar kamus), JSON (satu larik objek, satu per baris). Waktu dalam UTC (RFC 3339), uang dalam rupiah bulat.",
			"Formats: CSV (RFC 4180, UTF-8, with a header row), XLSX (a data sheet and a dictionary sheet), JSON (one array of objects, one per row). Times in UTC (RFC 3339), money in whole rupiah.",
		},
		"opendata.download":    {"Unduh", "Download"},
		"opendata.dictionary":  {"Kamus data", "Data dictionary"},
		"opendata.col.name":    {"Kolom", "Column"},
		"opendata.col.type":    {"Tipe", "Type"},
		"opendata.col.unit":    {"Satuan", "Unit"},
		"opendata.col.meaning": {"Arti", "Meaning"},
		"opendata.bad_page":    {"Nomor halaman tidak valid.", "Invalid page number."},
		"opendata.org.link":    {"Data terbuka organisasi ini (CSV, XLSX, JSON)", "This organisation's open data (CSV, XLSX, JSON)"},

		"opendata.licence.setting": {"Lisensi data terbuka", "Open data licence"},
		"opendata.licence.hint": {
			"Lisensi yang berlaku untuk data terbuka organisasi Anda. Bawaan: CC BY 4.0 (boleh dipakai ulang dengan menyebut sumber). Hanya pemilik yang dapat mengubahnya.",
			"The licence of your organisation's open data. Default: CC BY 4.0 (reuse with attribution). Only owners can change it.",
		},
		"opendata.licence.save":    {"Simpan lisensi", "Save licence"},
		"opendata.licence.saved":   {"Lisensi data terbuka disimpan.", "Open data licence saved."},
		"opendata.licence.unknown": {"Pilih salah satu lisensi terbuka dari daftar.", "Choose one of the open licences in the list."},
	})
}
