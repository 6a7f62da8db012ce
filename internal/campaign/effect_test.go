package campaign_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
)

func TestEffectAndSchemeComparison(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		mk := func(title, scheme, target string, publish bool) *campaign.Campaign {
			t.Helper()
			in := f.validInput(t, title)
			in.Scheme = scheme
			c, err := f.store.Create(ctx, f.actor, f.orgID, f.published, in)
			if err != nil {
				t.Fatal(err)
			}
			f.need(t, c, "kind", "dana", "title", "Dana", "target", target)
			if publish {
				if err := f.store.Publish(ctx, f.actor, c.ID); err != nil {
					t.Fatal(err)
				}
			}
			c, err = f.store.ByID(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		full := mk("Penuh", "resiprokal", "1.000.000", true)
		part := mk("Separuh", "resiprokal", "1.000.000", true)
		quiet := mk("Sepi", "transaksional", "500.000", true)
		mk("Draf", "transaksional", "500.000", false)

		clk := f.clock
		gifts := &donation.Store{DB: d, Now: func() time.Time { return clk }}
		n := 0
		give := func(c *campaign.Campaign, amount int64, email string, after time.Duration) {
			t.Helper()
			n++
			tg := donation.Target{CampaignID: c.ID, OrgID: c.OrgID, NeedID: c.Needs[0].ID, Method: donation.MethodQRIS}
			dn, _, err := gifts.Create(ctx, tg, donation.Input{Amount: amount, AmountRaw: "x", Name: "Donatur", Email: email,
				Token: "token-efektivitas-" + strconv.Itoa(n)})
			if err != nil {
				t.Fatal(err)
			}
			clk = f.clock.Add(after)
			if _, err := gifts.Confirm(ctx, c.OrgID, dn.ID, donation.Actor{ID: f.actor.ID}); err != nil {
				t.Fatal(err)
			}
		}
		give(full, 400_000, "a@example.org", time.Hour)
		give(full, 600_000, "b@example.org", 48*time.Hour) // reaches the target two days after today
		give(part, 250_000, "a@example.org", 49*time.Hour)
		visits := &campaign.VisitCounter{Store: f.store}
		for range 10 {
			for _, c := range []*campaign.Campaign{full, part} {
				visits.Add(c.ID, nil)
			}
		}
		if err := visits.Flush(ctx); err != nil {
			t.Fatal(err)
		}

		e, err := f.store.Effect(ctx, full, i18n.WIB)
		if err != nil {
			t.Fatal(err)
		}
		// The campaign started yesterday (WIB): three days to the target.
		if e.DaysToTarget != 3 || e.ReachedAt == nil || e.Share() != 100 || e.Supporters != 2 || e.Visits != 10 ||
			e.Conversion().Tenths() != 200 {
			t.Errorf("full: %+v share %d conversion %v", e, e.Share(), e.Conversion())
		}
		if e.Methods[1].Method != donation.MethodQRIS || e.Methods[1].Count != 2 || e.Methods[1].Amount != 1_000_000 {
			t.Errorf("methods %+v", e.Methods)
		}
		e, err = f.store.Effect(ctx, part, i18n.WIB)
		if err != nil {
			t.Fatal(err)
		}
		if e.DaysToTarget != -1 || e.ReachedAt != nil || e.Share() != 25 || e.Repeat.Returning != 1 {
			t.Errorf("part: %+v share %d", e, e.Share())
		}
		e, err = f.store.Effect(ctx, quiet, i18n.WIB)
		if err != nil {
			t.Fatal(err)
		}
		if e.Conversion().Known() || e.Share() != 0 || e.Supporters != 0 {
			t.Errorf("quiet: %+v", e)
		}

		cmp, err := f.store.CompareSchemes(ctx, f.orgID)
		if err != nil {
			t.Fatal(err)
		}
		if len(cmp) != len(campaign.Schemes()) {
			t.Fatalf("%d schemes", len(cmp))
		}
		by := map[string]campaign.SchemeEffect{}
		for _, s := range cmp {
			by[s.Scheme] = s
		}
		r := by["resiprokal"]
		if r.Campaigns != 2 || r.Supporters != 3 || r.Confirmed != 1_250_000 || r.Target != 2_000_000 || r.Visits != 20 ||
			r.Share() != 62 || r.Conversion().Tenths() != 150 {
			t.Errorf("resiprokal %+v share %d conversion %v", r, r.Share(), r.Conversion())
		}
		tr := by["transaksional"]
		if tr.Campaigns != 1 || tr.Target != 500_000 || tr.Share() != 0 || tr.Conversion().Known() {
			t.Errorf("transaksional %+v (the draft must not count)", tr)
		}
		if l := by["lainnya"]; l.Campaigns != 0 || l.Share() != -1 {
			t.Errorf("lainnya %+v", l)
		}
	})
}

func TestRate(t *testing.T) {
	for _, tc := range []struct {
		r      campaign.Rate
		known  bool
		tenths int64
	}{
		{campaign.Rate{Part: 1, Whole: 3}, true, 333},
		{campaign.Rate{Part: 2, Whole: 3}, true, 667},
		{campaign.Rate{Part: 5, Whole: 5}, true, 1000},
		{campaign.Rate{Part: 22, Whole: 5}, false, 0}, // more supporters than visits: no 440 %
		{campaign.Rate{Part: 3, Whole: 0}, false, 0},
	} {
		if tc.r.Known() != tc.known || tc.r.Tenths() != tc.tenths {
			t.Errorf("%+v: known %v tenths %d", tc.r, tc.r.Known(), tc.r.Tenths())
		}
	}
}
