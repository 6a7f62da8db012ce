package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/hub"
)

// toolRoles are the callers every workspace tool route is tried with.
var toolRoles = append(append([]string(nil), orgRoles...), "coord", "othercoord")

// toolWriters may change the tools; every other role may not.
var toolWriters = map[string]bool{"editor": true, "admin": true, "owner": true}

// toolReaders may read the tools.
var toolReaders = map[string]bool{"viewer": true, "treasurer": true, "editor": true, "admin": true, "owner": true,
	"platform": true, "coord": true}

const toolBase = "/organisasi/taman-baca/siklus/1/tahap"

// newToolWorld is an orgWorld with a coordinator of the hub covering the
// organisation (Jawa Barat), one of another hub, and an open cycle 1.
func newToolWorld(t *testing.T) *orgWorld {
	t.Helper()
	w := newOrgWorld(t)
	ctx := context.Background()
	accounts := &account.Store{DB: w.d}
	for _, role := range []string{"coord", "othercoord"} {
		u, err := accounts.Create(ctx, role+"@example.org", "Pengguna "+role, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		token, err := accounts.CreateSession(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		w.users[role], w.cookies[role] = u, "lokadaya_session="+token
	}
	hubs := &hub.Store{DB: w.d}
	for _, h := range []struct{ slug, region, coord string }{{"simpul-jabar", "32", "coord"}, {"simpul-riau", "14", "othercoord"}} {
		if _, err := hubs.Create(ctx, hub.Actor{Name: "test"}, hub.Input{Slug: h.slug, Name: h.slug, Regions: []string{h.region},
			Coordinators: []string{h.coord + "@example.org"}}); err != nil {
			t.Fatal(err)
		}
	}
	toolAddCycle(t, w, 1, "open")
	return w
}

func toolAddCycle(t *testing.T, w *orgWorld, n int, status string) {
	t.Helper()
	if _, err := w.d.Exec(context.Background(), `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, ?, 3, '2025.1', ?, ?)`, w.org.ID, n, status, db.Now()); err != nil {
		t.Fatal(err)
	}
}

func toolCheck(t *testing.T, name string, r orgResponse, status int, contains ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d; location %q", name, r.status, status, r.location)
	}
	for _, c := range contains {
		if !strings.Contains(r.body, c) {
			t.Fatalf("%s: body lacks %q", name, c)
		}
	}
}

func TestToolAuthorisation(t *testing.T) {
	w := newToolWorld(t)
	ctx := context.Background()
	var assetID string
	if err := w.d.QueryRow(ctx, `INSERT INTO cycle_assets (cycle_id, name, level, status, created_at, updated_at)
		SELECT id, 'Balai', 'organisasi', 'melekat', ?, ? FROM cycles WHERE number = 1 RETURNING CAST(id AS TEXT)`,
		db.Now(), db.Now()).Scan(&assetID); err != nil {
		t.Fatal(err)
	}
	gets := []string{"/1/pendanaan", "/2/aset", "/2/aset/baru", "/2/aset/" + assetID + "/ubah", "/3/inisiatif",
		"/3/inisiatif/baru", "/4/tinjauan", "/5/tinjauan", "/6/tinjauan", "/7/tinjauan"}
	writeOnlyGets := map[string]bool{"/2/aset/baru": true, "/2/aset/" + assetID + "/ubah": true, "/3/inisiatif/baru": true}
	posts := []struct {
		path string
		form url.Values
	}{
		{"/1/pendanaan", url.Values{"action": {"add_year"}, "year": {"2024"}}},
		{"/2/aset/baru", url.Values{"name": {"Relawan"}, "level": {"organisasi"}, "status": {"melekat"}}},
		{"/2/aset/" + assetID + "/ubah", url.Values{"name": {"Balai"}, "level": {"organisasi"}, "status": {"potensial"}}},
		{"/3/inisiatif/baru", url.Values{"name": {"Pojok Baca"}}},
		{"/4/tinjauan", url.Values{"summary": {"ok"}, "scheme": {"resiprokal"}, "decision": {"lanjutkan"}}},
	}
	for _, role := range toolRoles {
		for _, p := range gets {
			r := w.get(t, role, toolBase+p)
			want := http.StatusForbidden
			switch {
			case role == "anon":
				want = http.StatusSeeOther
			case writeOnlyGets[p] && toolWriters[role], !writeOnlyGets[p] && toolReaders[role]:
				want = http.StatusOK
			}
			toolCheck(t, role+" GET "+p, r, want)
		}
		for _, p := range posts {
			r := w.post(t, role, toolBase+p.path, p.form)
			want := http.StatusForbidden
			if role == "anon" || toolWriters[role] {
				want = http.StatusSeeOther
			}
			toolCheck(t, role+" POST "+p.path, r, want)
		}
	}
	// Delete last: it removes the asset.
	for _, role := range toolRoles {
		r := w.post(t, role, toolBase+"/2/aset/"+assetID+"/hapus", nil)
		want := http.StatusForbidden
		switch {
		case role == "anon", role == "editor":
			want = http.StatusSeeOther
		case toolWriters[role]:
			want = http.StatusNotFound // already deleted by the editor
		}
		toolCheck(t, role+" delete", r, want)
	}
	// Unknown cycles and stages without a review are 404.
	for _, p := range []string{"/organisasi/taman-baca/siklus/9/tahap/1/pendanaan", "/organisasi/taman-baca/siklus/x/tahap/2/aset",
		toolBase + "/3/tinjauan", toolBase + "/8/tinjauan", toolBase + "/2/aset/999/ubah"} {
		toolCheck(t, "GET "+p, w.get(t, "owner", p), http.StatusNotFound)
	}
}

func TestToolClosedCycleReadOnly(t *testing.T) {
	w := newToolWorld(t)
	toolAddCycle(t, w, 2, "closed")
	base := "/organisasi/taman-baca/siklus/2/tahap"
	toolCheck(t, "read", w.get(t, "owner", base+"/1/pendanaan"), http.StatusOK, "ditutup")
	toolCheck(t, "write", w.post(t, "owner", base+"/1/pendanaan", url.Values{"action": {"add_year"}, "year": {"2024"}}), http.StatusForbidden)
	toolCheck(t, "review", w.post(t, "owner", base+"/7/tinjauan", url.Values{"summary": {"x"}}), http.StatusForbidden)
}

func TestToolFundingFlow(t *testing.T) {
	w := newToolWorld(t)
	p := toolBase + "/1/pendanaan"
	toolCheck(t, "bad year", w.post(t, "editor", p, url.Values{"action": {"add_year"}, "year": {"20x4"}}), http.StatusUnprocessableEntity, "20x4")
	for _, y := range []string{"2023", "2024"} {
		toolCheck(t, "add year", w.post(t, "editor", p, url.Values{"action": {"add_year"}, "year": {y}}), http.StatusSeeOther)
	}
	bad := url.Values{"amount_donor_2023": {"-5"}, "amount_pemda_2024": {"1,5"}}
	toolCheck(t, "bad amounts", w.post(t, "editor", p, bad), http.StatusUnprocessableEntity, `value="-5"`, "negatif", "sen")
	good := url.Values{"amount_donor_2023": {"Rp1.500.000"}, "amount_pemda_2024": {"500000"}, "note_pemda_2024": {"APBDes"}}
	toolCheck(t, "save", w.post(t, "editor", p, good), http.StatusSeeOther)
	toolCheck(t, "grid", w.get(t, "viewer", p), http.StatusOK, "Rp1.500.000", "Rp2.000.000", "75\u00a0%", "APBDes")
	toolCheck(t, "remove year", w.post(t, "editor", p, url.Values{"action": {"remove_year"}, "year": {"2023"}}), http.StatusSeeOther)
	toolCheck(t, "after remove", w.get(t, "viewer", p), http.StatusOK, "Rp500.000")
}

func TestToolAssetAndReviewFlow(t *testing.T) {
	w := newToolWorld(t)
	p := toolBase + "/2/aset"
	toolCheck(t, "invalid", w.post(t, "owner", p+"/baru", url.Values{"name": {"Dana desa"}, "level": {"sistem_lokal"},
		"status": {"melekat"}, "estimated_value": {"1.5"}}), http.StatusUnprocessableEntity, "Dana desa", "Pilih pemegang")
	toolCheck(t, "add", w.post(t, "owner", p+"/baru", url.Values{"name": {"Dana desa"}, "level": {"sistem_lokal"}, "holder": {"pemda"},
		"status": {"potensial"}, "financial": {"1"}, "estimated_value": {"Rp50.000.000"}}), http.StatusSeeOther)
	toolCheck(t, "list", w.get(t, "coord", p), http.StatusOK, "Dana desa", "Rp50.000.000", "Pemerintah daerah: 1")

	r := toolBase + "/6/tinjauan"
	toolCheck(t, "no allocation", w.post(t, "admin", r, url.Values{"summary": {"Surplus kecil"}}), http.StatusUnprocessableEntity, "Surplus kecil")
	toolCheck(t, "v1", w.post(t, "admin", r, url.Values{"summary": {"Versi satu"}, "allocation": {"cadangan"}}), http.StatusSeeOther)
	toolCheck(t, "v2", w.post(t, "admin", r, url.Values{"summary": {"Versi dua"}, "allocation": {"replikasi", "spin_off"},
		"note_replikasi": {"Desa tetangga"}}), http.StatusSeeOther)
	res := w.get(t, "treasurer", r)
	toolCheck(t, "history", res, http.StatusOK, "Versi satu", "Versi dua", "Desa tetangga")
	if strings.Index(res.body, "Versi dua") > strings.Index(res.body, "Versi satu") {
		t.Fatal("newest review not first")
	}
	toolCheck(t, "stage 7", w.post(t, "owner", toolBase+"/7/tinjauan", url.Values{"summary": {"Dampak"}, "lessons": {"Libatkan pemuda\nCatat biaya"}}), http.StatusSeeOther)
	toolCheck(t, "lessons", w.get(t, "owner", toolBase+"/7/tinjauan"), http.StatusOK, "<li>Libatkan pemuda</li>")
	toolCheck(t, "stage 4 campaigns", w.get(t, "owner", toolBase+"/4/tinjauan"), http.StatusOK, "Galang Daya")
}

func TestInitiativeFlow(t *testing.T) {
	w := newToolWorld(t)
	p := toolBase + "/3/inisiatif"
	toolCheck(t, "create", w.post(t, "editor", p+"/baru", url.Values{"name": {"Pojok Baca Keliling"}}), http.StatusSeeOther)
	toolCheck(t, "draft hidden", w.get(t, "anon", "/inisiatif/pojok-baca-keliling"), http.StatusNotFound)
	toolCheck(t, "draft hidden from stranger", w.get(t, "othercoord", "/inisiatif/pojok-baca-keliling"), http.StatusNotFound)
	toolCheck(t, "draft to viewer", w.get(t, "viewer", "/inisiatif/pojok-baca-keliling"), http.StatusOK, "Draf")
	toolCheck(t, "draft to coordinator", w.get(t, "coord", "/inisiatif/pojok-baca-keliling"), http.StatusOK)
	toolCheck(t, "publish incomplete", w.post(t, "editor", p+"/pojok-baca-keliling/terbitkan", nil), http.StatusUnprocessableEntity, "Tagline wajib")
	toolCheck(t, "publish by viewer", w.post(t, "viewer", p+"/pojok-baca-keliling/terbitkan", nil), http.StatusForbidden)
	toolCheck(t, "unknown region", w.post(t, "editor", p+"/pojok-baca-keliling/ubah", url.Values{"name": {"Pojok Baca Keliling"},
		"region_codes": {"99.99"}}), http.StatusUnprocessableEntity, "99.99")
	full := url.Values{"name": {"Pojok Baca Keliling"}, "tagline": {"Buku sampai ke gang"}, "problem": {"Anak jauh dari perpustakaan"},
		"category": {"pendidikan"}, "region_codes": {"32.73.01.1001\n32.73.01"}, "framework": {"Relawan bergilir"}}
	var logo bytes.Buffer
	if err := png.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 40, 40))); err != nil {
		t.Fatal(err)
	}
	toolCheck(t, "bad logo", w.multipart(t, "editor", p+"/pojok-baca-keliling/ubah", full, []byte("not a picture")), http.StatusUnprocessableEntity, "Buku sampai ke gang")
	toolCheck(t, "edit", w.multipart(t, "editor", p+"/pojok-baca-keliling/ubah", full, logo.Bytes()), http.StatusSeeOther)
	toolCheck(t, "publish", w.post(t, "editor", p+"/pojok-baca-keliling/terbitkan", nil), http.StatusSeeOther)
	toolCheck(t, "public page", w.get(t, "anon", "/inisiatif/pojok-baca-keliling"), http.StatusOK, "Buku sampai ke gang", "Relawan bergilir", "Sukarasa", "/media/initiatives/")
	toolCheck(t, "index", w.get(t, "anon", "/inisiatif?wilayah=32&kategori=pendidikan"), http.StatusOK, "Pojok Baca Keliling")
	if r := w.get(t, "anon", "/inisiatif?wilayah=14"); strings.Contains(r.body, "Pojok Baca Keliling") {
		t.Fatal("listed outside its regions")
	}
	toolCheck(t, "org page", w.get(t, "anon", "/organisasi/taman-baca"), http.StatusOK, "/inisiatif/pojok-baca-keliling")

	res := w.get(t, "anon", "/api/v1/initiatives?region=32.73&category=pendidikan")
	var list struct {
		Items []struct {
			Slug         string
			Organization struct{ Slug string }
			Regions      []struct{ Code, Name string }
		}
		Next *string
	}
	if err := json.Unmarshal([]byte(res.body), &list); err != nil || len(list.Items) != 1 || list.Next != nil ||
		list.Items[0].Organization.Slug != "taman-baca" || len(list.Items[0].Regions) != 2 {
		t.Fatalf("API list %s: %v", res.body, err)
	}
	toolCheck(t, "API one", w.get(t, "anon", "/api/v1/initiatives/pojok-baca-keliling"), http.StatusOK, `"verified":false`, `"tagline":"Buku sampai ke gang"`)
	toolCheck(t, "API bad region", w.get(t, "anon", "/api/v1/initiatives?region=3x"), http.StatusBadRequest, `"code":"bad_request"`)
	toolCheck(t, "API bad category", w.get(t, "anon", "/api/v1/initiatives?category=politik"), http.StatusBadRequest)
	toolCheck(t, "API bad cursor", w.get(t, "anon", "/api/v1/initiatives?cursor=-1"), http.StatusBadRequest)

	toolCheck(t, "unpublish", w.post(t, "owner", p+"/pojok-baca-keliling/tarik", nil), http.StatusSeeOther)
	toolCheck(t, "API draft", w.get(t, "anon", "/api/v1/initiatives/pojok-baca-keliling"), http.StatusNotFound, `"code":"not_found"`)
	toolCheck(t, "other org's initiative", w.get(t, "owner", "/organisasi/ditolak/siklus/1/tahap/3/inisiatif"), http.StatusNotFound)
}
