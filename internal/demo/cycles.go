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
	NextCycle  bool
	Initiative *demoInitiative
	Assets     []cycletool.Asset
}

// demoInitiative is the "product" an organisation creates in stage 3.
type demoInitiative struct {
	Name, Tagline, Category, Problem, Framework, Advantages string
	Published                                               bool
}

var walks = []demoWalk{
	{Slug: "terang-kampung", Owner: "pemilik", Service: "penerangan jalan kampung", Stage: 7, NextCycle: true,
		Initiative: &demoInitiative{Name: "Lampu Kampung", Tagline: "Gang terang, warga tenang",
			Category: "energi", Published: true,
			Problem:    "Gang-gang di kelurahan gelap setelah magrib; warga, terutama perempuan dan anak, merasa tidak aman pulang malam.",
			Framework:  "Warga memilih titik lampu, OMS memasang lampu tenaga surya, iuran Rp5.000 per rumah per bulan membiayai perawatan.",
			Advantages: "Tanpa tagihan listrik, dirawat teknisi warga yang dilatih, laporan iuran terbuka setiap bulan."},
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
	{Slug: "taman-baca-pelita", Owner: "pengurus2", Service: "taman baca anak", Stage: 2,
		Assets: []cycletool.Asset{
			{Name: "Koleksi 1.200 buku anak", Level: "organisasi", Status: "melekat", Tangible: true},
			{Name: "Balai dusun yang kosong sore hari", Level: "sistem_lokal", Holder: "pemda", Status: "terabaikan", Tangible: true},
		}},
	{Slug: "peduli-tb-makassar", Owner: "pengurus2", Service: "pendampingan pasien TBC", Stage: 1},
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
	if _, err := wk.cycles.SaveAnswer(ctx, next.ID, "1.misi",
		"Dari penerangan gang ke keamanan lingkungan: lampu, ronda warga dan taman bermain yang terang.", 1, wk.actor); err != nil {
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
			a.Description = "Sejak siklus 1 iuran warga membiayai perawatan lampu setiap bulan."
			if err := wk.tools.UpdateAsset(wk.ctx, cycleID, a); err != nil {
				return err
			}
		}
	}
	_, err = wk.tools.AddAsset(wk.ctx, cycleID, cycletool.Asset{Name: "Pos ronda yang sudah terang", Level: "sistem_lokal",
		Holder: "komunitas", Status: "potensial", Tangible: true})
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
	var cells []cycletool.FundingCell
	for i, year := range []int{2023, 2024, 2025} {
		cells = append(cells,
			cycletool.FundingCell{Year: year, Source: "donor", Amount: int64(60-15*i) * 1_000_000},
			cycletool.FundingCell{Year: year, Source: "pemda", Amount: int64(5+5*i) * 1_000_000},
			cycletool.FundingCell{Year: year, Source: "komunitas", Amount: int64(3+4*i) * 1_000_000},
			cycletool.FundingCell{Year: year, Source: "penerima_manfaat", Amount: int64(1+2*i) * 1_000_000})
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
		Regions: []string{wk.o.RegionCode}, AssetIDs: wk.assetID,
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

// review records the review and decision of stages 4 to 7.
func (wk *walker) review(stage int) error {
	r := cycletool.Review{Stage: stage}
	switch stage {
	case 4:
		r.Summary = "Iuran bulanan warga berjalan lebih stabil daripada donasi sekali."
		r.Decision = "lanjutkan"
		r.Details.Scheme = "redistribusi_biaya"
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
	_, err := wk.tools.AddReview(wk.ctx, wk.c.ID, wk.actor.ID, r)
	return err
}
