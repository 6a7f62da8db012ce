package i18n

// The summary of the voice of the people served: stage 5, stage 7 and the
// weekly e-mail.
func init() {
	add(map[string]Msg{
		"notify.kind.voice_weekly": {"Ringkasan mingguan penerima manfaat (jangkauan, penilaian, pengaduan, IKM)",
			"Weekly summary of the people served (reach, ratings, complaints, IKM)"},
		"notify.mail.subject.voice_weekly": {"Ringkasan mingguan penerima manfaat %s", "Weekly summary of the people served by %s"},
		"voicesum.weekly.summary": {
			"Pekan %s–%s: %s orang dilayani, %s penilaian, %s pengaduan baru.",
			"Week of %s–%s: %s people served, %s ratings, %s new complaints.",
		},
		"voicesum.reach": {
			"Dilayani: %s orang (laki-laki %s, perempuan %s; penyandang disabilitas %s)",
			"Served: %s people (male %s, female %s; with a disability %s)",
		},
		"voicesum.feedback": {"Penilaian: %s hijau, %s kuning, %s merah", "Ratings: %s green, %s yellow, %s red"},
		"voicesum.complaints": {
			"Pengaduan baru: %d; dijawab tepat waktu %d dari %d; kini melewati batas waktu: %d",
			"New complaints: %d; answered on time %d of %d; past the deadline now: %d",
		},
		"voicesum.ikm":      {"IKM %s (mutu %s), survei %q: %d responden", "IKM %s (grade %s), survey %q: %d respondents"},
		"voicesum.ikm_none": {"Survei %q: %d responden, IKM belum dapat dihitung", "Survey %q: %d respondents, IKM not computable yet"},
	})
}
