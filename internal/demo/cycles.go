package demo

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/cycle"
	"lokadaya/internal/cycletool"
	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
)

// demoWalk is how far a demo organisation has walked the development cycle.
type demoWalk struct {
	Slug    string
	Owner   string // key of the demo person who does the work
	Service string // the local service, as it reads inside a sentence
	Stage   int    // the stage cycle 1 ends at
	// BackFrom5 returns once from stage 5 to stage 3 before going on.
	BackFrom5 bool
	// NextCycle closes cycle 1 (walked to stage 7) and opens cycle 2.
	NextCycle bool
	// NextMission is the rewritten mission that opens cycle 2; NextAsset is
	// the asset cycle 2 adds to the carried inventory.
	NextMission string
	NextAsset   cycletool.Asset
	Initiative  *demoInitiative
	Assets      []cycletool.Asset
	// Reviews replaces the generic summary of a stage's review (4 to 7).
	Reviews map[int]string
	// Scheme is the exchange scheme tested in stage 4 (redistribusi_biaya
	// when blank).
	Scheme string
}

// demoInitiative is the "product" an organisation creates in stage 3.
type demoInitiative struct {
	Name, Tagline, Category, Problem, Framework, Advantages string
	Published                                               bool
	// Reach is the area served: "desa" (the organisation's own village,
	// the default), "kec" (its kecamatan), "kab" (its kabupaten/kota) or a
	// region code, one entry each.
	Reach []string
}

