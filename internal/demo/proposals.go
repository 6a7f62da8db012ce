package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/proposal"
)

// pajang is the kelurahan of Kota Surakarta whose residents' proposals the
// demo shows: Pajang, Kecamatan Laweyan.
const pajang = "33.72.01.1001"

// demoProposal is a proposal of the demo with who supports it: people by
// user key, organisations by slug (supported by their owner).
type demoProposal struct {
	key, by, kind, title, what, region, where, who string
	count, cost                                    int64
	evidence                                       []proposal.Evidence
	daysAgo                                        int
	people                                         []string
	orgs                                           map[string]string // slug → member who supports on its behalf
}

var demoProposals = []demoProposal{
	{key: "saluran", by: "pengurus9", kind: proposal.KindActivity, title: "Perbaikan saluran air RW 05 Pajang",
		what:   "Saluran di sepanjang gang RW 05 tersumbat sedimen dan sampah; setiap hujan deras air masuk ke rumah warga. Diusulkan pengerukan dan penggantian tutup saluran sepanjang 300 meter.",
		region: pajang, where: "RT 03/RW 05", who: "Warga RW 05, terutama keluarga di gang yang rendah", count: 180, cost: 45_000_000,
		evidence: []proposal.Evidence{{Label: "Profil kelurahan", URL: "/wilayah/" + pajang}}, daysAgo: 40,
		people: []string{"pengurus2", "pengurus6", "viewer", "editor"}, orgs: map[string]string{"tyto-alba-lestari": "pengurus4"}},
	{key: "putus-sekolah", by: "pengurus6", kind: proposal.KindIssue, title: "Anak putus sekolah setelah SMP",
		what:   "Beberapa anak di Pajang tidak melanjutkan ke SMA/SMK karena biaya transportasi dan harus membantu orang tua bekerja.",
		region: pajang, where: "RW 02 dan RW 07", who: "Anak usia 15–18 tahun dan orang tuanya", count: 25, daysAgo: 30,
		people: []string{"pengurus9", "pengurus7"}},
	{key: "posyandu", by: "pengurus7", kind: proposal.KindActivity, title: "Pelatihan kader posyandu tentang gizi balita",
		what:   "Pelatihan dua hari bagi kader posyandu di Kelurahan Pajang tentang pemantauan tumbuh kembang dan menu makanan tambahan dari bahan lokal.",
		region: pajang, where: "Posyandu RW 01–RW 10", who: "Kader posyandu dan ibu balita", count: 40, cost: 12_000_000, daysAgo: 20,
		people: []string{"pengurus2"}},
	{key: "saluran-ganda", by: "pengurus3", kind: proposal.KindActivity, title: "Saluran air mampet di RW 05",
		what:   "Saluran di RW 05 mampet dan meluap tiap hujan; perlu dikeruk.",
		region: pajang, where: "RW 05", who: "Warga RW 05", daysAgo: 10,
		people: []string{"pengurus3", "pengurus2", "pengurus8"}},
	{key: "lampu-gang", by: "pemilik", kind: proposal.KindActivity, title: "Lampu jalan tenaga surya di gang sempit",
		what:   "Gang-gang sempit di kelurahan gelap di malam hari. Diusulkan 20 lampu jalan tenaga surya yang dirawat bersama karang taruna.",
		region: "", where: "RW 03", who: "Warga yang pulang kerja malam, terutama perempuan dan anak", count: 300, cost: 60_000_000,
		evidence: []proposal.Evidence{{Label: "Profil Komunitas Terang Kampung", URL: "/organisasi/terang-kampung"}}, daysAgo: 15,
		people: []string{"editor", "admin-oms"}, orgs: map[string]string{"terang-kampung": "pemilik"}},
	// Only its proposer supports it so far, so she may still change it.
	{key: "bank-sampah", by: "editor", kind: proposal.KindIssue, title: "Sampah plastik menumpuk di bantaran sungai",
		what:   "Setelah banjir, sampah plastik tertahan di bantaran sungai dan tidak terangkut petugas. Warga ingin mencari jalan keluar bersama kelurahan.",
		region: "", where: "RW 09", who: "Warga bantaran sungai", daysAgo: 2,
		people: []string{"editor"}},
}

