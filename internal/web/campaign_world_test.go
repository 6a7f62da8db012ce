package web_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
)

// campaignBase is taman-baca's campaign management.
const campaignBase = "/organisasi/taman-baca/galang-daya"

// campaignWriters may create and change campaigns.
var campaignWriters = map[string]bool{"editor": true, "admin": true, "owner": true, "platform": true}

// campaignInsiders see drafts, the list and the figures.
var campaignInsiders = map[string]bool{"viewer": true, "treasurer": true, "editor": true, "admin": true, "owner": true,
	"platform": true}

// campaignWorld is an orgWorld whose organisation has a published
// initiative serving Kota Bandung, a draft one, and a campaign store.
type campaignWorld struct {
	*orgWorld
	store       *campaign.Store
	initiative  *initiative.Initiative
	draftInitID int64
}

func newCampaignWorld(t *testing.T) *campaignWorld {
	t.Helper()
	ctx := context.Background()
	w := &campaignWorld{orgWorld: newOrgWorld(t)}
	w.store = &campaign.Store{DB: w.d}
	var cycleID int64
	if err := w.d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 4, '2025.1', 'open', ?) RETURNING id`, w.org.ID, db.Now()).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	inits := &initiative.Store{DB: w.d}
	actor := initiative.Actor{ID: w.users["owner"].ID, Name: "Pemilik"}
	for _, name := range []string{"Pojok Baca Warga", "Draf Inisiatif"} {
		i, err := inits.Create(ctx, actor, w.org.ID, cycleID, initiative.Input{Name: name, Tagline: "Baca bersama",
			Category: "pendidikan", Text: map[string]string{"problem": "Anak jarang membaca."}, Regions: []string{"32.73"}})
		if err != nil {
			t.Fatal(err)
		}
		if name == "Draf Inisiatif" {
			w.draftInitID = i.ID
			continue
		}
		if err := inits.Publish(ctx, actor, i.ID); err != nil {
			t.Fatal(err)
		}
		w.initiative = i
	}
	return w
}

// campaignForm is a valid campaign form running from yesterday for a month.
func campaignForm(title string) url.Values {
	now := time.Now().In(i18n.WIB)
	return url.Values{"title": {title}, "scheme": {"redistribusi_biaya"}, "story": {"Baris pertama\nBaris kedua"},
		"starts_at": {now.AddDate(0, 0, -1).Format("2006-01-02")}, "ends_at": {now.AddDate(0, 0, 30).Format("2006-01-02")}}
}

// add makes a campaign with a dana need, published when active is true.
func (w *campaignWorld) add(t *testing.T, title string, active bool) *campaign.Campaign {
	t.Helper()
	ctx := context.Background()
	in, errs := campaign.Parse(campaignForm(title), i18n.WIB)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c, err := w.store.Create(ctx, campaign.Actor{ID: w.users["owner"].ID}, w.org.ID, w.initiative.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	need, _ := campaign.ParseNeed(url.Values{"kind": {"dana"}, "title": {"Rak buku"}, "target": {"5.000.000"}})
	if _, err := w.store.AddNeed(ctx, c.ID, need); err != nil {
		t.Fatal(err)
	}
	if active {
		if err := w.store.Publish(ctx, campaign.Actor{}, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	c, err = w.store.ByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
