package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/payment"
)

// demoGifts are the donations each demo campaign with a money need gets;
// the last two stay pending so the treasurer has something to confirm.
var demoGifts = []donation.Input{
	{Amount: 100_000, Name: "Siti Rahmawati", Message: "Semoga gangnya cepat terang!"},
	{Amount: 250_000, Anonymous: true, Message: "Lillahi ta'ala."},
	{Amount: 50_000, Name: "Budi Santoso"},
	{Amount: 1_000_000, Name: "Toko Bangunan Sinar Jaya", Message: "Dukungan usaha lokal untuk warga."},
	{Amount: 75_000, Name: "Rina", Email: "rina.contoh@example.org"},
	{Amount: 150_000, Anonymous: true},
}

// demoAccounts are the bank accounts of the organisations that raise money.
var demoAccounts = map[string]payment.AccountInput{
	"terang-kampung":       {Bank: "bca", AccountNumber: "1234567890", AccountName: "Komunitas Terang Kampung"},
	"bank-sampah-bersinar": {Bank: "bri", AccountNumber: "001201000123456", AccountName: "Yayasan Bank Sampah Bersinar"},
	"tyto-alba-lestari":    {Bank: "mandiri", AccountNumber: "1360012345678", AccountName: "Kelompok Tani Tyto Alba Lestari"},
}

// giveToCampaigns opens bank accounts and records donations to the demo
// campaigns since they started, confirmed by each organisation's owner.
func giveToCampaigns(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	payments := &payment.Store{DB: d}
	donations := &donation.Store{DB: d}
	for slug, acc := range demoAccounts {
		var orgID int64
		if err := d.QueryRow(ctx, `SELECT id FROM organizations WHERE slug = ?`, slug).Scan(&orgID); err != nil {
			return fmt.Errorf("demo: donations for %s: %w", slug, err)
		}
		owner := users[ownerOf(slug)]
		ba, err := payments.AddAccount(ctx, payment.Actor{ID: owner.ID, Name: owner.Name}, orgID, acc)
		if err != nil {
			return fmt.Errorf("demo: account of %s: %w", slug, err)
		}
		campaignID, needID, err := moneyNeed(ctx, d, orgID)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		target := donation.Target{CampaignID: campaignID, NeedID: needID, OrgID: orgID, BankAccountID: ba.ID}
		from, to, err := campaignSpan(ctx, d, campaignID)
		if err != nil {
			return err
		}
		for i, in := range demoGifts {
			in.Token = fmt.Sprintf("demo-%s-%d", slug, i)
			// The confirmed gifts came in since the campaign started, each
			// confirmed the next morning; the last two are today's, still
			// waiting for the treasurer.
			given := within(from, to, i+1, len(demoGifts))
			pending := i >= len(demoGifts)-2
			if pending {
				given = to
			}
			donations.Now = func() time.Time { return given }
			gift, _, err := donations.Create(ctx, target, in)
			if err != nil {
				return fmt.Errorf("demo: donation to %s: %w", slug, err)
			}
			if pending {
				continue
			}
			confirmed := given.Add(14 * time.Hour)
			if confirmed.After(to) {
				confirmed = to
			}
			donations.Now = func() time.Time { return confirmed }
			if _, err := donations.Confirm(ctx, orgID, gift.ID, donation.Actor{ID: owner.ID, Name: owner.Name}); err != nil {
				return fmt.Errorf("demo: confirm donation to %s: %w", slug, err)
			}
		}
	}
	return nil
}

// moneyNeed is an organisation's active campaign with a dana need.
func moneyNeed(ctx context.Context, d *db.DB, orgID int64) (campaignID, needID int64, err error) {
	err = d.QueryRow(ctx, `SELECT c.id, n.id FROM campaigns c JOIN campaign_needs n ON n.campaign_id = c.id
		WHERE c.org_id = ? AND c.status = 'active' AND n.kind = 'dana' ORDER BY c.id, n.position, n.id LIMIT 1`, orgID).
		Scan(&campaignID, &needID)
	return campaignID, needID, err
}

func ownerOf(slug string) string {
	for _, o := range orgs {
		if o.Slug == slug {
			return o.Owner
		}
	}
	return "pemilik"
}
