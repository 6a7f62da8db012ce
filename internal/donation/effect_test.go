package donation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/org"
)

// addCampaign makes another active campaign with a dana need for orgID
// (reusing the fixture's initiative when orgID is the fixture's).
func addCampaign(t *testing.T, d *db.DB, orgID int64, slug string) donation.Target {
	t.Helper()
	ctx := context.Background()
	now := db.Now()
	var initID int64
	if err := d.QueryRow(ctx, `SELECT id FROM initiatives WHERE org_id = ?`, orgID).Scan(&initID); err != nil {
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, ?, 'Lain', 'published', ?, ?) RETURNING id`, orgID, "i-"+slug, now, now).Scan(&initID); err != nil {
			t.Fatal(err)
		}
	}
	tg := donation.Target{OrgID: orgID}
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'active', ?, ?) RETURNING id`, initID, orgID, slug, slug, now, now).Scan(&tg.CampaignID); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Dana', 300000)
		RETURNING id`, tg.CampaignID).Scan(&tg.NeedID); err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestEffectivenessFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		earlier := f.target // created first
		other, err := (&org.Store{DB: d}).Create(ctx, f.actor.ID, org.Input{Name: "OMS Lain", Slug: "oms-lain",
			LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		otherOrg := other.ID
		foreign := addCampaign(t, d, otherOrg, "lain")
		later := addCampaign(t, d, f.target.OrgID, "baru")
		later.BankAccountID = f.target.BankAccountID
		clk := &clock{t: db.Now()}
		s := &donation.Store{DB: d, Now: clk.now}
		n := 0
		give := func(tg donation.Target, method string, amount int64, email, phone string, confirm bool) {
			t.Helper()
			n++
			in := input(amount, n)
			in.Email, in.Phone = email, phone
			tg.Method = method
			dn, _, err := s.Create(ctx, tg, in)
			if err != nil {
				t.Fatal(err)
			}
			if confirm {
				clk.t = clk.t.Add(time.Hour)
				if _, err := s.Confirm(ctx, tg.OrgID, dn.ID, f.actor); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Before: Siti and Budi gave to the earlier campaign; Rina only
		// promised there, and gave to another organisation.
		give(earlier, donation.MethodTransfer, 50_000, "SITI@example.org", "", true)
		give(earlier, donation.MethodTransfer, 50_000, "", "0812-3456-7890", true)
		give(earlier, donation.MethodTransfer, 50_000, "rina@example.org", "", false)
		give(foreign, donation.MethodQRIS, 50_000, "rina@example.org", "", true)
		// This campaign (target Rp300.000).
		give(later, donation.MethodTransfer, 100_000, "siti@example.org", "", true)
		give(later, donation.MethodQRIS, 60_000, "siti@example.org", "", true)
		give(later, donation.MethodQRIS, 40_000, "", "081234567890", true)
		give(later, donation.MethodTransfer, 70_000, "rina@example.org", "", true)
		give(later, donation.MethodTransfer, 80_000, "", "", true) // no contact: not recognisable
		reached := clk.t
		give(later, donation.MethodQRIS, 90_000, "lagi@example.org", "", true)
		give(later, donation.MethodTransfer, 90_000, "tunggu@example.org", "", false)
		var gw int64
		if err := d.QueryRow(ctx, `INSERT INTO donations (campaign_id, org_id, method, base_amount, amount, status,
			form_token, created_at, expires_at, confirmed_at) VALUES (?, ?, 'gateway', 25000, 25000, 'confirmed',
			'token-gateway-0000000001', ?, ?, ?) RETURNING id`, later.CampaignID, later.OrgID, clk.t, clk.t, clk.t.Add(time.Hour)).Scan(&gw); err != nil {
			t.Fatal(err)
		}

		methods, err := donation.ByMethod(ctx, d, later.CampaignID)
		if err != nil {
			t.Fatal(err)
		}
		codes := sumCodes(t, d, later.CampaignID)
		if got, want := fmt.Sprint(methods), fmt.Sprintf("[{transfer 3 %d} {qris 3 190000} {gateway 1 25000}]", 250_000+codes); got != want {
			t.Errorf("by method = %s", got)
		}
		r, err := donation.RepeatDonors(ctx, d, later.CampaignID)
		if err != nil {
			t.Fatal(err)
		}
		if r != (donation.Repeat{Known: 4, Returning: 2, Multiple: 1}) {
			t.Errorf("repeat = %+v, want 4 known (siti, budi, rina, lagi), 2 returning (siti, budi), 1 multiple (siti)", r)
		}
		if r, _ := donation.RepeatDonors(ctx, d, earlier.CampaignID); r != (donation.Repeat{Known: 2}) {
			t.Errorf("earlier campaign repeat = %+v", r)
		}

		at, err := donation.ReachedAt(ctx, d, later.CampaignID, 300_000)
		if err != nil || at == nil || !at.Equal(reached) {
			t.Errorf("reached at %v (%v), want %v", at, err, reached)
		}
		if at, err := donation.ReachedAt(ctx, d, later.CampaignID, 10_000_000); at != nil || err != nil {
			t.Errorf("unreached target: %v, %v", at, err)
		}
		if at, err := donation.ReachedAt(ctx, d, later.CampaignID, 0); at != nil || err != nil {
			t.Errorf("no target: %v, %v", at, err)
		}

		totals, err := donation.OrgCampaignTotals(ctx, d, later.OrgID)
		if err != nil {
			t.Fatal(err)
		}
		if got := totals[later.CampaignID]; got != (donation.CampaignTotal{Confirmed: 465_000 + codes, Donors: 6}) {
			t.Errorf("later totals = %+v", got)
		}
		if got := totals[earlier.CampaignID]; got != (donation.CampaignTotal{Confirmed: 100_000 + sumCodes(t, d, earlier.CampaignID), Donors: 2}) {
			t.Errorf("earlier totals = %+v", got)
		}
		if _, ok := totals[foreign.CampaignID]; ok {
			t.Error("another organisation's campaign counted")
		}
	})
}

// sumCodes is the unique codes added to a campaign's confirmed transfers.
func sumCodes(t *testing.T, d *db.DB, campaignID int64) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(context.Background(), `SELECT COALESCE(SUM(unique_code), 0) FROM donations
		WHERE campaign_id = ? AND status = 'confirmed'`, campaignID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
