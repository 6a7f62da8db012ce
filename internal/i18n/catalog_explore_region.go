package i18n

// The region pages of the explore area: figures, running campaigns and
// the regions within.
func init() {
	add(map[string]Msg{
		"explore.region.hub":           {"Simpul jaringan", "Hub"},
		"explore.region.no_hub":        {"Belum ada simpul untuk wilayah ini.", "No hub covers this region yet."},
		"explore.region.hubs":          {"Lihat semua simpul", "See every hub"},
		"explore.region.figures":       {"Yang terjadi di sini", "What happens here"},
		"explore.region.counted":       {"Dana, barang, jam relawan, tawaran, penerima manfaat dan pengaduan dihitung di wilayah tempat OMS-nya berkedudukan; inisiatif dihitung di wilayah yang dilayaninya. Tiap angka membuka daftar di baliknya.", "Money, goods, volunteer hours, offers, people reached and complaints count where the OMS is based; initiatives count where they serve. Each figure opens the list behind it."},
		"explore.region.campaigns":     {"Galang Daya yang sedang berjalan", "Running Galang Daya campaigns"},
		"explore.region.all_campaigns": {"Semua Galang Daya di wilayah ini", "Every campaign in this region"},
		"explore.region.no_campaigns":  {"Belum ada Galang Daya yang berjalan di wilayah ini.", "No campaign is running in this region yet."},
		"explore.region.elsewhere":     {"Lihat Galang Daya di wilayah lain", "See campaigns elsewhere"},
		"explore.region.sort_hint":     {"Pilih judul kolom untuk mengurutkan: yang terkecil menunjukkan di mana dukungan masih tipis.", "Choose a column heading to sort: the smallest show where support is thin."},

		"explore.fig.organizations": {"OMS berkedudukan di sini", "OMS based here"},
		"explore.fig.initiatives":   {"inisiatif layanan melayani wilayah ini", "service initiatives serving this region"},
		"explore.fig.campaigns":     {"Galang Daya sedang berjalan", "campaigns running"},
		"explore.fig.money":         {"dana terkonfirmasi", "confirmed money"},
		"explore.fig.goods":         {"barang diterima", "goods received"},
		"explore.fig.hours":         {"jam relawan tercatat", "volunteer hours logged"},
		"explore.fig.offers":        {"tawaran keahlian dan kemitraan disepakati", "skills and partnership offers agreed"},
		"explore.fig.reached":       {"penerima manfaat terlayani (catatan layanan)", "people served (service records)"},
		"explore.fig.on_time":       {"pengaduan dijawab tepat waktu", "complaints answered on time"},

		"explore.col.name":       {"Wilayah", "Region"},
		"explore.col.oms":        {"OMS", "OMS"},
		"explore.col.inisiatif":  {"Inisiatif", "Initiatives"},
		"explore.col.kampanye":   {"Galang Daya berjalan", "Running campaigns"},
		"explore.col.dana":       {"Dana terkonfirmasi", "Confirmed money"},
		"explore.col.barang":     {"Barang diterima", "Goods received"},
		"explore.col.jam":        {"Jam relawan", "Volunteer hours"},
		"explore.col.tawaran":    {"Tawaran disepakati", "Offers agreed"},
		"explore.col.terjangkau": {"Penerima manfaat", "People reached"},
		"explore.col.pengaduan":  {"Pengaduan tepat waktu", "Complaints on time"},
	})
}
