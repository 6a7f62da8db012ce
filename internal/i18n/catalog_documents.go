package i18n

// An organisation's private legal documents and the reviewers' requests
// for them.
func init() {
	add(map[string]Msg{
		"org.doc.akta":           {"Akta pendirian", "Deed of establishment (akta pendirian)"},
		"org.doc.sk_kemenkumham": {"SK Kemenkumham", "Kemenkumham decree (SK)"},
		"org.doc.npwp":           {"Kartu NPWP", "NPWP card"},
		"hub.documents_invalid":  {"Dokumen hanya dapat diminta bersama keputusan \"Minta perbaikan\".", "Documents can only be requested with an \"Ask for changes\" decision."},

		"org.doc.title":           {"Dokumen legal %s", "Legal documents of %s"},
		"org.doc.link":            {"Dokumen legal", "Legal documents"},
		"org.doc.intro":           {"Dokumen ini bersifat pribadi: hanya pemilik dan admin organisasi serta peninjau verifikasi (koordinator simpul wilayah Anda dan admin platform) yang dapat melihat dan mengunduhnya. Foto diolah ulang sehingga data lokasinya terhapus.", "These documents are private: only the organisation's owners and admins and its verification reviewers (the coordinators of your region's hub and the platform admins) can see and download them. Photos are re-encoded, which removes their location data."},
		"org.doc.requested":       {"Peninjau meminta dokumen berikut: %s.", "The reviewer asks for these documents: %s."},
		"org.doc.requested_badge": {"Diminta peninjau", "Requested by the reviewer"},
		"org.doc.none":            {"Belum diunggah", "Not uploaded yet"},
		"org.doc.uploaded":        {"Diunggah %s (%s KB)", "Uploaded %s (%s KB)"},
		"org.doc.download":        {"Lihat atau unduh", "View or download"},
		"org.doc.upload":          {"Unggah dokumen", "Upload a document"},
		"org.doc.field.kind":      {"Jenis dokumen", "Document"},
		"org.doc.field.file":      {"Berkas (PDF, JPEG atau PNG, paling besar 5 MB)", "File (PDF, JPEG or PNG, at most 5 MB)"},
		"org.doc.field.file_hint": {"Unggahan baru menggantikan berkas lama dengan jenis yang sama.", "A new upload replaces the old file of the same kind."},
		"org.doc.submit":          {"Unggah", "Upload"},
		"org.doc.saved":           {"Dokumen disimpan.", "Document saved."},
		"org.doc.err.kind":        {"Pilih jenis dokumen.", "Choose which document this is."},
		"org.doc.err.missing":     {"Pilih berkas yang akan diunggah.", "Choose a file to upload."},
		"org.doc.err.too_large":   {"Berkas terlalu besar; paling besar 5 MB.", "The file is too large; at most 5 MB."},
		"org.doc.err.unsupported": {"Hanya PDF, JPEG atau PNG yang diterima.", "Only PDF, JPEG or PNG files are accepted."},
		"hub.review.documents":    {"Dokumen yang diunggah", "Uploaded documents"},
		"hub.review.ask_docs":     {"Minta dokumen (hanya untuk \"Minta perbaikan\")", "Ask for documents (with \"Ask for changes\" only)"},
		"hub.review.docs_asked":   {"Dokumen diminta", "Documents asked for"},
	})
}
