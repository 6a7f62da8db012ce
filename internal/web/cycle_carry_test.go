package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/cycle"
	"lokadaya/internal/cycletool"
)

// TestNextCycleCarriesInventory opens the next cycle through its page and
// checks that stages 1 and 2 of cycle 2 start from cycle 1's funding table
// and inventory, marked as carried, each asset editable and deletable
// without touching cycle 1.
func TestNextCycleCarriesInventory(t *testing.T) {
	w := newCycleWorld(t)
	ctx := context.Background()
	c := w.start(t, cycle.LastStage)
	tools := &cycletool.Store{DB: w.d}
	if err := tools.SaveFunding(ctx, c.ID, []cycletool.FundingCell{{Year: 2025, Source: "komunitas", Amount: 4_250_000, Note: "iuran RW"}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Balai warga", "Relawan pustaka"} {
		if _, err := tools.AddAsset(ctx, c.ID, cycletool.Asset{Name: name, Level: "organisasi", Status: "melekat"}); err != nil {
			t.Fatal(err)
		}
	}
	base := "/organisasi/taman-baca/siklus"
	toolCheck(t, "next cycle", w.post(t, "owner", base+"/1/siklus-berikutnya", url.Values{}), http.StatusSeeOther)
	toolCheck(t, "again", w.post(t, "owner", base+"/1/siklus-berikutnya", url.Values{}), http.StatusUnprocessableEntity)

	toolCheck(t, "funding of cycle 2", w.get(t, "viewer", base+"/2/tahap/1/pendanaan"), http.StatusOK,
		"Rp4.250.000", "iuran RW", "Tabel ini dimulai dari angka siklus 1")
	list := w.get(t, "viewer", base+"/2/tahap/2/aset")
	toolCheck(t, "inventory of cycle 2", list, http.StatusOK, "Balai warga", "Relawan pustaka", "Inventaris ini dimulai dari aset siklus 1")
	if n := strings.Count(list.body, `<span class="badge">dibawa dari siklus 1</span>`); n != 2 {
		t.Fatalf("%d assets marked as carried, want 2", n)
	}
	en := w.get(t, "viewer", base+"/2/tahap/2/aset?lang=en")
	toolCheck(t, "inventory in English", en, http.StatusOK, "carried from cycle 1")

	carried, err := tools.Assets(ctx, mustCycle(t, w, 2).ID)
	if err != nil || len(carried) != 2 {
		t.Fatalf("carried assets %d, %v", len(carried), err)
	}
	edit := fmt.Sprintf("%s/2/tahap/2/aset/%d", base, carried[0].ID)
	toolCheck(t, "edit form", w.get(t, "editor", edit+"/ubah"), http.StatusOK, carried[0].Name)
	toolCheck(t, "edit", w.post(t, "editor", edit+"/ubah", url.Values{"name": {"Balai warga dan halaman"},
		"level": {"organisasi"}, "status": {"potensial"}}), http.StatusSeeOther)
	toolCheck(t, "delete", w.post(t, "editor", fmt.Sprintf("%s/2/tahap/2/aset/%d/hapus", base, carried[1].ID), nil), http.StatusSeeOther)
	after := w.get(t, "viewer", base+"/2/tahap/2/aset")
	toolCheck(t, "after edit", after, http.StatusOK, "Balai warga dan halaman")
	if strings.Contains(after.body, "Relawan pustaka") {
		t.Fatal("deleted carried asset still listed")
	}
	old := w.get(t, "viewer", base+"/1/tahap/2/aset")
	toolCheck(t, "cycle 1 unchanged", old, http.StatusOK, "Balai warga", "Relawan pustaka")
	if strings.Contains(old.body, "Balai warga dan halaman") || strings.Contains(old.body, "dibawa dari siklus") {
		t.Fatal("editing cycle 2 changed cycle 1")
	}
	// Cycle 1 is closed: nothing there may change, not even through it.
	toolCheck(t, "delete through closed cycle 1", w.post(t, "editor", fmt.Sprintf("%s/1/tahap/2/aset/%d/hapus", base, carried[0].ID), nil), http.StatusForbidden)
}

func mustCycle(t *testing.T, w *cycleWorld, n int) *cycle.Cycle {
	t.Helper()
	c, err := w.cycles.ByNumber(context.Background(), w.org.ID, n)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
