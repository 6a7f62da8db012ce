package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/offer"
)

// demoStep is one turn of an offer's thread: a reply of the organisation
// (org), of the offerer, or a status change with its note.
type demoStep struct {
	by     string // "org", "offerer" or "status"
	text   string
	status string // for "status"
}

// demoOffer is an offer with the thread that followed it.
type demoOffer struct {
	in    offer.Input
	steps []demoStep
}

// demoOffers are the offers each demo keahlian or kemitraan need gets, by
// the need's title: some agreed, some in discussion, one new, one
// declined, so every status and both sides of a thread show.
var demoOffers = map[string][]demoOffer{
	"Instruktur panel surya": {
		{offer.Input{Kind: offer.KindBusiness, Name: "Hendra Gunawan", Institution: "PT Surya Nusantara Energi",
			Body:  "Teknisi kami dapat mengajar dua angkatan, masing-masing tiga hari, termasuk praktik merakit panel dan baterai.",
			Email: "hendra@surya-nusantara.example", Phone: "081234567001"}, []demoStep{
			{"org", "Terima kasih, Pak Hendra. Apakah bahan praktik sudah termasuk?", ""},
			{"offerer", "Panel peraga kami bawa; baterai bekas untuk latihan mohon disiapkan warga.", ""},
			{"status", "Angkatan pertama mulai bulan depan di Balai RW 05.", offer.StatusAgreed},
		}},
		{offer.Input{Kind: offer.KindAcademia, Name: "Dr. Ratna Dewi", Institution: "Politeknik Negeri Bandung",
			Body:  "Mahasiswa teknik listrik dapat mendampingi pelatihan sebagai bagian dari pengabdian masyarakat.",
			Email: "ratna@polban.example"}, []demoStep{
			{"org", "Menarik sekali. Berapa mahasiswa dan berapa lama?", ""},
			{"offerer", "Enam mahasiswa selama satu semester, setiap Sabtu.", ""},
		}},
		{offer.Input{Kind: offer.KindPerson, Name: "Joko Susilo",
			Body: "Saya pensiunan PLN, bersedia mengajar dasar kelistrikan secara sukarela.", Email: "joko.susilo@example.org"}, nil},
		{offer.Input{Kind: offer.KindPerson, Name: "Wulan Sari", ShowName: true,
			Body: "Saya bisa membuat modul pelatihan bergambar.", Email: "wulan@example.org"}, []demoStep{
			{"org", "Terima kasih, Mbak Wulan. Modul seperti apa yang Mbak bayangkan?", ""},
			{"status", "Modul sudah disiapkan oleh mitra pelatihan; semoga bisa bekerja sama di kegiatan lain.", offer.StatusDeclined},
		}},
	},
	"Pengepul plastik yang membeli rutin": {
		{offer.Input{Kind: offer.KindBusiness, Name: "Yusuf Maulana", Institution: "CV Daur Ulang Sejahtera",
			Body:  "Kami membeli PET dan HDPE terpilah setiap dua minggu dengan harga pasar yang diumumkan di muka.",
			Email: "yusuf@daurulang.example", Phone: "081234567002"}, []demoStep{
			{"org", "Apakah bisa menjemput ke gudang bank sampah?", ""},
			{"offerer", "Bisa, minimal 200 kg per jemput.", ""},
			{"status", "Kontrak enam bulan, dijemput tiap Kamis kedua dan keempat.", offer.StatusAgreed},
		}},
		{offer.Input{Kind: offer.KindLocalGov, Name: "Ir. Bambang Setiadi", Institution: "Dinas Lingkungan Hidup",
			Body: "Kami dapat menghubungkan bank sampah dengan pusat daur ulang milik daerah.", Email: "dlh@pemda.example"}, []demoStep{
			{"status", "", offer.StatusDiscussed},
			{"org", "Kapan kami bisa berkunjung ke pusat daur ulang?", ""},
		}},
		{offer.Input{Kind: offer.KindCommunity, Name: "Laila", Institution: "Komunitas Nol Sampah",
			Body: "Kami bisa membantu sosialisasi pemilahan di sekolah-sekolah sekitar.", Email: "laila@nolsampah.example"}, nil},
	},
	"LBH mitra untuk rujukan kasus berat": {
		{offer.Input{Kind: offer.KindCommunity, Name: "Yulia Rahmi", Institution: "LBH Padang Pos Agam",
			Body:  "Kami menerima rujukan kasus pidana dan sengketa tanah yang perlu pengacara, tanpa biaya bagi warga tidak mampu.",
			Email: "agam@lbh.example"}, []demoStep{
			{"org", "Terima kasih, Uni Yulia. Bagaimana alur rujukannya?", ""},
			{"offerer", "Paralegal mengisi formulir ringkas kasus; kami menghubungi warga dalam tiga hari kerja.", ""},
			{"status", "Nota kesepahaman ditandatangani untuk satu tahun.", offer.StatusAgreed},
		}},
	},
	"Pelatih hukum adat dan agraria": {
		{offer.Input{Kind: offer.KindAcademia, Name: "Dr. Syahrul Datuak Rajo", Institution: "Fakultas Hukum Universitas Andalas",
			Body: "Kami dapat memberi pelatihan tiga hari tentang tanah ulayat dan pendaftaran tanah komunal.", Email: "syahrul@unand.example"}, []demoStep{
			{"org", "Terima kasih, Pak Datuak. Kami usulkan pelatihan sesudah panen, di aula kantor wali nagari.", ""},
			{"status", "Pelatihan dilaksanakan di Lubuk Basung bersama dua belas paralegal.", offer.StatusAgreed},
		}},
	},
	"Insinyur kelistrikan untuk desain sistem": {
		{offer.Input{Kind: offer.KindPerson, Name: "Umbu Karuni", ShowName: true,
			Body: "Saya insinyur listrik di Waingapu, bersedia menghitung kebutuhan panel dan baterai empat sekolah.", Email: "umbu.contoh@example.org"}, []demoStep{
			{"org", "Terima kasih, Bapa Umbu. Data beban listrik sekolah kami kirim minggu ini.", ""},
			{"status", "Desain selesai dan dipakai untuk pengadaan.", offer.StatusAgreed},
		}},
	},
	"Penyuluh pertanian perkotaan": {
		{offer.Input{Kind: offer.KindLocalGov, Name: "Ir. Herlina", Institution: "Dinas Ketahanan Pangan Kota Palembang",
			Body: "Penyuluh kami dapat mendampingi kebun lorong dua kali sebulan.", Email: "dkp@palembang.example"}, []demoStep{
			{"status", "", offer.StatusDiscussed},
			{"org", "Apakah penyuluh bisa datang Sabtu pagi, saat warga tidak bekerja?", ""},
		}},
		{offer.Input{Kind: offer.KindPerson, Name: "Rizky Pratama", Body: "Saya lulusan agroteknologi dan bisa membantu membuat kompos.",
			Email: "rizky.contoh@example.org"}, nil},
	},
	"Pemerintah desa untuk pendataan keluarga": {
		{offer.Input{Kind: offer.KindLocalGov, Name: "Yakobus Ndun", Institution: "Pemerintah Desa",
			Body: "Kami siapkan data keluarga tanpa akses air dan lahan untuk dua bak komunal.", Email: "desa@rote.example"}, []demoStep{
			{"org", "Terima kasih, Bapa Kepala Desa. Kapan bisa kami ambil datanya?", ""},
			{"offerer", "Senin depan di kantor desa, sekalian rapat dengan kepala dusun.", ""},
		}},
	},
	"Desainer infografis anggaran": {
		{offer.Input{Kind: offer.KindMedia, Name: "Nadia Putri", Institution: "Jambi Data Visual",
			Body: "Tim kami bisa membuat sepuluh infografis APBD tanpa biaya sebagai kontribusi komunitas.", Email: "nadia@jdv.example"}, nil},
	},
	"Ahli perilaku burung hantu": {
		{offer.Input{Kind: offer.KindAcademia, Name: "Prof. Made Sudana", Institution: "Universitas Udayana",
			Body:  "Tim kami meneliti Tyto alba dan dapat mendampingi pemantauan sarang satu musim.",
			Email: "made@unud.example"}, []demoStep{
			{"org", "Kami senang sekali. Apakah perlu akomodasi?", ""},
			{"offerer", "Tidak, kami membawa kendaraan sendiri.", ""},
			{"status", "", offer.StatusAgreed},
		}},
		{offer.Input{Kind: offer.KindMedia, Name: "Agus Wirawan", Institution: "Radio Tani FM",
			Body: "Kami ingin meliput dan menyiarkan cerita rubuha setiap bulan.", Email: "redaksi@radiotani.example"}, nil},
	},
}