var walks = []demoWalk{
	{Slug: "terang-kampung", Owner: "pemilik", Service: "penerangan jalan kampung", Stage: 7, NextCycle: true,
		Initiative: &demoInitiative{Name: "Lampu Kampung", Tagline: "Gang terang, warga tenang",
			Category: "energi", Published: true, Reach: []string{"desa", "kec"},
			Problem:    "Gang-gang di kelurahan gelap setelah magrib; warga, terutama perempuan dan anak, merasa tidak aman pulang malam.",
			Framework:  "Warga memilih titik lampu, OMS memasang lampu tenaga surya, iuran Rp5.000 per rumah per bulan membiayai perawatan.",
			Advantages: "Tanpa tagihan listrik, dirawat teknisi warga yang dilatih, laporan iuran terbuka setiap bulan."},
		NextMission: "Dari penerangan gang ke keamanan lingkungan: lampu, ronda warga dan taman bermain yang terang.",
		NextAsset: cycletool.Asset{Name: "Pos ronda yang sudah terang", Level: "sistem_lokal",
			Holder: "komunitas", Status: "potensial", Tangible: true},
		Assets: []cycletool.Asset{
			{Name: "Tim teknisi relawan", Level: "organisasi", Status: "melekat", Tangible: false},
			{Name: "Kas iuran warga RW 05", Level: "sistem_lokal", Holder: "komunitas", Status: "potensial", Tangible: true, Financial: true},
			{Name: "Dana kelurahan untuk PJU", Level: "sistem_lokal", Holder: "pemda", Status: "terabaikan", Tangible: true, Financial: true},
		}},
	{Slug: "bank-sampah-bersinar", Owner: "pengurus1", Service: "bank sampah warga", Stage: 4, BackFrom5: true,
		Initiative: &demoInitiative{Name: "Tabungan Sampah Bersinar", Tagline: "Sampah dipilah, tabungan bertambah",
			Category: "sampah", Published: true,
			Problem:    "Sampah rumah tangga dibuang ke sungai karena pengangkutan tidak menjangkau gang sempit.",
			Framework:  "Warga menyetor sampah terpilah, ditimbang dan dicatat sebagai tabungan; hasil jual ke pengepul membiayai operasional.",
			Advantages: "Nasabah melihat saldo lewat buku tabungan dan papan pengumuman; ibu-ibu PKK menjadi pengelola unit."},
		Assets: []cycletool.Asset{
			{Name: "Gudang pilah milik RW", Level: "sistem_lokal", Holder: "komunitas", Status: "melekat", Tangible: true},
			{Name: "Timbangan dan gerobak", Level: "organisasi", Status: "melekat", Tangible: true},
		}},
	{Slug: "jelantah-berkah", Owner: "pengurus1", Service: "daur ulang jelantah menjadi sabun dan biodiesel", Stage: 3,
		Initiative: &demoInitiative{Name: "Sabun Jelantah Berkah", Tagline: "Minyak bekas jadi berkah",
			Category: "lingkungan", Problem: "Minyak jelantah dibuang ke saluran air dan mencemari sumur warga."}},
	{Slug: "taman-baca-pelita", Owner: "pengurus2", Service: "taman baca anak", Stage: 4, Scheme: "resiprokal",
		Initiative: &demoInitiative{Name: "Berugak Baca Pelita", Tagline: "Buku dekat, anak gemar membaca",
			Category: "pendidikan", Published: true, Reach: []string{"kec", "kab"},
			Problem:    "Perpustakaan terdekat berjarak belasan kilometer; anak-anak dusun jarang memegang buku cerita selain buku pelajaran.",
			Framework:  "Buku diputar dari berugak ke berugak dengan motor perpustakaan keliling; orang tua menjadi pendongeng bergilir sebagai ganti iuran.",
			Advantages: "Memakai berugak yang sudah ada di tiap dusun; relawan pendongeng dari warga sendiri."},
		Reviews: map[int]string{4: "Skema resiprokal berjalan: orang tua bergiliran mendongeng, sumbangan buku datang dari alumni sekolah."},
		Assets: []cycletool.Asset{
			{Name: "Koleksi 1.200 buku anak", Level: "organisasi", Status: "melekat", Tangible: true},
			{Name: "Balai dusun yang kosong sore hari", Level: "sistem_lokal", Holder: "pemda", Status: "terabaikan", Tangible: true},
		}},
	{Slug: "peduli-tb-makassar", Owner: "pengurus2", Service: "pendampingan pasien TBC", Stage: 5, Scheme: "redistribusi_biaya",
		Initiative: &demoInitiative{Name: "Sahabat Minum Obat", Tagline: "Sembuh tuntas, tidak putus obat",
			Category: "kesehatan", Published: true, Reach: []string{"kab"},
			Problem:    "Satu dari lima pasien TBC di wilayah kami berhenti minum obat sebelum enam bulan karena ongkos ke puskesmas dan rasa malu.",
			Framework:  "Kader pendamping mengunjungi pasien tiap pekan, mengganti ongkos transport ke puskesmas, dan mengajak keluarga menjadi pengawas minum obat.",
			Advantages: "Kader adalah mantan pasien; puskesmas berbagi data rujukan setiap bulan."},
		Reviews: map[int]string{
			4: "Donasi publik menutup ongkos transport pasien; puskesmas menanggung obat dan pemeriksaan dahak.",
			5: "Pendampingan menjangkau 86 pasien di empat kecamatan; angka putus obat turun dari 19% ke 6%."},
		Assets: []cycletool.Asset{
			{Name: "Kader mantan pasien", Level: "organisasi", Status: "melekat"},
			{Name: "Data rujukan puskesmas", Level: "sistem_lokal", Holder: "pemda", Status: "potensial"},
		}},
	{Slug: "paralegal-nagari-adil", Owner: "pengurus3", Service: "pos bantuan hukum nagari", Stage: 6, Scheme: "keuangan_rumah_tangga",
		Initiative: &demoInitiative{Name: "Pos Paralegal Nagari", Tagline: "Keadilan sedekat kantor wali nagari",
			Category: "bantuan_hukum", Published: true, Reach: []string{"kab"},
			Problem:    "Warga nagari harus ke kota kabupaten untuk berkonsultasi hukum; sengketa tanah ulayat berlarut tanpa pendamping.",
			Framework:  "Paralegal terlatih membuka pos sepekan dua kali di kantor wali nagari; kasus berat dirujuk ke LBH mitra.",
			Advantages: "Paralegal berasal dari kaum di nagari sendiri dan memahami adat; konsultasi tanpa biaya."},
		Reviews: map[int]string{
			4: "Iuran sukarela keluarga yang pernah dibantu dan dana nagari menutup honor paralegal.",
			5: "Empat nagari sudah punya pos; 140 warga berkonsultasi dalam setahun, 23 sengketa diselesaikan secara musyawarah.",
			6: "Sisa dana tahun ini disisihkan untuk melatih paralegal di dua nagari baru."},
		Assets: []cycletool.Asset{
			{Name: "Dua belas paralegal bersertifikat", Level: "organisasi", Status: "melekat"},
			{Name: "Kerapatan Adat Nagari", Level: "sistem_lokal", Holder: "komunitas", Status: "potensial"},
			{Name: "Dana nagari untuk bantuan hukum", Level: "sistem_lokal", Holder: "pemda", Status: "terabaikan", Tangible: true, Financial: true},
		}},
	{Slug: "mpa-bengkalis", Owner: "pengurus3", Service: "patroli dan pencegahan kebakaran gambut", Stage: 5, Scheme: "resiprokal",
		Initiative: &demoInitiative{Name: "Patroli Gambut Siaga", Tagline: "Gambut basah, asap tak datang",
			Category: "kebencanaan", Published: true, Reach: []string{"kec", "kab"},
			Problem:    "Setiap kemarau titik api muncul di lahan gambut; asap menutup sekolah dan membuat anak-anak sakit.",
			Framework:  "Regu patroli desa berkeliling saat kemarau, membasahi gambut lewat sekat kanal, dan melapor titik panas ke BPBD.",
			Advantages: "Regu tinggal di desa sendiri sehingga tiba paling cepat; sekat kanal dibangun dengan gotong royong."},
		Reviews: map[int]string{
			4: "Perusahaan perkebunan tetangga menyumbang pompa; warga memberi tenaga patroli bergilir.",
			5: "Musim kemarau lalu tidak ada kebakaran besar di lima desa dampingan."},
		Assets: []cycletool.Asset{
			{Name: "Regu patroli 30 orang", Level: "organisasi", Status: "melekat"},
			{Name: "Sekat kanal buatan warga", Level: "sistem_lokal", Holder: "komunitas", Status: "melekat", Tangible: true},
		}},
	{Slug: "patroli-api-pulang-pisau", Owner: "pengurus4", Service: "patroli kebakaran lahan gambut", Stage: 1},
	{Slug: "air-hujan-pesisir", Owner: "pengurus5", Service: "penampungan air hujan keluarga", Stage: 4, Scheme: "keuangan_rumah_tangga",
		Initiative: &demoInitiative{Name: "Bak Hujan Keluarga", Tagline: "Tampung hujan, cukup air sepanjang kemarau",
			Category: "air_sanitasi", Published: true, Reach: []string{"desa", "kec"},
			Problem:    "Pada kemarau keluarga pesisir membeli air tangki Rp150.000 per kubik atau berjalan jauh ke mata air.",
			Framework:  "Keluarga menyumbang tenaga dan pasir; OMS menyediakan semen, talang dan tukang; kelompok arisan merawat bak bersama.",
			Advantages: "Bak ferosemen murah dan awet; warga dilatih menguji kualitas air sendiri."},
		Reviews: map[int]string{4: "Keluarga mau menabung lewat arisan untuk talang; semen dan tukang perlu dukungan publik."},
		Assets: []cycletool.Asset{
			{Name: "Tukang bak ferosemen terlatih", Level: "organisasi", Status: "melekat"},
			{Name: "Arisan ibu-ibu dusun", Level: "sistem_lokal", Holder: "komunitas", Status: "potensial", Financial: true},
		}},
	{Slug: "perempuan-kapas-timor", Owner: "pengurus5", Service: "tenun ikat dari kapas lokal", Stage: 7, NextCycle: true, Scheme: "rantai_nilai",
		NextMission: "Dari menenun bersama ke rumah produksi: pewarna alam, sekolah tenun untuk remaja putri dan toko daring koperasi.",
		NextAsset:   cycletool.Asset{Name: "Kebun pewarna alam (tarum dan mengkudu)", Level: "organisasi", Status: "potensial", Tangible: true},
		Initiative: &demoInitiative{Name: "Tenun Kapas Adil", Tagline: "Dari kebun kapas ke kain, harga adil untuk penenun",
			Category: "ekonomi_perempuan", Published: true, Reach: []string{"kab"},
			Problem:    "Penenun menjual kain ke tengkulak dengan harga rendah dan membeli benang pabrik yang mahal.",
			Framework:  "Koperasi membeli kapas anggota, memintal bersama, dan menjual kain dengan harga yang diumumkan; laba dibagi sesuai jam kerja.",
			Advantages: "Rantai nilai dikelola perempuan sendiri; setiap kain bercerita tentang penenunnya."},
		Reviews: map[int]string{
			4: "Rantai nilai berjalan: harga kain naik 40% setelah koperasi menjual langsung.",
			5: "Enam kelompok tenun di tiga kecamatan bergabung; 112 perempuan menerima bagi hasil.",
			6: "Surplus dipakai membuka sekolah tenun remaja (replikasi) dan cadangan modal benang.",
			7: "Penenun kini duduk di forum ekonomi kreatif kabupaten; motif lokal didaftarkan sebagai indikasi geografis."},
		Assets: []cycletool.Asset{
			{Name: "Penenun senior", Level: "organisasi", Status: "melekat"},
			{Name: "Lahan kapas anggota", Level: "sistem_lokal", Holder: "komunitas", Status: "potensial", Tangible: true},
			{Name: "Pasar wisata Kupang", Level: "sistem_lokal", Holder: "swasta", Status: "terabaikan"},
		}},
	{Slug: "peduli-anggaran-jambi", Owner: "pengurus6", Service: "sekolah anggaran warga", Stage: 4, Scheme: "transaksional",
		Initiative: &demoInitiative{Name: "Sekolah Anggaran Warga", Tagline: "Warga paham APBD, usulan tidak hilang",
			Category: "tata_kelola", Published: true, Reach: []string{"kab"},
			Problem:    "Usulan musrenbang kelurahan jarang masuk APBD; warga tidak tahu ke mana usulannya pergi.",
			Framework:  "Kelas malam tentang membaca APBD, pendampingan musrenbang, dan papan pelacak usulan di tiap kelurahan.",
			Advantages: "Materi bergambar yang mudah dipahami; data APBD disederhanakan setiap tahun."},
		Reviews: map[int]string{4: "Kelas berbayar ringan untuk kampus dan perusahaan menutup biaya kelas gratis bagi warga."},
		Assets: []cycletool.Asset{
			{Name: "Analis anggaran berpengalaman", Level: "organisasi", Status: "melekat"},
			{Name: "Forum RT/RW se-kota", Level: "sistem_lokal", Holder: "komunitas", Status: "potensial"},
		}},
	{Slug: "sanggar-seni-badung", Owner: "pengurus6", Service: "kelas seni anak di banjar", Stage: 7, NextCycle: true, Scheme: "resiprokal",
		NextMission: "Sanggar menjadi ruang aman anak: kelas seni, pendampingan belajar dan pentas yang dikelola remaja banjar sendiri.",
		NextAsset:   cycletool.Asset{Name: "Alumni sanggar yang kini melatih", Level: "organisasi", Status: "potensial"},
		Initiative: &demoInitiative{Name: "Sanggar Anak Banjar", Tagline: "Menari, menabuh, tumbuh bersama",
			Category: "budaya", Published: true, Reach: []string{"kec"},
			Problem:    "Kelas tari dan tabuh berbayar mahal; anak keluarga pekerja pariwisata tidak bisa ikut.",
			Framework:  "Banjar meminjamkan bale dan gamelan, pelatih dibayar dari pentas untuk hotel, anak ikut gratis.",
			Advantages: "Pentas anak menjadi pemasukan bersama; orang tua ikut menjaga gamelan."},
		Reviews: map[int]string{
			5: "Sembilan banjar ikut; 240 anak berlatih tiap pekan.",
			6: "Pendapatan pentas melebihi honor pelatih; sisanya untuk gamelan baru banjar ketiga.",
			7: "Desa adat memasukkan kelas anak ke perarem; dua sanggar baru dibuka alumni."},
		Assets: []cycletool.Asset{
			{Name: "Pelatih tari dan tabuh", Level: "organisasi", Status: "melekat"},
			{Name: "Bale banjar dan gamelan", Level: "sistem_lokal", Holder: "komunitas", Status: "melekat", Tangible: true},
			{Name: "Permintaan pentas dari hotel", Level: "sistem_lokal", Holder: "swasta", Status: "potensial", Financial: true},
		}},
	{Slug: "difabel-mandiri-medan", Owner: "pengurus7", Service: "pelatihan kerja bagi penyandang disabilitas", Stage: 2,
		Assets: []cycletool.Asset{
			{Name: "Anggota yang terampil menjahit", Level: "organisasi", Status: "melekat"},
			{Name: "Balai latihan kerja pemerintah kota", Level: "sistem_lokal", Holder: "pemda", Status: "terabaikan", Tangible: true},
		}},
	{Slug: "mangrove-pesisir-selatan", Owner: "pengurus7", Service: "pembibitan dan penanaman mangrove", Stage: 6, Scheme: "rantai_nilai",
		Initiative: &demoInitiative{Name: "Kebun Bibit Mangrove", Tagline: "Satu bibit, satu meter pantai terjaga",
			Category: "lingkungan", Published: true, Reach: []string{"kec", "kab"},
			Problem:    "Abrasi memakan halaman rumah nelayan; hutan mangrove tinggal sepertiga dari dua puluh tahun lalu.",
			Framework:  "Kelompok perempuan nelayan membibitkan mangrove, menjual bibit ke program penanaman, dan bersama nelayan merawat yang ditanam.",
			Advantages: "Bibit dari pohon induk setempat lebih banyak yang hidup; hasil bibit menjadi pendapatan perempuan."},
		Reviews: map[int]string{
			5: "Tingkat hidup tanaman 78%; tiga nagari pesisir ikut merawat.",
			6: "Surplus penjualan bibit membiayai jalur ekowisata dan cadangan perawatan."},
		Assets: []cycletool.Asset{
			{Name: "Kebun bibit 20.000 polybag", Level: "organisasi", Status: "melekat", Tangible: true},
			{Name: "Kelompok perempuan nelayan", Level: "sistem_lokal", Holder: "komunitas", Status: "melekat"},
		}},
	{Slug: "air-bersih-sentani", Owner: "pengurus8", Service: "sarana air bersih kampung", Stage: 2,
		Assets: []cycletool.Asset{
			{Name: "Mata air di bukit kampung", Level: "sistem_lokal", Holder: "komunitas", Status: "potensial", Tangible: true},
		}},
	{Slug: "nelayan-teluk-banggai", Owner: "pengurus8", Service: "lapak bersama nelayan", Stage: 1},
	{Slug: "posyandu-ceria", Owner: "pengurus9", Service: "makanan tambahan bergizi di posyandu", Stage: 3,
		Initiative: &demoInitiative{Name: "Dapur Gizi Posyandu", Tagline: "Pangan lokal untuk balita sehat",
			Category: "kesehatan", Reach: []string{"kec"},
			Problem: "Satu dari lima balita di desa dampingan bertubuh pendek untuk usianya; makanan tambahan pabrik sering tidak disukai anak."},
		Assets: []cycletool.Asset{
			{Name: "Kader posyandu aktif", Level: "sistem_lokal", Holder: "komunitas", Status: "melekat"},
		}},
	{Slug: "kebun-pangan-palembang", Owner: "pengurus9", Service: "kebun pangan lorong", Stage: 5, Scheme: "resiprokal",
		Initiative: &demoInitiative{Name: "Lorong Hijau", Tagline: "Lahan tidur jadi dapur bersama",
			Category: "pertanian_pangan", Published: true, Reach: []string{"kec", "kab"},
			Problem:    "Harga sayur naik setiap musim hujan, sementara lahan kosong di lorong-lorong kota dibiarkan jadi tempat sampah.",
			Framework:  "Warga menggarap lahan tidur bersama; hasil panen dibagi kepada penggarap dan sebagian dijual murah ke warga lorong.",
			Advantages: "Kompos dari sampah dapur warga sendiri; pemilik lahan mendapat lahan yang terawat."},
		Reviews: map[int]string{
			4: "Tukar tenaga dengan hasil panen berjalan baik; bibit dan pupuk masih perlu dukungan.",
			5: "Dua belas lorong punya kebun; 310 keluarga ikut memanen."},
		Assets: []cycletool.Asset{
			{Name: "Lahan tidur pinjaman warga", Level: "sistem_lokal", Holder: "komunitas", Status: "terabaikan", Tangible: true},
			{Name: "Relawan petani kota", Level: "organisasi", Status: "melekat"},
		}},
	{Slug: "energi-surya-sumba", Owner: "pemilik", Service: "listrik surya komunal", Stage: 6, Scheme: "redistribusi_biaya",
		Initiative: &demoInitiative{Name: "Surya Desa Sumba", Tagline: "Matahari untuk rumah dan sekolah",
			Category: "energi", Published: true, Reach: []string{"desa", "kec", "kab"},
			Problem:    "Banyak rumah dan sekolah di desa-desa Sumba Timur belum terjangkau jaringan listrik; anak belajar dengan pelita minyak tanah.",
			Framework:  "Panel surya komunal per dusun, teknisi desa terlatih, iuran Rp20.000 per rumah per bulan untuk perawatan dan baterai.",
			Advantages: "Iuran lebih murah daripada minyak tanah; teknisi desa memperbaiki tanpa menunggu orang kota."},
		Reviews: map[int]string{
			5: "Tujuh dusun dan empat sekolah menyala; iuran terkumpul 92% setiap bulan.",
			6: "Kas iuran cukup untuk cadangan baterai; sisanya untuk dusun kedelapan."},
		Assets: []cycletool.Asset{
			{Name: "Teknisi desa terlatih", Level: "organisasi", Status: "melekat"},
			{Name: "Dana desa untuk energi", Level: "sistem_lokal", Holder: "pemda", Status: "potensial", Tangible: true, Financial: true},
		}},
	{Slug: "tyto-alba-lestari", Owner: "pengurus4", Service: "rumah burung hantu pemangsa tikus sawah", Stage: 5,
		Initiative: &demoInitiative{Name: "Rubuha Tyto", Tagline: "Burung hantu menjaga padi",
			Category: "pertanian_pangan", Published: true,
			Problem:   "Serangan tikus sawah menurunkan panen hingga sepertiga; racun tikus membahayakan anak dan ternak.",
			Framework: "Kelompok tani membangun rumah burung hantu (rubuha) di tiap hamparan; iuran gabah setelah panen membiayai perawatan."}},
}

