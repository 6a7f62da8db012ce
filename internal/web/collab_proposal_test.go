package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// proposalID is the demo proposal with the title.
func (w *orgWorld) proposalID(t *testing.T, title string) string {
	t.Helper()
	var id int64
	if err := w.d.QueryRow(context.Background(), `SELECT id FROM proposals WHERE title = ?`, title).Scan(&id); err != nil {
		t.Fatalf("proposal %q: %v", title, err)
	}
	return strconv.FormatInt(id, 10)
}

func (w *orgWorld) countOf(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

const (
	saluranTitle = "Perbaikan saluran air RW 05 Pajang"
	sampahTitle  = "Sampah plastik menumpuk di bantaran sungai"
)

func TestProposalPublicPagesAndLogin(t *testing.T) {
	w := newDemoWorld(t)
	id := w.proposalID(t, saluranTitle)
	dup := w.proposalID(t, "Saluran air mampet di RW 05")
	cases := []struct {
		name, path string
		status     int
		location   string
		contains   []string
	}{
		{"list", "/usulan", 200, "", []string{saluranTitle, "/usulan/" + id}},
		{"list of Surakarta", "/usulan?wilayah=33.72", 200, "", []string{saluranTitle}},
		{"most supported", "/usulan?urut=dukungan", 200, "", []string{saluranTitle}},
		{"bad cursor", "/usulan?cursor=x", 400, "", nil},
		{"page", "/usulan/" + id, 200, "", []string{saluranTitle, "RT 03/RW 05", "7 pendukung", "sekitar 180 orang", "Tyto Alba", "/masuk?next="}},
		{"merged duplicate", "/usulan/" + dup, 200, "", []string{`id="proposal-merged"`, "/usulan/" + id}},
		{"unknown", "/usulan/999999", 404, "", nil},
		{"form needs login", "/usulan/baru", 303, "/masuk?next=%2Fusulan%2Fbaru", nil},
	}
	for _, c := range cases {
		r := w.get(t, "", c.path)
		if r.status != c.status || (c.location != "" && r.location != c.location) {
			t.Errorf("%s: %d %q", c.name, r.status, r.location)
		}
		for _, s := range c.contains {
			if !strings.Contains(r.body, s) {
				t.Errorf("%s: page lacks %q", c.name, s)
			}
		}
	}
	if r := w.get(t, "", "/usulan?wilayah=32.73"); strings.Contains(r.body, saluranTitle) {
		t.Error("Bandung's list shows a Surakarta proposal")
	}
	if r := w.post(t, "", "/usulan/"+id+"/dukung", url.Values{}); r.status != 303 || !strings.HasPrefix(r.location, "/masuk") {
		t.Errorf("anonymous support: %d %q", r.status, r.location)
	}
	if r := w.get(t, "", "/wilayah/33.72.01.1001"); !strings.Contains(r.body, "/usulan?wilayah=33.72.01.1001") {
		t.Error("the region page does not link its proposals")
	}
}

func TestProposalCreateAndEdit(t *testing.T) {
	w := newDemoWorld(t)
	before := w.countOf(t, `SELECT COUNT(*) FROM proposals`)
	bad := url.Values{"kind": {"kegiatan"}, "title": {"Judul saya"}, "what": {""}, "region": {"33.72.01.1001"},
		"cost": {"banyak"}, "evidence": {"Foto | javascript:alert(1)"}}
	r := w.post(t, "owner2", "/usulan/baru", bad)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="Judul saya"`) ||
		!strings.Contains(r.body, "error-summary") || !strings.Contains(r.body, "javascript:alert(1)") {
		t.Fatalf("bad input: %d", r.status)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM proposals`); n != before {
		t.Fatalf("refused input wrote a proposal")
	}
	good := url.Values{"kind": {"isu"}, "title": {"Jalan berlubang di depan SD"}, "what": {"Lubang besar di jalan menuju sekolah."},
		"region": {"33.72.01.1001"}, "where": {"RT 01/RW 02"}, "cost": {"Rp 7.500.000"}, "count": {"250"},
		"evidence": {"Pengaduan | /pengaduan/ABC123"}}
	r = w.post(t, "owner2", "/usulan/baru", good)
	if r.status != 303 || !strings.HasPrefix(r.location, "/usulan/") {
		t.Fatalf("create: %d %q %s", r.status, r.location, r.body)
	}
	page := w.get(t, "owner2", r.location)
	if !strings.Contains(page.body, "Jalan berlubang di depan SD") || !strings.Contains(page.body, "Wahyu Prasetyo") ||
		strings.Contains(page.body, "pengurus1@lokadaya.test") || !strings.Contains(page.body, r.location+"/ubah") {
		t.Fatalf("new proposal's page")
	}

	// The proposer edits while only she supports it; others may not.
	sampah := "/usulan/" + w.proposalID(t, sampahTitle)
	for role, want := range map[string]int{"editor": 200, "owner": 403, "coordinator": 403, "": 303} {
		if r := w.get(t, role, sampah+"/ubah"); r.status != want {
			t.Errorf("%q edits: %d, want %d", role, r.status, want)
		}
	}
	edit := url.Values{"kind": {"isu"}, "title": {"Sampah plastik di bantaran"}, "what": {"Sampah tertahan."}, "region": {"32.73.01.1001"}}
	if r := w.post(t, "owner", sampah+"/ubah", edit); r.status != 403 {
		t.Errorf("another's edit: %d", r.status)
	}
	if r := w.post(t, "editor", sampah+"/ubah", edit); r.status != 303 {
		t.Fatalf("edit: %d %s", r.status, r.body)
	}
	if r := w.post(t, "viewer", sampah+"/dukung", url.Values{}); r.status != 303 {
		t.Fatalf("support: %d", r.status)
	}
	if r := w.get(t, "editor", sampah+"/ubah"); r.status != 403 {
		t.Errorf("edit after another's support: %d", r.status)
	}
}

