package i18n

// Verification as a new or reviewed organisation lives it (who reviews it,
// what the reviewer asks) and regions picked by name.
func init() {
	add(map[string]Msg{
		"dash.changes": {"Peninjau meminta perbaikan (lihat catatannya di atas). Setelah Anda mengubah profil atau mengunggah dokumen, organisasi ditinjau lagi.",
			"The reviewer asks for changes (see the note above). Once you change the profile or upload a document, the organisation is reviewed again."},
		"dash.changes.profile":  {"Ubah profil", "Edit the profile"},
		"hub.queue.turned_away": {"Ditolak atau ditangguhkan", "Rejected or suspended"},
		"hub.queue.turned_away_hint": {"Tidak tampil untuk publik. Keputusan, riwayat dan dokumen legalnya tetap terbuka untuk peninjau.",
			"Hidden from the public. Their decisions, history and legal documents stay open to reviewers."},
		"initiative.field.regions_hint": {"Centang wilayah yang dilayani; hapus centang untuk mengeluarkannya. Tambahkan wilayah lain dengan memilihnya di bawah: provinsi, kabupaten/kota, kecamatan atau desa/kelurahan.",
			"Tick the regions served; untick one to remove it. Add another by choosing it below: a province, kabupaten/kota, kecamatan or desa/kelurahan."},
		"initiative.field.no_regions": {"Belum ada wilayah layanan.", "No region served yet."},
		"initiative.field.add_region": {"Tambahkan wilayah ini", "Add this region"},
		"org.flash.created_admin": {"Organisasi terdaftar. Belum ada simpul di wilayah Anda, jadi admin platform yang akan memverifikasinya.",
			"Organisation registered. No hub covers your region yet, so the platform admins will verify it."},
	})
}