// answerTemplates give each guiding question a plausible answer; {layanan}
// stands for the service and {oms} for the organisation. Named placeholders,
// not fmt verbs: an answer that names neither must not end in fmt's
// "%!(EXTRA …)" complaint.
var answerTemplates = map[string]string{
	"1.visi":                   "Visi {oms} tetap relevan: warga yang berdaya mengelola layanan dasarnya sendiri. Perubahan dana desa dan kebijakan daerah membuka peluang baru bagi {layanan}.",
	"1.misi":                   "Area perubahan utama: layanan {layanan} yang dikelola bersama warga dan diakui pemerintah desa/kelurahan.",
	"1.posisi-peran":           "Kami berperan sebagai penghubung antara warga, pemerintah desa/kelurahan dan dunia usaha setempat; posisi ini makin penting sejak musrenbang terbuka bagi OMS.",
	"1.intervensi":             "Dukungan donor menurun sejak 2022; dukungan warga dan CSR lokal naik pelan. Pendekatan kami perlu beralih ke layanan yang bisa memulihkan biayanya sendiri.",
	"1.kebijakan-struktur":     "Kami menambah peran bendahara dan koordinator relawan, serta rapat evaluasi bulanan agar cepat menyesuaikan diri.",
	"2.pola-dukungan":          "Selama ini dukungan datang dari iuran warga, bantuan kelurahan untuk kegiatan, dan sumbangan barang dari toko setempat.",
	"2.aset-organisasi":        "Aset melekat: relawan terlatih, kepercayaan warga, catatan kegiatan. Potensial: jaringan alumni. Terabaikan: keahlian pengurus menulis proposal.",
	"2.aset-sistem-lokal":      "Di sistem lokal: dana kelurahan, ruang balai warga, tokoh agama yang berpengaruh, grup WhatsApp RW yang aktif.",
	"3.segitiga":               "Visi kami, aset relawan dan kebutuhan nyata warga bertemu pada {layanan}.",
	"3.perhatian-aktor":        "Layanan ini menarik perhatian lurah, pengurus RW dan pelaku usaha karena hasilnya terlihat langsung oleh warga.",
	"3.perbaikan-sistem":       "Layanan ini memperbaiki cara warga dan pemerintah setempat merencanakan dan merawat {layanan}.",
	"4.model-pertukaran":       "Kami menguji iuran bulanan warga (redistribusi biaya) dan donasi publik lewat Lokadaya.",
	"4.jenis-sumber-daya":      "Dana, relawan, dan barang (peralatan) — relawan paling mudah digalang, dana paling sulit.",
	"4.efektivitas":            "Iuran warga lebih stabil daripada donasi sekali; donasi publik cocok untuk biaya awal.",
	"5.perluasan-jangkauan":    "Jangkauan diperluas ke RW tetangga melalui kader warga dan pengumuman di masjid.",
	"5.peran-sistem-lokal":     "Kelurahan memasukkan layanan ini ke rencana kerja; PKK membantu pendataan penerima manfaat.",
	"5.koreksi":                "Penjangkauan menunjukkan iuran terlalu tinggi bagi sebagian warga; skema perlu dikoreksi.",
	"6.konsistensi":            "Surplus kecil tersisa setelah biaya perawatan; kami menjaga konsistensi layanan lebih dulu.",
	"6.replikasi":              "Dua RW meminta replikasi; kami siapkan paket panduan dan pelatihan.",
	"6.status-sumber-daya":     "Sumber daya awal berkembang: kas cadangan, relawan baru, dan kepercayaan kelurahan.",
	"6.keberlanjutan":          "Sebagian surplus disisihkan sebagai cadangan perawatan satu tahun.",
	"7.pengukuran-dampak":      "Dampak diukur lewat survei warga dan catatan layanan bulanan.",
	"7.kapasitas-sistem-lokal": "Sistem lokal kini punya kader dan anggaran sendiri untuk {layanan}.",
	"7.lingkaran-pengaruh":     "Pengaruh meluas ke kecamatan: musrenbang memasukkan usulan serupa.",
	"7.penguatan-lanjutan":     "Kami akan memperkuat pencatatan keuangan terbuka dan pelatihan kader.",
	"7.pembelajaran":           "Pelajaran utama: mulai dari aset yang sudah ada dan libatkan warga sejak perencanaan.",
}

