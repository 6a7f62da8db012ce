package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"lokadaya/internal/initiative"
	"lokadaya/internal/service"
)

// voiceBase is the organisation's service area of taman-baca.
const voiceBase = "/organisasi/taman-baca/layanan"

// voiceWorld is a toolWorld (every role, hub coordinators, cycle 1) with a
// published initiative, "pojok-baca", and a draft one, "draf".
type voiceWorld struct {
	*orgWorld
	initiative *initiative.Initiative
	service    *service.Store
}

func newVoiceWorld(t *testing.T) *voiceWorld {
	t.Helper()
	w := &voiceWorld{orgWorld: newToolWorld(t), service: &service.Store{DB: nil}}
	w.service.DB = w.d
	ctx := context.Background()
	var cycleID int64
	if err := w.d.QueryRow(ctx, `SELECT id FROM cycles WHERE org_id = ? AND number = 1`, w.org.ID).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	inits := &initiative.Store{DB: w.d}
	actor := initiative.Actor{ID: w.users["owner"].ID, Name: "owner"}
	var err error
	w.initiative, err = inits.Create(ctx, actor, w.org.ID, cycleID, initiative.Input{Name: "Pojok Baca", Tagline: "Buku sampai ke gang",
		Category: "pendidikan", Regions: []string{orgDesa}, Text: map[string]string{"problem": "Anak jauh dari buku"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := inits.Publish(ctx, actor, w.initiative.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := inits.Create(ctx, actor, w.org.ID, cycleID, initiative.Input{Name: "Draf"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// pointForm is a valid service point in Sukarasa.
func pointForm(name string) url.Values {
	return url.Values{"name": {name}, "address": {"Jl. Sukarasa 1"}, "region_prov": {"32"}, "region_kab": {"32.73"},
		"region_kec": {"32.73.01"}, "region_desa": {orgDesa}, "hours": {"Sabtu 09.00–12.00"}}
}

// addPoint creates a point through the page and returns it.
func (w *voiceWorld) addPoint(t *testing.T, name string) *service.Point {
	t.Helper()
	r := w.post(t, "editor", voiceBase+"/"+w.initiative.Slug+"/titik/baru", pointForm(name))
	if r.status != http.StatusSeeOther {
		t.Fatalf("add point %s: %d %s", name, r.status, r.body)
	}
	points, err := w.service.Points(context.Background(), w.initiative.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range points {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("point %s not stored", name)
	return nil
}
