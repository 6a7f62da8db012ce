package web_test

import (
	"encoding/json"
	"fmt"
	"lokadaya/internal/i18n"
	"lokadaya/internal/pdf/pdftest"
	"lokadaya/internal/region"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var sessionPathRE = regexp.MustCompile(`^/organisasi/terang-kampung/refleksi/(\d+)$`)

// TestReflectionSessionFlow plans a session, refuses bad input with the
// typed text kept, seats groups, records their inputs and findings,
// marks it held, publishes it, and checks who may see and do what.
func TestReflectionSessionFlow(t *testing.T) {
	w := newDemoWorld(t)
	base := "/organisasi/terang-kampung/refleksi"

	// Who may plan a session.
	for role, want := range map[string]int{"": http.StatusSeeOther, "viewer": http.StatusForbidden,
		"owner2": http.StatusForbidden, "coordinator": http.StatusForbidden, "editor": http.StatusOK} {
		if got := w.get(t, role, base+"/baru").status; got != want {
			t.Errorf("%q GET plan form = %d, want %d", role, got, want)
		}
	}
	bad := url.Values{"title": {"Refleksi akhir tahun"}, "held_on": {"2026-11-20"}, "period_from": {"2026-06-01"}, "period_to": {"2026-01-01"}}
	r := w.post(t, "editor", base+"/baru", bad)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Refleksi akhir tahun") ||
		!strings.Contains(r.body, "tidak boleh sebelum tanggal awal") {
		t.Fatalf("bad plan = %d, want 422 with the title kept and the error", r.status)
	}
	good := url.Values{"title": {"Refleksi akhir tahun"}, "held_on": {"2026-11-20"}, "period_from": {"2026-01-01"}, "period_to": {"2026-10-31"}, "place": {"Balai RW 05"}}
	r = w.post(t, "editor", base+"/baru", good)
	m := sessionPathRE.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("plan = %d → %q", r.status, r.location)
	}
	page := r.location

	// Unpublished: the organisation's people and its hub read it; the public does not.
	for role, want := range map[string]int{"viewer": 200, "coordinator": 200, "owner2": 404, "": http.StatusSeeOther} {
		if got := w.get(t, role, page).status; got != want {
			t.Errorf("%q GET unpublished session = %d, want %d", role, got, want)
		}
	}
	if got := w.post(t, "viewer", page+"/kelompok", url.Values{"group_kind": {"staf"}, "group_name": {"x"}}).status; got != http.StatusForbidden {
		t.Errorf("viewer adds a group = %d", got)
	}

	// A group refused, then seated; its input kept as its own.
	r = w.post(t, "editor", page+"/kelompok", url.Values{"group_kind": {"penerima_manfaat"}, "group_name": {"Warga RT 03"},
		"group_participants": {"9"}, "group_women": {"12"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="Warga RT 03"`) ||
		!strings.Contains(r.body, "tidak boleh lebih dari jumlah peserta") {
		t.Fatalf("bad group = %d", r.status)
	}
	for _, g := range []url.Values{
		{"group_kind": {"penerima_manfaat"}, "group_name": {"Warga RT 03"}, "group_participants": {"12"}, "group_women": {"7"}},
		{"group_kind": {"staf"}, "group_name": {"Pengurus"}, "group_participants": {"4"}, "group_women": {"2"}},
	} {
		if r = w.post(t, "editor", page+"/kelompok", g); r.status != http.StatusSeeOther {
			t.Fatalf("group = %d", r.status)
		}
	}
	var groupID int64
	if err := w.d.QueryRow(t.Context(), `SELECT id FROM reflection_groups WHERE name = 'Warga RT 03'`).Scan(&groupID); err != nil {
		t.Fatal(err)
	}
	r = w.post(t, "editor", fmt.Sprintf("%s/kelompok/%d/masukan", page, groupID), url.Values{"input_kind": {"kurang"}, "input_body": {" "}})
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("empty input = %d", r.status)
	}
	say := "Lampu di gang belakang masih mati tiap hujan."
	if r = w.post(t, "editor", fmt.Sprintf("%s/kelompok/%d/masukan", page, groupID), url.Values{"input_kind": {"kurang"}, "input_body": {say}}); r.status != http.StatusSeeOther {
		t.Fatalf("input = %d", r.status)
	}

	// Findings: a recommendation needs its addressee; a new initiative
	// waits for the next cycle.
	r = w.post(t, "editor", page+"/temuan", url.Values{"finding_kind": {"recommendation"}, "finding_title": {"Anggaran pemeliharaan"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Anggaran pemeliharaan") {
		t.Fatalf("recommendation without addressee = %d", r.status)
	}
	for _, f := range []url.Values{
		{"finding_kind": {"recommendation"}, "finding_title": {"Anggaran pemeliharaan"}, "finding_addressed_to": {"Lurah"}},
		{"finding_kind": {"new_initiative"}, "finding_title": {"Regu siaga lampu"}, "finding_group": {fmt.Sprint(groupID)}},
		{"finding_kind": {"lesson"}, "finding_title": {"Warga mau merawat lampu yang titiknya mereka pilih"}},
	} {
		if r = w.post(t, "editor", page+"/temuan", f); r.status != http.StatusSeeOther {
			t.Fatalf("finding = %d", r.status)
		}
	}

	// Held, then published: now the public reads it, nobody named.
	if r = w.post(t, "editor", page+"/terbitkan", url.Values{}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("publishing before held = %d", r.status)
	}
	if r = w.post(t, "editor", page+"/selesai", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("held = %d %s", r.status, r.body)
	}
	if r = w.post(t, "editor", page+"/terbitkan", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("publish = %d", r.status)
	}
	lessons := func() (all, published int) {
		t.Helper()
		if err := w.d.QueryRow(t.Context(), `SELECT COUNT(*), COALESCE(SUM(CASE WHEN published THEN 1 ELSE 0 END), 0)
			FROM lessons WHERE source_kind = 'reflection' AND source_id = ?`, m[1]).Scan(&all, &published); err != nil {
			t.Fatal(err)
		}
		return all, published
	}
	if all, published := lessons(); all != 1 || published != 1 {
		t.Errorf("the lesson finding in the library: %d lessons, %d published", all, published)
	}
	r = w.get(t, "", page)
	if r.status != http.StatusOK || !strings.Contains(r.body, say) || !strings.Contains(r.body, "Regu siaga lampu") ||
		!strings.Contains(r.body, "dari Warga RT 03") || strings.Contains(r.body, w.users["editor"].Name) {
		t.Errorf("public session page = %d", r.status)
	}
	if r = w.get(t, "", page+"/cetak.pdf"); r.status != 200 || !strings.HasPrefix(r.body, "%PDF") {
		t.Fatalf("PDF = %d", r.status)
	}
	pdfPath := filepath.Join(t.TempDir(), "refleksi.pdf")
	if err := os.WriteFile(pdfPath, []byte(r.body), 0o600); err != nil {
		t.Fatal(err)
	}
	words := strings.Join(strings.Fields(string(pdftest.Poppler(t, "pdftotext", "-enc", "UTF-8", pdfPath, "-"))), " ")
	for _, want := range []string{"Refleksi akhir tahun", "Warga RT 03", "Orang yang dilayani", say, "Regu siaga lampu", "kepada Lurah"} {
		if !strings.Contains(words, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, words)
		}
	}
	if r = w.get(t, "", page+"/unduh/refleksi.csv"); r.status != 200 || !strings.Contains(r.body, say) ||
		!strings.Contains(r.body, "Warga RT 03") || !strings.Contains(r.body, "Regu siaga lampu") {
		t.Errorf("CSV = %d:\n%s", r.status, r.body)
	}

	// Withdrawn and published again: its lesson follows, never doubled.
	for _, step := range []string{"/tarik", "/terbitkan"} {
		if r = w.post(t, "editor", page+step, url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("%s = %d", step, r.status)
		}
		if step == "/tarik" {
			if _, published := lessons(); published != 0 {
				t.Errorf("a withdrawn session's lesson stays published")
			}
		}
	}
	if all, published := lessons(); all != 1 || published != 1 {
		t.Errorf("after publishing again: %d lessons, %d published", all, published)
	}

	// The API lists the published session with its group's own input.
	r = w.get(t, "", "/api/v1/organizations/terang-kampung/reflections")
	var api struct {
		Items []struct {
			Title  string
			Groups []struct {
				Kind   string
				Inputs []struct{ Text string }
			}
			Findings []struct{ Kind, Title, Group string }
		}
	}
	if err := json.Unmarshal([]byte(r.body), &api); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range api.Items {
		if it.Title != "Refleksi akhir tahun" {
			continue
		}
		found = true
		if len(it.Groups) != 2 || it.Groups[1].Kind != "penerima_manfaat" || len(it.Groups[1].Inputs) != 1 || it.Groups[1].Inputs[0].Text != say {
			t.Errorf("API groups: %+v", it.Groups)
		}
		if len(it.Findings) != 3 || it.Findings[0].Kind != "new_initiative" || it.Findings[0].Group != "Warga RT 03" {
			t.Errorf("API findings: %+v", it.Findings)
		}
	}
	if !found {
		t.Errorf("API: the published session is missing: %s", r.body)
	}
}

// TestActionPlanPage adds actions from a session, refuses one without an
// owner, and recomputes the plan's figures from the data.
func TestActionPlanPage(t *testing.T) {
	w := newDemoWorld(t)
	r := w.post(t, "owner", "/organisasi/terang-kampung/refleksi/baru", url.Values{"title": {"Refleksi kecil"},
		"held_on": {"2026-02-01"}, "period_from": {"2025-07-01"}, "period_to": {"2025-12-31"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("plan = %d", r.status)
	}
	page := r.location
	r = w.post(t, "owner", page+"/aksi", url.Values{"action_what": {"Pasang 5 lampu baru"}, "action_due_on": {"2026-03-01"}, "action_budget": {"2.500.000"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Pasang 5 lampu baru") || !strings.Contains(r.body, "penanggung jawab") {
		t.Fatalf("action without owner = %d", r.status)
	}
	owner := fmt.Sprint(w.users["editor"].ID)
	for _, a := range []url.Values{
		{"action_what": {"Pasang 5 lampu baru"}, "action_owner": {owner}, "action_due_on": {"2020-03-01"}, "action_budget": {"2.500.000"}},
		{"action_what": {"Rapat warga"}, "action_owner": {owner}, "action_due_on": {"2099-01-01"}, "action_budget": {"Rp 300.000"}},
	} {
		if r = w.post(t, "owner", page+"/aksi", a); r.status != http.StatusSeeOther {
			t.Fatalf("action = %d %s", r.status, r.body)
		}
	}
	for role, want := range map[string]int{"viewer": 200, "coordinator": 200, "owner2": 403, "": http.StatusSeeOther} {
		if got := w.get(t, role, "/organisasi/terang-kampung/rencana-aksi").status; got != want {
			t.Errorf("%q GET action plan = %d, want %d", role, got, want)
		}
	}
	r = w.get(t, "viewer", "/organisasi/terang-kampung/rencana-aksi")
	var open, overdue int
	var budget int64
	// Overdue is judged against today in the organisation's own zone, as the page does.
	var code string
	if err := w.d.QueryRow(t.Context(), `SELECT region_code FROM organizations WHERE slug = 'terang-kampung'`).Scan(&code); err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(region.Zone(code)).Format(time.DateOnly)
	if err := w.d.QueryRow(t.Context(), `SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(a.budget), 0) FROM reflection_actions a JOIN organizations o ON o.id = a.org_id
		WHERE o.slug = 'terang-kampung' AND a.status IN ('rencana', 'berjalan')`, today).Scan(&open, &overdue, &budget); err != nil {
		t.Fatal(err)
	}
	for fig, want := range map[string]string{"open": fmt.Sprint(open), "overdue": fmt.Sprint(overdue), "budget": i18n.Rupiah(budget)} {
		if !strings.Contains(r.body, `data-figure="`+fig+`">`+want+`<`) {
			t.Errorf("figure %s: want %s", fig, want)
		}
	}
	csv := w.get(t, "viewer", "/organisasi/terang-kampung/rencana-aksi/rencana-aksi.csv")
	if csv.status != 200 || !strings.Contains(csv.body, "Pasang 5 lampu baru") {
		t.Errorf("CSV = %d", csv.status)
	}
}

// TestLearningOverviewFigures recomputes the overview's figures from the
// data, as the public and as the organisation's people see them.
func TestLearningOverviewFigures(t *testing.T) {
	w := newDemoWorld(t)
	count := func(q string) string {
		t.Helper()
		var n int
		if err := w.d.QueryRow(t.Context(), q, w.org.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(n)
	}
	for _, c := range []struct {
		role string
		want map[string]string
	}{
		{"", map[string]string{
			"sessions": count(`SELECT COUNT(*) FROM reflection_sessions WHERE org_id = ? AND published_at IS NOT NULL`),
			"lessons":  count(`SELECT COUNT(*) FROM lessons WHERE org_id = ? AND published = TRUE`),
			"commitments": count(`SELECT COUNT(*) FROM commitments WHERE org_id = ? AND published = TRUE AND status = 'ditepati'`) + " dari " +
				count(`SELECT COUNT(*) FROM commitments WHERE org_id = ? AND published = TRUE`) + " ditepati"}},
		{"viewer", map[string]string{
			"sessions":     count(`SELECT COUNT(*) FROM reflection_sessions WHERE org_id = ?`),
			"lessons":      count(`SELECT COUNT(*) FROM lessons WHERE org_id = ?`),
			"indicators":   count(`SELECT COUNT(*) FROM indicators WHERE org_id = ?`),
			"cadres":       count(`SELECT COUNT(*) FROM cadres WHERE org_id = ? AND active = TRUE`),
			"open-actions": count(`SELECT COUNT(*) FROM reflection_actions WHERE org_id = ? AND status IN ('rencana', 'berjalan')`) + " berjalan"}},
	} {
		r := w.get(t, c.role, "/organisasi/terang-kampung/pembelajaran")
		if r.status != http.StatusOK {
			t.Fatalf("%q: %d", c.role, r.status)
		}
		for fig, want := range c.want {
			if !strings.Contains(r.body, `data-figure="`+fig+`">`+want+`<`) {
				t.Errorf("%q: figure %s, want %s", c.role, fig, want)
			}
		}
		if c.role == "" && strings.Contains(r.body, `data-figure="indicators"`) {
			t.Errorf("the public sees the staff figures")
		}
	}
}
