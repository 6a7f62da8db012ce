package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/opendata"
	"lokadaya/internal/web"
)

// openDataServer serves the demo world at an address that is also its
// BaseURL, so that the catalogue's links can be followed as a harvester
// follows them.
func openDataServer(t testing.TB) (*httptest.Server, *db.DB) {
	t.Helper()
	d := demotest.Open(t)
	ts := httptest.NewUnstartedServer(nil)
	srv, err := web.New(web.Config{BaseURL: "http://" + ts.Listener.Addr().String(), UploadsDir: t.TempDir()}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return ts, d
}

// ckanReply is CKAN's envelope.
type ckanReply struct {
	Help    string          `json:"help"`
	Success bool            `json:"success"`
	Result  json.RawMessage `json:"result"`
	Error   map[string]any  `json:"error"`
}

// ckanCall calls an action as a CKAN client does and decodes the envelope.
func ckanCall(t testing.TB, base, action string, params url.Values) (int, ckanReply) {
	t.Helper()
	u := base + "/api/3/action/" + action
	if len(params) > 0 {
		u += "?" + params.Encode()
	}
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r ckanReply
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatalf("%s: not CKAN's JSON: %v", u, err)
	}
	if !strings.Contains(r.Help, "help_show?name=") {
		t.Errorf("%s: help %q", u, r.Help)
	}
	return res.StatusCode, r
}

// ckanPackage is the part of a CKAN package a harvester reads.
type ckanPackage struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Title            string `json:"title"`
	Notes            string `json:"notes"`
	LicenseID        string `json:"license_id"`
	LicenseURL       string `json:"license_url"`
	OwnerOrg         string `json:"owner_org"`
	MetadataModified string `json:"metadata_modified"`
	MetadataCreated  string `json:"metadata_created"`
	State            string `json:"state"`
	Private          bool   `json:"private"`
	NumResources     int    `json:"num_resources"`
	Organization     struct {
		Name  string `json:"name"`
		Title string `json:"title"`
	} `json:"organization"`
	Resources []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		URL      string `json:"url"`
		Format   string `json:"format"`
		Mimetype string `json:"mimetype"`
	} `json:"resources"`
	Tags []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

