package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/dataset"
	"lokadaya/internal/demo"
)

const demoForum = "Forum penerangan gang Kelurahan Pajang"

// forumIDs are the demo forum's and its team's ids.
func (w *orgWorld) forumIDs(t *testing.T) (forumID, teamID string) {
	t.Helper()
	forumID = itoaTest(int64(w.countOf(t, `SELECT id FROM forums WHERE title = ?`, demoForum)))
	teamID = itoaTest(int64(w.countOf(t, `SELECT t.id FROM action_teams t JOIN forums f ON f.id = t.forum_id WHERE f.title = ?`, demoForum)))
	return forumID, teamID
}

func itoaTest(n int64) string { return strconv.FormatInt(n, 10) }

func TestForumPublicPages(t *testing.T) {
	w := newDemoWorld(t)
	fid, tid := w.forumIDs(t)
	cases := []struct {
		name, role, path string
		status           int
		contains         []string
		lacks            []string
	}{
		{"list", "", "/forum", 200, []string{demoForum, "/forum/" + fid}, nil},
		{"list of Pajang", "", "/forum?wilayah=33.72.01.1001", 200, []string{demoForum}, nil},
		{"list of Bandung", "", "/forum?wilayah=32.73", 200, nil, []string{demoForum}},
		{"forum", "", "/forum/" + fid, 200, []string{demoForum, demo.DatasetPajangTitle, "Balai Kelurahan Pajang", "Penyebab", "/tim/" + tid, "39"}, []string{"/forum/" + fid + "/ubah"}},
		{"forum for its convener", "owner", "/forum/" + fid, 200, []string{"/forum/" + fid + "/ubah", `action="/forum/` + fid + `/tim`}, nil},
		{"team", "", "/tim/" + tid, 200, []string{"Tim Aksi Gang Terang Pajang", "Hendra Wijaya", "Kelurahan Pajang", "Komunitas Terang Kampung",
			"Pendataan titik lampu", "Rp68.500.000", "/tim/" + tid + "/iklim", "/tim/" + tid + "/rencana.csv",
			demo.DatasetPajangTitle, `href="/dataset/`}, []string{"@lokadaya.test", "/kegiatan/baru"}},
		{"team for its member", "editor", "/tim/" + tid, 200, []string{"/tim/" + tid + "/sesi", "/kegiatan/baru"}, nil},
		{"climate", "", "/tim/" + tid + "/iklim", 200, []string{"Saling percaya", "Sesi pemerintah", "Sesi OMS", "Sesi bersama", "3,3"}, nil},
		{"unknown forum", "", "/forum/999999", 404, nil, nil},
		{"unknown team", "", "/tim/999999", 404, nil, nil},
		{"new forum needs login", "", "/forum/baru", 303, nil, nil},
	}
	for _, c := range cases {
		r := w.get(t, c.role, c.path)
		if r.status != c.status {
			t.Errorf("%s: %d", c.name, r.status)
			continue
		}
		for _, s := range c.contains {
			if !strings.Contains(r.body, s) {
				t.Errorf("%s: page lacks %q", c.name, s)
			}
		}
		for _, s := range c.lacks {
			if strings.Contains(r.body, s) {
				t.Errorf("%s: page shows %q", c.name, s)
			}
		}
	}
	csv := w.get(t, "", "/tim/"+tid+"/rencana.csv")
	if csv.status != 200 || !strings.Contains(csv.body, "Pendataan titik lampu") || !strings.Contains(csv.body, "60000000") {
		t.Errorf("plan CSV: %d %s", csv.status, csv.body)
	}
	if x := w.get(t, "", "/tim/"+tid+"/rencana.xlsx"); x.status != 200 || !strings.Contains(x.header.Get("Content-Disposition"), ".xlsx") {
		t.Errorf("plan XLSX: %d", x.status)
	}
}

