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
		"admin.uncovered.intro":        {"%d provinsi belum dicakup simpul mana pun:", "Provinces no hub covers: %d."},
		"admin.uncovered.none":         {"Setiap provinsi dicakup setidaknya satu simpul.", "Every province is covered by at least one hub."},
		"dash.waiting":                 {"Menunggu Anda", "Waiting for you"},
		"dash.donations":               {"%d donasi menunggu konfirmasi", "Donations waiting for confirmation: %d"},
		"dash.proofs":                  {"%d dengan bukti transfer", "with a proof of transfer: %d"},
		"dash.imports":                 {"%d impor mutasi rekening belum dikonfirmasi", "Bank statement imports not confirmed yet: %d"},
		"dash.expenses":                {"%d pengeluaran menunggu persetujuan Anda", "Expenses waiting for your approval: %d"},
		"dash.pledges":                 {"%d janji barang belum diterima", "Goods pledges not received yet: %d"},
		"dash.volunteers":              {"%d pendaftaran relawan menunggu keputusan", "Volunteer sign-ups waiting for a decision: %d"},
		"dash.offers":                  {"%d tawaran menunggu jawaban", "Offers waiting for an answer: %d"},
		"dash.nothing":                 {"Tidak ada yang menunggu Anda saat ini.", "Nothing is waiting for you right now."},
		"dash.cycle":                   {"Siklus ke-%d, tahap %d: %s.", "Cycle %d, stage %d: %s."},
		"dash.cycle.stage":             {"Buka tahap %d", "Open stage %d"},
		"dash.cycle.overview":          {"Ringkasan siklus", "Cycle overview"},
		"dash.cycle.all":               {"Semua siklus", "All cycles"},
		"dash.cycle.start":             {"Mulai siklus pertama", "Start the first cycle"},
		"dash.campaigns":               {"%d kampanye aktif, %d draf.", "Active campaigns: %d. Drafts: %d."},
		"dash.campaigns.all":           {"Semua kampanye", "All campaigns"},
		"dash.campaign.public":         {"Halaman publik", "Public page"},
		"dash.money":                   {"Uang dan laporan", "Money and reports"},
		"dash.org":                     {"Organisasi", "Organisation"},
		"dash.transfer":                {"Alihkan kepemilikan", "Transfer ownership"},
		"dash.open":                    {"Buka dasbor organisasi", "Open the organisation's dashboard"},
		"dash.waiting_count":           {"%d hal menunggu Anda", "Waiting for you: %d"},
		"dash.hubs":                    {"Simpul yang Anda koordinasikan", "Hubs you coordinate"},
		"dash.hub_queue":               {"%d OMS menunggu tinjauan", "OMS waiting for review: %d"},
		"dash.admin":                   {"Admin platform", "Platform admin"},
		"dash.admin_waiting":           {"%d OMS menunggu tinjauan", "OMS waiting for review: %d"},
		"initiative.show.campaigns":    {"Kampanye Galang Daya", "Galang Daya campaigns"},
		"initiative.show.no_campaigns": {"Belum ada kampanye yang diterbitkan untuk inisiatif ini.", "No campaign has been published for this initiative yet."},
		"admin.uncovered.partly":       {"Hanya sebagian wilayahnya dicakup simpul", "Only partly covered by a hub"},
	})
}