func answerFor(key, service, orgName string) string {
	t, ok := answerTemplates[key]
	if !ok {
		t = "Catatan {oms} tentang {layanan}."
	}
	return strings.NewReplacer("{layanan}", service, "{oms}", orgName).Replace(t)
}

// walkCycles takes the demo organisations through the development cycle.
func walkCycles(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	orgs := &org.Store{DB: d}
	for _, w := range walks {
		o, err := orgs.BySlug(ctx, w.Slug)
		if err != nil {
			return fmt.Errorf("demo: cycle of %s: %w", w.Slug, err)
		}
		if err := walkOne(ctx, d, o, users[w.Owner], w); err != nil {
			return fmt.Errorf("demo: cycle of %s: %w", w.Slug, err)
		}
	}
	return nil
}

type walker struct {
	ctx     context.Context
	cycles  *cycle.Store
	tools   *cycletool.Store
	inits   *initiative.Store
	actor   cycle.Actor
	c       *cycle.Cycle
	o       *org.Organization
	w       demoWalk
	assetID []int64
	created bool // the initiative exists (stage 3 may be walked twice)
}

func walkOne(ctx context.Context, d *db.DB, o *org.Organization, u *account.User, w demoWalk) error {
	wk := &walker{ctx: ctx, cycles: &cycle.Store{DB: d}, tools: &cycletool.Store{DB: d},
		inits: &initiative.Store{DB: d}, actor: cycle.Actor{ID: u.ID, Name: u.Name}, o: o, w: w}
	var err error
	if wk.c, err = wk.cycles.Start(ctx, o.ID, wk.actor); err != nil {
		return err
	}
	last := w.Stage
	if w.NextCycle {
		last = 7
	}
	if w.BackFrom5 {
		last = 5 // it then goes back to 3 and on to 4
	}
	for stage := 1; ; stage++ {
		if err := wk.work(stage); err != nil {
			return fmt.Errorf("stage %d: %w", stage, err)
		}
		if w.BackFrom5 && stage == 5 {
			if wk.c, err = wk.cycles.GoBack(ctx, wk.c.ID, 3,
				"Penjangkauan menunjukkan iuran terlalu tinggi bagi warga prasejahtera; bentuk layanan perlu dimodifikasi.", wk.actor); err != nil {
				return err
			}
			w.BackFrom5 = false
			if wk.c, err = wk.cycles.Advance(ctx, wk.c.ID, wk.actor); err != nil { // 3 → 4 again
				return err
			}
			break
		}
		if stage >= last {
			break
		}
		if wk.c, err = wk.cycles.Advance(ctx, wk.c.ID, wk.actor); err != nil {
			return err
		}
	}
	if !w.NextCycle {
		return nil
	}
	next, err := wk.cycles.NextCycle(ctx, o.ID, wk.actor)
	if err != nil {
		return err
	}
	// The new cycle starts from a shifted point: one answer already rewritten
	// and the carried inventory brought up to date.
	if _, err := wk.cycles.SaveAnswer(ctx, next.ID, "1.misi", w.NextMission, 1, wk.actor); err != nil {
		return err
	}
	return wk.updateCarriedAssets(next.ID)
}

