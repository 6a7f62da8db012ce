package i18n

// The home page of the explore area.
func init() {
	add(map[string]Msg{
		"explore.home.cta_support":   {"Dukung Galang Daya", "Support a campaign"},
		"explore.home.map":           {"Peta wilayah", "Map of the regions"},
		"explore.home.map_figures":   {"Lihat angka ini di peta", "See these figures on the map"},
		"explore.home.map_choose":    {"Atau pilih wilayah di peta", "Or pick a region on the map"},
		"explore.home.provinces":     {"Angka tiap provinsi", "Figures of each province"},
		"explore.home.figures":       {"Yang sudah digerakkan bersama", "What we have mobilised together"},
		"explore.home.organizations": {"OMS terdaftar", "OMS registered"},
		"explore.home.regions":       {"kabupaten/kota dengan kegiatan", "kabupaten/kota with activity"},
		"explore.home.near":          {"Galang Daya di %s", "Campaigns in %s"},
		"explore.home.near_choose":   {"Galang Daya di dekat Anda", "Campaigns near you"},
		"explore.home.region_page":   {"Semua tentang %s", "All about %s"},
		"explore.home.change":        {"Ganti wilayah", "Change region"},
		"explore.home.show":          {"Tampilkan", "Show"},
		"explore.home.ending":        {"Segera berakhir", "Ending soon"},
		"explore.home.all_campaigns": {"Semua Galang Daya", "Every campaign"},
		"explore.home.none":          {"Belum ada Galang Daya yang berjalan.", "No campaign is running yet."},
	})
}