func TestForumAPI(t *testing.T) {
	w := newDemoWorld(t)
	_, tid := w.forumIDs(t)
	r := w.get(t, "", "/api/v1/action-teams/"+tid)
	if r.status != 200 {
		t.Fatalf("team API: %d", r.status)
	}
	var body struct {
		Members map[string][]struct{ Name, Organization string } `json:"members"`
		Plan    []struct {
			What   string `json:"what"`
			Budget int64  `json:"budget"`
		} `json:"plan"`
		Cited       []any                 `json:"cited_datasets"`
		Reviews     []struct{ Held bool } `json:"reviews"`
		Assessments []struct {
			Side   string         `json:"side"`
			Scores map[string]int `json:"scores"`
		} `json:"assessments"`
	}
	if err := json.Unmarshal([]byte(r.body), &body); err != nil {
		t.Fatal(err)
	}
	if len(body.Members["pemerintah"]) != 2 || len(body.Members["oms"]) != 2 || len(body.Plan) != 4 ||
		len(body.Reviews) != 2 || !body.Reviews[0].Held || len(body.Assessments) != 3 || body.Cited == nil {
		t.Errorf("team API body: %s", r.body)
	}
	if strings.Contains(r.body, "@") {
		t.Error("the API shows e-mail addresses")
	}
	for path, want := range map[string]int{"/api/v1/action-teams/999999": 404, "/api/v1/action-teams/x": 404,
		"/api/v1/forums": 200, "/api/v1/forums?region=33.72": 200, "/api/v1/forums?region=zz": 400} {
		if r := w.get(t, "", path); r.status != want {
			t.Errorf("%s: %d, want %d", path, r.status, want)
		}
	}
	if r := w.get(t, "", "/api/v1/forums?region=33.72"); !strings.Contains(r.body, demoForum) {
		t.Error("forums API lacks the demo forum")
	}
}

