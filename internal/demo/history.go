package demo

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/payment"
	"lokadaya/internal/region"
)

// yearAccounts are the bank accounts of the organisations whose campaigns
// raised money over the past year (the showcase organisations' accounts
// are in demoAccounts).
var yearAccounts = map[string]payment.AccountInput{
	"sanggar-seni-badung":      {Bank: "bri", AccountNumber: "018201000234567", AccountName: "Yayasan Sanggar Seni Anak Badung"},
	"paralegal-nagari-adil":    {Bank: "bni", AccountNumber: "0712345678", AccountName: "Perkumpulan Paralegal Nagari Adil"},
	"perempuan-kapas-timor":    {Bank: "bri", AccountNumber: "051301000456789", AccountName: "Koperasi Perempuan Kapas Timor"},
	"mpa-bengkalis":            {Bank: "bsi", AccountNumber: "7123456789", AccountName: "Komunitas Masyarakat Peduli Api Bengkalis"},
	"energi-surya-sumba":       {Bank: "bri", AccountNumber: "048201000987654", AccountName: "Perkumpulan Energi Surya Sumba"},
	"taman-baca-pelita":        {Bank: "bni", AccountNumber: "0823456789", AccountName: "Perkumpulan Taman Baca Pelita Gerung"},
	"peduli-tb-makassar":       {Bank: "mandiri", AccountNumber: "1520098765432", AccountName: "Yayasan Peduli TB Sehat Makassar"},
	"mangrove-pesisir-selatan": {Bank: "bri", AccountNumber: "011101000334455", AccountName: "Yayasan Mangrove Lestari Pesisir Selatan"},
	"kebun-pangan-palembang":   {Bank: "bca", AccountNumber: "0213344556", AccountName: "Komunitas Kebun Pangan Kota Palembang"},
	"air-hujan-pesisir":        {Bank: "bri", AccountNumber: "047701000778899", AccountName: "Yayasan Air Hujan Pesisir Rote"},
	"peduli-anggaran-jambi":    {Bank: "bsi", AccountNumber: "7234567890", AccountName: "Perkumpulan Warga Peduli Anggaran Jambi"},
}

// yearDonors give over the year, in turn; an empty name is anonymous.
var yearDonors = []struct {
	name, message, email string
}{
	{"Hamba Allah", "Semoga berkah.", ""},
	{"Keluarga Pak Ridwan", "", ""},
	{"", "Lillahi ta'ala.", ""},
	{"Ni Kadek Ayu", "Semangat untuk adik-adik!", "kadek.contoh@example.org"},
	{"Alumni SMA Negeri 1", "Patungan alumni angkatan 2005.", ""},
	{"Yosef Bria", "", ""},
	{"Toko Kelontong Berkah", "Dukungan usaha kecil di sekitar.", ""},
	{"", "", ""},
	{"Rini Handayani", "Terima kasih atas laporan yang terbuka.", "rini.contoh@example.org"},
	{"Arisan Ibu-ibu RT 04", "", ""},
	{"Fransiskus Lede", "Dari perantau untuk kampung halaman.", ""},
	{"Dokter Maya", "", ""},
	{"Gereja Jemaat Imanuel", "Persembahan kasih jemaat.", ""},
	{"", "Semoga cepat terwujud.", ""},
	{"Koperasi Karyawan PT Sinar", "", ""},
	{"Ahmad Fauzi", "Ikut senang bisa membantu.", "fauzi.contoh@example.org"},
	{"Mahasiswa KKN Unand", "Hasil bazar KKN.", ""},
	{"Putu Wirawan", "", ""},
}

// yearAmounts are the base amounts donors choose, in rupiah.
var yearAmounts = []int64{50_000, 100_000, 250_000, 100_000, 500_000, 75_000, 1_000_000, 150_000, 200_000, 2_500_000, 300_000, 50_000}

// maxYearGifts bounds the donations one campaign gets, so the demo loads
// quickly; larger gifts fill the rest of what a campaign raised.
const maxYearGifts = 30

