package cycletool_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestCarryOver checks that a new cycle's funding table and inventory
// start from the last cycle's, marked as carried, that carrying twice adds
// nothing, and that the carried rows live independently of the old ones.
func TestCarryOver(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		from, _ := toolCycle(t, d)
		s := &cycletool.Store{DB: d}
		if err := s.SaveFunding(ctx, from, []cycletool.FundingCell{
			{Year: 2024, Source: "donor", Amount: 3_000_000, Note: "hibah"},
			{Year: 2025, Source: "komunitas", Amount: 750_000},
		}); err != nil {
			t.Fatal(err)
		}
		value := int64(50_000_000)
		old := []cycletool.Asset{
			{Name: "Relawan pustaka", Level: "organisasi", Status: "melekat"},
			{Name: "Dana desa", Level: "sistem_lokal", Holder: "pemda", Status: "potensial", Tangible: true, Financial: true, EstimatedValue: &value},
		}
		var oldIDs []int64
		for _, a := range old {
			id, err := s.AddAsset(ctx, from, a)
			if err != nil {
				t.Fatal(err)
			}
			oldIDs = append(oldIDs, id)
		}
		var orgID int64
		if err := d.QueryRow(ctx, `SELECT org_id FROM cycles WHERE id = ?`, from).Scan(&orgID); err != nil {
			t.Fatal(err)
		}
		var to int64
		if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
			VALUES (?, 2, 1, '2025.1', 'open', ?) RETURNING id`, orgID, db.Now()).Scan(&to); err != nil {
			t.Fatal(err)
		}
		for range 2 { // carrying again adds nothing
			if err := d.InTx(ctx, func(tx *db.Tx) error { return cycletool.CarryOver(ctx, tx, from, to, 1) }); err != nil {
				t.Fatal(err)
			}
		}

		cells, err := s.Funding(ctx, to)
		if err != nil {
			t.Fatal(err)
		}
		was, _ := s.Funding(ctx, from)
		if len(cells) != len(was) || len(cells) != 2 {
			t.Fatalf("%d cells carried, want %d", len(cells), len(was))
		}
		for i, c := range cells {
			w := was[i]
			if c.Year != w.Year || c.Source != w.Source || c.Amount != w.Amount || c.Note != w.Note || c.CarriedFrom != 1 || w.CarriedFrom != 0 {
				t.Errorf("cell %d = %+v, was %+v", i, c, w)
			}
		}
		if g := cycletool.Grid(cells); g.CarriedFrom != 1 || g.Total != 3_750_000 {
			t.Errorf("grid carried from %d, total %d", g.CarriedFrom, g.Total)
		}

		got, err := s.Assets(ctx, to)
		if err != nil || len(got) != len(old) {
			t.Fatalf("%d assets carried, %v", len(got), err)
		}
		for _, a := range got {
			if a.CarriedFrom != 1 || a.CycleID != to {
				t.Errorf("asset %+v not marked as carried from cycle 1", a)
			}
			if a.Name == "Dana desa" && (a.EstimatedValue == nil || *a.EstimatedValue != value || a.Holder != "pemda" || !a.Financial || !a.Tangible) {
				t.Errorf("Dana desa carried as %+v", a)
			}
			for _, id := range oldIDs {
				if a.ID == id {
					t.Errorf("asset %d shared between cycles", id)
				}
			}
		}

		// Edit and delete the carried rows: the old cycle keeps its own.
		edited := got[0]
		edited.Name = "Relawan pustaka dan pendongeng"
		if err := s.UpdateAsset(ctx, to, edited); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteAsset(ctx, to, got[1].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateAsset(ctx, from, edited); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("a carried asset edited through the old cycle: %v", err)
		}
		if err := s.SaveFunding(ctx, to, []cycletool.FundingCell{{Year: 2024, Source: "donor", Amount: 1}}); err != nil {
			t.Fatal(err)
		}
		kept, _ := s.Assets(ctx, from)
		if len(kept) != 2 || kept[0].Name != "Relawan pustaka" || kept[1].Name != "Dana desa" {
			t.Errorf("old inventory changed: %+v", kept)
		}
		if g := cycletool.Grid(mustFunding(t, s, from)); g.Total != 3_750_000 {
			t.Errorf("old funding total %d", g.Total)
		}
		now, _ := s.Assets(ctx, to)
		if len(now) != 1 || now[0].Name != edited.Name || now[0].CarriedFrom != 1 {
			t.Errorf("new inventory %+v", now)
		}

		// The old cycle's rows may go; the carried ones stay.
		if err := s.DeleteAsset(ctx, from, oldIDs[0]); err != nil {
			t.Fatal(err)
		}
		if now, _ := s.Assets(ctx, to); len(now) != 1 {
			t.Errorf("deleting the old asset removed the carried one")
		}
	})
}

func mustFunding(t *testing.T, s *cycletool.Store, cycleID int64) []cycletool.FundingCell {
	t.Helper()
	cells, err := s.Funding(context.Background(), cycleID)
	if err != nil {
		t.Fatal(err)
	}
	return cells
}
