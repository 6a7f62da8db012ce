package i18n

// An organisation's private legal documents and the reviewers' requests
// for them.
func init() {
	add(map[string]Msg{
		"org.doc.akta":           {"Akta pendirian", "Deed of establishment (akta pendirian)"},
		"org.doc.sk_kemenkumham": {"SK Kemenkumham", "Kemenkumham decree (SK)"},
		"org.doc.npwp":           {"Kartu NPWP", "NPWP card"},
		"hub.documents_invalid":  {"Dokumen hanya dapat diminta bersama keputusan \"perlu perbaikan\".", "Documents can only be requested with a \"needs changes\" decision."},
	})
}
