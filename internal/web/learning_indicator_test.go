package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
	"lokadaya/internal/indicator"
)

// resultsInitiative is the slug of the showcase organisation's initiative
// that has indicators, and its id.
func resultsInitiative(t *testing.T, w *orgWorld) (string, int64) {
	t.Helper()
	var slug string
	var id int64
	if err := w.d.QueryRow(context.Background(), `SELECT i.slug, i.id FROM initiatives i WHERE i.org_id = ?
		AND EXISTS (SELECT 1 FROM indicators n WHERE n.initiative_id = i.id) ORDER BY i.id LIMIT 1`, w.org.ID).Scan(&slug, &id); err != nil {
		t.Fatal(err)
	}
	return slug, id
}

func TestIndicatorStaffPages(t *testing.T) {
	w := newDemoWorld(t)
	slug, iniID := resultsInitiative(t, w)
	base := "/organisasi/" + w.org.Slug + "/indikator"
	for _, c := range []struct {
		role, path string
		status     int
	}{
		{"", base, http.StatusSeeOther},
		{"owner2", base, http.StatusForbidden},
		{"owner2", base + "/" + slug + "/baru", http.StatusForbidden},
		{"viewer", base + "/" + slug, http.StatusOK},
		{"viewer", base + "/" + slug + "/baru", http.StatusForbidden},
		{"editor", base + "/" + slug + "/baru", http.StatusOK},
		{"owner", base, http.StatusOK},
	} {
		res := w.get(t, c.role, c.path)
		if res.status != c.status && !(c.status == http.StatusSeeOther && res.status == http.StatusFound) {
			t.Errorf("%s %s = %d, want %d", c.role, c.path, res.status, c.status)
		}
		if c.role == "" && !strings.Contains(res.location, "masuk") {
			t.Errorf("anonymous sent to %q, want the login page", res.location)
		}
	}
	form := url.Values{"name": {"Kader lampu terlatih"}, "key": {"kader-lampu"}, "kind": {"output"}, "unit": {"orang"},
		"direction": {"rise"}, "baseline": {"20"}, "target": {"10"}, "period": {"quarterly"},
		"from": {"2025-01-01"}, "to": {"2025-12-31"}}
	res := w.post(t, "editor", base+"/"+slug+"/baru", form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Kader lampu terlatih") ||
		!strings.Contains(res.body, i18n.T(i18n.ID, "indicator.err.target_below")) {
		t.Fatalf("bad target: %d", res.status)
	}
	form.Set("target", "60")
	if res := w.post(t, "editor", base+"/"+slug+"/baru", form); res.status != http.StatusSeeOther {
		t.Fatalf("good form: %d %s", res.status, res.body)
	}
	if res := w.post(t, "owner2", base+"/"+slug+"/baru", form); res.status != http.StatusForbidden {
		t.Fatalf("other organisation's member: %d", res.status)
	}
	store := &indicator.Store{DB: w.d}
	list, err := store.ForInitiative(context.Background(), iniID)
	if err != nil {
		t.Fatal(err)
	}
	var ind *indicator.Indicator
	for _, i := range list {
		if i.Key == "kader-lampu" {
			ind = i
		}
	}
	if ind == nil {
		t.Fatal("indicator not saved")
	}
	actualPath := base + "/" + slug + "/butir/" + itoa(ind.ID) + "/capaian"
	res = w.post(t, "editor", actualPath, url.Values{"period": {"2026-Q1"}, "value": {"33"}, "note": {"rekap"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `value="33"`) ||
		!strings.Contains(res.body, i18n.T(i18n.ID, "indicator.err.period_outside")) {
		t.Fatalf("period outside: %d", res.status)
	}
	res = w.post(t, "editor", actualPath, url.Values{"period": {"2025-Q2"}, "value": {"tiga"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `value="tiga"`) {
		t.Fatalf("non-numeric: %d", res.status)
	}
	if res := w.post(t, "editor", actualPath, url.Values{"period": {"2025-Q2"}, "value": {"33"}}); res.status != http.StatusSeeOther {
		t.Fatalf("actual: %d %s", res.status, res.body)
	}
	var aid int64
	if err := w.d.QueryRow(context.Background(), `SELECT id FROM indicator_actuals WHERE indicator_id = ?`, ind.ID).Scan(&aid); err != nil {
		t.Fatal(err)
	}
	edit := base + "/" + slug + "/capaian/" + itoa(aid)
	if res := w.get(t, "editor", edit); res.status != http.StatusOK || !strings.Contains(res.body, `value="33"`) {
		t.Fatalf("edit actual: %d", res.status)
	}
	if res := w.post(t, "editor", edit, url.Values{"period": {"2025-Q2"}, "value": {"35"}}); res.status != http.StatusSeeOther {
		t.Fatalf("correct actual: %d", res.status)
	}
	if res := w.post(t, "viewer", edit+"/hapus", nil); res.status != http.StatusForbidden {
		t.Fatalf("viewer deletes: %d", res.status)
	}
	if res := w.post(t, "editor", edit+"/hapus", nil); res.status != http.StatusSeeOther {
		t.Fatalf("delete actual: %d", res.status)
	}
	var audits int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE target_type = 'indicator_actual'
		AND target_id = ?`, itoa(aid)).Scan(&audits); err != nil || audits != 3 {
		t.Fatalf("audit entries of the actual = %d, %v", audits, err)
	}
}

// TestResultsPages recomputes the public results page's computed figures
// from the service records, and checks the API, the downloads and that a
// draft's results stay hidden.
func TestResultsPages(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	slug, iniID := resultsInitiative(t, w)
	res := w.get(t, "", "/inisiatif/"+slug+"/hasil")
	if res.status != http.StatusOK || !strings.Contains(res.body, "<svg") || !strings.Contains(res.body, `class="computed"`) ||
		!strings.Contains(res.body, `class="typed"`) || !strings.Contains(res.body, `data-source="service_records"`) {
		t.Fatalf("results page: %d", res.status)
	}
	list, err := (&indicator.Store{DB: w.d}).ForInitiative(ctx, iniID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range list {
		if ind.Source != indicator.SourceServiceRecords {
			continue
		}
		for _, a := range ind.Actuals {
			from, to, _ := indicator.PeriodRange(ind.Period, a.Period)
			var sum int64
			if err := w.d.QueryRow(ctx, `SELECT COALESCE(SUM(total), 0) FROM service_records WHERE initiative_id = ?
				AND served_on BETWEEN ? AND ?`, iniID, from, to).Scan(&sum); err != nil {
				t.Fatal(err)
			}
			cell := "<td>" + indicator.PeriodLabel(i18n.ID, a.Period) + "</td><td>" + indicator.Whole(sum).Format(i18n.ID)
			if !strings.Contains(res.body, cell) {
				t.Errorf("results page lacks %q", cell)
			}
		}
	}
	if !strings.Contains(w.get(t, "", "/inisiatif/"+slug).body, "/inisiatif/"+slug+"/hasil") {
		t.Error("the initiative page does not link its results")
	}
	if res := w.get(t, "", "/organisasi/"+w.org.Slug+"/hasil"); res.status != http.StatusOK || !strings.Contains(res.body, "/inisiatif/"+slug+"/hasil") {
		t.Errorf("organisation results: %d", res.status)
	}

	api := w.get(t, "", "/api/v1/initiatives/"+slug+"/indicators")
	var body struct {
		Items []map[string]json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal([]byte(api.body), &body); err != nil || api.status != http.StatusOK || len(body.Items) != len(list) {
		t.Fatalf("api: %d %v", api.status, err)
	}
	sources := map[string]bool{}
	for _, it := range body.Items {
		for _, k := range []string{"key", "name", "unit", "kind", "baseline", "target", "direction", "from", "to", "actuals"} {
			if _, ok := it[k]; !ok {
				t.Errorf("api item lacks %s", k)
			}
		}
		var actuals []struct {
			Period string  `json:"period"`
			Value  float64 `json:"value"`
			Source string  `json:"source"`
		}
		if err := json.Unmarshal(it["actuals"], &actuals); err != nil {
			t.Fatal(err)
		}
		for _, a := range actuals {
			sources[a.Source] = true
		}
	}
	if !sources["typed"] || !sources["service_records"] {
		t.Errorf("api sources = %v", sources)
	}

	csv := w.get(t, "", "/inisiatif/"+slug+"/hasil.csv")
	if csv.status != http.StatusOK || !strings.HasPrefix(csv.header.Get("Content-Type"), "text/csv") ||
		!strings.HasPrefix(csv.body, "key,name,kind,unit") || !strings.Contains(csv.body, ",service_records") {
		t.Errorf("csv: %d %q", csv.status, csv.header.Get("Content-Type"))
	}
	xlsx := w.get(t, "", "/inisiatif/"+slug+"/hasil.xlsx")
	if xlsx.status != http.StatusOK || !strings.HasPrefix(xlsx.body, "PK") {
		t.Errorf("xlsx: %d", xlsx.status)
	}

	// A draft initiative's results are the organisation's business.
	if _, err := w.d.Exec(ctx, `UPDATE initiatives SET status = 'draft' WHERE id = ?`, iniID); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/inisiatif/" + slug + "/hasil", "/inisiatif/" + slug + "/hasil.csv", "/api/v1/initiatives/" + slug + "/indicators"} {
		if res := w.get(t, "", path); res.status != http.StatusNotFound {
			t.Errorf("draft %s = %d, want 404", path, res.status)
		}
	}
	if res := w.get(t, "viewer", "/inisiatif/"+slug+"/hasil"); res.status != http.StatusOK {
		t.Errorf("draft results to a reader = %d", res.status)
	}
	if res := w.get(t, "", "/organisasi/"+w.org.Slug+"/hasil"); strings.Contains(res.body, "/inisiatif/"+slug+"/hasil") {
		t.Error("the organisation's public results show a draft")
	}
}

// TestCycleCompareIndicators checks the cycle comparison lines up the
// indicators of the cycles' initiatives with their latest actuals.
func TestCycleCompareIndicators(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	_, iniID := resultsInitiative(t, w)
	var n int
	if err := w.d.QueryRow(ctx, `SELECT c.number FROM cycles c JOIN initiatives i ON i.cycle_id = c.id WHERE i.id = ?`, iniID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	other := n + 1
	if n > 1 {
		other = n - 1
	}
	res := w.get(t, "owner", "/organisasi/"+w.org.Slug+"/siklus/bandingkan?a="+itoa(int64(n))+"&b="+itoa(int64(other)))
	if res.status != http.StatusOK || !strings.Contains(res.body, `id="indikator"`) {
		t.Fatalf("compare: %d", res.status)
	}
	list, err := (&indicator.Store{DB: w.d}).ForInitiative(ctx, iniID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range list {
		l := ind.Latest()
		if l == nil {
			continue
		}
		want := i18n.T(i18n.ID, "cycle.compare.indicator_cell", l.Value.Format(i18n.ID), ind.Target.Format(i18n.ID),
			indicator.PeriodLabel(i18n.ID, l.Period))
		if !strings.Contains(res.body, ind.Name) || !strings.Contains(res.body, want) {
			t.Errorf("compare lacks %s: %s", ind.Name, want)
		}
	}
}
