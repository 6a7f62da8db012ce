package campaign_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestSubscribers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		c, err := f.store.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Kabar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range []struct{ email, name, lang string }{
			{"Sari@Example.org ", "Sari", "id"},
			{"sari@example.org", "Sari lagi", "id"}, // the same person again: one row
			{"tom@example.org", "Tom", "en"},
			{"", "Tanpa e-mail", "id"}, // nothing to send to
		} {
			if err := campaign.Subscribe(ctx, d, c.ID, e.email, e.name, e.lang); err != nil {
				t.Fatal(err)
			}
		}
		subs, err := campaign.Subscribers(ctx, d, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(subs) != 2 || subs[0].Email != "sari@example.org" || subs[1].Lang != "en" {
			t.Fatalf("subscribers = %+v", subs)
		}
		id, err := campaign.Unsubscribe(ctx, d, subs[0].Token)
		if err != nil || id != c.ID {
			t.Fatalf("unsubscribe = %d, %v", id, err)
		}
		if _, err := campaign.Unsubscribe(ctx, d, subs[0].Token); err != nil {
			t.Fatalf("second unsubscribe: %v", err)
		}
		if _, err := campaign.Unsubscribe(ctx, d, "no-such-token"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("unknown token: %v", err)
		}
		if subs, _ = campaign.Subscribers(ctx, d, c.ID); len(subs) != 1 {
			t.Fatalf("after unsubscribe: %+v", subs)
		}
		// Supporting again turns the news back on.
		if err := campaign.Subscribe(ctx, d, c.ID, "sari@example.org", "Sari", "id"); err != nil {
			t.Fatal(err)
		}
		if subs, _ = campaign.Subscribers(ctx, d, c.ID); len(subs) != 2 {
			t.Fatalf("after subscribing again: %+v", subs)
		}
	})
}
