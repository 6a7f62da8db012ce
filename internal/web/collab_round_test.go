package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

const posyanduTitle = "Pelatihan kader posyandu tentang gizi balita"

// demoRound is the demo's settled round in Pajang.
func (w *orgWorld) demoRound(t *testing.T) string {
	t.Helper()
	return strconv.Itoa(w.countOf(t, `SELECT MIN(id) FROM planning_rounds`))
}

// TestRoundDemoFigures recomputes the settled demo round's page, API and
// export from the data: each year's planned cost and ceiling, the funded
// and the carried-over proposal, and the carried proposal's history.
func TestRoundDemoFigures(t *testing.T) {
	w := newDemoWorld(t)
	id := w.demoRound(t)
	r := w.get(t, "", "/perencanaan/"+id)
	if r.status != 200 {
		t.Fatalf("round page = %d", r.status)
	}
	rows, err := w.d.Query(context.Background(), `SELECT y.year, y.ceiling, COALESCE(SUM(res.cost), 0)
		FROM planning_years y LEFT JOIN planning_results res ON res.round_id = y.round_id AND res.planned_year = y.year
		WHERE y.round_id = ? GROUP BY y.year, y.ceiling ORDER BY y.year`, id)
	if err != nil {
		t.Fatal(err)
	}
	years := 0
	for rows.Next() {
		var year int
		var ceiling, planned int64
		if err := rows.Scan(&year, &ceiling, &planned); err != nil {
			t.Fatal(err)
		}
		years++
		want := i18n.T(i18n.ID, "round.year.figures", i18n.Rupiah(planned), i18n.Rupiah(ceiling))
		if !strings.Contains(r.body, want) {
			t.Errorf("year %d: want %q", year, want)
		}
	}
	rows.Close()
	if years != 3 {
		t.Errorf("%d years", years)
	}
	for _, want := range []string{"Perbaikan saluran air RW 05 Pajang", posyanduTitle, "pindahan dari 2026", `id="round-carried"`,
		"didanai", "Manfaat bagi warga", "bobot 40%", "/perencanaan/" + id + "/hasil.csv"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("round page lacks %q", want)
		}
	}
	var api struct {
		ID       int64  `json:"id"`
		Region   string `json:"region_code"`
		Period   string `json:"period"`
		Criteria []struct {
			Name   string `json:"name"`
			Weight int    `json:"weight"`
		} `json:"criteria"`
		Years []struct {
			Year    int   `json:"year"`
			Ceiling int64 `json:"ceiling"`
			Items   []struct {
				Proposal int64   `json:"proposal"`
				Rank     int     `json:"rank"`
				Score    float64 `json:"score"`
				Cost     int64   `json:"cost"`
				Funded   bool    `json:"funded"`
			} `json:"items"`
		} `json:"years"`
		Carried []struct {
			Proposal int64 `json:"proposal"`
			From     int   `json:"from_year"`
			To       *int  `json:"to_year"`
		} `json:"carried_over"`
	}
	a := w.get(t, "", "/api/v1/rounds/"+id)
	if err := json.Unmarshal([]byte(a.body), &api); err != nil {
		t.Fatal(err)
	}
	posyandu, _ := strconv.ParseInt(w.proposalID(t, posyanduTitle), 10, 64)
	weights := 0
	for _, c := range api.Criteria {
		weights += c.Weight
	}
	if api.Region != "33.72.01.1001" || api.Period != "2026–2028" || weights != 100 || len(api.Years) != 3 {
		t.Errorf("API round: %s", a.body)
	}
	if len(api.Carried) != 1 || api.Carried[0].Proposal != posyandu || api.Carried[0].From != 2026 || api.Carried[0].To == nil || *api.Carried[0].To != 2027 {
		t.Errorf("API carried over: %+v", api.Carried)
	}
	if len(api.Years[0].Items) != 1 || !api.Years[0].Items[0].Funded || api.Years[1].Items[0].Proposal != posyandu {
		t.Errorf("API years: %+v", api.Years)
	}
	for path, want := range map[string]string{
		"/api/v1/rounds":                                       `"id":` + id,
		"/api/v1/regions/33.72/rounds":                         `"id":` + id,
		"/api/v1/regions/32.73/rounds":                         `"items":[]`,
		"/api/v1/proposals/" + strconv.FormatInt(posyandu, 10): `"event":"dipindah"`,
		"/usulan/" + strconv.FormatInt(posyandu, 10):           `id="proposal-rank-history"`,
		"/perencanaan?wilayah=33.72":                           "Musrenbang Kelurahan Pajang",
		"/wilayah/33.72.01.1001":                               "/perencanaan?wilayah=33.72.01.1001",
	} {
		if r := w.get(t, "", path); r.status != 200 || !strings.Contains(r.body, want) {
			t.Errorf("%s = %d, lacks %q", path, r.status, want)
		}
	}
	if r := w.get(t, "", "/api/v1/organizations?kind=pemerintah"); strings.Contains(r.body, `"kind":"oms"`) {
		t.Errorf("an OMS among government offices: %s", r.body)
	}
	if r := w.get(t, "", "/api/v1/organizations?kind=partai"); r.status != 400 {
		t.Errorf("unknown kind = %d", r.status)
	}
	csv := w.get(t, "", "/perencanaan/"+id+"/hasil.csv")
	if csv.status != 200 || strings.Count(csv.body, "\n") != 3 || !strings.Contains(csv.body, posyanduTitle) {
		t.Errorf("CSV = %d %q", csv.status, csv.body)
	}
	if x := w.get(t, "", "/perencanaan/"+id+"/hasil.xlsx"); x.status != 200 || !strings.HasPrefix(x.body, "PK") {
		t.Errorf("XLSX = %d", x.status)
	}
}

