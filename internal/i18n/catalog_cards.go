package i18n

// Campaign cards: how one campaign reads wherever it is listed.
func init() {
	add(map[string]Msg{
		"campaign.card.of.barang":   {"%s dari %s barang diterima", "%s of %s items received"},
		"campaign.card.of.relawan":  {"%s dari %s relawan diterima", "%s of %s volunteers accepted"},
		"campaign.card.of.advokasi": {"%s dari %s tanda tangan", "%s of %s signatures"},
		"campaign.card.days_left":   {"%d hari lagi", "%d days left"},
		"campaign.card.last_day":    {"Hari terakhir", "Last day"},
		"campaign.card.ended":       {"Sudah selesai", "Ended"},
		"campaign.card.by":          {"oleh", "by"},
		"campaign.org.running":      {"Galang Daya yang sedang berjalan", "Running Galang Daya campaigns"},
		"campaign.card.progress":    {"Dukungan terkumpul", "Support so far"},
	})
}
