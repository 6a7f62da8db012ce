package i18n

func init() {
	add(map[string]Msg{
		// What a new cycle carries from the last one.
		"tools.carried":         {"dibawa dari siklus %d", "carried from cycle %d"},
		"tools.funding.carried": {"Tabel ini dimulai dari angka siklus %d. Perbarui angka yang berubah; siklus %[1]d tetap seperti adanya.", "This table starts from the figures of cycle %d. Update what has changed; cycle %[1]d stays as it was."},
		"tools.assets.carried":  {"Inventaris ini dimulai dari aset siklus %d. Ubah atau hapus yang sudah tidak berlaku; siklus %[1]d tetap seperti adanya.", "This inventory starts from the assets of cycle %d. Edit or delete what no longer holds; cycle %[1]d stays as it was."},
	})
}