// updateCarriedAssets shows what a second cycle does with the inventory it
// carried: the community fund, potential in cycle 1, is now in use, and a
// new asset joins.
func (wk *walker) updateCarriedAssets(cycleID int64) error {
	list, err := wk.tools.Assets(wk.ctx, cycleID)
	if err != nil {
		return err
	}
	for _, a := range list {
		if a.Level == "sistem_lokal" && a.Holder == "komunitas" && a.Status == "potensial" {
			a.Status = "melekat"
			a.Description = "Sejak siklus 1 sumber daya ini dipakai rutin untuk " + wk.w.Service + "."
			if err := wk.tools.UpdateAsset(wk.ctx, cycleID, a); err != nil {
				return err
			}
		}
	}
	_, err = wk.tools.AddAsset(wk.ctx, cycleID, wk.w.NextAsset)
	return err
}

// work answers a stage's questions and uses its working tool.
func (wk *walker) work(stage int) error {
	st, ok := wk.c.Framework().Stage(stage)
	if !ok {
		return fmt.Errorf("no stage %d", stage)
	}
	latest, err := wk.cycles.Latest(wk.ctx, wk.c.ID)
	if err != nil {
		return err
	}
	for _, q := range st.Questions {
		base := 0
		if a, ok := latest[q.Key]; ok {
			if strings.TrimSpace(a.Body) != "" {
				continue
			}
			base = a.Version
		}
		if _, err := wk.cycles.SaveAnswer(wk.ctx, wk.c.ID, q.Key, answerFor(q.Key, wk.w.Service, wk.o.Name), base, wk.actor); err != nil {
			return err
		}
	}
	switch stage {
	case 1:
		return wk.funding()
	case 2:
		return wk.assets()
	case 3:
		return wk.initiative()
	case 4, 5, 6, 7:
		return wk.review(stage)
	}
	return nil
}

