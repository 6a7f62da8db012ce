package i18n

// The organisation dashboard's line for an organisation a reviewer
// asked for changes.
func init() {
	add(map[string]Msg{
		"dash.changes": {"Peninjau meminta perbaikan (lihat catatannya di atas). Setelah Anda mengubah profil atau mengunggah dokumen, organisasi ditinjau lagi.",
			"The reviewer asks for changes (see the note above). Once you change the profile or upload a document, the organisation is reviewed again."},
		"dash.changes.profile": {"Ubah profil", "Edit the profile"},
	})
}
