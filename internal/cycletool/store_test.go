package cycletool_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/cycletool"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

// toolCycle makes an organisation with an open cycle 1 and returns the
// cycle's id and the owner's id.
func toolCycle(t *testing.T, d *db.DB) (int64, int64) {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca", LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 1, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&id); err != nil {
		t.Fatal(err)
	}
	c, err := cycletool.LoadCycle(ctx, d, o.ID, 1)
	if err != nil || c.ID != id || !c.Open() || c.CurrentStage != 1 {
		t.Fatalf("LoadCycle = %+v, %v", c, err)
	}
	if _, err := cycletool.LoadCycle(ctx, d, o.ID, 2); !errors.Is(err, db.ErrNotFound) {
		t.Fatalf("missing cycle: %v", err)
	}
	return id, u.ID
}

func TestFundingStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		cid, _ := toolCycle(t, d)
		s := &cycletool.Store{DB: d}
		for _, y := range []int{2024, 2023, 2024} {
			if err := s.AddYear(ctx, cid, y); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.AddYear(ctx, cid, 1800); err == nil {
			t.Fatal("year 1800 accepted")
		}
		if err := s.SaveFunding(ctx, cid, []cycletool.FundingCell{
			{Year: 2023, Source: "donor", Amount: 3_000_000, Note: "hibah"},
			{Year: 2024, Source: "donor", Amount: 1_000_000},
			{Year: 2024, Source: "pemda", Amount: 4_000_000},
		}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveFunding(ctx, cid, []cycletool.FundingCell{{Year: 2024, Source: "bank", Amount: 1}}); err == nil {
			t.Fatal("unknown source accepted")
		}
		cells, err := s.Funding(ctx, cid)
		if err != nil || len(cells) != 12 {
			t.Fatalf("Funding = %d cells, %v", len(cells), err)
		}
		g := cycletool.Grid(cells)
		if len(g.Years) != 2 || g.Years[0] != 2023 || g.Total != 8_000_000 || g.YearTotals[1] != 5_000_000 {
			t.Fatalf("grid %+v", g)
		}
		if g.Rows[0].Source != "donor" || g.Rows[0].Total != 4_000_000 || g.Rows[0].Share != 50 || g.Rows[0].Cells[0].Note != "hibah" {
			t.Fatalf("donor row %+v", g.Rows[0])
		}
		if err := s.RemoveYear(ctx, cid, 2023); err != nil {
			t.Fatal(err)
		}
		if cells, _ := s.Funding(ctx, cid); len(cells) != 6 {
			t.Fatalf("after remove: %d cells", len(cells))
		}
	})
}

func TestAssetStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		cid, _ := toolCycle(t, d)
		s := &cycletool.Store{DB: d}
		forms := []url.Values{
			{"name": {"Relawan pengajar"}, "level": {"organisasi"}, "status": {"melekat"}, "tangible": {"0"}},
			{"name": {"Balai desa"}, "level": {"sistem_lokal"}, "holder": {"pemda"}, "status": {"potensial"}, "tangible": {"1"}, "estimated_value": {"Rp250.000.000"}},
			{"name": {"Dana desa"}, "level": {"sistem_lokal"}, "holder": {"pemda"}, "status": {"terabaikan"}, "financial": {"1"}, "estimated_value": {"50.000.000"}},
		}
		var ids []int64
		for _, f := range forms {
			a, errs := cycletool.AssetFromForm(f)
			if len(errs) > 0 {
				t.Fatalf("%v: %v", f, errs)
			}
			id, err := s.AddAsset(ctx, cid, a)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		a, err := s.Asset(ctx, cid, ids[1])
		if err != nil || a.Holder != "pemda" || !a.Tangible || a.EstimatedValue == nil || *a.EstimatedValue != 250_000_000 {
			t.Fatalf("Asset = %+v, %v", a, err)
		}
		a.Status = "melekat"
		a.EstimatedValue = nil
		if err := s.UpdateAsset(ctx, cid, *a); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateAsset(ctx, cid+1, *a); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("update in another cycle: %v", err)
		}
		list, err := s.Assets(ctx, cid)
		if err != nil || len(list) != 3 {
			t.Fatalf("Assets = %d, %v", len(list), err)
		}
		m := cycletool.AssetMatrix(list)
		if m.Total.Count != 3 || m.Total.ByStatus[0] != 2 || m.Total.Value != 50_000_000 || m.Levels[1].Count != 2 ||
			m.Levels[1].Financial != 1 || m.Total.Tangible != 1 || len(m.Holders) != 1 || m.Holders[0].Count != 2 {
			t.Fatalf("matrix %+v", m)
		}
		if err := s.DeleteAsset(ctx, cid, ids[0]); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteAsset(ctx, cid, ids[0]); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("second delete: %v", err)
		}
		if _, err := s.Asset(ctx, cid, ids[0]); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("deleted asset: %v", err)
		}
	})
}

func TestReviewStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		cid, uid := toolCycle(t, d)
		s := &cycletool.Store{DB: d}
		r, errs := cycletool.ReviewFromForm(6, url.Values{"summary": {"Surplus Rp5 juta"}, "allocation": {"replikasi", "cadangan"},
			"note_replikasi": {"desa tetangga"}})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if _, err := s.AddReview(ctx, cid, uid, r); err != nil {
			t.Fatal(err)
		}
		r.Summary = "Versi kedua"
		if _, err := s.AddReview(ctx, cid, 0, r); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddReview(ctx, cid, uid, cycletool.Review{Stage: 3}); err == nil {
			t.Fatal("stage 3 review accepted")
		}
		list, err := s.Reviews(ctx, cid, 6)
		if err != nil || len(list) != 2 || list[0].Summary != "Versi kedua" || list[1].Author != "Pemilik" {
			t.Fatalf("Reviews = %+v, %v", list, err)
		}
		if list[1].Decision != "replikasi,cadangan" || !list[1].Details.Has("cadangan") || list[1].Details.Note("replikasi") != "desa tetangga" {
			t.Fatalf("details %+v", list[1])
		}
		if _, err := d.Exec(ctx, `DELETE FROM users WHERE id = ?`, uid); err != nil {
			t.Fatal(err)
		}
		if list, err := s.Reviews(ctx, cid, 6); err != nil || list[1].AuthorID != nil {
			t.Fatalf("after account deletion: %+v, %v", list, err)
		}
	})
}

func TestReviewFromForm(t *testing.T) {
	tests := []struct {
		stage int
		form  url.Values
		bad   []string
	}{
		{4, url.Values{"summary": {"ok"}, "scheme": {"resiprokal"}, "decision": {"modifikasi"}}, nil},
		{4, url.Values{"summary": {""}, "scheme": {"x"}, "decision": {"kembali_ke_skema"}}, []string{"summary", "scheme", "decision"}},
		{5, url.Values{"summary": {"ok"}, "decision": {"kembali_ke_inisiatif"}}, nil},
		{5, url.Values{"summary": {"ok"}, "decision": {"modifikasi"}}, []string{"decision"}},
		{6, url.Values{"summary": {"ok"}}, []string{"allocation"}},
		{7, url.Values{"summary": {"ok"}, "lessons": {"satu\n\n dua \n"}}, nil},
		{3, url.Values{"summary": {"ok"}}, []string{"stage"}},
	}
	for _, tt := range tests {
		r, errs := cycletool.ReviewFromForm(tt.stage, tt.form)
		if len(errs) != len(tt.bad) {
			t.Errorf("stage %d %v: errors %v, want %v", tt.stage, tt.form, errs, tt.bad)
		}
		for _, f := range tt.bad {
			if _, ok := errs[f]; !ok {
				t.Errorf("stage %d: no error on %s", tt.stage, f)
			}
		}
		if tt.stage == 7 && len(errs) == 0 && (len(r.Details.Lessons) != 2 || r.Details.Lessons[1] != "dua") {
			t.Errorf("lessons %q", r.Details.Lessons)
		}
	}
}

func FuzzAssetFromForm(f *testing.F) {
	f.Add("Balai", "sistem_lokal", "pemda", "melekat", "Rp1.000")
	f.Add("", "x", "", "", "-1")
	f.Fuzz(func(t *testing.T, name, level, holder, status, value string) {
		a, errs := cycletool.AssetFromForm(url.Values{"name": {name}, "level": {level}, "holder": {holder},
			"status": {status}, "estimated_value": {value}})
		if len(errs) == 0 && (a.Name == "" || (a.Level == "sistem_lokal" && a.Holder == "") ||
			(a.EstimatedValue != nil && *a.EstimatedValue < 0)) {
			t.Fatalf("accepted invalid asset %+v", a)
		}
	})
}

func FuzzReviewFromForm(f *testing.F) {
	f.Add(6, "ringkas", "replikasi", "catatan", "a\nb")
	f.Fuzz(func(t *testing.T, stage int, summary, choice, note, lessons string) {
		r, errs := cycletool.ReviewFromForm(stage, url.Values{"summary": {summary}, "decision": {choice},
			"scheme": {choice}, "allocation": {choice}, "note_" + choice: {note}, "lessons": {lessons}})
		if len(errs) == 0 && (stage < 4 || stage > 7 || r.Summary == "") {
			t.Fatalf("accepted %+v", r)
		}
	})
}