// funding fills stage 1's table: three years of support by source.
func (wk *walker) funding() error {
	// Sizes differ between organisations, the trend does not: donors give
	// less each year, the local system more.
	k := int64(5 + len(wk.w.Slug)%7) // 5 for the showcase
	var cells []cycletool.FundingCell
	for i, year := range []int{2023, 2024, 2025} {
		cells = append(cells,
			cycletool.FundingCell{Year: year, Source: "donor", Amount: k * int64(12-3*i) * 1_000_000},
			cycletool.FundingCell{Year: year, Source: "pemda", Amount: k * int64(1+i) * 1_000_000},
			cycletool.FundingCell{Year: year, Source: "komunitas", Amount: k * int64(3+4*i) * 200_000},
			cycletool.FundingCell{Year: year, Source: "penerima_manfaat", Amount: k * int64(1+2*i) * 200_000})
	}
	return wk.tools.SaveFunding(wk.ctx, wk.c.ID, cells)
}

// assets records stage 2's inventory.
func (wk *walker) assets() error {
	for _, a := range wk.w.Assets {
		id, err := wk.tools.AddAsset(wk.ctx, wk.c.ID, a)
		if err != nil {
			return err
		}
		wk.assetID = append(wk.assetID, id)
	}
	return nil
}

// initiative creates stage 3's product, published where the walk says so.
// A walk that passes stage 3 twice (back from 5) creates it once.
func (wk *walker) initiative() error {
	di := wk.w.Initiative
	if di == nil {
		return nil
	}
	if wk.created {
		return nil
	}
	wk.created = true
	actor := initiative.Actor{ID: wk.actor.ID, Name: wk.actor.Name}
	in := initiative.Input{Name: di.Name, Tagline: di.Tagline, Category: di.Category,
		Regions: reach(wk.o.RegionCode, di.Reach), AssetIDs: wk.assetID,
		Text: map[string]string{"problem": di.Problem, "framework": di.Framework, "advantages": di.Advantages,
			"expected_results": "Layanan " + wk.w.Service + " berjalan rutin dan dibiayai bersama warga."}}
	i, err := wk.inits.Create(wk.ctx, actor, wk.o.ID, wk.c.ID, in)
	if err != nil {
		return err
	}
	if !di.Published {
		return nil
	}
	return wk.inits.Publish(wk.ctx, actor, i.ID)
}

