package i18n

func init() {
	add(map[string]Msg{
		"org.field.kind":           {"Jenis pelaku", "Kind of actor"},
		"org.field.kind_hint":      {"Kantor pemerintah dan pemangku kepentingan lain juga diverifikasi oleh koordinator simpul. Hanya OMS yang menjalankan siklus dan Galang Daya. Jenis tidak dapat diubah setelah didaftarkan.", "Government offices and other stakeholders are verified by a hub coordinator too. Only an OMS runs the cycle and Galang Daya. The kind cannot be changed once registered."},
		"org.field.legal_form_oms": {"(wajib untuk OMS)", "(required of an OMS)"},
		"org.err.kind":             {"Pilih jenis pelaku dari daftar.", "Choose a kind of actor from the list."},
		"error.oms_only.title":     {"Khusus OMS", "For OMS only"},
		"error.oms_only.body":      {"Hanya organisasi masyarakat sipil (OMS) yang menjalankan siklus inisiatif dan Galang Daya. Kantor pemerintah dan pemangku kepentingan lain bekerja bersama OMS melalui usulan, forum dan tim aksi.", "Only a civil-society organisation (OMS) runs the initiative cycle and Galang Daya. Government offices and other stakeholders work with OMS through proposals, forums and action teams."},

		"org.kind.oms":       {"Organisasi masyarakat sipil (OMS)", "Civil-society organisation (OMS)"},
		"org.kind.opd":       {"Perangkat daerah (OPD/SKPD)", "Regional government office (OPD/SKPD)"},
		"org.kind.kecamatan": {"Kantor kecamatan", "Kecamatan office"},
		"org.kind.desa":      {"Kantor desa/kelurahan", "Desa/kelurahan office"},
		"org.kind.dprd":      {"DPRD", "Regional parliament (DPRD)"},
		"org.kind.bisnis":    {"Dunia usaha", "Business"},
		"org.kind.akademisi": {"Perguruan tinggi/akademisi", "University/academia"},
		"org.kind.media":     {"Media", "Media"},
		"org.kind.warga":     {"Kelompok warga (RT/RW, forum warga)", "Residents' group (RT/RW, community forum)"},

		"org.list.kind":     {"Jenis", "Kind"},
		"org.list.kind_all": {"Semua jenis", "All kinds"},
		"org.list.kind_gov": {"Pemerintah", "Government"},
	})
}