func TestForumRoles(t *testing.T) {
	w := newDemoWorld(t)
	w.signIn(t, "lead", "pengurus6@lokadaya.test")   // the team's ketua, government side
	w.signIn(t, "member", "pengurus9@lokadaya.test") // an OMS member
	fid, tid := w.forumIDs(t)
	team := "/tim/" + tid
	// Who may open the manager's and members' pages.
	pages := map[string]map[string]int{
		"/forum/" + fid + "/ubah": {"owner": 200, "editor": 200, "coordinator": 200, "platform": 200, "viewer": 403, "owner2": 403, "lead": 403, "": 303},
		team + "/anggota":         {"owner": 200, "lead": 200, "member": 403, "viewer": 403, "owner2": 403, "": 303},
		team + "/kegiatan/baru":   {"editor": 200, "lead": 200, "member": 403, "owner2": 403},
		team + "/sesi":            {"lead": 200, "member": 200, "editor": 200, "owner": 403, "owner2": 403, "": 303},
	}
	for path, want := range pages {
		for role, status := range want {
			if r := w.get(t, role, path); r.status != status {
				t.Errorf("%s as %q: %d, want %d", path, role, r.status, status)
			}
		}
	}
	// A convener with no verified organisation of theirs and no hub is refused.
	form := url.Values{"title": {"Forum sampah"}, "issue": {"Sampah"}, "region": {"33.72.01.1001"}, "held_on": {"2026-10-01"}}
	if r := w.post(t, "viewer", "/forum/baru", form); r.status != http.StatusUnprocessableEntity {
		t.Errorf("viewer convenes: %d", r.status)
	}
	// The coordinator convenes alone, on a proposal; the proposal page links it.
	pid := w.proposalID(t, saluranTitle)
	form.Set("proposal", pid)
	form.Set("published", "1")
	r := w.post(t, "coordinator", "/forum/baru", form)
	if r.status != 303 || !strings.HasPrefix(r.location, "/forum/") {
		t.Fatalf("coordinator convenes: %d %s", r.status, r.body)
	}
	if p := w.get(t, "", "/usulan/"+pid); !strings.Contains(p.body, "/forum?usulan="+pid) {
		t.Error("the proposal page does not link its forums")
	}
	if l := w.get(t, "", "/forum?usulan="+pid); !strings.Contains(l.body, "Forum sampah") || strings.Contains(l.body, demoForum) {
		t.Error("forums on the proposal")
	}
	// A plan activity whose owner is not in the team is refused, nothing written.
	before := w.countOf(t, `SELECT COUNT(*) FROM action_team_activities`)
	bad := url.Values{"what": {"Survei"}, "owner": {itoaTest(w.users["owner2"].ID)}, "starts_on": {"2026-10-01"}, "due_on": {"2026-10-02"}}
	if r := w.post(t, "lead", team+"/kegiatan/baru", bad); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "anggota tim aksi") {
		t.Errorf("outside owner: %d", r.status)
	}
	if r := w.post(t, "member", team+"/kegiatan/baru", bad); r.status != 403 {
		t.Errorf("plain member adds an activity: %d", r.status)
	}
	bad.Set("owner", itoaTest(w.users["lead"].ID))
	if r := w.post(t, "lead", team+"/kegiatan/baru", bad); r.status != 303 {
		t.Errorf("ketua adds an activity: %d %s", r.status, r.body)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM action_team_activities`); n != before+1 {
		t.Errorf("activities %d, were %d", n, before)
	}
	// A member records only their own side's sitting.
	sit := url.Values{"side": {"pemerintah"}, "held_on": {"2026-12-01"}}
	for _, q := range []string{"kepercayaan", "keterbukaan_data", "tujuan_bersama", "peran_jelas", "keputusan_bersama", "tindak_lanjut"} {
		sit.Set("q_"+q, "4")
	}
	if r := w.post(t, "member", team+"/sesi", sit); r.status != http.StatusConflict {
		t.Errorf("OMS member records the government's sitting: %d", r.status)
	}
	if r := w.post(t, "lead", team+"/sesi", sit); r.status != 303 {
		t.Errorf("ketua records the government's second round: %d %s", r.status, r.body)
	}
	// Members are added by account e-mail; an unknown one is a field error.
	if r := w.post(t, "lead", team+"/anggota", url.Values{"email": {"tidak.ada@example.org"}, "side": {"oms"}, "role": {"anggota"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("unknown account: %d", r.status)
	}
	if r := w.post(t, "lead", team+"/anggota", url.Values{"email": {"pengurus1@lokadaya.test"}, "side": {"oms"}, "role": {"anggota"}}); r.status != 303 {
		t.Errorf("add member: %d %s", r.status, r.body)
	}
	if p := w.get(t, "", team); !strings.Contains(p.body, "Wahyu Prasetyo") {
		t.Error("the new member is not on the team page")
	}
}

func TestTeamPlanCitations(t *testing.T) {
	w := newDemoWorld(t)
	w.signIn(t, "lead", "pengurus6@lokadaya.test")
	_, tid := w.forumIDs(t)
	team := "/tim/" + tid
	pub := publishedDataset(t, w, "Daftar PJU Pajang")
	draft := newDataset(t, w, "Draf", false).ID
	if r := w.get(t, "lead", team+"/kegiatan/baru"); !strings.Contains(r.body, "Daftar PJU Pajang") || strings.Contains(r.body, ">Draf<") {
		t.Error("the picker does not offer exactly the published datasets")
	}
	act := url.Values{"what": {"Buka data PJU"}, "owner": {itoaTest(w.userID(t, "pengurus6@lokadaya.test"))},
		"starts_on": {"2026-12-01"}, "due_on": {"2026-12-31"}, "dataset": {itoaTest(draft)}}
	before := w.countOf(t, `SELECT COUNT(*) FROM action_team_activities`)
	if r := w.post(t, "lead", team+"/kegiatan/baru", act); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "diterbitkan di katalog") {
		t.Errorf("citing a draft: %d", r.status)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM action_team_activities`); n != before {
		t.Error("an activity citing a draft was written")
	}
	act.Set("dataset", itoaTest(pub.ID))
	if r := w.post(t, "lead", team+"/kegiatan/baru", act); r.status != 303 {
		t.Fatalf("citing a published dataset: %d %s", r.status, r.body)
	}
	if r := w.get(t, "", "/api/v1/action-teams/"+tid); !strings.Contains(r.body, `"title":"Daftar PJU Pajang"`) || !strings.Contains(r.body, pub.Path()) {
		t.Errorf("the API lacks the cited dataset: %s", r.body)
	}
	// The plan's citations are replaced through the picker on the team page.
	if r := w.post(t, "", team+"/data", url.Values{}); r.status != 303 || !strings.HasPrefix(r.location, "/masuk") {
		t.Errorf("anonymous cite: %d", r.status)
	}
	if r := w.post(t, "viewer", team+"/data", url.Values{}); r.status != 403 {
		t.Errorf("viewer cites: %d", r.status)
	}
	if r := w.post(t, "lead", team+"/data", url.Values{}); r.status != 303 {
		t.Errorf("clear citations: %d", r.status)
	}
	if r := w.get(t, "", team); strings.Contains(r.body, "Daftar PJU Pajang") {
		t.Error("cleared citation still shown")
	}
}

