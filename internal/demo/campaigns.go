package demo

import (
	"context"
	"fmt"
	"net/url"

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
