package demo

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// demoCampaign is a Galang Daya campaign of a demo initiative. Dates are
// days from today: the demo always shows running campaigns.
type demoCampaign struct {
	Org, Initiative string // slugs
	Title, Scheme   string
	Story           string
	StartDays       int
	EndDays         int
	Permit          url.Values // pub_permit_* fields, when the organisation has one
	Needs           []url.Values
}

func need(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

var demoCampaigns = []demoCampaign{
	{Org: "terang-kampung", Initiative: "lampu-kampung", Title: "100 Lampu Surya untuk Gang Kampung",
		Scheme: "redistribusi_biaya", StartDays: -10, EndDays: 50,
		Story: "Setiap malam, gang-gang di kelurahan kami gelap gulita.\nDengan lampu tenaga surya, warga bisa pulang dengan aman.\n\nIuran Rp5.000 per rumah membiayai perawatan; kampanye ini membiayai pemasangan awal.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Pemasangan 100 titik lampu", "target", "45.000.000"),
			need("kind", "barang", "title", "Tiang besi 3 meter", "target", "100", "unit", "batang", "item_value", "150.000"),
			need("kind", "relawan", "title", "Teknisi pemasangan", "target", "12", "skills", "Kelistrikan dasar",
				"schedule", "Sabtu–Minggu, 08.00–15.00", "place", "Balai RW 05"),
		}},
	{Org: "bank-sampah-bersinar", Initiative: "tabungan-sampah-bersinar", Title: "Gerobak Pilah untuk Gang Sempit",
		Scheme: "resiprokal", StartDays: -3, EndDays: 60,
		Story:  "Pengangkutan sampah tidak menjangkau gang sempit.\nGerobak pilah kecil memungkinkan nasabah menyetor sampah terpilah langsung dari rumah.",
		Permit: url.Values{"pub_permit_number": {"460/0123/PUB/DINSOS/2025"}, "pub_permit_issuer": {"bupati_walikota"}},
		Needs: []url.Values{
			need("kind", "dana", "title", "Sepuluh gerobak pilah", "target", "25.000.000"),
			need("kind", "kemitraan", "title", "Pengepul plastik yang membeli rutin",
				"description", "Kami mencari mitra usaha yang membeli plastik terpilah setiap bulan dengan harga terbuka."),
			need("kind", "advokasi", "title", "Jadwal angkut sampah sampai ke gang", "target", "1.000",
				"petition_text", "Kami, warga, meminta Dinas Lingkungan Hidup menambah jadwal angkut sampah terpilah sampai ke gang-gang sempit."),
		}},
	{Org: "tyto-alba-lestari", Initiative: "rubuha-tyto", Title: "Rumah Burung Hantu untuk 20 Hamparan Sawah",
		Scheme: "keuangan_rumah_tangga", StartDays: -20, EndDays: 25,
		Story: "Tikus sawah memakan sepertiga panen.\nSatu pasang burung hantu Tyto alba memangsa ribuan tikus setiap musim, tanpa racun.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Bahan 20 rubuha", "target", "16.000.000"),
			need("kind", "keahlian", "title", "Ahli perilaku burung hantu",
				"description", "Pendampingan pemantauan sarang selama satu musim tanam."),
			need("kind", "relawan", "title", "Pendata sarang", "target", "6", "schedule", "Sore hari, dua kali sepekan",
				"place", "Sawah kelompok tani"),
		}},
	{Org: "terang-kampung", Initiative: "lampu-kampung", Title: "Pelatihan Teknisi Lampu Warga",
		Scheme: "transaksional", StartDays: -1, EndDays: 40,
		Story: "Lampu yang terawat bertahan lebih lama.\nKami melatih pemuda kampung menjadi teknisi yang dibayar per perbaikan.",
		Needs: []url.Values{
			need("kind", "keahlian", "title", "Instruktur panel surya"),
			need("kind", "barang", "title", "Multimeter", "target", "10", "unit", "buah"),
		}},
	// A year of campaigns across the archipelago: some ended months ago,
	// some running, a few ending within the week.
	{Org: "sanggar-seni-badung", Initiative: "sanggar-anak-banjar", Title: "Gamelan untuk Sanggar Anak Banjar Kaja",
		Scheme: "resiprokal", StartDays: -345, EndDays: -260,
		Story: "Anak-anak Banjar Kaja berlatih menabuh dengan gamelan pinjaman yang sudah retak.\nSatu set gangsa dan kendang baru membuat sanggar di banjar ketiga bisa dibuka.\n\nSetiap penyumbang diundang ke pentas perdana.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Satu set gangsa dan kendang", "target", "38.000.000"),
			need("kind", "relawan", "title", "Pendamping latihan sore", "target", "4", "schedule", "Senin–Jumat, 15.30–17.30",
				"place", "Bale Banjar Kaja"),
		}},
	{Org: "paralegal-nagari-adil", Initiative: "pos-paralegal-nagari", Title: "Pos Paralegal di Empat Nagari",
		Scheme: "keuangan_rumah_tangga", StartDays: -320, EndDays: -200,
		Story: "Warga nagari menempuh dua jam perjalanan untuk berkonsultasi hukum.\nDengan pos paralegal di kantor wali nagari, sengketa bisa diselesaikan lebih dekat dan lebih murah.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Honor paralegal dan alat tulis setahun", "target", "24.000.000"),
			need("kind", "kemitraan", "title", "LBH mitra untuk rujukan kasus berat",
				"description", "Kami mencari lembaga bantuan hukum yang menerima rujukan kasus dari pos paralegal nagari."),
			need("kind", "keahlian", "title", "Pelatih hukum adat dan agraria",
				"description", "Tiga hari pelatihan tentang tanah ulayat untuk dua belas paralegal."),
		}},
	{Org: "perempuan-kapas-timor", Initiative: "tenun-kapas-adil", Title: "Alat Pintal untuk Enam Kelompok Tenun",
		Scheme: "rantai_nilai", StartDays: -300, EndDays: -215,
		Story: "Memintal kapas dengan tangan memakan waktu berminggu-minggu untuk satu kain.\nAlat pintal kayu sederhana memangkas waktu itu separuhnya, sehingga penenun bisa menjual lebih banyak kain dengan harga adil.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Dua belas alat pintal kayu", "target", "18.000.000"),
			need("kind", "barang", "title", "Gulungan benang kapas", "target", "200", "unit", "gulung", "item_value", "25.000"),
		}},
	{Org: "mpa-bengkalis", Initiative: "patroli-gambut-siaga", Title: "Pompa dan Selang untuk Regu Patroli Gambut",
		Scheme: "resiprokal", StartDays: -250, EndDays: -150,
		Story: "Musim kemarau datang lebih awal tahun ini.\nRegu patroli membutuhkan pompa jinjing dan selang agar bisa membasahi gambut sebelum api muncul.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Tiga pompa jinjing", "target", "27.000.000"),
			need("kind", "barang", "title", "Selang pemadam 20 meter", "target", "30", "unit", "gulung", "item_value", "350.000"),
			need("kind", "relawan", "title", "Anggota regu patroli", "target", "20", "schedule", "Juli–September, bergilir",
				"place", "Posko MPA desa"),
		}},
	{Org: "energi-surya-sumba", Initiative: "surya-desa-sumba", Title: "Listrik Surya untuk Empat Sekolah Dasar",
		Scheme: "redistribusi_biaya", StartDays: -230, EndDays: -120,
		Story: "Empat sekolah dasar di kecamatan kami belajar tanpa listrik.\nPanel surya membuat anak bisa belajar komputer dan guru bisa mencetak soal di sekolah sendiri.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Panel, baterai dan pemasangan di empat sekolah", "target", "60.000.000"),
			need("kind", "keahlian", "title", "Insinyur kelistrikan untuk desain sistem",
				"description", "Merancang kapasitas panel dan baterai sesuai kebutuhan sekolah."),
		}},
	{Org: "taman-baca-pelita", Initiative: "berugak-baca-pelita", Title: "Motor Perpustakaan Keliling Berugak Baca",
		Scheme: "resiprokal", StartDays: -150, EndDays: 20,
		Story: "Buku kami hanya bisa dibawa sejauh kaki relawan melangkah.\nSebuah motor dengan kotak buku membuat dua belas dusun di Gerung kebagian buku setiap pekan.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Motor roda tiga dan kotak buku", "target", "32.000.000"),
			need("kind", "barang", "title", "Buku cerita anak", "target", "500", "unit", "eksemplar", "item_value", "30.000"),
			need("kind", "relawan", "title", "Pendongeng keliling", "target", "8", "schedule", "Sabtu sore",
				"place", "Berugak dusun"),
		}},
	{Org: "peduli-tb-makassar", Initiative: "sahabat-minum-obat", Title: "Ongkos Berobat untuk 100 Pasien TBC",
		Scheme: "redistribusi_biaya", StartDays: -120, EndDays: 5,
		Story: "Obat TBC gratis, tetapi ongkos angkot ke puskesmas setiap pekan tidak.\nRp240.000 menanggung transport satu pasien selama enam bulan pengobatan sampai sembuh.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Transport 100 pasien selama enam bulan", "target", "24.000.000"),
			need("kind", "relawan", "title", "Kader pendamping minum obat", "target", "10", "schedule", "Dua kunjungan sepekan",
				"place", "Rumah pasien di Kota Makassar"),
			need("kind", "advokasi", "title", "Ruang tunggu TBC yang layak di puskesmas", "target", "500",
				"petition_text", "Kami meminta Dinas Kesehatan menyediakan ruang tunggu pasien TBC yang berventilasi baik di setiap puskesmas."),
		}},
	{Org: "mangrove-pesisir-selatan", Initiative: "kebun-bibit-mangrove", Title: "10.000 Bibit Mangrove untuk Pantai Carocok",
		Scheme: "rantai_nilai", StartDays: -90, EndDays: 45,
		Story: "Setiap tahun abrasi memakan dua meter pantai.\nSepuluh ribu bibit dari kebun kelompok perempuan nelayan akan ditanam dan dirawat selama dua tahun.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Bibit, ajir dan perawatan dua tahun", "target", "35.000.000"),
			need("kind", "relawan", "title", "Relawan tanam saat surut", "target", "40", "schedule", "Minggu pagi saat air surut",
				"place", "Pantai Carocok"),
			need("kind", "barang", "title", "Polybag bibit", "target", "10.000", "unit", "lembar", "item_value", "300"),
		}},
	{Org: "kebun-pangan-palembang", Initiative: "lorong-hijau", Title: "Kebun Sayur di Dua Belas Lorong",
		Scheme: "resiprokal", StartDays: -60, EndDays: 3,
		Story: "Lahan tidur di lorong kota bisa memberi makan warganya.\nBibit, pupuk kompos dan pagar bambu membuat dua belas kebun lorong siap tanam sebelum musim hujan.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Bibit, kompos dan pagar bambu", "target", "15.000.000"),
			need("kind", "barang", "title", "Cangkul dan sekop", "target", "24", "unit", "buah", "item_value", "85.000"),
			need("kind", "keahlian", "title", "Penyuluh pertanian perkotaan",
				"description", "Pendampingan pola tanam dan pengendalian hama tanpa pestisida kimia."),
		}},
	{Org: "air-hujan-pesisir", Initiative: "bak-hujan-keluarga", Title: "50 Bak Penampung Air Hujan di Rote",
		Scheme: "keuangan_rumah_tangga", StartDays: -45, EndDays: 75,
		Story: "Kemarau di Rote panjang dan air tangki mahal.\nSatu bak ferosemen 5.000 liter memberi satu keluarga air minum sepanjang kemarau.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Semen, talang dan upah tukang 50 bak", "target", "55.000.000"),
			need("kind", "barang", "title", "Sak semen", "target", "400", "unit", "sak", "item_value", "70.000"),
			need("kind", "kemitraan", "title", "Pemerintah desa untuk pendataan keluarga",
				"description", "Kami mengajak pemerintah desa mendata keluarga tanpa akses air dan menyiapkan lahan bak komunal."),
		}},
	{Org: "peduli-anggaran-jambi", Initiative: "sekolah-anggaran-warga", Title: "Papan Pelacak Usulan Musrenbang",
		Scheme: "transaksional", StartDays: -30, EndDays: 60,
		Story: "Warga mengusulkan, lalu usulannya hilang.\nPapan pelacak di tiap kelurahan menunjukkan usulan mana yang masuk APBD, mana yang ditunda, dan alasannya.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Papan pelacak dan kelas anggaran di 20 kelurahan", "target", "12.000.000"),
			need("kind", "advokasi", "title", "Buka data usulan musrenbang", "target", "2.000",
				"petition_text", "Kami meminta Bappeda Kota Jambi membuka data usulan musrenbang beserta statusnya setiap tahun."),
			need("kind", "keahlian", "title", "Desainer infografis anggaran",
				"description", "Membuat infografis APBD yang mudah dibaca warga."),
		}},
	{Org: "perempuan-kapas-timor", Initiative: "tenun-kapas-adil", Title: "Sekolah Tenun untuk Remaja Putri",
		Scheme: "rantai_nilai", StartDays: -20, EndDays: 6,
		Story: "Penenun senior makin tua, sementara remaja putri merantau.\nSekolah tenun akhir pekan mengajarkan motif leluhur dan cara menjual kain secara daring.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Alat tenun dan honor pengajar", "target", "14.000.000"),
			need("kind", "relawan", "title", "Fotografer produk kain", "target", "3", "schedule", "Satu hari per bulan",
				"place", "Rumah koperasi"),
		}},
	{Org: "energi-surya-sumba", Initiative: "surya-desa-sumba", Title: "Baterai Cadangan untuk Dusun Kedelapan",
		Scheme: "redistribusi_biaya", StartDays: -8, EndDays: 90,
		Story: "Tujuh dusun sudah terang. Dusun kedelapan menunggu.\nIuran warga menutup perawatan; kampanye ini membeli baterai dan panel untuk memulai.",
		Needs: []url.Values{
			need("kind", "dana", "title", "Panel dan baterai dusun kedelapan", "target", "42.000.000"),
			need("kind", "barang", "title", "Lampu LED hemat energi", "target", "120", "unit", "buah", "item_value", "45.000"),
		}},
}

