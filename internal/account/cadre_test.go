package account_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/cadre"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestAccountCadreRecords: a verified account's export holds the cadre
// records kept under its e-mail, and deleting the account erases them.
func TestAccountCadreRecords(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		u, err := s.Create(ctx, "kader@example.org", "Kader", "", "rahasia-panjang-1")
		if err != nil {
			t.Fatal(err)
		}
		org := addOrg(t, d, "kaderisasi", nil)
		cs := &cadre.Store{DB: d}
		c, err := cs.Create(ctx, cadre.Actor{}, org, cadre.Input{Name: "Kader", Role: "fasilitator", RegionCode: "32.73.01.1001",
			Level: "desa", Email: "Kader@Example.org", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		other, err := cs.Create(ctx, cadre.Actor{}, org, cadre.Input{Name: "Lain", Role: "fasilitator", RegionCode: "32.73.01.1001",
			Level: "desa", Email: "lain@example.org", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := cs.AddTraining(ctx, cadre.Actor{}, c, "32.73", cadre.TrainingInput{Name: "Paralegal", TakenOn: "2024-01-01"}); err != nil {
			t.Fatal(err)
		}
		e, err := s.Export(ctx, u.ID)
		if err != nil || len(e.Cadres) != 0 {
			t.Fatalf("unverified export: %+v %v", e.Cadres, err)
		}
		if err := s.MarkVerified(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if e, err = s.Export(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if len(e.Cadres) != 1 || e.Cadres[0].Organization != "kaderisasi" || len(e.Cadres[0].Trainings) != 1 {
			t.Fatalf("export %+v", e.Cadres)
		}
		if _, err := s.Delete(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := cs.Get(ctx, org, c.ID); err == nil {
			t.Fatal("the account's cadre record survived its deletion")
		}
		if _, err := cs.Get(ctx, org, other.ID); err != nil {
			t.Fatalf("another cadre went too: %v", err)
		}
	})
}
