package campaign_test

import (
	"context"
	"fmt"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestCards checks every card's progress against the per-need figures the
// campaign page uses, for a page of campaigns with needs of every kind.
func TestCards(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := f.store
		var donated int
		give := func(c *campaign.Campaign, need int64, amount int64, status string) {
			donated++
			if _, err := d.Exec(ctx, `INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, status,
				form_token, created_at, expires_at) VALUES (?, ?, ?, 'qris', ?, ?, ?, ?, ?, ?)`, c.ID, need, c.OrgID, amount, amount,
				status, fmt.Sprint("tok-", donated), db.Now(), db.Now()); err != nil {
				t.Fatal(err)
			}
		}
		sign := func(c *campaign.Campaign, need int64, status string) {
			donated++
			if _, err := d.Exec(ctx, `INSERT INTO volunteer_signups (campaign_id, need_id, org_id, name, email, status, form_token,
				created_at) VALUES (?, ?, ?, 'Relawan', ?, ?, ?, ?)`, c.ID, need, c.OrgID, fmt.Sprint("r", donated, "@example.org"),
				status, fmt.Sprint("tok-", donated), db.Now()); err != nil {
				t.Fatal(err)
			}
		}
		var list []*campaign.Campaign
		for i := range 3 {
			c, err := s.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, fmt.Sprint("Kampanye ", i)))
			if err != nil {
				t.Fatal(err)
			}
			dana := f.need(t, c, "kind", "dana", "title", "Biaya", "target", "1.000.000")
			dana2 := f.need(t, c, "kind", "dana", "title", "Biaya lain", "target", "500.000")
			relawan := f.need(t, c, "kind", "relawan", "title", "Pendongeng", "target", "4", "schedule", "Sabtu")
			if i == 1 {
				f.need(t, c, "kind", "keahlian", "title", "Desain")
			}
			if err := s.Publish(ctx, f.actor, c.ID); err != nil {
				t.Fatal(err)
			}
			give(c, dana, int64(100_000*(i+1)), "confirmed")
			give(c, dana2, 50_000, "confirmed")
			give(c, dana, 999_000, "pending")
			for j := range i + 1 {
				sign(c, relawan, map[bool]string{true: "accepted", false: "pending"}[j < i])
			}
			list = append(list, c)
		}
		cards, next, err := s.CardList(ctx, campaign.ListOptions{PublicOnly: true, Limit: 10})
		if err != nil || next != 0 || len(cards) != 3 {
			t.Fatalf("cards %d next %d %v", len(cards), next, err)
		}
		for _, k := range cards {
			if k.OrgSlug != "taman-baca" || k.OrgName != "OMS taman-baca" || k.OrgVerified || k.InitiativeName != "Pojok Baca" {
				t.Errorf("card %d names %+v", k.ID, k)
			}
			if k.DaysLeft() < 29 || k.DaysLeft() > 30 {
				t.Errorf("card %d days left %d", k.ID, k.DaysLeft())
			}
			// Recompute from the figures the campaign page shows.
			want := map[string][2]int64{}
			for _, n := range k.Needs {
				done, err := s.Fulfilled(ctx, &n)
				if err != nil {
					t.Fatal(err)
				}
				w := want[n.Kind]
				w[0] += done
				if n.Countable() {
					w[1] += n.Target
				}
				want[n.Kind] = w
			}
			money, err := s.MoneyProgress(ctx, k.Campaign)
			if err != nil {
				t.Fatal(err)
			}
			if len(k.Progress) != len(want) {
				t.Errorf("card %d progress %+v, want kinds %v", k.ID, k.Progress, want)
			}
			for _, p := range k.Progress {
				w := want[p.Kind]
				if p.Kind == campaign.KindDana && (p.Done != money.Confirmed || p.Target != money.Target) {
					t.Errorf("card %d money %+v, want %+v", k.ID, p, money)
				}
				if p.Done != w[0] || p.Target != w[1] {
					t.Errorf("card %d %s: %d of %d, want %d of %d", k.ID, p.Kind, p.Done, p.Target, w[0], w[1])
				}
			}
		}
		if p := cards[0].Progress[0]; p.Kind != "dana" || p.Done != 350_000 || p.Target != 1_500_000 || p.Percent() != 23 {
			t.Errorf("newest card money %+v (%d%%)", p, p.Percent())
		}
		if len(cards[1].Progress) != 3 || cards[1].Progress[2].Kind != "keahlian" || cards[1].Progress[2].Target != 0 {
			t.Errorf("second card progress %+v", cards[1].Progress)
		}
		if empty, err := s.Cards(ctx, nil); err != nil || empty != nil {
			t.Errorf("no campaigns: %v %v", empty, err)
		}
	})
}