// TestRoundByRole walks a round from its creation by a government office
// to a funded year, refusing each role what it may not do.
func TestRoundByRole(t *testing.T) {
	w := newDemoWorld(t)
	w.signIn(t, "lurah", "lurah.pajang@lokadaya.test")
	w.signIn(t, "warga", "pengurus9@lokadaya.test")
	office := strconv.Itoa(w.countOf(t, `SELECT id FROM organizations WHERE slug = 'kelurahan-pajang'`))
	for role, want := range map[string]int{"owner": 403, "coordinator": 403, "": 303, "lurah": 200} {
		if got := w.get(t, role, "/perencanaan/baru").status; got != want {
			t.Errorf("%q GET new round = %d, want %d", role, got, want)
		}
	}
	// Only an OMS runs the cycle and Galang Daya.
	if r := w.get(t, "lurah", "/organisasi/kelurahan-pajang/galang-daya/baru"); r.status != 403 || !strings.Contains(r.body, "Khusus OMS") {
		t.Errorf("an office's new campaign = %d", r.status)
	}
	if r := w.post(t, "lurah", "/organisasi/kelurahan-pajang/siklus/mulai", nil); r.status != 403 {
		t.Errorf("an office's cycle = %d", r.status)
	}
	good := url.Values{"org": {office}, "title": {"Musrenbang Pajang 2028–2030"}, "region": {"33.72.01.1001"},
		"first_year": {"2027"}, "years": {"3"}}
	bad := url.Values{"org": {office}, "title": {"Di luar wilayah"}, "region": {"32.73.01.1001"}, "first_year": {"2027"}, "years": {"3"}}
	if r := w.post(t, "lurah", "/perencanaan/baru", bad); r.status != 422 || !strings.Contains(r.body, "wilayah penyelenggara") {
		t.Errorf("round outside the office's region = %d", r.status)
	}
	if r := w.post(t, "owner", "/perencanaan/baru", good); r.status != 403 {
		t.Errorf("an OMS convened a round: %d", r.status)
	}
	r := w.post(t, "lurah", "/perencanaan/baru", good)
	if r.status != 303 || !strings.HasSuffix(r.location, "/atur") {
		t.Fatalf("create = %d %s %s", r.status, r.location, r.body)
	}
	page := strings.TrimSuffix(r.location, "/atur")
	setup := url.Values{"crit_name_0": {"Manfaat"}, "crit_weight_0": {"70"}, "crit_name_1": {"Kesiapan"}, "crit_weight_1": {"20"},
		"ceiling_2027": {"20.000.000"}, "ceiling_2028": {"20.000.000"}, "ceiling_2029": {"0"}}
	if r := w.post(t, "lurah", page+"/atur", setup); r.status != 422 || !strings.Contains(r.body, "harus 100") {
		t.Errorf("weights of 90 = %d", r.status)
	}
	setup.Set("crit_weight_1", "30")
	for role, want := range map[string]int{"owner": 403, "platform": 303, "lurah": 303} {
		if got := w.post(t, role, page+"/atur", setup).status; got != want {
			t.Errorf("%q saves the rules = %d, want %d", role, got, want)
		}
	}
	for _, p := range []url.Values{{"email": {"pengurus9@lokadaya.test"}, "group": {"warga"}},
		{"email": {"lurah.pajang@lokadaya.test"}, "group": {"pemerintah"}}} {
		if r := w.post(t, "lurah", page+"/peserta", p); r.status != 303 {
			t.Fatalf("participant = %d %s", r.status, r.body)
		}
	}
	if r := w.post(t, "lurah", page+"/peserta", url.Values{"email": {"pengurus9@lokadaya.test"}, "group": {"pemerintah"}}); r.status != 422 ||
		!strings.Contains(r.body, "organisasi terverifikasi") {
		t.Errorf("a resident on the government seat = %d", r.status)
	}
	if r := w.post(t, "lurah", page+"/buka", nil); r.status != 303 {
		t.Fatalf("open = %d", r.status)
	}
	// The posyandu training carried over from the demo round comes back.
	posyandu := w.proposalID(t, posyanduTitle)
	sheet := w.get(t, "warga", page+"/nilai")
	if sheet.status != 200 || !strings.Contains(sheet.body, posyanduTitle) {
		t.Fatalf("score sheet = %d", sheet.status)
	}
	crit := w.countOf(t, `SELECT MIN(c.id) FROM planning_criteria c JOIN planning_rounds r ON r.id = c.round_id WHERE r.title = ?`, "Musrenbang Pajang 2028–2030")
	scores := url.Values{"score_" + strconv.Itoa(crit): {"4"}, "score_" + strconv.Itoa(crit+1): {"5"}}
	for role, want := range map[string]int{"": 303, "owner": 403, "warga": 303, "lurah": 303} {
		if got := w.post(t, role, page+"/nilai/"+posyandu, scores).status; got != want {
			t.Errorf("%q scores = %d, want %d", role, got, want)
		}
	}
	before := w.countOf(t, `SELECT COUNT(*) FROM planning_scores`)
	w.post(t, "warga", page+"/nilai/"+posyandu, scores)
	if w.countOf(t, `SELECT COUNT(*) FROM planning_scores`) != before {
		t.Error("a second score was kept")
	}
	if r := w.post(t, "warga", page+"/nilai/"+posyandu, url.Values{"score_" + strconv.Itoa(crit): {"9"}}); r.status != 422 ||
		!strings.Contains(r.body, "setiap kriteria") {
		t.Errorf("score of 9 = %d", r.status)
	}
	if got := w.post(t, "warga", page+"/tetapkan", nil).status; got != 403 {
		t.Errorf("a resident settled: %d", got)
	}
	if r := w.post(t, "lurah", page+"/tetapkan", nil); r.status != 303 {
		t.Fatalf("settle = %d", r.status)
	}
	mails := w.countOf(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`)
	if r := w.get(t, "lurah", page+"/tahun/2028"); r.status != 404 {
		t.Errorf("a later year before the first = %d", r.status)
	}
	if r := w.get(t, "lurah", page+"/tahun/2027"); r.status != 200 || !strings.Contains(r.body, `id="funded-`+posyandu+`"`) {
		t.Errorf("year form = %d", r.status)
	}
	if r := w.post(t, "lurah", page+"/tahun/2027", url.Values{}); r.status != 303 {
		t.Fatalf("decide 2027 = %d", r.status)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`) - mails; n < 1 {
		t.Errorf("no proposer told: %d e-mails", n)
	}
	res := w.get(t, "", page)
	if !strings.Contains(res.body, "pindahan dari 2027") {
		t.Errorf("the unfunded proposal is not shown carried")
	}
}
