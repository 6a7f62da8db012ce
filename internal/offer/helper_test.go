package offer_test

import (
	"context"
	"fmt"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/offer"
	"lokadaya/internal/org"
)

// fixture is an organisation with an active campaign seeking expertise
// (need) and a partnership (partner need), its editor, and another
// organisation.
type fixture struct {
	target  offer.Target
	partner int64 // the kemitraan need
	actor   offer.Actor
	otherID int64 // another organisation
}

func setup(t *testing.T, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	accounts := &account.Store{DB: d}
	u, err := accounts.Create(ctx, "editor@example.org", "Editor Taman", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	orgs := &org.Store{DB: d}
	o, err := orgs.Create(ctx, u.ID, org.Input{Name: "OMS Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := orgs.Create(ctx, u.ID, org.Input{Name: "OMS Lain", Slug: "oms-lain",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	f := fixture{actor: offer.Actor{ID: u.ID, Name: u.Name}, otherID: other.ID}
	f.target = offer.Target{OrgID: o.ID, NeedTitle: "Pustakawan", Lang: "id"}
	var initID int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&initID); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'buku', 'Buku', 'active', ?, ?) RETURNING id`, initID, o.ID, now, now).Scan(&f.target.CampaignID); err != nil {
		t.Fatal(err)
	}
	for kind, dst := range map[string]*int64{"keahlian": &f.target.NeedID, "kemitraan": &f.partner} {
		if err := d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, ?, ?, 0)
			RETURNING id`, f.target.CampaignID, kind, "Pustakawan "+kind).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// token is a distinct valid form token.
func token(i int) string { return fmt.Sprintf("offer-token-%012d", i) }

// input is a valid offer from a company.
func input(i int) offer.Input {
	return offer.Input{Kind: offer.KindBusiness, Name: "Rudi Hartono", Institution: "PT Buku Nusantara",
		Body: "Kami dapat melatih dua pustakawan.", Email: "rudi@example.org", Token: token(i)}
}

// create makes a valid offer or fails the test.
func create(t *testing.T, s *offer.Store, f fixture, in offer.Input) *offer.Offer {
	t.Helper()
	o, created, err := s.Create(context.Background(), f.target, in)
	if err != nil || !created {
		t.Fatalf("create: %v (created %v)", err, created)
	}
	return o
}
