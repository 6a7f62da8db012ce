package i18n

// Finding one's way: the platform admin's review of any organisation, the
// provinces no hub covers, the hub form's regions by name, and the
// dashboards that lead every role to its work.
func init() {
	add(map[string]Msg{
		"nav.initiatives":  {"Inisiatif", "Initiatives"},
		"nav.review.cycle": {"Lihat siklus pengembangan", "See the development cycle"},

		"admin.hub_form.regions":      {"Wilayah yang dicakup", "Regions covered"},
		"admin.hub_form.regions_hint": {"Hapus centang untuk melepas wilayah. Untuk menambah, pilih wilayah di bawah (provinsi, atau lebih rinci) lalu tekan \"Tambahkan wilayah\".", "Untick a region to drop it. To add one, choose it below (a province, or more precise) and press \"Add region\"."},
		"admin.hub_form.no_regions":   {"Belum ada wilayah yang dipilih.", "No region chosen yet."},
		"admin.hub_form.add_region":   {"Tambahkan wilayah", "Add region"},

		"admin.waiting.title":          {"OMS menunggu tinjauan, per provinsi", "OMS waiting for review, by province"},
		"admin.waiting.intro":          {"Anda dapat meninjau OMS mana pun. OMS di provinsi tanpa simpul hanya bisa ditinjau oleh admin platform.", "You can review any OMS. OMS in a province no hub covers can only be reviewed by a platform admin."},
		"admin.waiting.hubs":           {"Dicakup oleh %s", "Covered by %s"},
		"admin.waiting.partly":         {"Sebagian dicakup oleh %s", "Partly covered by %s"},
		"admin.waiting.no_hub":         {"Tidak ada simpul di provinsi ini", "No hub covers this province"},
		"admin.waiting.only_admin":     {"hanya admin yang bisa meninjau", "only an admin can review"},
		"admin.waiting.more":           {"Lihat semua OMS yang menunggu", "See every OMS waiting"},
		"admin.waiting.none":           {"Tidak ada OMS yang menunggu tinjauan.", "No OMS is waiting for review."},
		"admin.uncovered.title":        {"Provinsi tanpa simpul", "Provinces without a hub"},
		"admin.uncovered.intro":        {"%d provinsi belum dicakup simpul mana pun:", "%d provinces are covered by no hub:"},
		"admin.uncovered.none":         {"Setiap provinsi dicakup setidaknya satu simpul.", "Every province is covered by at least one hub."},
		"dash.waiting":                 {"Menunggu Anda", "Waiting for you"},
		"dash.donations":               {"%d donasi menunggu konfirmasi", "%d donations waiting for confirmation"},
		"dash.proofs":                  {"%d dengan bukti transfer", "%d with a proof of transfer"},
		"dash.imports":                 {"%d impor mutasi rekening belum dikonfirmasi", "%d bank statement imports not confirmed yet"},
		"dash.expenses":                {"%d pengeluaran menunggu persetujuan Anda", "%d expenses waiting for your approval"},
		"dash.pledges":                 {"%d janji barang belum diterima", "%d goods pledges not received yet"},
		"dash.volunteers":              {"%d pendaftaran relawan menunggu keputusan", "%d volunteer sign-ups waiting for a decision"},
		"dash.offers":                  {"%d tawaran menunggu jawaban", "%d offers waiting for an answer"},
		"dash.nothing":                 {"Tidak ada yang menunggu Anda saat ini.", "Nothing is waiting for you right now."},
		"dash.cycle":                   {"Siklus ke-%d, tahap %d: %s.", "Cycle %d, stage %d: %s."},
		"dash.cycle.stage":             {"Buka tahap %d", "Open stage %d"},
		"dash.cycle.overview":          {"Ringkasan siklus", "Cycle overview"},
		"dash.cycle.all":               {"Semua siklus", "All cycles"},
		"dash.cycle.start":             {"Mulai siklus pertama", "Start the first cycle"},
		"dash.campaigns":               {"%d kampanye aktif, %d draf.", "%d active campaigns, %d drafts."},
		"dash.campaigns.all":           {"Semua kampanye", "All campaigns"},
		"dash.campaign.public":         {"Halaman publik", "Public page"},
		"dash.money":                   {"Uang dan laporan", "Money and reports"},
		"dash.org":                     {"Organisasi", "Organisation"},
		"dash.transfer":                {"Alihkan kepemilikan", "Transfer ownership"},
		"dash.open":                    {"Buka dasbor organisasi", "Open the organisation's dashboard"},
		"dash.waiting_count":           {"%d hal menunggu Anda", "%d things waiting for you"},
		"dash.hubs":                    {"Simpul yang Anda koordinasikan", "Hubs you coordinate"},
		"dash.hub_queue":               {"%d OMS menunggu tinjauan", "%d OMS waiting for review"},
		"dash.admin":                   {"Admin platform", "Platform admin"},
		"dash.admin_waiting":           {"%d OMS menunggu tinjauan", "%d OMS waiting for review"},
		"initiative.show.campaigns":    {"Kampanye Galang Daya", "Galang Daya campaigns"},
		"initiative.show.no_campaigns": {"Belum ada kampanye yang diterbitkan untuk inisiatif ini.", "No campaign has been published for this initiative yet."},
		"admin.uncovered.partly":       {"Hanya sebagian wilayahnya dicakup simpul", "Only partly covered by a hub"},
	})
}
