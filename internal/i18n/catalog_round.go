package i18n

func init() {
	add(map[string]Msg{
		// E-mails to proposers.
		"round.mail.subject":      {"Usulan Anda dalam %s", "Your proposal in %s"},
		"round.mail.planned":      {"Usulan \"%s\" mendapat peringkat %d dengan nilai %s dan direncanakan untuk tahun %d.", "Your proposal \"%s\" is ranked %d with a score of %s and is planned for %d."},
		"round.mail.beyond":       {"Usulan \"%s\" mendapat peringkat %d dengan nilai %s, tetapi belum muat dalam plafon anggaran %s. Usulan ini tetap tercatat dan menunggu putaran berikutnya; Anda tidak perlu mengusulkannya lagi.", "Your proposal \"%s\" is ranked %d with a score of %s but does not fit the budget ceilings of %s yet. It stays on record and waits for the next round; you need not propose it again."},
		"round.mail.funded":       {"Usulan \"%s\" didanai pada tahun %d.", "Your proposal \"%s\" was funded for %d."},
		"round.mail.moved":        {"Usulan \"%s\" belum didanai pada tahun %d. Usulan ini dipindah ke tahun %d dan tetap memegang peringkat %d; Anda tidak perlu mengusulkannya lagi.", "Your proposal \"%s\" was not funded in %d. It moves to %d and keeps its rank %d; you need not propose it again."},
		"round.mail.moved_beyond": {"Usulan \"%s\" belum didanai pada tahun %d dan tidak lagi muat dalam plafon putaran ini. Usulan ini tetap memegang peringkat %d, tetap tercatat dan menunggu putaran berikutnya setelah %s; Anda tidak perlu mengusulkannya lagi.", "Your proposal \"%s\" was not funded in %d and no longer fits this round's ceilings. It keeps its rank %d, stays on record and waits for the round after %s; you need not propose it again."},
		"round.mail.links":        {"Lihat usulan dan hasil putaran:", "See the proposal and the round's result:"},

		// Refusals.
		"round.err.not_participant": {"Anda tidak terdaftar sebagai peserta penilaian putaran ini.", "You are not on this round's list of participants."},
		"round.err.scored":          {"Anda sudah menilai usulan ini; nilai tidak dapat diberikan dua kali.", "You already scored this proposal; it cannot be scored twice."},
		"round.err.not_scoring":     {"Penilaian putaran ini tidak sedang dibuka.", "This round is not open for scoring."},
		"round.err.not_setup":       {"Aturan putaran sudah dikunci sejak penilaian dibuka.", "The round's rules are fixed since scoring opened."},
		"round.err.not_settled":     {"Putaran belum ditetapkan.", "The round has not been settled yet."},
		"round.err.weights":         {"Jumlah bobot semua kriteria harus 100%.", "The criteria's weights must add up to 100%."},
		"round.err.no_criteria":     {"Tetapkan dulu kriteria beserta bobotnya dan plafon setiap tahun.", "Set the criteria with their weights and each year's ceiling first."},
		"round.err.no_proposals":    {"Belum ada usulan kegiatan terbuka di wilayah ini untuk dinilai.", "There are no open activity proposals in this region to score yet."},
		"round.err.no_scores":       {"Belum ada nilai yang masuk.", "No scores have been given yet."},
		"round.err.not_in_round":    {"Usulan ini tidak termasuk dalam putaran atau tahun ini.", "This proposal is not in this round or year."},
		"round.err.year_decided":    {"Pendanaan tahun ini sudah dicatat.", "This year's funding was already recorded."},
		"round.err.year_order":      {"Catat dulu pendanaan tahun-tahun sebelumnya.", "Record the funding of the earlier years first."},
		"round.err.group":           {"Peserta kelompok OMS atau pemerintah harus anggota organisasi terverifikasi dari jenis itu.", "An OMS or government participant must be a member of a verified organisation of that kind."},
		"round.err.no_user":         {"Tidak ada akun dengan alamat surel itu. Minta orangnya mendaftar dulu.", "No account has that e-mail address. Ask the person to sign up first."},
		"round.err.first_year":      {"Tahun pertama harus antara tahun lalu dan sepuluh tahun ke depan.", "The first year must be between last year and ten years ahead."},
		"round.err.years":           {"Lama putaran 1 sampai 5 tahun.", "A round lasts 1 to 5 years."},
		"round.err.org":             {"Pilih lembaga penyelenggara.", "Choose the convening organisation."},
		"round.err.date":            {"Tulis tanggal sebagai TTTT-BB-HH.", "Write the date as YYYY-MM-DD."},
		"round.err.date_order":      {"Tanggal selesai tidak boleh sebelum tanggal mulai.", "The end date cannot be before the start date."},
		"round.err.weight":          {"Bobot berupa bilangan bulat 1–100.", "A weight is a whole number from 1 to 100."},
		"round.err.ceiling":         {"Tulis plafon sebagai jumlah rupiah, misalnya 150.000.000.", "Write the ceiling as an amount in rupiah, e.g. 150.000.000."},
		"round.err.score":           {"Beri nilai 1 sampai 5.", "Give a score from 1 to 5."},

		// Why a proposal moved.
		"round.reason.not_funded": {"tidak didanai pada tahun %d", "not funded in %d"},
		"round.reason.ceiling":    {"plafon tahun %d terisi usulan berperingkat lebih tinggi yang dipindah", "the %d ceiling filled with higher-ranked proposals moved forward"},
	})
}