// TestCKANHarvest harvests the catalogue the way CKAN's harvester
// (ckanext-harvest's CKAN harvester) does: organisations, then the
// package names through package_search a page at a time, each package
// through package_show, and each resource downloaded and checked against
// its format and the data dictionary; the figures are recomputed from the
// database.
func TestCKANHarvest(t *testing.T) {
	ts, d := openDataServer(t)
	base := ts.URL
	ctx := context.Background()

	// Organisations.
	status, r := ckanCall(t, base, "organization_list", nil)
	var orgNames []string
	if status != 200 || !r.Success || json.Unmarshal(r.Result, &orgNames) != nil || len(orgNames) < 2 || orgNames[0] != "lokadaya" {
		t.Fatalf("organization_list: %d %+v", status, r)
	}
	status, r = ckanCall(t, base, "organization_show", url.Values{"id": {orgNames[1]}})
	if status != 200 || !r.Success {
		t.Fatalf("organization_show %s: %d %+v", orgNames[1], status, r)
	}

	// Gather the package names by paging through package_search.
	var count int
	var names []string
	for start := 0; ; start += 7 {
		status, r := ckanCall(t, base, "package_search", url.Values{"q": {"*:*"}, "rows": {"7"}, "start": {strconv.Itoa(start)}})
		var page struct {
			Count   int           `json:"count"`
			Results []ckanPackage `json:"results"`
		}
		if status != 200 || !r.Success || json.Unmarshal(r.Result, &page) != nil {
			t.Fatalf("package_search start=%d: %d %+v", start, status, r)
		}
		if start == 0 {
			count = page.Count
		} else if page.Count != count {
			t.Fatalf("package_search count moved from %d to %d", count, page.Count)
		}
		if len(page.Results) == 0 {
			break
		}
		if len(page.Results) > 7 {
			t.Fatalf("package_search gave %d rows, asked 7", len(page.Results))
		}
		for _, p := range page.Results {
			names = append(names, p.Name)
		}
	}
	publishers := int(countOf(t, d, `SELECT COUNT(*) FROM organizations o WHERE o.status NOT IN ('rejected', 'suspended')
		AND (EXISTS (SELECT 1 FROM initiatives i WHERE i.org_id = o.id AND i.status = 'published')
		OR EXISTS (SELECT 1 FROM campaigns c WHERE c.org_id = o.id AND c.status <> 'draft'))`))
	if count != len(names) || count != len(opendata.Datasets)+publishers {
		t.Fatalf("package_search: count %d, %d names, want %d datasets + %d organisations", count, len(names), len(opendata.Datasets), publishers)
	}
	if len(orgNames) != publishers+1 {
		t.Errorf("organization_list has %d, want %d publishers and the platform", len(orgNames), publishers)
	}
	// package_list agrees.
	status, r = ckanCall(t, base, "package_list", nil)
	var listed []string
	if status != 200 || json.Unmarshal(r.Result, &listed) != nil || strings.Join(listed, ",") != strings.Join(names, ",") {
		t.Errorf("package_list %v, package_search %v", listed, names)
	}
	status, r = ckanCall(t, base, "package_list", url.Values{"limit": {"3"}, "offset": {"6"}})
	if json.Unmarshal(r.Result, &listed) != nil || strings.Join(listed, ",") != strings.Join(names[6:9], ",") {
		t.Errorf("package_list limit 3 offset 6: %v, want %v", listed, names[6:9])
	}

	// Each package, each resource.
	sums := map[string]int64{} // per package: money contributed
	for _, name := range names {
		status, r := ckanCall(t, base, "package_show", url.Values{"id": {name}})
		var p ckanPackage
		if status != 200 || !r.Success || json.Unmarshal(r.Result, &p) != nil {
			t.Fatalf("package_show %s: %d %+v", name, status, r)
		}
		if p.Name != name || p.ID == "" || p.Title == "" || p.Notes == "" || p.State != "active" || p.Private ||
			p.LicenseID == "" || p.LicenseURL == "" || p.Organization.Name != p.OwnerOrg || p.NumResources != len(p.Resources) || len(p.Tags) == 0 {
			t.Errorf("package %s: %+v", name, p)
		}
		for _, ts := range []string{p.MetadataCreated, p.MetadataModified} {
			if _, err := time.Parse("2006-01-02T15:04:05.000000", ts); err != nil {
				t.Errorf("package %s: time %q: %v", name, ts, err)
			}
		}
		org := strings.HasPrefix(name, "oms-")
		if want := 3 * len(opendata.Datasets); org && len(p.Resources) != want || !org && len(p.Resources) != 3 {
			t.Errorf("package %s has %d resources", name, len(p.Resources))
		}
		for _, res := range p.Resources {
			if res.URL == "" || res.Format == "" || res.Mimetype == "" || res.Name == "" || res.ID == "" {
				t.Errorf("package %s: resource %+v", name, res)
				continue
			}
			money := harvestResource(t, base, res.URL, res.Format, res.Mimetype)
			sums[name] += money
		}
	}

	// Figures: the money contributed, counted once in the platform's file
	// (three formats) and once across the organisations' files.
	want := countOf(t, d, `SELECT COALESCE(SUM(d.amount), 0) FROM donations d JOIN organizations o ON o.id = d.org_id
		WHERE d.status = 'confirmed' AND o.status NOT IN ('rejected', 'suspended')`)
	if want == 0 {
		t.Fatal("the demo has no confirmed donations")
	}
	if got := sums["lokadaya-dukungan-harian"]; got != 3*want {
		t.Errorf("platform contributions: %d in three formats, want 3 × %d", got, want)
	}
	var orgSum int64
	for name, s := range sums {
		if strings.HasPrefix(name, "oms-") {
			orgSum += s
		}
	}
	if orgSum != 3*want {
		t.Errorf("organisations' contributions: %d in three formats, want 3 × %d", orgSum, want)
	}
	_ = ctx
}

