package demo

import "lokadaya/internal/org"

// demoOrg is one demonstration OMS. Its region is the first desa or
// kelurahan (by code) of the kabupaten/kota Kab, looked up at load time.
type demoOrg struct {
	Owner   string // key of the owning demo person
	Kab     string
	Name    string
	Slug    string
	Form    string
	Akta    string
	SKAHU   string
	NPWP    string
	Issues  []string
	Founded string
	Vision  string
	Mission string
	Phone   string
	Status  org.Status
	Reason  string // for needs_changes
	Address string
}

// orgs are twenty OMS in sixteen provinces running the kinds of local
// services the Lokadaya framework starts from.
var orgs = []demoOrg{
	{Owner: "pemilik", Kab: "32.73", Name: "Komunitas Terang Kampung", Slug: "terang-kampung", Form: "komunitas",
		Issues: []string{"energi", "tata_kelola"}, Founded: "2017", Status: org.StatusVerified,
		Vision:  "Gang dan jalan kampung di Kota Bandung terang dan aman di malam hari.",
		Mission: "Memetakan titik gelap bersama warga, memperbaiki dan merawat penerangan jalan umum (PJU) kampung, serta mengawal usulan PJU dalam musrenbang kelurahan.",
		Phone:   "0812-2100-3344", Address: "Jl. Sukarasa No. 12, Sukasari"},
	{Owner: "pengurus1", Kab: "35.78", Name: "Yayasan Bank Sampah Bersinar", Slug: "bank-sampah-bersinar", Form: "yayasan",
		Akta: "Akta No. 14 tanggal 3 Maret 2015, Notaris Sri Wahyuni, S.H.", SKAHU: "AHU-0004512.AH.01.04.Tahun 2015",
		NPWP: "74.512.338.1-609.000", Issues: []string{"sampah", "lingkungan"}, Founded: "2015", Status: org.StatusVerified,
		Vision:  "Kampung-kampung Surabaya tanpa sampah yang dibuang sia-sia.",
		Mission: "Menjalankan bank sampah warga di tingkat RW, mengolah sampah organik menjadi kompos, dan merawat taman kota bersama kelurahan."},
	{Owner: "pengurus1", Kab: "34.04", Name: "Koperasi Jelantah Berkah Sleman", Slug: "jelantah-berkah", Form: "koperasi",
		Akta: "Akta Pendirian Koperasi No. 7 tanggal 20 Juli 2019", SKAHU: "AHU-0002231.AH.01.26.Tahun 2019",
		NPWP: "92.118.406.5-542.000", Issues: []string{"sampah", "energi", "ekonomi_perempuan"}, Founded: "2019", Status: org.StatusVerified,
		Vision:  "Minyak jelantah tidak lagi mencemari sungai dan tanah Sleman.",
		Mission: "Mengumpulkan jelantah dari rumah tangga dan warung, mengolahnya menjadi sabun cuci dan biodiesel untuk genset masjid, dan membagi hasil usaha kepada anggota."},
	{Owner: "pengurus2", Kab: "52.01", Name: "Perkumpulan Taman Baca Pelita Gerung", Slug: "taman-baca-pelita", Form: "perkumpulan",
		Akta: "Akta No. 5 tanggal 11 Januari 2018, Notaris Lalu Ahmad, S.H., M.Kn.", SKAHU: "AHU-0000873.AH.01.07.Tahun 2018",
		Issues: []string{"pendidikan", "anak_remaja"}, Founded: "2016", Status: org.StatusVerified,
		Vision:  "Setiap anak di Lombok Barat dekat dengan buku.",
		Mission: "Membuka taman baca anak di berugak desa, menjalankan perpustakaan keliling, dan melatih relawan pendongeng."},
	{Owner: "pengurus2", Kab: "73.71", Name: "Yayasan Peduli TB Sehat Makassar", Slug: "peduli-tb-makassar", Form: "yayasan",
		Akta: "Akta No. 21 tanggal 9 Oktober 2012, Notaris Andi Fatmawati, S.H.", SKAHU: "AHU-0007781.AH.01.04.Tahun 2012",
		NPWP: "31.245.907.2-801.000", Issues: []string{"kesehatan"}, Founded: "2012", Status: org.StatusVerified,
		Vision:  "Tidak ada pasien TBC di Makassar yang putus obat.",
		Mission: "Menemukan dan merujuk terduga TBC ke puskesmas, mendampingi pasien selama masa pengobatan, dan mengurangi stigma di lingkungan."},
	{Owner: "pengurus3", Kab: "13.06", Name: "Perkumpulan Paralegal Nagari Adil", Slug: "paralegal-nagari-adil", Form: "perkumpulan",
		Akta: "Akta No. 3 tanggal 2 Mei 2016, Notaris Yusrizal, S.H.", SKAHU: "AHU-0011245.AH.01.07.Tahun 2016",
		Issues: []string{"bantuan_hukum", "tata_kelola"}, Founded: "2016", Status: org.StatusVerified,
		Vision:  "Warga nagari di Agam mudah mendapat keadilan.",
		Mission: "Melatih paralegal desa, membuka pos bantuan hukum di kantor wali nagari, dan mendampingi sengketa tanah ulayat."},
	{Owner: "pengurus3", Kab: "14.03", Name: "Komunitas Masyarakat Peduli Api Bengkalis", Slug: "mpa-bengkalis", Form: "komunitas",
		Issues: []string{"kebencanaan", "lingkungan"}, Founded: "2014", Status: org.StatusVerified,
		Vision:  "Lahan gambut Bengkalis bebas kebakaran.",
		Mission: "Berpatroli di lahan gambut pada musim kemarau, membangun sekat kanal, dan berkoordinasi dengan BPBD serta Manggala Agni untuk pemadaman dini."},
	{Owner: "pengurus4", Kab: "62.11", Name: "Komunitas Patroli Api Pulang Pisau", Slug: "patroli-api-pulang-pisau", Form: "komunitas",
		Issues: []string{"kebencanaan"}, Founded: "2020", Status: org.StatusPending,
		Vision:  "Desa-desa gambut Kalimantan Tengah siaga kebakaran lahan.",
		Mission: "Patroli terpadu bersama desa, pemetaan titik panas, dan pembasahan gambut."},
	{Owner: "pengurus4", Kab: "33.10", Name: "Kelompok Tani Tyto Alba Lestari", Slug: "tyto-alba-lestari", Form: "perkumpulan",
		Akta: "Akta No. 18 tanggal 27 Agustus 2017, Notaris Bambang Sutrisno, S.H.", SKAHU: "AHU-0015620.AH.01.07.Tahun 2017",
		Issues: []string{"pertanian_pangan", "lingkungan"}, Founded: "2017", Status: org.StatusVerified,
		Vision:  "Sawah Klaten terlindung dari hama tikus tanpa racun.",
		Mission: "Membangun dan merawat rumah burung hantu (Tyto alba) di pematang sawah, menangkarkan anakan, dan melatih kelompok tani."},
	{Owner: "pengurus5", Kab: "53.14", Name: "Yayasan Air Hujan Pesisir Rote", Slug: "air-hujan-pesisir", Form: "yayasan",
		Akta: "Akta No. 9 tanggal 14 Februari 2019, Notaris Maria Fanggidae, S.H.", SKAHU: "AHU-0003390.AH.01.04.Tahun 2019",
		NPWP: "85.337.120.4-924.000", Issues: []string{"air_sanitasi", "kebencanaan"}, Founded: "2019", Status: org.StatusVerified,
		Vision:  "Keluarga di kampung pesisir Rote Ndao cukup air bersih sepanjang kemarau.",
		Mission: "Membangun penampungan air hujan rumah tangga dan komunal, melatih perawatan talang dan bak, serta memantau kualitas air."},
	{Owner: "pengurus5", Kab: "53.02", Name: "Koperasi Perempuan Kapas Timor", Slug: "perempuan-kapas-timor", Form: "koperasi",
		Akta: "Akta Pendirian Koperasi No. 12 tanggal 8 Maret 2018", SKAHU: "AHU-0001178.AH.01.26.Tahun 2018",
		Issues: []string{"ekonomi_perempuan", "pertanian_pangan", "budaya"}, Founded: "2018", Status: org.StatusVerified,
		Vision:  "Perempuan petani kapas di Timor Tengah Selatan berdaulat atas hasil kerjanya.",
		Mission: "Mendampingi kelompok perempuan petani kapas, memintal dan menenun bersama, serta memasarkan tenun ikat dengan harga adil."},
	{Owner: "pengurus6", Kab: "15.71", Name: "Perkumpulan Warga Peduli Anggaran Jambi", Slug: "peduli-anggaran-jambi", Form: "perkumpulan",
		Akta: "Akta No. 2 tanggal 5 Juni 2013, Notaris Hendra Gunawan, S.H.", SKAHU: "AHU-0009902.AH.01.07.Tahun 2013",
		NPWP: "66.201.954.0-331.000", Issues: []string{"tata_kelola"}, Founded: "2013", Status: org.StatusVerified,
		Vision:  "Anggaran daerah Kota Jambi terbuka dan berpihak pada warga.",
		Mission: "Membaca dan menyederhanakan APBD untuk warga, mengawal musrenbang, dan mengadvokasi keterbukaan informasi anggaran."},
	{Owner: "pengurus6", Kab: "51.03", Name: "Yayasan Sanggar Seni Anak Badung", Slug: "sanggar-seni-badung", Form: "yayasan",
		Akta: "Akta No. 30 tanggal 17 November 2010, Notaris I Made Sudarma, S.H.", SKAHU: "AHU-0021034.AH.01.04.Tahun 2010",
		Issues: []string{"budaya", "anak_remaja"}, Founded: "2010", Status: org.StatusVerified,
		Vision:  "Anak-anak Badung tumbuh bersama seni dan budayanya.",
		Mission: "Kelas tari, tabuh, dan kerajinan gratis untuk anak, serta pentas bersama banjar."},
	{Owner: "pengurus7", Kab: "12.71", Name: "Komunitas Difabel Mandiri Medan", Slug: "difabel-mandiri-medan", Form: "komunitas",
		Issues: []string{"disabilitas", "ekonomi_perempuan"}, Founded: "2021", Status: org.StatusPending,
		Vision:  "Penyandang disabilitas di Medan bekerja dan berkarya setara.",
		Mission: "Pelatihan keterampilan, pendampingan akses layanan publik, dan advokasi fasilitas yang ramah disabilitas."},
	{Owner: "pengurus7", Kab: "13.01", Name: "Yayasan Mangrove Lestari Pesisir Selatan", Slug: "mangrove-pesisir-selatan", Form: "yayasan",
		Akta: "Akta No. 11 tanggal 21 April 2014, Notaris Rahmi Yanti, S.H.", SKAHU: "AHU-0006655.AH.01.04.Tahun 2014",
		NPWP: "70.884.211.9-204.000", Issues: []string{"lingkungan", "kebencanaan"}, Founded: "2014", Status: org.StatusVerified,
		Vision:  "Pantai Pesisir Selatan terlindung oleh hutan mangrove yang sehat.",
		Mission: "Menanam dan merawat mangrove bersama nelayan, membibitkan di kebun desa, dan mengembangkan ekowisata."},
	{Owner: "pengurus8", Kab: "91.03", Name: "Perkumpulan Air Bersih Sentani", Slug: "air-bersih-sentani", Form: "perkumpulan",
		Akta: "Akta No. 4 tanggal 19 September 2022, Notaris Yohana Wenda, S.H.", SKAHU: "AHU-0000412.AH.01.07.Tahun 2022",
		Issues: []string{"air_sanitasi", "kesehatan"}, Founded: "2022", Status: org.StatusPending,
		Vision:  "Kampung-kampung di tepi Danau Sentani punya air bersih dan sanitasi layak.",
		Mission: "Membangun sarana air bersih berbasis mata air, melatih kader sanitasi, dan mengajak warga menjaga danau."},
	{Owner: "pengurus8", Kab: "72.01", Name: "Serikat Nelayan Tradisional Teluk Banggai", Slug: "nelayan-teluk-banggai", Form: "serikat",
		Issues: []string{"pertanian_pangan", "ekonomi_perempuan"}, Founded: "2019", Status: org.StatusNeedsChanges,
		Reason:  "Lengkapi susunan pengurus dan unggah bukti pencatatan serikat di Dinas Tenaga Kerja.",
		Vision:  "Nelayan tradisional Banggai sejahtera dan berdaulat atas lautnya.",
		Mission: "Mengorganisasi nelayan kecil, membuka lapak bersama untuk hasil tangkapan, dan mengadvokasi zona tangkap tradisional."},
	{Owner: "pengurus9", Kab: "36.03", Name: "Yayasan Posyandu Ceria Balaraja", Slug: "posyandu-ceria", Form: "yayasan",
		Akta: "Akta No. 8 tanggal 30 Januari 2023, Notaris Dewi Kartika, S.H.", SKAHU: "AHU-0000988.AH.01.04.Tahun 2023",
		Issues: []string{"kesehatan", "anak_remaja"}, Founded: "2023", Status: org.StatusPending,
		Vision:  "Tidak ada balita stunting di Balaraja.",
		Mission: "Mendukung kader posyandu dengan pelatihan, makanan tambahan bergizi dari pangan lokal, dan kelas ibu hamil."},
	{Owner: "pengurus9", Kab: "16.71", Name: "Komunitas Kebun Pangan Kota Palembang", Slug: "kebun-pangan-palembang", Form: "komunitas",
		Issues: []string{"pertanian_pangan", "lingkungan"}, Founded: "2018", Status: org.StatusVerified,
		Vision:  "Setiap lorong di Palembang punya kebun pangan.",
		Mission: "Mengubah lahan tidur menjadi kebun sayur bersama warga, membagi bibit, dan membuat kompos dari sampah dapur."},
	{Owner: "pemilik", Kab: "53.11", Name: "Perkumpulan Energi Surya Sumba", Slug: "energi-surya-sumba", Form: "perkumpulan",
		Akta: "Akta No. 16 tanggal 12 Desember 2016, Notaris Umbu Rihi, S.H.", SKAHU: "AHU-0017743.AH.01.07.Tahun 2016",
		NPWP: "81.556.103.7-927.000", Issues: []string{"energi", "pendidikan"}, Founded: "2016", Status: org.StatusVerified,
		Vision:  "Rumah dan sekolah di desa-desa Sumba Timur terang oleh energi matahari.",
		Mission: "Memasang dan merawat panel surya komunal, melatih teknisi desa, dan mengelola iuran perawatan bersama warga."},
}