// offerToNeeds records the demo offers and their threads on the demo
// campaigns' keahlian and kemitraan needs, answered by each
// organisation's owner (the editor at the showcase organisation).
func offerToNeeds(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	rows, err := d.Query(ctx, `SELECT n.id, n.title, c.id, c.org_id, o.slug FROM campaign_needs n
		JOIN campaigns c ON c.id = n.campaign_id JOIN organizations o ON o.id = c.org_id
		WHERE n.kind IN ('keahlian', 'kemitraan') AND c.status IN ('active', 'ended') ORDER BY n.id`)
	if err != nil {
		return fmt.Errorf("demo: offers: %w", err)
	}
	var targets []offer.Target
	var slugs []string
	for rows.Next() {
		var t offer.Target
		var slug string
		if err := rows.Scan(&t.NeedID, &t.NeedTitle, &t.CampaignID, &t.OrgID, &slug); err != nil {
			rows.Close()
			return fmt.Errorf("demo: offers: %w", err)
		}
		targets, slugs = append(targets, t), append(slugs, slug)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: offers: %w", err)
	}
	store := &offer.Store{DB: d}
	for i, t := range targets {
		who := users[ownerOf(slugs[i])]
		if slugs[i] == "terang-kampung" {
			who = users["editor"]
		}
		actor := offer.Actor{ID: who.ID, Name: who.Name}
		from, to, err := campaignSpan(ctx, d, t.CampaignID)
		if err != nil {
			return err
		}
		list := demoOffers[t.NeedTitle]
		for j, do := range list {
			// Offers come in over the first half of the campaign; the
			// thread goes on a day per turn.
			at := within(from, to, j+1, 2*(len(list)+1))
			if err := makeOffer(ctx, store, t, actor, do, fmt.Sprintf("demo-offer-%06d-%02d", t.NeedID, j), at, to); err != nil {
				return fmt.Errorf("demo: offer to %q: %w", t.NeedTitle, err)
			}
		}
	}
	return nil
}

func makeOffer(ctx context.Context, store *offer.Store, t offer.Target, actor offer.Actor, do demoOffer, token string,
	at, last time.Time) error {
	in := do.in
	in.Token = token
	store.Now = func() time.Time { return at }
	o, _, err := store.Create(ctx, t, in)
	if err != nil {
		return err
	}
	for k, st := range do.steps {
		turn := at.Add(time.Duration(k+1) * 26 * time.Hour)
		if turn.After(last) {
			turn = last
		}
		store.Now = func() time.Time { return turn }
		switch st.by {
		case "org":
			_, _, err = store.OrgReply(ctx, t.OrgID, o.ID, actor, st.text)
		case "offerer":
			_, _, err = store.OffererReply(ctx, o.AccessToken, st.text)
		default:
			_, err = store.SetStatus(ctx, t.OrgID, o.ID, actor, st.status, st.text)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
