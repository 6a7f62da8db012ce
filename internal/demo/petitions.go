package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/petition"
)

// demoSigner signs the demo petitions. Kab is a kabupaten/kota code; a
// signer with Village true gives that kabupaten's first desa/kelurahan.
type demoSigner struct {
	Name, Kab, Comment string
	Village            bool
	Anonymous, News    bool
	Unverified         bool // never opens the link: waits
}

var demoSigners = []demoSigner{
	{Name: "Sulastri", Kab: "35.78", Village: true, Comment: "Gang kami hanya dilewati gerobak seminggu sekali.", News: true},
	{Name: "Moch. Arifin", Kab: "35.78", Village: true},
	{Name: "Rahayu Ningsih", Kab: "35.78", Comment: "Setuju, sampah terpilah jangan dicampur lagi di truk."},
	{Name: "Pak RT 03", Kab: "35.78", Anonymous: true, Comment: "Mohon jadwal tetap dan diumumkan."},
	{Name: "Dimas Prakoso", Kab: "35.15", Village: true, News: true},
	{Name: "Lilik Suryani", Kab: "35.15"},
	{Name: "Hj. Aminah", Kab: "35.25", Comment: "Ibu-ibu bank sampah siap membantu memilah."},
	{Name: "Teguh Santoso", Kab: "35.73"},
	{Name: "Warga Kenjeran", Kab: "35.78", Anonymous: true},
	{Name: "Yusuf Habibi", Kab: "35.78", Village: true},
	{Name: "Belum Konfirmasi", Kab: "35.78", Unverified: true},
}

// signPetitions signs the demo campaigns' petitions, verifying every
// signer's e-mail but one, as the links would.
func signPetitions(ctx context.Context, d *db.DB) error {
	rows, err := d.Query(ctx, `SELECT c.id, n.id, c.slug FROM campaigns c JOIN campaign_needs n ON n.campaign_id = c.id
		WHERE c.status = 'active' AND n.kind = 'advokasi' ORDER BY c.id, n.position, n.id`)
	if err != nil {
		return fmt.Errorf("demo: petitions: %w", err)
	}
	var targets []petition.Target
	var slugs []string
	for rows.Next() {
		var t petition.Target
		var slug string
		if err := rows.Scan(&t.CampaignID, &t.NeedID, &slug); err != nil {
			rows.Close()
			return err
		}
		targets, slugs = append(targets, t), append(slugs, slug)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var token string
	store := &petition.Store{DB: d,
		OnSign: func(_ context.Context, _ db.Querier, _ *petition.Signature, t string) error { token = t; return nil },
		OnVerify: func(ctx context.Context, q db.Querier, g *petition.Signature) error {
			if !g.News {
				return nil
			}
			return campaign.Subscribe(ctx, q, g.CampaignID, g.Email, g.Name, g.Lang)
		}}
	for i, t := range targets {
		from, to, err := campaignSpan(ctx, d, t.CampaignID)
		if err != nil {
			return err
		}
		for j, s := range demoSigners {
			// Signatures come in over the campaign's life, each confirmed
			// a few minutes later.
			signed := within(from, to, j+1, len(demoSigners)+1)
			store.Now = func() time.Time { return signed }
			in := petition.Input{Name: s.Name, Region: s.Kab, Comment: s.Comment, Anonymous: s.Anonymous,
				News: s.News, Lang: "id", Email: fmt.Sprintf("penanda.%d.%d@example.org", i, j)}
			if s.Village {
				if in.Region, err = firstVillage(ctx, d, s.Kab); err != nil {
					return err
				}
			}
			if _, _, err := store.Sign(ctx, t, in); err != nil {
				return fmt.Errorf("demo: sign %s as %s: %w", slugs[i], s.Name, err)
			}
			if s.Unverified {
				continue
			}
			store.Now = func() time.Time { return signed.Add(7 * time.Minute) }
			if _, _, err := store.Verify(ctx, token); err != nil {
				return fmt.Errorf("demo: verify %s: %w", strings.ToLower(s.Name), err)
			}
		}
	}
	return nil
}
