package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDataLicenceSetting: an organisation's owners choose its data
// licence on its edit page; others may not; the catalogue and the CKAN
// package follow the choice.
func TestDataLicenceSetting(t *testing.T) {
	w, _ := newDemoServer(t)
	slug := w.org.Slug
	edit := w.get(t, "owner", "/organisasi/"+slug+"/ubah")
	if edit.status != 200 || !strings.Contains(edit.body, `action="/organisasi/`+slug+`/lisensi-data"`) ||
		!strings.Contains(edit.body, `value="CC-BY-4.0" checked`) {
		t.Fatalf("owner's edit page: %d, no licence form with CC BY 4.0 chosen", edit.status)
	}
	if e := w.get(t, "editor", "/organisasi/"+slug+"/ubah"); strings.Contains(e.body, "/lisensi-data") {
		t.Error("an editor is offered the licence form")
	}
	path := "/organisasi/" + slug + "/lisensi-data"
	if r := w.post(t, "editor", path, url.Values{"data_licence": {"CC0-1.0"}}); r.status != http.StatusForbidden {
		t.Errorf("editor sets the licence: %d", r.status)
	}
	if r := w.post(t, "anon", path, url.Values{"data_licence": {"CC0-1.0"}}); r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "/masuk") {
		t.Errorf("visitor sets the licence: %d %s", r.status, r.header.Get("Location"))
	}
	if r := w.post(t, "owner", path, url.Values{"data_licence": {"GPL-3.0"}}); r.status != http.StatusSeeOther {
		t.Errorf("unknown licence: %d", r.status)
	}
	var got string
	_ = w.d.QueryRow(context.Background(), `SELECT data_licence FROM organizations WHERE id = ?`, w.org.ID).Scan(&got)
	if got != "CC-BY-4.0" {
		t.Fatalf("licence %q after refused changes", got)
	}
	if r := w.post(t, "owner", path, url.Values{"data_licence": {"ODbL-1.0"}}); r.status != http.StatusSeeOther {
		t.Fatalf("owner sets the licence: %d", r.status)
	}
	page := w.get(t, "anon", "/data?organisasi="+slug)
	if page.status != 200 || !strings.Contains(page.body, "Open Data Commons Open Database License 1.0") {
		t.Errorf("catalogue of %s does not show its licence: %d", slug, page.status)
	}
	csv := w.get(t, "anon", "/data/kampanye.csv?organisasi="+slug)
	if !strings.Contains(csv.body, ",ODbL-1.0\r\n") {
		t.Errorf("rows do not carry the licence: %q", csv.body)
	}
	show := w.get(t, "anon", "/api/3/action/package_show?id=oms-"+slug)
	if !strings.Contains(show.body, `"license_id":"odc-odbl"`) {
		t.Errorf("CKAN package licence: %s", show.body)
	}
	// The platform's files now mix licences.
	all := w.get(t, "anon", "/api/3/action/package_show?id=lokadaya-kampanye")
	if !strings.Contains(all.body, `"license_id":"other-open"`) {
		t.Errorf("platform package licence: %s", all.body)
	}
	// The organisation's page links its open data.
	if p := w.get(t, "anon", "/organisasi/"+slug); !strings.Contains(p.body, `href="/data?organisasi=`+slug+`"`) {
		t.Error("the organisation's page does not link its open data")
	}
}
