package i18n

// Finding one's way: the platform admin's review of any organisation, the
// provinces no hub covers, the hub form's regions by name, and the
// dashboards that lead every role to its work.
func init() {
	add(map[string]Msg{
		"nav.review.cycle": {"Lihat siklus pengembangan", "See the development cycle"},

		"admin.hub_form.regions":      {"Wilayah yang dicakup", "Regions covered"},
		"admin.hub_form.regions_hint": {"Hapus centang untuk melepas wilayah. Untuk menambah, pilih wilayah di bawah (provinsi, atau lebih rinci) lalu tekan \"Tambahkan wilayah\".", "Untick a region to drop it. To add one, choose it below (a province, or more precise) and press \"Add region\"."},
		"admin.hub_form.no_regions":   {"Belum ada wilayah yang dipilih.", "No region chosen yet."},
		"admin.hub_form.add_region":   {"Tambahkan wilayah", "Add region"},

		"admin.waiting.title":      {"OMS menunggu tinjauan, per provinsi", "OMS waiting for review, by province"},
		"admin.waiting.intro":      {"Anda dapat meninjau OMS mana pun. OMS di provinsi tanpa simpul hanya bisa ditinjau oleh admin platform.", "You can review any OMS. OMS in a province no hub covers can only be reviewed by a platform admin."},
		"admin.waiting.hubs":       {"Dicakup oleh %s", "Covered by %s"},
		"admin.waiting.partly":     {"Sebagian dicakup oleh %s", "Partly covered by %s"},
		"admin.waiting.no_hub":     {"Tidak ada simpul di provinsi ini", "No hub covers this province"},
		"admin.waiting.only_admin": {"hanya admin yang bisa meninjau", "only an admin can review"},
		"admin.waiting.more":       {"Lihat semua OMS yang menunggu", "See every OMS waiting"},
		"admin.waiting.none":       {"Tidak ada OMS yang menunggu tinjauan.", "No OMS is waiting for review."},
		"admin.uncovered.title":    {"Provinsi tanpa simpul", "Provinces without a hub"},
		"admin.uncovered.intro":    {"%d provinsi belum dicakup simpul mana pun:", "%d provinces are covered by no hub:"},
		"admin.uncovered.none":     {"Setiap provinsi dicakup setidaknya satu simpul.", "Every province is covered by at least one hub."},
		"admin.uncovered.partly":   {"Hanya sebagian wilayahnya dicakup simpul", "Only partly covered by a hub"},
	})
}
