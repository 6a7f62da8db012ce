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
		"voicesum.ikm":    {"IKM %s (mutu %s), survei %q: %d responden", "IKM %s (grade %s), survey %q: %d respondents"},
		"voicesum.title":  {"Suara penerima manfaat dalam siklus ini", "The voice of the people served in this cycle"},
		"voicesum.period": {"Periode siklus: %s sampai %s.", "The cycle's period: %s to %s."},
		"voicesum.served": {"Dilayani", "Served"},
		"voicesum.served_value": {"%s orang (laki-laki %s, perempuan %s; penyandang disabilitas %s)",
			"%s people (male %s, female %s; with a disability %s)"},
		"voicesum.reach_link":       {"Rincian jangkauan", "Reach in detail"},
		"voicesum.ratings":          {"Penilaian merah/kuning/hijau", "Red / yellow / green ratings"},
		"voicesum.ratings_value":    {"%s hijau, %s kuning, %s merah", "%s green, %s yellow, %s red"},
		"voicesum.complaints_label": {"Pengaduan", "Complaints"},
		"voicesum.complaints_value": {"%d masuk; dijawab tepat waktu %d dari %d; kini melewati batas waktu %d; diteruskan ke simpul %d",
			"%d received; answered on time %d of %d; past the deadline now %d; escalated to the hub %d"},
		"voicesum.ikm_label":      {"Indeks Kepuasan Masyarakat (IKM)", "Satisfaction index (IKM)"},
		"voicesum.ikm_value":      {"%s (mutu %s), survei %q: %d responden", "%s (grade %s), survey %q: %d respondents"},
		"voicesum.no_survey":      {"Belum ada survei kepuasan dalam periode ini.", "No satisfaction survey in this period yet."},
		"voicesum.sample_ok":      {"sampel cukup", "sample large enough"},
		"voicesum.sample_short":   {"sampel kurang (perlu %d responden)", "sample too small (%d respondents needed)"},
		"voicesum.no_initiatives": {"Belum ada inisiatif layanan.", "No service initiatives yet."},
		"voicesum.ikm_none":       {"Survei %q: %d responden, IKM belum dapat dihitung", "Survey %q: %d respondents, IKM not computable yet"},
	})
}
