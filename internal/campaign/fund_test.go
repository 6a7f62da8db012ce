package campaign_test

import (
	"context"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
)

func TestParseFund(t *testing.T) {
	for _, tc := range []struct {
		fund, want string
		ok         bool
	}{
		{"", "", true}, {"umum", "umum", true}, {"zakat_infak", "zakat_infak", true}, {"zakat", "", false},
	} {
		in, errs := campaign.Parse(form("title", "Zakat fitrah", "fund", tc.fund), i18n.WIB)
		if (errs["fund"] == "") != tc.ok || (tc.ok && in.Fund != tc.want) {
			t.Errorf("fund %q: %q, %v", tc.fund, in.Fund, errs)
		}
	}
}

// A campaign's fund is chosen with it and may change only while nothing of
// the campaign is booked.
func TestFundLockedOnceBooked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		in := f.validInput(t, "Zakat fitrah")
		c, err := f.store.Create(ctx, f.actor, f.orgID, f.published, in)
		if err != nil {
			t.Fatal(err)
		}
		if c.Fund != ledger.FundUmum || c.ZakatInfak() {
			t.Errorf("default fund %q", c.Fund)
		}
		in.Fund = ledger.FundZakatInfak
		if c, err = f.store.Update(ctx, f.actor, c.ID, in); err != nil || !c.ZakatInfak() {
			t.Fatalf("update: %+v, %v", c, err)
		}
		if got := c.Form(i18n.WIB).Get("fund"); got != ledger.FundZakatInfak {
			t.Errorf("form fund %q", got)
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: f.orgID, Kind: ledger.KindDonation, Amount: 10_000,
				Category: ledger.CatZakatInfak, CampaignID: c.ID, SourceType: "donation", SourceID: 1})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		in.Fund = ledger.FundUmum
		_, err = f.store.Update(ctx, f.actor, c.ID, in)
		wantField(t, err, "fund")
		// Other changes still save.
		in.Fund, in.Title = ledger.FundZakatInfak, "Zakat fitrah 1447 H"
		if c, err = f.store.Update(ctx, f.actor, c.ID, in); err != nil || c.Title != in.Title || !c.ZakatInfak() {
			t.Errorf("update: %+v, %v", c, err)
		}
	})
}
