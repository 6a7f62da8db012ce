package i18n

// The development cycle framework: the public page that explains it.
func init() {
	add(map[string]Msg{
		"framework.nav":            {"Siklus pengembangan", "Development cycle"},
		"framework.home_link":      {"Pelajari siklus pengembangan inisiatif layanan lokal", "Learn about the local service initiative development cycle"},
		"framework.contents":       {"Isi", "Contents"},
		"framework.stage_n":        {"Tahap %d", "Stage %d"},
		"framework.narrative":      {"Narasi umum", "General narrative"},
		"framework.attitudes":      {"Sikap yang mendukung", "Supporting attitudes"},
		"framework.questions":      {"Pertanyaan panduan", "Guiding questions"},
		"framework.min_answers":    {"Sebelum melanjutkan ke tahap berikutnya, sedikitnya %d pertanyaan panduan dijawab.", "Before moving on to the next stage, at least %d guiding questions are answered."},
		"framework.back_to":        {"Dari tahap ini siklus boleh kembali ke tahap %s untuk koreksi/modifikasi, dengan alasan yang dicatat.", "From this stage the cycle may go back to stage %s for correction/modification, with the reason recorded."},
		"framework.iteration":      {"Tahap 3, 4 dan 5 bekerja secara iteratif: kreasi – uji – koreksi/modifikasi.", "Stages 3, 4 and 5 work iteratively: create – test – correct/modify."},
		"framework.next_cycle":     {"Siklus berikutnya", "The next cycle"},
		"framework.next_cycle_how": {"Menggeser titik tolak menutup siklus ini dan membuka siklus berikutnya di tahap 1, berisi jawaban siklus sebelumnya untuk ditinjau ulang.", "Shifting the starting point closes this cycle and opens the next one at stage 1, filled with the previous cycle's answers to revisit."},
		"framework.or":             {" atau ", " or "},
		"framework.edition":        {"Edisi kerangka kerja %s. Jawaban setiap OMS tetap tersimpan bersama edisi saat jawaban itu diberikan.", "Framework edition %s. Each OMS's answers stay stored with the edition they were given under."},
		"framework.api":            {"Kerangka kerja ini juga tersedia sebagai data terbuka:", "This framework is also available as open data:"},
		"framework.start":          {"OMS terdaftar menjalani siklus ini di ruang kerja organisasinya.", "Registered OMS walk through this cycle in their organisation's workspace."},
	})
}
