package i18n

// Complaints (pengaduan): the form, the status page, the staff pages, the
// public log, the deadline e-mails and the escalation to hubs.
func init() {
	add(map[string]Msg{
		"complaint.status.diterima":        {"Diterima", "Received"},
		"complaint.status.diverifikasi":    {"Diverifikasi", "Verified"},
		"complaint.status.ditindaklanjuti": {"Ditindaklanjuti", "In progress"},
		"complaint.status.selesai":         {"Selesai", "Resolved"},
		"complaint.status.ditolak":         {"Ditolak", "Turned down"},

		"complaint.visibility.publik":        {"Publik: isi pengaduan dan jawabannya tampil di log publik (tanpa nama dan kontak)", "Public: the complaint and its answer appear in the public log (without name or contact)"},
		"complaint.visibility.rahasia":       {"Rahasia: hanya tanggal, kategori dan status yang tampil di log publik", "Confidential: only the dates, category and status appear in the public log"},
		"complaint.visibility.anonim":        {"Anonim: tanpa nama dan kontak; simpan kode pelacakan Anda", "Anonymous: no name or contact; keep your tracking code"},
		"complaint.visibility.short.publik":  {"Publik", "Public"},
		"complaint.visibility.short.rahasia": {"Rahasia", "Confidential"},
		"complaint.visibility.short.anonim":  {"Anonim", "Anonymous"},

		"complaint.category.layanan":   {"Mutu layanan", "Quality of service"},
		"complaint.category.petugas":   {"Sikap petugas", "Staff behaviour"},
		"complaint.category.biaya":     {"Biaya atau pungutan", "Costs or charges"},
		"complaint.category.waktu":     {"Waktu tunggu", "Waiting time"},
		"complaint.category.fasilitas": {"Sarana dan prasarana", "Facilities"},
		"complaint.category.informasi": {"Informasi", "Information"},
		"complaint.category.lainnya":   {"Lainnya", "Other"},

		"complaint.channel.web":      {"Formulir web", "Web form"},
		"complaint.channel.kertas":   {"Kertas (dicatat pengurus)", "Paper (logged by staff)"},
		"complaint.channel.telepon":  {"Telepon (dicatat pengurus)", "Phone (logged by staff)"},
		"complaint.channel.sms":      {"SMS", "SMS"},
		"complaint.channel.whatsapp": {"WhatsApp", "WhatsApp"},
		"complaint.channel.email":    {"E-mail", "E-mail"},

		"complaint.error.text_short":        {"Ceritakan sedikit lebih panjang (minimal 10 huruf).", "Please tell a little more (at least 10 characters)."},
		"complaint.error.category":          {"Pilih salah satu kategori.", "Choose one of the categories."},
		"complaint.error.visibility":        {"Pilih publik, rahasia atau anonim.", "Choose public, confidential or anonymous."},
		"complaint.error.anonymous_contact": {"Pengaduan anonim tidak menyimpan nama atau kontak. Kosongkan keduanya, atau pilih rahasia.", "An anonymous complaint keeps no name or contact. Leave both empty, or choose confidential."},
		"complaint.error.contact":           {"Tulis alamat e-mail atau nomor telepon Indonesia, misalnya 0812-3456-7890.", "Enter an e-mail address or an Indonesian phone number, e.g. 0812-3456-7890."},
		"complaint.error.channel":           {"Saluran tidak dikenal.", "Unknown channel."},
		"complaint.error.future":            {"Tanggal diterima tidak boleh di masa depan.", "The date received cannot be in the future."},
		"complaint.error.initiative":        {"Inisiatif ini bukan milik organisasi ini.", "This initiative does not belong to this organisation."},
		"complaint.error.answer_hours":      {"Batas waktu jawaban antara 1 dan 720 jam.", "The answer deadline is between 1 and 720 hours."},
		"complaint.error.reopen_days":       {"Jangka waktu membuka kembali antara 1 dan 90 hari.", "The reopening window is between 1 and 90 days."},
		"complaint.error.rating":            {"Pilih nilai 1 sampai 5.", "Choose a rating from 1 to 5."},
		"complaint.error.redact_not_found":  {"Teks ini tidak ditemukan di bagian yang tampil untuk publik.", "This text is not found in the public part."},
		"complaint.error.transition":        {"Status pengaduan sudah berubah atau perubahan ini tidak diizinkan. Muat ulang halaman.", "The complaint's status has changed or this change is not allowed. Reload the page."},
		"complaint.error.no_answer":         {"Beri jawaban dulu sebelum menandai selesai.", "Give an answer before marking it resolved."},
		"complaint.error.cannot_rate":       {"Belum ada jawaban untuk dinilai.", "There is no answer to rate yet."},
		"complaint.error.cannot_reopen":     {"Pengaduan ini tidak dapat dibuka kembali: hanya sekali, dan hanya dalam jangka waktu setelah ditutup.", "This complaint cannot be reopened: only once, and only within the window after it was closed."},
		"complaint.error.not_member":        {"Pilih anggota yang menangani pengaduan (pemilik, admin atau editor).", "Choose a member who handles complaints (owner, admin or editor)."},

		"complaint.notify.new":      {"Pengaduan baru %s (%s) masuk lewat %s.", "A new complaint %s (%s) came in by %s."},
		"complaint.notify.reopened": {"Pengaduan %s (%s) dibuka kembali oleh pengadu.", "The complaint %s (%s) was reopened by the complainant."},
		"complaint.notify.due_soon": {"Batas waktu jawaban pengaduan %s (%s) tinggal kurang dari 12 jam.", "The answer to complaint %s (%s) is due in less than 12 hours."},
		"complaint.notify.overdue":  {"Pengaduan %s (%s) melewati batas waktu jawaban dan diteruskan ke simpul jaringan.", "Complaint %s (%s) is past its answer deadline and was escalated to the hub."},

		"notify.mail.subject.complaint":          {"Pengaduan untuk %s", "A complaint for %s"},
		"notify.mail.subject.complaint_deadline": {"Batas waktu jawaban pengaduan di %s", "A complaint's answer deadline at %s"},
		"notify.kind.complaint":                  {"Pengaduan baru dan dibuka kembali", "New and reopened complaints"},
		"notify.kind.complaint_deadline":         {"Batas waktu jawaban pengaduan", "Complaint answer deadlines"},

		"complaint.mail.answer.subject": {"Jawaban atas pengaduan %s kepada %s", "An answer to complaint %s to %s"},
		"complaint.mail.answer.intro":   {"%s menjawab pengaduan Anda dengan kode %s:", "%s answered your complaint with code %s:"},
		"complaint.mail.answer.open":    {"Lihat status, beri nilai atau buka kembali: %s", "See the status, rate or reopen: %s"},

		"complaint.mail.escalate.subject":  {"Pengaduan %s kepada %s melewati batas waktu", "Complaint %s to %s is past its deadline"},
		"complaint.mail.escalate.intro":    {"%s belum menjawab pengaduan %s yang diterima %s; batas waktunya %s.", "%s has not answered complaint %s received %s; it was due %s."},
		"complaint.mail.escalate.category": {"Kategori: %s", "Category: %s"},
		"complaint.mail.escalate.hub":      {"Anda menerima ini sebagai koordinator %s. Daftar pengaduan yang diteruskan: %s", "You receive this as a coordinator of %s. Escalated complaints: %s"},
		"complaint.mail.escalate.log":      {"Log pengaduan publik organisasi: %s", "The organisation's public complaint log: %s"},
	})
}
