package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var adminReviewLink = regexp.MustCompile(`href="/admin/organisasi/[a-z0-9-]+/tinjau"`)

// An OMS in a province no hub covers is listed on the admin home under its
// province, with the provinces no hub covers named; the admin reviews it on
// the hub coordinators' review page and decides through the same path.
func TestAdminReviewsUncoveredOrganisation(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()

	// Recompute from the data: provinces with no hub region at or under them.
	rows, err := w.d.Query(ctx, `SELECT p.name FROM regions p WHERE p.code NOT LIKE '%.%' AND NOT EXISTS
		(SELECT 1 FROM hub_regions hr WHERE hr.region_code = p.code OR hr.region_code LIKE (p.code || '.%')) ORDER BY p.code`)
	if err != nil {
		t.Fatal(err)
	}
	var uncovered []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		uncovered = append(uncovered, name)
	}
	rows.Close()
	if len(uncovered) == 0 {
		t.Fatal("the demo has no uncovered province to test with")
	}
	home := w.get(t, "platform", "/admin")
	if home.status != 200 {
		t.Fatalf("admin home = %d", home.status)
	}
	for _, want := range []string{strings.Join(uncovered, ", "), "Kalimantan Tengah", "Tidak ada simpul di provinsi ini",
		`href="/admin/organisasi/patroli-api-pulang-pisau/tinjau"`, "Komunitas Patroli Api Pulang Pisau",
		"Dicakup oleh Simpul Jawa–Bali", `href="/admin/organisasi/posyandu-ceria/tinjau"`} {
		if !strings.Contains(home.body, want) {
			t.Errorf("admin home lacks %q", want)
		}
	}
	var waiting int
	if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM organizations WHERE status IN ('pending', 'needs_changes')`).Scan(&waiting); err != nil {
		t.Fatal(err)
	}
	if got := len(adminReviewLink.FindAllString(home.body, -1)); got != waiting {
		t.Errorf("admin home lists %d organisations to review, want %d", got, waiting)
	}

	// Only platform admins open the admin review.
	page := "/admin/organisasi/patroli-api-pulang-pisau/tinjau"
	for role, want := range map[string]int{"anon": 303, "owner": 403, "coordinator": 403, "platform": 200} {
		if got := w.get(t, role, page); got.status != want {
			t.Errorf("%s GET %s = %d, want %d", role, page, got.status, want)
		}
	}
	if got := w.post(t, "coordinator", page, url.Values{"decision": {"verified"}, "status": {"pending"}}); got.status != 403 {
		t.Errorf("coordinator decides on admin review = %d", got.status)
	}
	review := w.get(t, "platform", page)
	for _, want := range []string{`action="` + page + `#error-summary"`, `value="verified"`, `href="/organisasi/patroli-api-pulang-pisau/siklus"`} {
		if !strings.Contains(review.body, want) {
			t.Errorf("admin review lacks %q", want)
		}
	}
	// A reason is still required to ask for changes, as for coordinators.
	if got := w.post(t, "platform", page, url.Values{"decision": {"needs_changes"}, "status": {"pending"}}); got.status != 422 {
		t.Errorf("needs changes without reason = %d", got.status)
	}
	got := w.post(t, "platform", page, url.Values{"decision": {"verified"}, "status": {"pending"}})
	if got.status != 303 || got.location != "/admin" {
		t.Fatalf("admin verifies = %d → %s", got.status, got.location)
	}
	var status string
	var reviews int
	if err := w.d.QueryRow(ctx, `SELECT o.status, (SELECT COUNT(*) FROM org_reviews r WHERE r.org_id = o.id AND r.decision = 'verified')
		FROM organizations o WHERE o.slug = 'patroli-api-pulang-pisau'`).Scan(&status, &reviews); err != nil {
		t.Fatal(err)
	}
	if status != "verified" || reviews != 1 {
		t.Errorf("after the decision: status %s, %d reviews", status, reviews)
	}
	// A stale form (the status moved meanwhile) is refused as for coordinators.
	if got := w.post(t, "platform", page, url.Values{"decision": {"rejected"}, "reason": {"x"}, "status": {"pending"}}); got.status != 409 {
		t.Errorf("stale decision = %d, want 409", got.status)
	}
	if !strings.Contains(w.get(t, "platform", "/admin/organisasi").body, `href="/admin/organisasi/terang-kampung/tinjau"`) {
		t.Error("the admin's list of organisations does not link to their review")
	}
}

// Creating a hub picks its regions by name with the region picker; the
// chosen ones are listed by name and can be dropped.
func TestAdminHubRegionsByName(t *testing.T) {
	w := newDemoWorld(t)
	form := url.Values{"name": {"Simpul Kalimantan"}, "slug": {"simpul-kalimantan"}, "coordinators": {"pengurus4@lokadaya.test"}}

	// Without JavaScript: choose a province, refresh, add it.
	form.Set("region_prov", "62")
	form.Set("region_refresh", "1")
	got := w.post(t, "platform", "/admin/simpul/baru", form)
	if got.status != 200 || !strings.Contains(got.body, "Kabupaten Pulang Pisau") {
		t.Fatalf("refresh = %d, lacks the kabupaten of Kalimantan Tengah", got.status)
	}
	form.Del("region_refresh")
	form.Set("region_add", "1")
	got = w.post(t, "platform", "/admin/simpul/baru", form)
	if got.status != 200 || !strings.Contains(got.body, `name="regions" value="62" checked> Kalimantan Tengah`) {
		t.Fatalf("add = %d, Kalimantan Tengah not listed:\n%s", got.status, got.body)
	}
	// Then a kabupaten of another province, picked and saved at once.
	form = url.Values{"name": form["name"], "slug": form["slug"], "coordinators": form["coordinators"],
		"regions": {"62"}, "region_prov": {"61"}, "region_kab": {"61.71"}}
	got = w.post(t, "platform", "/admin/simpul/baru", form)
	if got.status != 303 || got.location != "/simpul/simpul-kalimantan" {
		t.Fatalf("save = %d → %s", got.status, got.location)
	}
	edit := w.get(t, "platform", "/admin/simpul/simpul-kalimantan/ubah")
	for _, want := range []string{`value="62" checked> Kalimantan Tengah`, `value="61.71" checked> Kota Pontianak, Kalimantan Barat`} {
		if !strings.Contains(edit.body, want) {
			t.Errorf("edit form lacks %q", want)
		}
	}
	if strings.Contains(edit.body, `<textarea id="regions"`) {
		t.Error("the form still asks for typed region codes")
	}
	// Unticking drops a region.
	form = url.Values{"name": form["name"], "slug": form["slug"], "coordinators": form["coordinators"], "regions": {"61.71"}}
	if got := w.post(t, "platform", "/admin/simpul/simpul-kalimantan/ubah", form); got.status != 303 {
		t.Fatalf("update = %d", got.status)
	}
	var codes string
	if err := w.d.QueryRow(context.Background(), `SELECT COALESCE(MIN(region_code), '') || '/' || COUNT(*) FROM hub_regions
		WHERE hub_id = (SELECT id FROM hubs WHERE slug = 'simpul-kalimantan')`).Scan(&codes); err != nil {
		t.Fatal(err)
	}
	if codes != "61.71/1" {
		t.Errorf("regions after unticking = %s, want 61.71/1", codes)
	}
	if home := w.get(t, "platform", "/admin"); !strings.Contains(home.body, "dicakup simpul: Kalimantan Barat") {
		t.Error("admin home does not say Kalimantan Barat is partly covered")
	}
	// Unticking the last one asks to choose a region, not to type a code.
	form.Del("regions")
	if got := w.post(t, "platform", "/admin/simpul/simpul-kalimantan/ubah", form); got.status != 422 ||
		!strings.Contains(got.body, "Pilih minimal satu wilayah.") {
		t.Errorf("no region left = %d", got.status)
	}
}
