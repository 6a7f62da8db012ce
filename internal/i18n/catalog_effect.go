package i18n

// The campaign effectiveness page (stage 4 review).
func init() {
	add(map[string]Msg{
		"effect.money_only": {"Pendukung dihitung dari donatur dana yang donasinya sudah dikonfirmasi; dukungan barang, relawan, keahlian, kemitraan dan tanda tangan belum termasuk dalam angka ini.",
			"Supporters are counted from money donors whose donation is confirmed; goods, volunteers, skills, partnerships and signatures are not in these figures yet."},
		"effect.reached":         {"%d hari (tercapai %s)", "%d day(s) (reached %s)"},
		"effect.not_reached":     {"belum tercapai — %d%% dari target", "not reached yet — %d%% of the target"},
		"effect.no_target":       {"kampanye ini tanpa target dana", "this campaign has no money target"},
		"effect.confirmed":       {"Dana terkonfirmasi", "Confirmed money"},
		"effect.methods":         {"Dana menurut cara bayar", "Money by way of payment"},
		"effect.method":          {"Cara bayar", "Way of payment"},
		"effect.count":           {"Donasi terkonfirmasi", "Confirmed donations"},
		"effect.amount":          {"Jumlah", "Amount"},
		"effect.repeat":          {"Pendukung yang kembali", "Returning supporters"},
		"effect.repeat_hint":     {"Donatur dikenali dari e-mail, atau nomor telepon bila tanpa e-mail; donatur tanpa kontak tidak dapat dikenali.", "Donors are recognised by e-mail, or by phone without an e-mail; donors who left no contact cannot be recognised."},
		"effect.known":           {"Donatur yang dapat dikenali", "Recognisable donors"},
		"effect.returning":       {"Pernah mendukung kampanye organisasi sebelumnya", "Supported an earlier campaign of the organisation"},
		"effect.multiple":        {"Berdonasi lebih dari sekali di kampanye ini", "Gave more than once to this campaign"},
		"effect.compare_hint":    {"Kampanye yang sudah terbit (aktif atau selesai). Capaian = dana terkonfirmasi dibanding jumlah target dana; konversi = pendukung per 100 kunjungan.", "Published campaigns (active or ended). Reached = confirmed money against the money targets together; conversion = supporters per 100 visits."},
		"effect.share":           {"Capaian target", "Target reached"},
		"effect.visits":          {"Kunjungan", "Visits"},
		"effect.percent":         {"%d%%", "%d%%"},
		"effect.method.transfer": {"Transfer bank", "Bank transfer"},
		"effect.method.qris":     {"QRIS", "QRIS"},
		"effect.method.gateway":  {"Gerbang pembayaran", "Payment gateway"},
	})
}
