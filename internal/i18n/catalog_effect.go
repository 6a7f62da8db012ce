package i18n

// The campaign effectiveness page (stage 4 review).
func init() {
	add(map[string]Msg{
		"effect.supporters_hint": {"Pendukung adalah orang yang berbeda dari semua jenis dukungan: donatur dengan donasi terkonfirmasi, penjanji barang (kecuali yang dibatalkan), relawan yang diterima, penawar keahlian atau kemitraan (kecuali yang ditolak) dan penanda tangan petisi yang e-mailnya terverifikasi. Orang dikenali dari e-mail, atau nomor telepon bila tanpa e-mail; tanpa keduanya setiap dukungan dihitung sendiri.",
			"Supporters are distinct people over every kind of support: donors with a confirmed donation, goods pledgers (unless cancelled), accepted volunteers, people offering skills or partnership (unless turned down) and petition signers with a verified e-mail. People are recognised by e-mail, or by phone without an e-mail; without either, each support counts alone."},
		"effect.kinds":           {"Pendukung menurut jenis dukungan", "Supporters by kind of support"},
		"effect.kind":            {"Jenis dukungan", "Kind of support"},
		"effect.kinds_total":     {"Pendukung (tanpa hitung ganda)", "Supporters (each counted once)"},
		"effect.kind.money":      {"Donatur dana", "Money donors"},
		"effect.kind.goods":      {"Penjanji barang", "Goods pledgers"},
		"effect.kind.volunteers": {"Relawan diterima", "Accepted volunteers"},
		"effect.kind.offers":     {"Penawar keahlian/kemitraan", "Skill and partnership offers"},
		"effect.kind.signatures": {"Tanda tangan petisi", "Petition signatures"},
		"effect.reached":         {"%d hari (tercapai %s)", "%d day(s) (reached %s)"},
		"effect.not_reached":     {"belum tercapai — %s dari target", "not reached yet — %s of the target"},
		"effect.no_target":       {"kampanye ini tanpa target dana", "this campaign has no money target"},
		"effect.confirmed":       {"Dana terkonfirmasi", "Confirmed money"},
		"effect.methods":         {"Dana menurut cara bayar", "Money by way of payment"},
		"effect.method":          {"Cara bayar", "Way of payment"},
		"effect.count":           {"Donasi terkonfirmasi", "Confirmed donations"},
		"effect.amount":          {"Jumlah", "Amount"},
		"effect.repeat":          {"Pendukung yang kembali", "Returning supporters"},
		"effect.repeat_hint":     {"Pendukung dari semua jenis dukungan, dikenali dari e-mail, atau nomor telepon bila tanpa e-mail; pendukung tanpa kontak tidak dapat dikenali.", "Supporters of every kind, recognised by e-mail, or by phone without an e-mail; supporters who left no contact cannot be recognised."},
		"effect.known":           {"Pendukung yang dapat dikenali", "Recognisable supporters"},
		"effect.returning":       {"Pernah mendukung kampanye organisasi sebelumnya", "Supported an earlier campaign of the organisation"},
		"effect.multiple":        {"Mendukung lebih dari sekali di kampanye ini", "Supported this campaign more than once"},
		"effect.compare_hint":    {"Kampanye yang sudah terbit (aktif atau selesai). Capaian = dana terkonfirmasi dibanding jumlah target dana; pendukung per kunjungan seperti di atas.", "Published campaigns (active or ended). Reached = confirmed money against the money targets together; supporters per visit as above."},
		"effect.share":           {"Capaian target", "Target reached"},
		"effect.visits":          {"Kunjungan", "Visits"},
		"effect.method.transfer": {"Transfer bank", "Bank transfer"},
		"effect.method.qris":     {"QRIS", "QRIS"},
		"effect.method.gateway":  {"Gerbang pembayaran", "Payment gateway"},
	})
}