// createCampaigns starts and publishes the demo campaigns, as the owner
// of each organisation.
func createCampaigns(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	store := &campaign.Store{DB: d}
	orgs := &org.Store{DB: d}
	inits := &initiative.Store{DB: d}
	owners := map[string]string{}
	for _, w := range walks {
		owners[w.Slug] = w.Owner
	}
	for _, dc := range demoCampaigns {
		if err := createCampaign(ctx, store, orgs, inits, users[owners[dc.Org]], dc); err != nil {
			return fmt.Errorf("demo: campaign %q: %w", dc.Title, err)
		}
	}
	// Campaigns of the past have ended: store it, as the deadline job would.
	if _, err := store.EndDue(ctx); err != nil {
		return fmt.Errorf("demo: end campaigns: %w", err)
	}
	return nil
}

func createCampaign(ctx context.Context, store *campaign.Store, orgs *org.Store, inits *initiative.Store, u *account.User, dc demoCampaign) error {
	o, err := orgs.BySlug(ctx, dc.Org)
	if err != nil {
		return err
	}
	i, err := inits.BySlug(ctx, dc.Initiative)
	if err != nil {
		return err
	}
	zone := region.Zone(o.RegionCode)
	today := db.Now().In(zone)
	day := func(n int) string { return today.AddDate(0, 0, n).Format("2006-01-02") }
	// A campaign of the past is made and published on its first morning.
	if dc.StartDays < 0 {
		y, m, dd := today.AddDate(0, 0, dc.StartDays).Date()
		opened := time.Date(y, m, dd, 8, 0, 0, 0, zone)
		store = &campaign.Store{DB: store.DB, Now: func() time.Time { return opened }}
	}
	form := url.Values{"title": {dc.Title}, "story": {dc.Story}, "scheme": {dc.Scheme},
		"starts_at": {day(dc.StartDays)}, "ends_at": {day(dc.EndDays)}}
	if dc.Permit != nil {
		for k, v := range dc.Permit {
			form[k] = v
		}
		form.Set("pub_permit_from", day(dc.StartDays))
		form.Set("pub_permit_until", day(dc.StartDays+89))
	}
	in, errs := campaign.Parse(form, zone)
	if len(errs) > 0 {
		return errs
	}
	actor := campaign.Actor{ID: u.ID, Name: u.Name}
	c, err := store.Create(ctx, actor, o.ID, i.ID, in)
	if err != nil {
		return err
	}
	for _, nf := range dc.Needs {
		n, errs := campaign.ParseNeed(nf)
		if len(errs) > 0 {
			return errs
		}
		if _, err := store.AddNeed(ctx, c.ID, n); err != nil {
			return err
		}
	}
	if err := store.Publish(ctx, actor, c.ID); err != nil {
		return err
	}
	_, err = store.AddUpdate(ctx, c.ID, u.ID, "Kampanye dimulai", "Terima kasih kepada warga yang sudah mendukung sejak hari pertama.")
	return err
}