func countOf(t testing.TB, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// harvestResource downloads one resource and checks it against its format
// and the data dictionary of its data set; it returns the money
// contributed that it holds (0 unless it is a contributions file).
func harvestResource(t *testing.T, base, u, format, mimetype string) int64 {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("%s: %d", u, res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, mimetype) {
		t.Errorf("%s: Content-Type %q, package says %q", u, ct, mimetype)
	}
	if !strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="lokadaya-`) ||
		res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") == "" {
		t.Errorf("%s: headers %v", u, res.Header)
	}
	pu, _ := url.Parse(u)
	file := strings.TrimPrefix(pu.Path, "/data/")
	ds, _, ok := opendata.ParseFile(file)
	if !ok {
		t.Fatalf("%s: not a data set's address", u)
	}
	var header []string
	var rows [][]string
	switch format {
	case "CSV":
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || len(recs) == 0 {
			t.Fatalf("%s: CSV: %v", u, err)
		}
		header, rows = recs[0], recs[1:]
	case "XLSX":
		x, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: XLSX: %v", u, err)
		}
		all, err := x.GetRows("data")
		x.Close()
		if err != nil || len(all) == 0 {
			t.Fatalf("%s: XLSX rows: %v", u, err)
		}
		header, rows = all[0], all[1:]
	case "JSON":
		var objs []map[string]any
		if err := json.Unmarshal(body, &objs); err != nil {
			t.Fatalf("%s: JSON: %v", u, err)
		}
		for _, c := range ds.Columns {
			header = append(header, c.Name)
		}
		for _, o := range objs {
			if len(o) != len(ds.Columns) {
				t.Fatalf("%s: object with %d keys", u, len(o))
			}
			var row []string
			for _, c := range ds.Columns {
				switch v := o[c.Name].(type) {
				case float64:
					row = append(row, strconv.FormatInt(int64(v), 10))
				case nil:
					row = append(row, "")
				default:
					row = append(row, fmt.Sprint(v))
				}
			}
			rows = append(rows, row)
		}
	default:
		t.Fatalf("%s: format %q", u, format)
	}
	if len(header) != len(ds.Columns) {
		t.Fatalf("%s: header %v", u, header)
	}
	for i, c := range ds.Columns {
		if header[i] != c.Name {
			t.Errorf("%s: column %d is %q, the dictionary says %q", u, i, header[i], c.Name)
		}
	}
	if ds.Name != "dukungan-harian" {
		return 0
	}
	var money int64
	for _, r := range rows {
		if r[3] == "dana" {
			n, err := strconv.ParseInt(r[5], 10, 64)
			if err != nil {
				t.Fatalf("%s: quantity %q", u, r[5])
			}
			money += n
		}
	}
	return money
}