// giveOverTheYear records the money the demo campaigns received over their
// life, each gift confirmed by the organisation's owner a few hours after
// it came, so the books, receipts and open data carry a year of dates. A
// campaign that has ended raised between 92% and 115% of its target; a
// running one as much as its elapsed time suggests.
func giveOverTheYear(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	type target struct {
		campaignID, needID, orgID, amount int64
		slug, campaignSlug, regionCode    string
		starts, ends                      time.Time
	}
	rows, err := d.Query(ctx, `SELECT c.id, n.id, c.org_id, n.target, o.slug, c.slug, o.region_code, c.starts_at, c.ends_at
		FROM campaigns c JOIN campaign_needs n ON n.campaign_id = c.id JOIN organizations o ON o.id = c.org_id
		WHERE n.kind = 'dana' AND c.status IN ('active', 'ended') ORDER BY c.id, n.position, n.id`)
	if err != nil {
		return fmt.Errorf("demo: year of gifts: %w", err)
	}
	var list []target
	seen := map[int64]bool{}
	for rows.Next() {
		var t target
		if err := rows.Scan(&t.campaignID, &t.needID, &t.orgID, &t.amount, &t.slug, &t.campaignSlug, &t.regionCode,
			&t.starts, &t.ends); err != nil {
			rows.Close()
			return fmt.Errorf("demo: year of gifts: %w", err)
		}
		if _, ok := yearAccounts[t.slug]; ok && !seen[t.campaignID] {
			seen[t.campaignID] = true
			list = append(list, t)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: year of gifts: %w", err)
	}
	payments := &payment.Store{DB: d}
	accounts := map[string]int64{}
	now := db.Now()
	for _, t := range list {
		owner := users[ownerOf(t.slug)]
		if accounts[t.slug] == 0 {
			ba, err := payments.AddAccount(ctx, payment.Actor{ID: owner.ID, Name: owner.Name}, t.orgID, yearAccounts[t.slug])
			if err != nil {
				return fmt.Errorf("demo: account of %s: %w", t.slug, err)
			}
			accounts[t.slug] = ba.ID
		}
		last := t.ends
		if last.After(now) {
			last = now.Add(-12 * time.Hour)
		}
		share := 92 + seedOf(t.campaignSlug)%24 // percent of the target, for an ended campaign
		if t.ends.After(now) {
			share = share * int64(last.Sub(t.starts)) / int64(t.ends.Sub(t.starts))
		}
		gifts := planGifts(t.amount*share/100, t.starts, last, region.Zone(t.regionCode), seedOf(t.campaignSlug))
		dt := donation.Target{CampaignID: t.campaignID, NeedID: t.needID, OrgID: t.orgID, BankAccountID: accounts[t.slug]}
		actor := donation.Actor{ID: owner.ID, Name: owner.Name}
		for i, g := range gifts {
			if err := giveAt(ctx, d, dt, actor, g, fmt.Sprintf("demo-year-%s-%02d", t.campaignSlug, i)); err != nil {
				return fmt.Errorf("demo: gift %d to %s: %w", i, t.campaignSlug, err)
			}
		}
		if err := postProgress(ctx, d, t.campaignID, owner.ID, t.amount, t.ends.After(now), t.starts, last, gifts); err != nil {
			return fmt.Errorf("demo: news of %s: %w", t.campaignSlug, err)
		}
	}
	return nil
}

// postProgress posts the news a campaign's organisation wrote as the money
// came in: half-way, and a closing report once it ended, each with the
// figures as they stood that day. It runs before anyone subscribes to the
// news, so no e-mail goes out about updates months old.
func postProgress(ctx context.Context, d *db.DB, campaignID, author, target int64, running bool,
	from, to time.Time, gifts []gift) error {
	raised := func(by time.Time) (sum int64, n int) {
		for _, g := range gifts {
			if !g.at.After(by) {
				sum, n = sum+g.amount, n+1
			}
		}
		return sum, n
	}
	type post struct {
		at          time.Time
		title, body string
	}
	var posts []post
	if mid := within(from, to, 1, 2); to.Sub(from) > 20*24*time.Hour {
		sum, n := raised(mid)
		posts = append(posts, post{mid, "Kabar dari lapangan",
			fmt.Sprintf("Sampai hari ini terkumpul %s dari %d donatur, %d%% dari kebutuhan %s.\n\n"+
				"Persiapan berjalan: kami sudah meminta penawaran harga dan mendata warga yang akan menerima manfaat. "+
				"Terima kasih, dan mohon bantu sebarkan kabar ini lewat WhatsApp.",
				i18n.Rupiah(sum), n, sum*100/max(target, 1), i18n.Rupiah(target))})
	}
	if !running {
		sum, n := raised(to)
		posts = append(posts, post{to.Add(10 * time.Hour), "Kampanye selesai — terima kasih!",
			fmt.Sprintf("Kampanye ditutup dengan %s dari %d donatur (%d%% dari target).\n\n"+
				"Belanja dan bukti pembayarannya kami catat di laporan keuangan terbuka organisasi; "+
				"kabar pelaksanaan menyusul di halaman ini.", i18n.Rupiah(sum), n, sum*100/max(target, 1))})
	}
	for _, p := range posts {
		store := &campaign.Store{DB: d, Now: func() time.Time { return p.at }}
		if _, err := store.AddUpdate(ctx, campaignID, author, p.title, p.body); err != nil {
			return err
		}
	}
	return nil
}

// gift is one planned donation.
type gift struct {
	at     time.Time
	amount int64
	donor  int
}

// planGifts spreads about total rupiah over at most maxYearGifts gifts
// between from and to, at daytime hours in zone. The amounts are chosen
// from yearAmounts and the last gift makes up the rest, so they add up to
// total exactly (when total is at least the smallest amount).
func planGifts(total int64, from, to time.Time, zone *time.Location, seed int64) []gift {
	if total < yearAmounts[0] || !to.After(from) {
		return nil
	}
	var out []gift
	left := total
	span := to.Sub(from)
	for i := 0; left > 0 && i < maxYearGifts; i++ {
		amount := yearAmounts[int(seed+int64(i)*7)%len(yearAmounts)]
		// Later gifts are larger where the many small ones would not reach
		// the total in time.
		if rest := int64(maxYearGifts - i); amount*rest < left {
			amount = left / rest / 10_000 * 10_000
		}
		if amount > left || i == maxYearGifts-1 {
			amount = left
		}
		// Most money comes in the first weeks and just before the end.
		frac := float64(i) / maxYearGifts
		frac = frac * frac * (3 - 2*frac) // ease in and out
		at := from.Add(time.Duration(frac * float64(span)))
		day := at.In(zone)
		hour := 7 + int(seed+int64(i)*5)%14
		at = time.Date(day.Year(), day.Month(), day.Day(), hour, int(seed+int64(i)*13)%60, 0, 0, zone)
		if at.Before(from) {
			at = from.Add(time.Hour)
		}
		if at.After(to) {
			at = to.Add(-time.Hour)
		}
		out = append(out, gift{at: at.UTC(), amount: amount, donor: int(seed+int64(i)*3) % len(yearDonors)})
		left -= amount
	}
	return out
}

// giveAt records one gift as made at g.at and confirms it three hours later.
func giveAt(ctx context.Context, d *db.DB, t donation.Target, actor donation.Actor, g gift, token string) error {
	store := &donation.Store{DB: d, Now: func() time.Time { return g.at }}
	who := yearDonors[g.donor]
	in := donation.Input{Amount: g.amount, Name: who.name, Anonymous: who.name == "", Message: who.message,
		Email: who.email, Token: token}
	if in.Anonymous {
		in.Name = ""
	}
	gift, _, err := store.Create(ctx, t, in)
	if err != nil {
		return err
	}
	store.Now = func() time.Time { return g.at.Add(3 * time.Hour) }
	_, err = store.Confirm(ctx, t.OrgID, gift.ID, actor)
	if errors.Is(err, donation.ErrNotPending) {
		return nil // a load that stopped half-way and started again
	}
	return err
}

// seedOf is a small stable number from s, so every load of the demo is
// the same on every database.
func seedOf(s string) int64 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(s))
	return int64(h.Sum32() % 1000)
}

// campaignSpan is the time a campaign has been open for support: from its
// start to its end, or to now while it runs.
func campaignSpan(ctx context.Context, d *db.DB, campaignID int64) (from, to time.Time, err error) {
	if err := d.QueryRow(ctx, `SELECT starts_at, ends_at FROM campaigns WHERE id = ?`, campaignID).Scan(&from, &to); err != nil {
		return from, to, fmt.Errorf("demo: campaign %d: %w", campaignID, err)
	}
	if now := db.Now(); to.After(now) {
		to = now
	}
	return from.UTC(), to.UTC(), nil
}

// within is the moment num/den of the way from from to to.
func within(from, to time.Time, num, den int) time.Time {
	return from.Add(to.Sub(from) * time.Duration(num) / time.Duration(den))
}