func TestProposalSupport(t *testing.T) {
	w := newDemoWorld(t)
	path := "/usulan/" + w.proposalID(t, "Pelatihan kader posyandu tentang gizi balita")
	supporters := func() int {
		return w.countOf(t, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?`, strings.TrimPrefix(path, "/usulan/"))
	}
	start := supporters()
	for range 2 { // twice, one support
		if r := w.post(t, "viewer", path+"/dukung", url.Values{}); r.status != 303 {
			t.Fatalf("support: %d", r.status)
		}
	}
	if n := supporters(); n != start+1 {
		t.Fatalf("supporters %d, want %d", n, start+1)
	}
	org := strconv.FormatInt(w.org.ID, 10)
	if r := w.post(t, "owner2", path+"/dukung", url.Values{"org": {org}}); r.status != 403 {
		t.Errorf("non-member on behalf: %d", r.status)
	}
	if r := w.post(t, "owner", path+"/dukung", url.Values{"org": {org}}); r.status != 303 {
		t.Fatalf("on behalf: %d", r.status)
	}
	page := w.get(t, "editor", path)
	if !strings.Contains(page.body, w.org.Name) || !strings.Contains(page.body, `name="org" value="`+org+`"`) {
		t.Error("page lacks the supporting organisation or the member's button")
	}
	for _, role := range []string{"viewer", "editor"} { // any member withdraws the organisation's
		form := url.Values{}
		if role == "editor" {
			form.Set("org", org)
		}
		if r := w.post(t, role, path+"/batal-dukung", form); r.status != 303 {
			t.Fatalf("%s withdraws: %d", role, r.status)
		}
	}
	if n := supporters(); n != start {
		t.Fatalf("after withdrawing: %d, want %d", n, start)
	}
}

func TestProposalMerge(t *testing.T) {
	w := newDemoWorld(t)
	issue := w.proposalID(t, "Anak putus sekolah setelah SMP")
	into := w.proposalID(t, "Pelatihan kader posyandu tentang gizi balita")
	bandung := w.proposalID(t, sampahTitle)
	merge := "/usulan/" + issue + "/gabung"
	for _, role := range []string{"", "owner", "viewer", "owner2"} {
		r := w.post(t, role, merge, url.Values{"into": {into}})
		if role == "" && (r.status != 303 || !strings.HasPrefix(r.location, "/masuk")) || role != "" && r.status != 403 {
			t.Errorf("%q merges: %d %q", role, r.status, r.location)
		}
	}
	if r := w.get(t, "owner", "/usulan/"+issue); strings.Contains(r.body, `id="gabung"`) {
		t.Error("a member sees the merge form")
	}
	if r := w.get(t, "coordinator", "/usulan/"+issue); !strings.Contains(r.body, `id="gabung"`) {
		t.Error("the coordinator lacks the merge form")
	}
	r := w.post(t, "coordinator", merge, url.Values{"into": {bandung}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="`+bandung+`"`) {
		t.Fatalf("merge across regions: %d", r.status)
	}
	supportersBefore := w.countOf(t, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id IN (?, ?)`, issue, into)
	if r := w.post(t, "coordinator", merge, url.Values{"into": {into}}); r.status != 303 {
		t.Fatalf("merge: %d", r.status)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?`, into); n != supportersBefore {
		t.Errorf("target has %d supports, want %d (nobody supported both)", n, supportersBefore)
	}
	if r := w.post(t, "viewer", "/usulan/"+issue+"/dukung", url.Values{}); r.status != 303 {
		t.Errorf("support of merged: %d", r.status)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?`, issue); n != 0 {
		t.Errorf("merged proposal took support")
	}
	// A platform admin merges anywhere.
	lampu := w.proposalID(t, "Lampu jalan tenaga surya di gang sempit")
	if r := w.post(t, "platform", "/usulan/"+bandung+"/gabung", url.Values{"into": {lampu}}); r.status != 303 {
		t.Errorf("admin merge: %d", r.status)
	}
}

func TestProposalAPI(t *testing.T) {
	w := newDemoWorld(t)
	id := w.proposalID(t, saluranTitle)
	r := w.get(t, "", "/api/v1/proposals/"+id)
	var p map[string]any
	if err := json.Unmarshal([]byte(r.body), &p); err != nil || r.status != 200 {
		t.Fatalf("%d %v", r.status, err)
	}
	for _, k := range []string{"id", "kind", "title", "what", "region_code", "where", "beneficiaries", "cost", "supporters",
		"organizations", "merged_into", "rank_history"} {
		if _, ok := p[k]; !ok {
			t.Errorf("no %q", k)
		}
	}
	// The figures shown, recomputed from the data: four people and an
	// OMS, plus the duplicate's three people of whom one supported both.
	want := w.countOf(t, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?`, id)
	if p["supporters"] != float64(want) || want != 7 || p["cost"] != float64(45_000_000) || p["merged_into"] != nil ||
		len(p["rank_history"].([]any)) != w.countOf(t, `SELECT COUNT(*) FROM proposal_rank_history WHERE proposal_id = ?`, id) || len(p["organizations"].([]any)) != 1 {
		t.Errorf("proposal %v (want %d supporters)", p, want)
	}
	dup := w.proposalID(t, "Saluran air mampet di RW 05")
	r = w.get(t, "", "/api/v1/proposals/"+dup)
	if !strings.Contains(r.body, `"merged_into":`+id) {
		t.Errorf("duplicate: %s", r.body)
	}
	var page struct {
		Items []map[string]any `json:"items"`
		Next  *string          `json:"next"`
	}
	r = w.get(t, "", "/api/v1/proposals?region=33.72")
	if err := json.Unmarshal([]byte(r.body), &page); err != nil || len(page.Items) != 3 || page.Next != nil {
		t.Fatalf("list: %v %s", err, r.body)
	}
	for _, it := range page.Items {
		if !strings.HasPrefix(it["region_code"].(string), "33.72.") {
			t.Errorf("item of %v", it["region_code"])
		}
	}
	for _, path := range []string{"/api/v1/proposals?region=abc", "/api/v1/proposals?cursor=x"} {
		if r := w.get(t, "", path); r.status != 400 || !strings.Contains(r.body, `"error"`) {
			t.Errorf("%s: %d", path, r.status)
		}
	}
	if r := w.get(t, "", "/api/v1/proposals/999999"); r.status != 404 {
		t.Errorf("unknown: %d", r.status)
	}
}

func TestProposalCreationIsLimited(t *testing.T) {
	w := newDemoWorld(t)
	form := url.Values{"kind": {"isu"}, "title": {"Isu"}, "what": {"Isinya."}, "region": {"33.72"}}
	for i := range 10 {
		if r := w.post(t, "owner2", "/usulan/baru", form); r.status != 303 {
			t.Fatalf("proposal %d: %d", i+1, r.status)
		}
	}
	if r := w.post(t, "owner2", "/usulan/baru", form); r.status != http.StatusTooManyRequests {
		t.Fatalf("eleventh in the hour: %d", r.status)
	}
	// The limit is each account's own.
	if r := w.post(t, "viewer", "/usulan/baru", form); r.status != 303 {
		t.Fatalf("another person: %d", r.status)
	}
}

// TestProposalsInAccountExport checks that a person's download of their
// data holds the proposals they made and supported.
func TestProposalsInAccountExport(t *testing.T) {
	w := newDemoWorld(t)
	r := w.get(t, "editor", "/akun/ekspor")
	var e struct {
		Proposals []struct {
			Title string `json:"title"`
		} `json:"proposals"`
		Supports []struct {
			ProposalID int64 `json:"proposal_id"`
		} `json:"proposal_supports"`
	}
	if err := json.Unmarshal([]byte(r.body), &e); err != nil || r.status != 200 {
		t.Fatalf("%d %v", r.status, err)
	}
	// The editor proposed one and supports three (her own among them).
	if len(e.Proposals) != 1 || e.Proposals[0].Title != sampahTitle || len(e.Supports) != 3 {
		t.Fatalf("export %+v", e)
	}
}
