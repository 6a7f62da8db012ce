package generate

import "strings"

// The words generated names are made of. Keys (legal forms, focus issues,
// schemes, banks, kinds of offerer) are the ones the forms accept.

var legalForms = []string{"yayasan", "yayasan", "perkumpulan", "komunitas", "komunitas", "serikat", "koperasi"}

var formTitle = map[string]string{"yayasan": "Yayasan", "perkumpulan": "Perkumpulan", "komunitas": "Komunitas",
	"serikat": "Serikat", "koperasi": "Koperasi"}

var orgWords = []string{"Peduli", "Bina", "Daya", "Mandiri", "Lestari", "Sejahtera", "Harapan", "Cahaya", "Karya",
	"Tunas", "Swadaya", "Berdaya", "Pelita", "Sahabat", "Rumah", "Kawan", "Gotong Royong", "Suluh", "Sinergi", "Akar"}

var orgThemes = []string{"Anak", "Pangan", "Air Bersih", "Hutan", "Pesisir", "Perempuan", "Difabel", "Literasi",
	"Sehat", "Tani", "Nelayan", "Sampah", "Budaya", "Warga", "Pemuda", "Lansia", "Hukum", "Energi Desa"}

var issueKeys = []string{"pendidikan", "kesehatan", "lingkungan", "sampah", "air_sanitasi", "pertanian_pangan",
	"ekonomi_perempuan", "disabilitas", "anak_remaja", "bantuan_hukum", "kebencanaan", "budaya", "tata_kelola", "energi"}

var schemes = []string{"transaksional", "redistribusi_biaya", "resiprokal", "keuangan_rumah_tangga", "rantai_nilai"}

var banks = []string{"bca", "bri", "mandiri", "bni", "bsi"}

var streets = []string{"Merdeka", "Sudirman", "Diponegoro", "Kartini", "Pahlawan", "Melati", "Kenanga", "Raya Desa",
	"Masjid", "Pasar", "Sekolah", "Balai Desa"}

var visions = []string{"berdaya dan mandiri", "sehat dan sejahtera", "adil dan lestari", "cerdas dan berbudaya",
	"tangguh menghadapi bencana"}

var initThemes = []string{"Bank Sampah", "Sekolah Alam", "Posyandu Remaja", "Lumbung Pangan", "Klinik Hukum Warga",
	"Perpustakaan Keliling", "Kebun Gizi", "Air Bersih", "Rumah Belajar", "Pendampingan Difabel",
	"Koperasi Nelayan", "Sanggar Budaya", "Tanggap Bencana", "Listrik Surya Desa", "Dapur Umum"}

var taglines = []string{"Dari warga, untuk warga.", "Kecil di desa, besar dampaknya.", "Bersama kita berdaya.",
	"Layanan dekat, manfaat nyata.", "Tumbuh bersama warga."}

var campaignThemes = []string{"Bangun Sumur Bor", "Buku untuk Anak", "Pelatihan Menjahit", "Perahu untuk Nelayan",
	"Atap Sekolah Baru", "Paket Gizi Balita", "Alat Tanggap Bencana", "Kursi Roda Bersama", "Panel Surya Balai Warga",
	"Beasiswa Anak Pesisir", "Toilet Sehat Sekolah", "Bibit Pohon Hulu", "Mesin Pengolah Sampah", "Posko Hukum Warga",
	"Laptop Rumah Belajar", "Pangan Darurat Lansia"}

var stories = []string{"membangun layanan yang dikelola sendiri", "memperluas layanan ke dusun tetangga",
	"memperbaiki fasilitas yang rusak", "melatih kader muda", "menyiapkan warga menghadapi musim hujan"}

// goodsItems are item and unit.
var goodsItems = [][2]string{{"Buku bacaan anak", "buah"}, {"Semen", "sak"}, {"Beras", "kg"}, {"Kursi roda", "unit"},
	{"Terpal", "lembar"}, {"Bibit pohon", "batang"}, {"Laptop bekas", "unit"}, {"Paket sembako", "paket"},
	{"Seragam sekolah", "stel"}, {"Pipa PVC", "batang"}}

var volunteerRoles = []string{"Pengajar baca", "Tenaga dapur umum", "Pendamping lansia", "Fotografer kegiatan",
	"Tukang bangunan", "Penanam pohon", "Pencatat data warga"}

var skillAreas = []string{"pembukuan", "desain grafis", "hukum", "kesehatan masyarakat", "teknik sipil",
	"pemasaran digital", "pertanian organik"}

var partnerAreas = []string{"penyedia bahan baku", "pemerintah desa", "puskesmas", "perguruan tinggi", "media lokal",
	"koperasi pasar"}

var offererKinds = []string{"individu", "individu", "pemda", "swasta", "komunitas", "akademisi", "media"}

var institutions = map[string][]string{
	"pemda":     {"Dinas Sosial", "Pemerintah Desa", "Bappeda", "Dinas Pendidikan"},
	"swasta":    {"CV Maju Bersama", "PT Sumber Rejeki", "Toko Bangunan Sentosa", "Koperasi Pasar"},
	"komunitas": {"Karang Taruna", "PKK Kelurahan", "Komunitas Sepeda"},
	"akademisi": {"Universitas Negeri", "Politeknik Negeri", "Institut Teknologi"},
	"media":     {"Radio Komunitas", "Koran Daerah", "Portal Berita Lokal"},
}

var deliveries = []string{"antar", "jemput", "ekspedisi"}

var messages = []string{"Semoga bermanfaat.", "Semangat terus!", "Untuk adik-adik di sana.", "Salam dari perantauan.",
	"Terima kasih sudah bergerak."}

var firstNames = []string{"Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Wayan", "Made", "Putu", "Nyoman", "Yusuf",
	"Aisyah", "Rizky", "Fitri", "Hendra", "Lestari", "Bayu", "Nur", "Teguh", "Maria", "Yohanes", "Ketut", "Dian", "Eko",
	"Sri", "Ahmad", "Intan", "Fajar", "Ratna", "Samuel"}

var lastNames = []string{"Santoso", "Wulandari", "Hidayat", "Saputra", "Pratama", "Siregar", "Nasution", "Lubis",
	"Simanjuntak", "Wijaya", "Kusuma", "Rahman", "Harahap", "Manurung", "Tanjung", "Pattipeilohy", "Mandagi",
	"Sitompul", "Setiawan", "Rahayu"}

// placeName is a kabupaten/kota's name as it reads after "di": "Bandung",
// "Kota Bandung".
func placeName(name string) string {
	return strings.TrimPrefix(name, "Kabupaten ")
}

// slugify keeps a–z and 0–9 of s, dash-separated.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	return out
}
