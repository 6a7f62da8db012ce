package i18n

// Notifications: e-mails to members about events that need them, the
// daily digest, and the preferences page.
func init() {
	add(map[string]Msg{
		"notify.mail.hello":  {"Halo %s,", "Hello %s,"},
		"notify.mail.open":   {"Buka halamannya: %s", "Open the page: %s"},
		"notify.mail.why":    {"Anda menerima e-mail ini sebagai %s di %s.", "You receive this e-mail as %s of %s."},
		"notify.mail.change": {"Ubah atau matikan pemberitahuan ini (satu klik, tanpa masuk): %s", "Change or turn off these notifications (one click, no login): %s"},

		"notify.mail.subject.verification": {"Keputusan verifikasi untuk %s", "Verification decision for %s"},
		"notify.mail.subject.goods":        {"Janji barang baru untuk %s", "New goods pledge for %s"},
		"notify.mail.subject.volunteer":    {"Relawan baru mendaftar di %s", "A new volunteer signed up with %s"},
		"notify.mail.subject.offer":        {"Tawaran keahlian atau kemitraan untuk %s", "An offer of skills or partnership for %s"},
		"notify.mail.subject.proof":        {"Bukti transfer menunggu konfirmasi di %s", "A proof of transfer waits for confirmation at %s"},

		"notify.kind.verification": {"Keputusan verifikasi", "Verification decisions"},
		"notify.kind.proof":        {"Bukti transfer menunggu konfirmasi", "Proofs of transfer waiting"},
		"notify.kind.offer":        {"Tawaran keahlian dan kemitraan", "Offers of skills and partnership"},
		"notify.kind.goods":        {"Janji barang", "Goods pledges"},
		"notify.kind.volunteer":    {"Pendaftaran relawan", "Volunteer sign-ups"},

		"notify.mode.now":    {"Langsung", "Immediately"},
		"notify.mode.digest": {"Ringkasan harian", "Daily digest"},
		"notify.mode.off":    {"Mati", "Off"},

		"notify.digest.subject": {"Ringkasan harian %s: %d hal baru", "Daily digest for %s: %d new items"},
		"notify.digest.intro":   {"Ada %d hal baru di %s sejak ringkasan sebelumnya:", "There are %d new items at %s since the last digest:"},

		"notify.decision.verified":      {"%s telah diverifikasi. Lencana terverifikasi kini tampil di profil publiknya.", "%s has been verified. The verified badge now shows on its public profile."},
		"notify.decision.needs_changes": {"Peninjau meminta %s memperbaiki data atau melengkapi dokumen sebelum diverifikasi.", "The reviewer asks %s to correct its details or complete its documents before verification."},
		"notify.decision.rejected":      {"Pendaftaran %s ditolak.", "The registration of %s was rejected."},
		"notify.decision.suspended":     {"%s ditangguhkan oleh admin platform; profilnya tidak tampil untuk publik.", "%s was suspended by the platform admins; its profile is hidden from the public."},
		"notify.decision.unsuspended":   {"Penangguhan %s telah dicabut.", "The suspension of %s was lifted."},
		"notify.decision.reason":        {"Alasan dari peninjau: %s", "The reviewer's reason: %s"},
		"notify.decision.docs":          {"Dokumen yang diminta: %s. Unggah di: %s", "Documents requested: %s. Upload them at: %s"},

		"notify.event.goods":        {"%s menjanjikan %s untuk kampanye %s.", "%s pledged %s to the campaign %s."},
		"notify.event.volunteer":    {"%s mendaftar sebagai relawan (%s) untuk kampanye %s.", "%s signed up as a volunteer (%s) for the campaign %s."},
		"notify.event.offer":        {"%s menawarkan %s untuk kebutuhan %s (kampanye %s).", "%s offers %s for the need %s (campaign %s)."},
		"notify.event.offer_answer": {"%s membalas di percakapan tawaran untuk %s.", "%s replied in the offer thread for %s."},
		"notify.event.proof":        {"Donatur %s mengunggah bukti transfer %s untuk kampanye %s. Periksa mutasi rekening, lalu konfirmasi.", "The donor %s uploaded a proof of transfer of %s for the campaign %s. Check the account statement, then confirm."},

		"notify.someone": {"Seseorang", "Someone"},

		"notify.prefs.title":       {"Pemberitahuan e-mail", "E-mail notifications"},
		"notify.prefs.link":        {"Atur pemberitahuan e-mail", "E-mail notification settings"},
		"notify.prefs.intro":       {"Pilih bagaimana Anda diberi tahu tentang hal yang perlu Anda tangani di setiap organisasi. Ringkasan harian dikirim sekali sehari pukul 06.00 waktu setempat organisasi, berisi hal baru hari sebelumnya, dan tidak dikirim bila tidak ada apa-apa.", "Choose how you hear of what needs you in each organisation. The daily digest goes out once a day at 06:00 in the organisation's local time with the day before's new items, and is not sent when there is nothing."},
		"notify.prefs.token_intro": {"Halaman ini dibuka dari tautan di e-mail pemberitahuan untuk %s. Siapa pun yang memegang tautan itu dapat mengubah pilihan ini, jadi jangan teruskan e-mailnya.", "This page was opened from the link in a notification e-mail for %s. Whoever holds that link can change these choices, so do not forward the e-mail."},
		"notify.prefs.role":        {"Peran Anda: %s", "Your role: %s"},
		"notify.prefs.kind":        {"Jenis pemberitahuan", "Kind of notification"},
		"notify.prefs.none":        {"Peran Anda di organisasi Anda tidak menerima pemberitahuan e-mail.", "Your roles in your organisations receive no e-mail notifications."},
		"notify.prefs.save":        {"Simpan pilihan", "Save choices"},
		"notify.prefs.saved":       {"Pilihan pemberitahuan disimpan.", "Notification choices saved."},
		"notify.prefs.bad":         {"Pilihan tidak dikenal. Pilih salah satu yang tersedia.", "Unknown choice. Pick one of those offered."},
	})
}
