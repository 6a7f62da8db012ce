package i18n

// Messages of a campaign's fund: general money or zakat and infak.
func init() {
	add(map[string]Msg{
		"campaign.field.fund":       {"Dana yang dihimpun", "Money collected"},
		"campaign.field.fund_hint":  {"Zakat dan infak dicatat dalam kategori tersendiri di buku terbuka dan tidak pernah dicampur dengan saldo lain. Pilihan ini tidak dapat diubah lagi setelah ada dana atau barang yang tercatat.", "Zakat and infak are kept in their own category of the open books and never mixed with other balances. This cannot be changed once money or goods are booked."},
		"campaign.fund.umum":        {"Dana umum", "General funds"},
		"campaign.fund.zakat_infak": {"Zakat dan infak", "Zakat and infak"},
		"campaign.err.fund":         {"Pilih dana umum atau zakat dan infak.", "Choose general funds or zakat and infak."},
		"campaign.err.fund_locked":  {"Dana yang dihimpun tidak dapat diubah: kampanye ini sudah memiliki catatan di buku terbuka.", "The money collected cannot be changed: this campaign already has entries in the open books."},
	})
}
