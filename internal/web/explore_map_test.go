package web_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/regionmap"
	"lokadaya/internal/web"
)

// mapServer is a site with organisations in a few regions, and what the
// map should count for each province and kabupaten/kota.
func mapServer(t *testing.T) (*httptest.Server, map[string]int64) {
	t.Helper()
	d := dbtest.Open(t)
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "peta@example.org", "Peta", "", "rahasia-panjang-1")
	if err != nil {
		t.Fatal(err)
	}
	orgs := &org.Store{DB: d}
	for i, r := range []struct {
		region string
		status org.Status
	}{
		{"32.73.01.1001", org.StatusVerified},
		{"32.73.01.1002", org.StatusPending},
		{"32.73.01.1003", org.StatusVerified},
		{"32.04.05.2001", org.StatusVerified},
		{"51.71.01.1001", org.StatusVerified},
		{"11.01.01.2001", org.StatusSuspended}, // hidden from the public: not counted
	} {
		o, err := orgs.Create(ctx, u.ID, org.Input{Name: fmt.Sprintf("OMS Peta %d", i), LegalForm: "komunitas",
			RegionCode: r.region, FocusIssues: []string{"pendidikan"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = ? WHERE id = ?`, r.status, o.ID); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]int64{"32": 4, "51": 1, "32.73": 3, "32.04": 1, "51.71": 1}
	srv, err := web.New(web.Config{BaseURL: "http://example.test"}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, want
}

type mapArea struct {
	Href  string `xml:"href,attr"`
	Code  string `xml:"data-code,attr"`
	Title string `xml:"title"`
	Path  struct {
		Fill string `xml:"fill,attr"`
	} `xml:"path"`
}

var inlineSVG = regexp.MustCompile(`(?s)<svg viewBox=.*?</svg>`)

// mapAreas reads the areas of the map on a page (or of a map document).
func mapAreas(t *testing.T, body string) []mapArea {
	t.Helper()
	svg := inlineSVG.FindString(body)
	if i := strings.Index(body, "<svg xmlns="); i >= 0 {
		svg = body[i:]
	}
	if svg == "" {
		t.Fatal("no map on the page")
	}
	var doc struct {
		Areas []mapArea `xml:"g>a"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("the map is not XML: %v", err)
	}
	return doc.Areas
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

func TestMapPage(t *testing.T) {
	ts, want := mapServer(t)
	for _, tc := range []struct {
		name, path string
		areas      int
		prefix     string
		text       []string
	}{
		{"provinces", "/peta", 38, "", []string{"Peta Indonesia", "Jawa Barat: 4 organisasi", "Aceh: 0 organisasi", `href="/peta?angka=organisasi&amp;wilayah=32"`, "tentang-data#peta"}},
		{"kabupaten/kota", "/peta?tingkat=kabupaten", 514, "", []string{"Kota Bandung: 3 organisasi", "Kabupaten Bandung: 1 organisasi"}},
		{"one province", "/peta?wilayah=32", 27, "32.", []string{"Peta Jawa Barat", "Kota Bandung: 3 organisasi", `href="/wilayah/32"`}},
		{"a new Papua province", "/peta?wilayah=95", 8, "95.", []string{"Peta Papua Pegunungan"}},
		{"English", "/peta?lang=en", 38, "", []string{"Map of Indonesia", "Jawa Barat: 4 organisations"}},
		{"unknown figure falls back", "/peta?angka=%3Cscript%3E&tingkat=zz", 38, "", []string{"Jawa Barat: 4 organisasi"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := get(t, ts.URL+tc.path)
			if status != 200 {
				t.Fatalf("status %d", status)
			}
			for _, s := range tc.text {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			areas := mapAreas(t, body)
			if len(areas) != tc.areas {
				t.Fatalf("%d areas, want %d", len(areas), tc.areas)
			}
			// Colours recomputed from the data: the scale of the figures
			// of the areas drawn, each area filled by its own.
			var values []int64
			for _, a := range areas {
				values = append(values, want[a.Code])
			}
			scale := regionmap.NewColorScale(values)
			for _, a := range areas {
				if a.Href != "/wilayah/"+a.Code || !strings.HasPrefix(a.Code, tc.prefix) {
					t.Errorf("area %s links to %q", a.Code, a.Href)
				}
				if got, exp := a.Path.Fill, scale.Color(want[a.Code]); got != exp {
					t.Errorf("area %s (%d) is %s, want %s", a.Code, want[a.Code], got, exp)
				}
			}
			// Follow a few links: each reaches an existing region page.
			for _, a := range []mapArea{areas[0], areas[len(areas)/2], areas[len(areas)-1]} {
				if status, _, _ := get(t, ts.URL+a.Href); status != 200 {
					t.Errorf("%s answers %d", a.Href, status)
				}
			}
		})
	}
	// Every figure offered draws the map; the region pages lead to it.
	for _, fig := range []string{"organisasi", "inisiatif", "kampanye", "dana", "barang", "jam-relawan", "keahlian-kemitraan", "penerima"} {
		status, body, _ := get(t, ts.URL+"/peta?angka="+fig)
		if status != 200 || len(mapAreas(t, body)) != 38 || !strings.Contains(body, `value="`+fig+`" selected`) {
			t.Errorf("figure %s: status %d", fig, status)
		}
		if fig == "dana" && !strings.Contains(body, "Jawa Barat: Rp0") {
			t.Error("money is not written in rupiah")
		}
	}
	for _, page := range []string{"/wilayah/32", "/wilayah/32.73"} {
		if _, body, _ := get(t, ts.URL+page); !strings.Contains(body, `href="/peta?wilayah=32"`) {
			t.Errorf("%s does not lead to the map", page)
		}
	}
	// The about-data page credits the boundaries and their licence.
	for _, lang := range []string{"", "?lang=en"} {
		_, body, _ := get(t, ts.URL+"/tentang-data"+lang)
		for _, s := range []string{`id="peta"`, "github.com/cahyadsn/wilayah_boundaries", "Cahya DSN", "MIT License", `href="/peta"`} {
			if !strings.Contains(body, s) {
				t.Errorf("/tentang-data%s lacks %q", lang, s)
			}
		}
	}
	for _, bad := range []string{"/peta?wilayah=99", "/peta?wilayah=32.73", "/peta?wilayah=abc", "/peta.svg?wilayah=%00"} {
		if status, _, _ := get(t, ts.URL+bad); status != 404 {
			t.Errorf("%s answers %d, want 404", bad, status)
		}
	}
}

func TestMapSVG(t *testing.T) {
	ts, _ := mapServer(t)
	status, body, h := get(t, ts.URL+"/peta.svg?wilayah=32")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "image/svg+xml") {
		t.Fatalf("status %d, type %s", status, h.Get("Content-Type"))
	}
	etag := h.Get("ETag")
	if etag == "" || h.Get("Cache-Control") == "" {
		t.Errorf("no cache headers: %v", h)
	}
	areas := mapAreas(t, body)
	if len(areas) != 27 {
		t.Fatalf("%d areas", len(areas))
	}
	for _, a := range areas {
		if a.Code == "32.73" && a.Title != "Kota Bandung: 3 organisasi" {
			t.Errorf("title %q", a.Title)
		}
	}
	if !strings.Contains(body, `target="_top"`) {
		t.Error("links of the map document would open inside a frame")
	}
	req, _ := http.NewRequest("GET", ts.URL+"/peta.svg?wilayah=32", nil)
	req.Header.Set("If-None-Match", etag)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("unchanged map answers %d", res.StatusCode)
	}
	_, _, h2 := get(t, ts.URL+"/peta.svg?wilayah=32&lang=en")
	if h2.Get("ETag") == etag {
		t.Error("the English map has the Indonesian one's ETag")
	}
}