// publishedDataset publishes a linked dataset of the showcase
// organisation, as its owner.
func publishedDataset(t *testing.T, w *orgWorld, title string) *dataset.Dataset {
	return newDataset(t, w, title, true)
}

// newDataset is a linked dataset of the showcase organisation, published
// or left a draft.
func newDataset(t *testing.T, w *orgWorld, title string, publish bool) *dataset.Dataset {
	t.Helper()
	ctx := context.Background()
	s := &dataset.Store{DB: w.d}
	owner := w.users["owner"]
	a := dataset.Actor{ID: owner.ID, Name: owner.Name}
	d, err := s.Create(ctx, a, w.org.ID, dataset.Input{Title: title, RegionCode: "33.72.01.1001", Licence: "CC-BY-4.0",
		Source: dataset.SourceLink, LinkURL: "https://data.surakarta.go.id/dataset/pju-pajang", LinkFormat: "CSV"})
	if err != nil {
		t.Fatal(err)
	}
	if !publish {
		return d
	}
	if err := s.Publish(ctx, a, d); err != nil {
		t.Fatal(err)
	}
	return d
}

// userID is the id of the account with email.
func (w *orgWorld) userID(t *testing.T, email string) int64 {
	t.Helper()
	return int64(w.countOf(t, `SELECT id FROM users WHERE email = ?`, email))
}

func TestForumDraftAndEdit(t *testing.T) {
	w := newDemoWorld(t)
	fid, _ := w.forumIDs(t)
	page := "/forum/" + fid
	dataPage := "/dataset/" + itoaTest(int64(w.countOf(t, `SELECT id FROM datasets WHERE title = ?`, demo.DatasetPajangTitle)))
	if r := w.get(t, "", dataPage); !strings.Contains(r.body, `href="`+page+`"`) {
		t.Error("the dataset page does not name the forum citing it")
	}
	edit := w.get(t, "editor", page+"/ubah")
	if edit.status != 200 || !strings.Contains(edit.body, `value="Balai Kelurahan Pajang"`) {
		t.Fatalf("edit form: %d", edit.status)
	}
	form := url.Values{"title": {demoForum}, "issue": {"Gang gelap"}, "region": {"33.72.01.1001"}, "held_on": {"2026-31-12"}}
	if r := w.post(t, "editor", page+"/ubah", form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "error-summary") {
		t.Errorf("bad date: %d", r.status)
	}
	// Saved without "published": a draft, hidden from the public, the
	// API and the lists, still open to those who manage it.
	form.Set("held_on", "2026-09-10")
	form.Set("n_warga", "12")
	if r := w.post(t, "editor", page+"/ubah", form); r.status != 303 {
		t.Fatalf("edit: %d %s", r.status, r.body)
	}
	_, tid := w.forumIDs(t)
	for role, want := range map[string]int{"": 404, "viewer": 404, "owner": 200, "coordinator": 200} {
		if r := w.get(t, role, page); r.status != want {
			t.Errorf("draft forum for %q: %d, want %d", role, r.status, want)
		}
	}
	if r := w.get(t, "", "/tim/"+tid); r.status != 404 {
		t.Errorf("team of a draft forum: %d", r.status)
	}
	if r := w.get(t, "editor", "/tim/"+tid); r.status != 200 {
		t.Errorf("team of a draft forum for its member: %d", r.status)
	}
	if r := w.get(t, "", "/api/v1/action-teams/"+tid); r.status != 404 {
		t.Errorf("API of a draft team: %d", r.status)
	}
	if r := w.get(t, "", dataPage); strings.Contains(r.body, `href="`+page+`"`) || strings.Contains(r.body, `href="/tim/`+tid+`"`) {
		t.Error("the dataset page links a draft forum or its team")
	}
	if r := w.get(t, "", "/forum"); strings.Contains(r.body, demoForum) {
		t.Error("the public list shows a draft")
	}
	if r := w.get(t, "editor", "/forum?organisasi="+itoaTest(w.org.ID)); !strings.Contains(r.body, demoForum) {
		t.Error("the organisation's own list lacks its draft")
	}
	if r := w.get(t, "editor", "/organisasi/"+w.org.Slug+"/dasbor"); !strings.Contains(r.body, "/forum?organisasi="+itoaTest(w.org.ID)) {
		t.Error("the dashboard does not link the organisation's forums")
	}
}
