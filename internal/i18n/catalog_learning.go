package i18n

// The results-and-learning area's own page (the parts have their own files).
func init() {
	add(map[string]Msg{
		"learning.link":     {"Hasil & pembelajaran", "Results & learning"},
		"learning.title":    {"Hasil & pembelajaran", "Results & learning"},
		"learning.title_of": {"Hasil & pembelajaran %s", "Results & learning of %s"},
		"learning.intro": {
			"Apa yang berubah, apa yang dipelajari, dan apa langkah berikutnya: indikator dan capaiannya, refleksi bersama (CoRel) yang melibatkan orang yang dilayani, janji para pemangku kepentingan, dan pelajaran yang dibagikan.",
			"What changed, what was learned and what comes next: indicators and their results, participatory reflection (CoRel) that includes the people served, the promises of stakeholders, and the lessons shared.",
		},
		"learning.results":          {"Hasil", "Results"},
		"learning.results.hint":     {"capaian indikator setiap inisiatif", "each initiative's indicators against their targets"},
		"learning.reflections":      {"Refleksi (CoRel)", "Reflections (CoRel)"},
		"learning.reflections.hint": {"sesi refleksi dan pembelajaran partisipatif beserta temuannya", "participatory reflection and learning sessions and their findings"},
		"learning.commitments":      {"Menagih janji", "Commitments to collect on"},
		"learning.commitments.hint": {"janji pejabat dan mitra beserta tindak lanjutnya", "promises of officials and partners and their follow-up"},
		"learning.lessons":          {"Pelajaran", "Lessons"},
		"learning.lessons.hint":     {"pelajaran dari refleksi dan dari setiap tahap siklus", "lessons from reflections and from every stage of the cycle"},
		"learning.show.hint":        {"Apa yang berubah dan apa yang dipelajari:", "What changed and what was learned:"},
		"learning.kept_of":          {"%d dari %d ditepati", "%d of %d kept"},
		"learning.open_actions":     {"%d berjalan", "%d open"},
		"learning.staff":            {"Untuk pengurus", "For the organisation's people"},
		"learning.indicators":       {"Indikator", "Indicators"},
		"learning.indicators.hint":  {"indikator keluaran dan hasil, baseline, target dan capaian", "output and outcome indicators, baseline, target and actuals"},
		"learning.actions":          {"Rencana aksi", "Action plan"},
		"learning.actions.hint":     {"tindakan dari temuan refleksi: apa, siapa, kapan, anggaran", "actions from reflection findings: what, who, by when, budget"},
		"learning.cadres":           {"Kader", "Cadres"},
		"learning.cadres.hint":      {"daftar kader, wilayah, keahlian dan pelatihan", "the cadre register, regions, skills and trainings"},
		"learning.all_lessons":      {"Perpustakaan pelajaran semua OMS", "The lessons library of every OMS"},
	})
}
