package i18n

// Service records corrected and deleted, imports discarded.
func init() {
	add(map[string]Msg{
		"voice.record.edit":         {"Perbaiki catatan layanan", "Correct a service record"},
		"voice.record.edit_link":    {"Perbaiki", "Correct"},
		"voice.record.delete_title": {"Hapus catatan ini", "Delete this record"},
		"voice.record.delete_hint": {
			"Hapus hanya catatan yang keliru, misalnya tercatat dua kali. Angkanya tetap tersimpan di log audit, dan jangkauan dihitung ulang.",
			"Delete only a record that is wrong, for example one entered twice. Its figures stay in the audit log, and reach is counted again.",
		},
		"voice.record.delete":          {"Hapus catatan", "Delete record"},
		"voice.flash.record_corrected": {"Catatan layanan diperbaiki.", "Service record corrected."},
		"voice.flash.record_deleted":   {"Catatan layanan dihapus.", "Service record deleted."},
		"voice.import.discard":         {"Buang pratinjau ini", "Discard this preview"},
		"voice.import.stale_hint": {
			"Pratinjau yang tidak dikonfirmasi dibuang otomatis beserta berkasnya setelah %d hari.",
			"A preview that is not confirmed is discarded with its file after %d days.",
		},
		"voice.export.records": {"Unduh semua catatan (tanpa catatan bebas dan nama petugas; bisa diimpor kembali):",
			"Download every record (without notes or staff names; imports again as it is):"},
		"voice.export.reach": {"Unduh jangkauan periode ini per bulan:", "Download this period's reach by month:"},
		"voice.flash.import_discarded": {"Pratinjau dan berkasnya dibuang; tidak ada catatan yang ditulis.",
			"The preview and its file were discarded; no record was written."},
	})
}