// demoMerges are the duplicates merged, by the Jawa–Bali hub's coordinator.
var demoMerges = [][2]string{{"saluran-ganda", "saluran"}}

// proposeTogether writes the residents' proposals, their supporters and
// one merged duplicate.
func proposeTogether(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	now := db.Now()
	ids := map[string]int64{}
	act := func(key string) (proposal.Actor, error) {
		u := users[key]
		if u == nil {
			return proposal.Actor{}, fmt.Errorf("demo: proposals: no user %s", key)
		}
		return proposal.Actor{ID: u.ID, Name: u.Name, Admin: u.IsAdmin}, nil
	}
	for _, dp := range demoProposals {
		at := now.AddDate(0, 0, -dp.daysAgo)
		s := &proposal.Store{DB: d, Now: func() time.Time { return at }}
		region := dp.region
		if region == "" { // the showcase organisation's region
			if err := d.QueryRow(ctx, `SELECT region_code FROM organizations WHERE slug = 'terang-kampung'`).Scan(&region); err != nil {
				return fmt.Errorf("demo: proposals: %w", err)
			}
		}
		in := proposal.Input{Kind: dp.kind, Title: dp.title, What: dp.what, RegionCode: region, Where: dp.where,
			Beneficiaries: dp.who, Evidence: dp.evidence}
		if dp.count > 0 {
			in.Count = &dp.count
		}
		if dp.cost > 0 {
			in.Cost = &dp.cost
		}
		by, err := act(dp.by)
		if err != nil {
			return err
		}
		p, err := s.Create(ctx, by, in)
		if err != nil {
			return fmt.Errorf("demo: proposal %q: %w", dp.title, err)
		}
		ids[dp.key] = p.ID
		for _, key := range dp.people {
			a, err := act(key)
			if err == nil {
				err = s.Support(ctx, a, p.ID, 0)
			}
			if err != nil {
				return fmt.Errorf("demo: support of %q: %w", dp.title, err)
			}
		}
		for slug, key := range dp.orgs {
			a, err := act(key)
			var orgID int64
			if err == nil {
				err = d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, slug).Scan(&orgID)
			}
			if err == nil {
				err = s.Support(ctx, a, p.ID, orgID)
			}
			if err != nil {
				return fmt.Errorf("demo: %s supports %q: %w", slug, dp.title, err)
			}
		}
	}
	// Terang Kampung takes its lamps proposal up as its lamps campaign.
	owner, err := act("pemilik")
	if err != nil {
		return err
	}
	var orgID, campaignID int64
	if err := d.QueryRow(ctx, `SELECT o.id, c.id FROM organizations o JOIN campaigns c ON c.org_id = o.id
		WHERE o.slug = 'terang-kampung' AND c.title = '100 Lampu Surya untuk Gang Kampung'`).Scan(&orgID, &campaignID); err != nil {
		return fmt.Errorf("demo: lamps campaign: %w", err)
	}
	at := now.AddDate(0, 0, -12)
	adopt := &proposal.Store{DB: d, Now: func() time.Time { return at }}
	if _, err := adopt.Adopt(ctx, owner, ids["lampu-gang"], orgID, proposal.AsCampaign, campaignID); err != nil {
		return fmt.Errorf("demo: adopt the lamps: %w", err)
	}
	coord, err := act("koord-jawabali")
	if err != nil {
		return err
	}
	s := &proposal.Store{DB: d, Now: func() time.Time { return now }}
	for _, m := range demoMerges {
		if err := s.Merge(ctx, coord, ids[m[0]], ids[m[1]]); err != nil {
			return fmt.Errorf("demo: merge %s: %w", m[0], err)
		}
	}
	return nil
}
