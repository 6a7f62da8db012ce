package i18n

// An initiative's indicators and results (internal/indicator and its pages).
func init() {
	add(map[string]Msg{
		"indicator.quarter_of":           {"Triwulan %s %s", "Quarter %s %s"},
		"indicator.err.key":              {"Kunci hanya boleh huruf kecil, angka dan tanda hubung, paling panjang 60.", "A key may hold only lower-case letters, digits and dashes, at most 60."},
		"indicator.err.key_taken":        {"Inisiatif ini sudah punya indikator dengan kunci ini.", "This initiative already has an indicator with this key."},
		"indicator.err.choice":           {"Pilih salah satu pilihan yang ada.", "Choose one of the options."},
		"indicator.err.number":           {"Tulis angka, dengan paling banyak dua angka di belakang koma (misalnya 12,5).", "Write a number with at most two decimals (for example 12.5)."},
		"indicator.err.whole_rupiah":     {"Rupiah ditulis tanpa sen.", "Rupiah are written without cents."},
		"indicator.err.target_below":     {"Indikator ini harus naik: target tidak boleh di bawah nilai awal.", "This indicator must rise: the target cannot be below the baseline."},
		"indicator.err.target_above":     {"Indikator ini harus turun: target tidak boleh di atas nilai awal.", "This indicator must fall: the target cannot be above the baseline."},
		"indicator.err.date":             {"Tulis tanggal sebagai TTTT-BB-HH.", "Write the date as YYYY-MM-DD."},
		"indicator.err.to_before_from":   {"Tanggal akhir tidak boleh sebelum tanggal mulai.", "The end date cannot be before the start date."},
		"indicator.err.period_monthly":   {"Tulis bulan sebagai TTTT-BB, misalnya 2025-03.", "Write the month as YYYY-MM, for example 2025-03."},
		"indicator.err.period_quarterly": {"Tulis triwulan sebagai TTTT-Qn, misalnya 2025-Q1.", "Write the quarter as YYYY-Qn, for example 2025-Q1."},
		"indicator.err.period_yearly":    {"Tulis tahun sebagai TTTT, misalnya 2025.", "Write the year as YYYY, for example 2025."},
		"indicator.err.period_outside":   {"Periode ini di luar jangka waktu indikator.", "This period is outside the indicator's time frame."},
		"indicator.err.period_taken":     {"Periode ini sudah punya capaian; ubah yang ada.", "This period already has an actual; edit that one."},
		"indicator.err.parts_sum":        {"Rincian harus berjumlah sama dengan nilai.", "The breakdown must add up to the value."},
		"indicator.err.has_typed":        {"Indikator ini sudah punya capaian yang diketik; hapus dulu sebelum memilih sumber terhitung.", "This indicator has typed actuals; remove them before choosing a computed source."},
		"indicator.err.actuals_period":   {"Capaian yang ada tidak cocok dengan jenis periode baru.", "The existing actuals do not fit the new kind of period."},
		"indicator.err.actuals_outside":  {"Ada capaian di luar jangka waktu baru.", "Some actuals fall outside the new time frame."},
		"indicator.err.computed":         {"Capaian indikator ini dihitung dari catatan platform, tidak diketik.", "This indicator's actuals are computed from the platform's records, not typed in."},
	})
}
