package i18n

// Verification as a new or reviewed organisation lives it: who reviews it
// and what the reviewer asks.
func init() {
	add(map[string]Msg{
		"dash.changes": {"Peninjau meminta perbaikan (lihat catatannya di atas). Setelah Anda mengubah profil atau mengunggah dokumen, organisasi ditinjau lagi.",
			"The reviewer asks for changes (see the note above). Once you change the profile or upload a document, the organisation is reviewed again."},
		"dash.changes.profile":  {"Ubah profil", "Edit the profile"},
		"hub.queue.turned_away": {"Ditolak atau ditangguhkan", "Rejected or suspended"},
		"hub.queue.turned_away_hint": {"Tidak tampil untuk publik. Keputusan, riwayat dan dokumen legalnya tetap terbuka untuk peninjau.",
			"Hidden from the public. Their decisions, history and legal documents stay open to reviewers."},
		"org.flash.created_admin": {"Organisasi terdaftar. Belum ada simpul di wilayah Anda, jadi admin platform yang akan memverifikasinya.",
			"Organisation registered. No hub covers your region yet, so the platform admins will verify it."},
	})
}
