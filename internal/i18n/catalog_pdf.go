package i18n

// The cycle as a downloadable PDF.
func init() {
	add(map[string]Msg{
		"cycle.pdf.link":         {"Unduh PDF", "Download PDF"},
		"cycle.pdf.page":         {"Halaman", "Page"},
		"cycle.pdf.organisation": {"Organisasi", "Organisation"},
		"cycle.pdf.cycle":        {"Siklus", "Cycle"},
		"cycle.pdf.status":       {"Status", "Status"},
		"cycle.pdf.edition":      {"Edisi kerangka", "Framework edition"},
		"cycle.pdf.opened":       {"Dibuka", "Opened"},
		"cycle.pdf.closed":       {"Ditutup", "Closed"},
		"cycle.pdf.current":      {"Tahap saat ini", "Current stage"},
		"cycle.pdf.stage":        {"Tahap %d. %s", "Stage %d. %s"},
		"cycle.pdf.printed":      {"Dicetak dari Lokadaya, %s", "Printed from Lokadaya, %s"},
	})
}
