package demo

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/charter"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/service"
)

// TestSignCharters: every service point gets a signed charter the public
// sees; the showcase's first point has a signed history and a newer draft.
func TestSignCharters(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var points []*service.Point
		for _, slug := range []string{showcaseSlug, "lain"} {
			u, err := (&account.Store{DB: d}).Create(ctx, slug+"@example.org", "Pemilik "+slug, "", "kata-sandi-panjang")
			if err != nil {
				t.Fatal(err)
			}
			o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Organisasi " + slug, Slug: slug,
				LegalForm: "komunitas", RegionCode: "32.73.01.1001", Phone: "0812-0000-0000"})
			if err != nil {
				t.Fatal(err)
			}
			var cycleID int64
			if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
				VALUES (?, 1, 3, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cycleID); err != nil {
				t.Fatal(err)
			}
			ini, err := (&initiative.Store{DB: d}).Create(ctx, initiative.Actor{ID: u.ID}, o.ID, cycleID, initiative.Input{Name: "Posyandu"})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"Pos RW 01", "Pos RW 02"} {
				p, err := (&service.Store{DB: d}).CreatePoint(ctx, service.Actor{ID: u.ID}, o.ID, ini.ID,
					service.PointInput{Name: name, RegionCode: "32.73.01.1001"})
				if err != nil {
					t.Fatal(err)
				}
				points = append(points, p)
			}
		}
		if err := signCharters(ctx, d); err != nil {
			t.Fatal(err)
		}
		store := &charter.Store{DB: d}
		for i, p := range points {
			cur, err := store.Current(ctx, p.ID)
			if err != nil {
				t.Fatalf("%s: %v", p.Name, err)
			}
			hist, _ := store.History(ctx, p.ID)
			if cur.SignerName == "" || cur.SignedOn >= store.Today(time.UTC).Format(charter.DateLayout) {
				t.Errorf("%s signed by %q on %s", p.Name, cur.SignerName, cur.SignedOn)
			}
			switch {
			case i == 0 && (len(hist) != 3 || hist[0].Signed() || cur.Version != 2):
				t.Errorf("showcase point: %d versions, public v%d", len(hist), cur.Version)
			case i > 0 && len(hist) != 1:
				t.Errorf("%s: %d versions", p.Name, len(hist))
			}
			if paid := !cur.Free(); paid != (i%3 == 2) {
				t.Errorf("%s paid %v", p.Name, paid)
			}
		}
	})
}

// TestDemoPointsHaveCharters: after the whole demo load, every service
// point's charter is signed, so every poster can be printed.
func TestDemoPointsHaveCharters(t *testing.T) {
	d := dbtest.Open(t)
	if _, err := Load(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var points, unsigned int
	if err := d.QueryRow(context.Background(), `SELECT COUNT(*), SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM service_charters c
		WHERE c.point_id = p.id AND c.signed_on <> '') THEN 1 ELSE 0 END) FROM service_points p`).Scan(&points, &unsigned); err != nil {
		t.Fatal(err)
	}
	if points == 0 || unsigned != 0 {
		t.Errorf("%d demo points, %d without a signed charter", points, unsigned)
	}
}
