package hub_test

import (
	"context"
	"slices"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

// The platform admin sees every organisation waiting for a decision, and
// which of them no hub covers.
func TestAwaitingReview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		newOrg(t, d, "riau-ubah", "14.71.01.1002", org.StatusNeedsChanges)
		newOrg(t, d, "riau-ok", "14.71.01.1002", org.StatusVerified)
		newOrg(t, d, "kalbar", "61.71.01.1002", org.StatusPending)
		got, err := f.store.AwaitingReview(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		covered := map[string]bool{}
		var order []string
		for _, a := range got {
			covered[a.Org.Slug] = a.Covered
			order = append(order, a.Org.Slug)
		}
		want := map[string]bool{"riau-satu": true, "riau-dua": true, "riau-ubah": true, "jakarta": false, "kalbar": false}
		if len(covered) != len(want) {
			t.Errorf("awaiting = %v, want %v", covered, want)
		}
		for slug, c := range want {
			if got, ok := covered[slug]; !ok || got != c {
				t.Errorf("%s covered = %v (listed %v), want %v", slug, got, ok, c)
			}
		}
		// By region code: Riau (14) before Jakarta (31) before Kalimantan Barat (61).
		if i, j := slices.Index(order, "riau-dua"), slices.Index(order, "jakarta"); i > j {
			t.Errorf("order = %v", order)
		}
		if limited, err := f.store.AwaitingReview(ctx, 2); err != nil || len(limited) != 2 {
			t.Errorf("limited = %d, %v", len(limited), err)
		}
	})
}

func TestProvinceCoverage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		provinces, err := f.store.ProvinceCoverage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(provinces) != 38 {
			t.Errorf("%d provinces, want 38", len(provinces))
		}
		byCode := map[string]int{}
		for i, p := range provinces {
			byCode[p.Code] = i
		}
		riau, ntt, jkt := provinces[byCode["14"]], provinces[byCode["53"]], provinces[byCode["31"]]
		if riau.Name != "Riau" || !slices.Equal(riau.Hubs, []string{"Simpul Riau"}) || riau.Partly != nil || riau.Uncovered() {
			t.Errorf("Riau = %+v", riau)
		}
		if ntt.Hubs != nil || !slices.Equal(ntt.Partly, []string{"Simpul NTT"}) || ntt.Uncovered() {
			t.Errorf("NTT = %+v", ntt)
		}
		if !jkt.Uncovered() {
			t.Errorf("Jakarta = %+v, want uncovered", jkt)
		}
		uncovered := 0
		for _, p := range provinces {
			if p.Uncovered() {
				uncovered++
			}
		}
		if uncovered != 36 {
			t.Errorf("%d uncovered provinces, want 36", uncovered)
		}
	})
}