// reach turns an initiative's Reach into region codes around the
// organisation's village (a desa code "PP.KK.CC.DDDD").
func reach(village string, spec []string) []string {
	if len(spec) == 0 {
		return []string{village}
	}
	var out []string
	for _, s := range spec {
		switch s {
		case "desa":
			out = append(out, village)
		case "kec":
			out = append(out, village[:8])
		case "kab":
			out = append(out, village[:5])
		default:
			out = append(out, s)
		}
	}
	return out
}

// review records the review and decision of stages 4 to 7.
func (wk *walker) review(stage int) error {
	r := cycletool.Review{Stage: stage}
	switch stage {
	case 4:
		r.Summary = "Iuran bulanan warga berjalan lebih stabil daripada donasi sekali."
		r.Decision = "lanjutkan"
		r.Details.Scheme = "redistribusi_biaya"
		if wk.w.Scheme != "" {
			r.Details.Scheme = wk.w.Scheme
		}
	case 5:
		r.Summary = "Jangkauan bertambah dua RW; sebagian warga prasejahtera belum mampu membayar iuran penuh."
		r.Decision = "lanjutkan"
	case 6:
		r.Summary = "Surplus tahun pertama kecil tetapi konsisten."
		r.Details.Allocations = []cycletool.Allocation{
			{Kind: "cadangan", Note: "Cadangan perawatan satu tahun."},
			{Kind: "replikasi", Note: "Paket panduan untuk dua RW tetangga."}}
		r.Decision = "cadangan,replikasi"
	case 7:
		r.Summary = "Layanan diakui kelurahan dan masuk usulan musrenbang kecamatan."
		r.Details.Lessons = []string{"Mulai dari aset yang sudah ada.", "Laporan keuangan terbuka menjaga kepercayaan warga."}
	}
	if s, ok := wk.w.Reviews[stage]; ok {
		r.Summary = s
	}
	_, err := wk.tools.AddReview(wk.ctx, wk.c.ID, wk.actor.ID, r)
	return err
}