// TestOpenDataAnswers covers CKAN's failures, ETags and the DCAT
// catalogue.
func TestOpenDataAnswers(t *testing.T) {
	ts, _ := openDataServer(t)
	base := ts.URL
	for _, tc := range []struct {
		action string
		params url.Values
		status int
		kind   string
	}{
		{"package_show", url.Values{"id": {"tidak-ada"}}, 404, "Not Found Error"},
		{"package_show", url.Values{"id": {"oms-tidak-ada"}}, 404, "Not Found Error"},
		{"package_show", nil, 409, "Validation Error"},
		{"package_search", url.Values{"rows": {"sepuluh"}}, 409, "Validation Error"},
		{"package_search", url.Values{"start": {"-1"}}, 409, "Validation Error"},
		{"package_search", url.Values{"q": {strings.Repeat("a", 10<<10)}}, 409, "Validation Error"},
		{"organization_show", url.Values{"id": {"tidak-ada"}}, 404, "Not Found Error"},
		{"package_create", nil, 400, "Bad Request"},
	} {
		status, r := ckanCall(t, base, tc.action, tc.params)
		if status != tc.status || r.Success || r.Error["__type"] != tc.kind || r.Error["message"] == nil {
			t.Errorf("%s %v: %d %+v", tc.action, tc.params, status, r)
		}
	}
	// A search finds the platform's contributions and one organisation.
	status, r := ckanCall(t, base, "package_search", url.Values{"q": {"dukungan"}, "rows": {"50"}})
	var page struct {
		Count   int           `json:"count"`
		Results []ckanPackage `json:"results"`
	}
	if status != 200 || json.Unmarshal(r.Result, &page) != nil || page.Count == 0 || page.Results[0].Name == "" {
		t.Errorf("package_search q=dukungan: %d %+v", status, page)
	}
	status, r = ckanCall(t, base, "package_search", url.Values{"fq": {"organization:terang-kampung"}})
	if json.Unmarshal(r.Result, &page) != nil || page.Count != 1 || page.Results[0].Name != "oms-terang-kampung" {
		t.Errorf("package_search fq=organization:terang-kampung: %d %+v", status, page)
	}

	// ETag and 304.
	res, err := http.Get(base + "/data/buku-kas.csv?organisasi=terang-kampung")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	etag := res.Header.Get("ETag")
	req, _ := http.NewRequest("GET", base+"/data/buku-kas.csv?organisasi=terang-kampung", nil)
	req.Header.Set("If-None-Match", etag)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if etag == "" || res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match %s: %d", etag, res.StatusCode)
	}
	for _, bad := range []string{"/data/tidak-ada.csv", "/data/kampanye.pdf", "/data/kampanye.csv?organisasi=tidak-ada", "/data?organisasi=tidak-ada"} {
		res, err := http.Get(base + bad)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 404 {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}

	// Finding an organisation's data by its name.
	for _, tc := range []struct{ q, want string }{
		{"terang", `href="/data?organisasi=terang-kampung"`},
		{"TERANG kampung", `href="/data?organisasi=terang-kampung"`},
		{"100% _", "Tidak ada organisasi"},
		{"\xff\xfe" + strings.Repeat("x", 5000), "Tidak ada organisasi"},
	} {
		res, err := http.Get(base + "/data?cari=" + url.QueryEscape(tc.q))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(body), tc.want) {
			t.Errorf("/data?cari=%.20q: %d, want %s", tc.q, res.StatusCode, tc.want)
		}
	}

	// DCAT: every dataset, each distribution a CKAN resource's URL.
	res, err = http.Get(base + "/catalog.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var cat struct {
		Type     string `json:"@type"`
		Datasets []struct {
			Type          string         `json:"@type"`
			Identifier    string         `json:"dct:identifier"`
			License       map[string]any `json:"dct:license"`
			Modified      map[string]any `json:"dct:modified"`
			Spatial       map[string]any `json:"dct:spatial"`
			Publisher     map[string]any `json:"dct:publisher"`
			Distributions []struct {
				Type        string            `json:"@type"`
				AccessURL   map[string]string `json:"dcat:accessURL"`
				DownloadURL map[string]string `json:"dcat:downloadURL"`
				MediaType   map[string]string `json:"dcat:mediaType"`
			} `json:"dcat:distribution"`
		} `json:"dcat:dataset"`
	}
	err = json.NewDecoder(res.Body).Decode(&cat)
	res.Body.Close()
	if err != nil || cat.Type != "dcat:Catalog" || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/ld+json") {
		t.Fatalf("catalog.jsonld: %v %q %s", err, cat.Type, res.Header.Get("Content-Type"))
	}
	_, r = ckanCall(t, base, "package_list", nil)
	var names []string
	_ = json.Unmarshal(r.Result, &names)
	if len(cat.Datasets) != len(names) {
		t.Errorf("DCAT has %d datasets, CKAN %d packages", len(cat.Datasets), len(names))
	}
	for i, ds := range cat.Datasets {
		if i < len(names) && ds.Identifier != names[i] || ds.Type != "dcat:Dataset" || ds.License["@id"] == nil ||
			ds.Modified["@value"] == nil || ds.Spatial["@id"] == nil || ds.Publisher["foaf:name"] == nil || len(ds.Distributions) == 0 {
			t.Errorf("DCAT dataset %d: %+v", i, ds)
		}
		for _, dist := range ds.Distributions {
			if dist.Type != "dcat:Distribution" || !strings.HasPrefix(dist.DownloadURL["@id"], base+"/data/") ||
				dist.AccessURL["@id"] == "" || !strings.Contains(dist.MediaType["@id"], "/media-types/") {
				t.Errorf("DCAT distribution %+v", dist)
			}
		}
	}
}

// FuzzPackageSearch sends package_search any parameters: the answer is
// always CKAN's JSON, a result or a validation error, never a failure.
func FuzzPackageSearch(f *testing.F) {
	ts, _ := openDataServer(f)
	for _, s := range []struct{ q, fq, rows, start string }{
		{"", "", "", ""}, {"*:*", "", "10", "0"}, {"title:kampanye*", "organization:terang-kampung", "5", "2"},
		{"\xff\xfe", "organization:\"x\"", "99999999999999999999", "-3"}, {"100% _ \\", "owner_org:", "1e3", " 7 "},
		{"dana OR (barang AND relawan)", "metadata_modified:[2020-01-01T00:00:00Z TO *]", "0", "1000000"},
	} {
		f.Add(s.q, s.fq, s.rows, s.start)
	}
	f.Fuzz(func(t *testing.T, q, fq, rows, start string) {
		params := url.Values{"q": {q}, "fq": {fq}, "rows": {rows}, "start": {start}}
		res, err := http.Get(ts.URL + "/api/3/action/package_search?" + params.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var r ckanReply
		if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
			t.Fatalf("%v: not JSON: %v", params, err)
		}
		switch {
		case res.StatusCode == 200 && r.Success:
			var page struct {
				Count   *int  `json:"count"`
				Results []any `json:"results"`
			}
			if json.Unmarshal(r.Result, &page) != nil || page.Count == nil || page.Results == nil {
				t.Errorf("%v: result %s", params, r.Result)
			}
		case res.StatusCode == 409 && !r.Success && r.Error["__type"] == "Validation Error":
		default:
			t.Errorf("%v: %d %+v", params, res.StatusCode, r)
		}
	})
}
