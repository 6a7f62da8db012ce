package web_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/initiative"
	"lokadaya/internal/region"
	"lokadaya/internal/web"
)

// searchAPI fetches /api/v1/search with query and decodes it.
func searchAPI(t *testing.T, w *orgWorld, query url.Values) (int, map[string]any) {
	t.Helper()
	res := w.get(t, "anon", "/api/v1/search?"+query.Encode())
	var body map[string]any
	if err := json.Unmarshal([]byte(res.body), &body); err != nil {
		t.Fatalf("search API %v: %d %q", query, res.status, res.body)
	}
	return res.status, body
}

func apiSlugs(body map[string]any) []string {
	var out []string
	items, _ := body["items"].([]any)
	for _, it := range items {
		out = append(out, it.(map[string]any)["slug"].(string))
	}
	return out
}

func hasSlug(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSearchPageAndAPI searches the demo world: words, a half-typed word,
// a stem, a region by name, and bad input that gets a message, never a 500.
func TestSearchPageAndAPI(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	c, _, err := (&campaign.Store{DB: w.d}).List(ctx, campaign.ListOptions{OrgID: w.org.ID, PublicOnly: true, Limit: 1})
	if err != nil || len(c) == 0 {
		t.Fatalf("demo campaign: %v", err)
	}
	demoCampaign := c[0]

	page := w.get(t, "anon", "/cari?q="+url.QueryEscape(demoCampaign.Title))
	if page.status != http.StatusOK || !strings.Contains(page.body, `href="/galang-daya/`+demoCampaign.Slug+`"`) {
		t.Fatalf("search page for %q: %d\n%s", demoCampaign.Title, page.status, page.body)
	}
	if !strings.Contains(page.body, `class="campaign-card"`) {
		t.Error("campaign results do not use the shared campaign card")
	}
	// The header holds the search box on every page.
	if home := w.get(t, "anon", "/"); !strings.Contains(home.body, `action="/cari"`) {
		t.Error("no search box in the header")
	}

	// A half-typed word of the title finds it.
	word := strings.ToLower(strings.Fields(demoCampaign.Title)[1])
	status, body := searchAPI(t, w, url.Values{"q": {word[:len(word)-1]}, "type": {"campaign"}})
	if status != http.StatusOK || !hasSlug(apiSlugs(body), demoCampaign.Slug) {
		t.Errorf("prefix %q: %d %v", word[:len(word)-1], status, body)
	}

	// The region by name: the organisation's kabupaten/kota, typed as a
	// name, holds the campaign; a province elsewhere does not.
	rs := &region.Store{DB: w.d}
	city, err := rs.Get(ctx, w.org.RegionCode[:5])
	if err != nil {
		t.Fatal(err)
	}
	status, body = searchAPI(t, w, url.Values{"wilayah": {city.Code}, "type": {"campaign"}})
	if status != http.StatusOK || !hasSlug(apiSlugs(body), demoCampaign.Slug) {
		t.Errorf("region %s: %d %v", city.Code, status, body)
	}
	status, body = searchAPI(t, w, url.Values{"wilayah": {city.Name}, "type": {"campaign"}})
	if status != http.StatusOK || !hasSlug(apiSlugs(body), demoCampaign.Slug) {
		t.Errorf("region %q: %d %v", city.Name, status, body)
	}
	if reg, _ := body["region"].(map[string]any); reg == nil || reg["code"] != city.Code {
		t.Errorf("region %q resolved to %v", city.Name, body["region"])
	}
	other := "91" // Papua
	if strings.HasPrefix(city.Code, "91") {
		other = "11"
	}
	if _, body = searchAPI(t, w, url.Values{"wilayah": {other}, "type": {"campaign"}}); hasSlug(apiSlugs(body), demoCampaign.Slug) {
		t.Errorf("province %s holds %s", other, demoCampaign.Slug)
	}

	// "bandung" names a kota and a kabupaten: the page asks which.
	page = w.get(t, "anon", "/cari?wilayah=bandung")
	if page.status != http.StatusOK || !strings.Contains(page.body, `id="region-choices"`) ||
		!strings.Contains(page.body, "wilayah=32.73") || !strings.Contains(page.body, "wilayah=32.04") {
		t.Errorf("bandung: %d\n%s", page.status, page.body)
	}
	status, body = searchAPI(t, w, url.Values{"wilayah": {"bandung"}})
	if cands, _ := body["region_candidates"].([]any); status != http.StatusOK || len(cands) < 2 {
		t.Errorf("bandung in the API: %d %v", status, body)
	}

	// Bad input: a clear message, never a 500.
	for _, c := range []struct {
		query url.Values
		want  int
		text  string
	}{
		{url.Values{"q": {strings.Repeat("pemberdayaan ", 800)}}, http.StatusBadRequest, "terlalu panjang"},
		{url.Values{"q": {"lampu\xff\xfe"}}, http.StatusBadRequest, "tidak terbaca"},
		{url.Values{"cursor": {"!!!"}}, http.StatusBadRequest, "tidak berlaku"},
		{url.Values{"sort": {"acak"}}, http.StatusBadRequest, "tidak dikenal"},
		{url.Values{"type": {"user"}}, http.StatusBadRequest, "tidak dikenal"},
		{url.Values{"wilayah": {"zzzzqqq"}}, http.StatusBadRequest, "tidak ditemukan"},
		{url.Values{"q": {`" * ( ) : - NEAR AND OR ^ lampu*`}}, http.StatusOK, ""},
		{url.Values{"q": {`"*()":-^`}}, http.StatusOK, "hanya tanda baca"},
		{url.Values{}, http.StatusOK, "jelajahi yang terbaru"},
	} {
		page := w.get(t, "anon", "/cari?"+c.query.Encode())
		if page.status != c.want || !strings.Contains(page.body, c.text) {
			t.Errorf("/cari?%s: %d, want %d with %q", c.query.Encode(), page.status, c.want, c.text)
		}
		status, body := searchAPI(t, w, c.query)
		if status != c.want {
			t.Errorf("API %s: %d, want %d: %v", c.query.Encode(), status, c.want, body)
		}
	}

	// Paging: every campaign once, by cursor.
	seen, pages := map[string]bool{}, 0
	q := url.Values{"type": {"campaign"}, "sort": {"newest"}}
	for {
		page := w.get(t, "anon", "/api/v1/search?"+q.Encode()+"&limit=1")
		var body map[string]any
		_ = json.Unmarshal([]byte(page.body), &body)
		for _, s := range apiSlugs(body) {
			if seen[s] {
				t.Errorf("%s twice", s)
			}
			seen[s] = true
		}
		pages++
		next, _ := body["next"].(string)
		if next == "" || pages > 50 {
			break
		}
		q.Set("cursor", next)
	}
	all, _, err := (&campaign.Store{DB: w.d}).List(ctx, campaign.ListOptions{PublicOnly: true})
	if err != nil || len(seen) != len(all) {
		t.Errorf("paged through %d campaigns, %d are public (%v)", len(seen), len(all), err)
	}
}

// TestSearchIsFreshAfterWrites publishes, cancels, renames and suspends
// through the site and finds the change on the next request.
func TestSearchIsFreshAfterWrites(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	find := func(q string, typ string) []string {
		t.Helper()
		_, body := searchAPI(t, w, url.Values{"q": {q}, "type": {typ}})
		return apiSlugs(body)
	}
	// Build the index before the writes, as a running site has it.
	if len(find("lampu", "")) == 0 {
		t.Fatal("the demo's lampu campaign is not found")
	}
	store := &campaign.Store{DB: w.d}
	inits, _, err := (&initiative.Store{DB: w.d}).List(ctx, initiative.ListOptions{OrgID: w.org.ID, PublishedOnly: true})
	if err != nil || len(inits) == 0 {
		t.Fatalf("initiatives: %v", err)
	}
	in, errs := campaign.Parse(url.Values{"title": {"Kincir Angin Pemberdayaan Nelayan"}, "story": {"Listrik untuk perahu"},
		"scheme": {"transaksional"}, "starts_at": {time.Now().In(region.Zone(w.org.RegionCode)).Format("2006-01-02")},
		"ends_at": {"2099-01-01"}}, region.Zone(w.org.RegionCode))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c, err := store.Create(ctx, campaign.Actor{ID: w.users["owner"].ID, Name: "x"}, w.org.ID, inits[0].ID, in)
	if err != nil {
		t.Fatal(err)
	}
	need, _ := campaign.ParseNeed(url.Values{"kind": {"relawan"}, "title": {"Tukang"}, "target": {"2"}})
	if _, err := store.AddNeed(ctx, c.ID, need); err != nil {
		t.Fatal(err)
	}
	if got := find("kincir", ""); len(got) != 0 {
		t.Fatalf("a draft is found: %v", got)
	}
	base := "/organisasi/" + w.org.Slug + "/galang-daya/" + c.Slug
	if r := w.post(t, "owner", base+"/terbitkan", url.Values{"publish_anyway": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.status, r.body)
	}
	if got := find("berdaya", "campaign"); !hasSlug(got, c.Slug) {
		t.Errorf("published campaign not found by a stem: %v", got)
	}
	if r := w.post(t, "owner", base+"/batalkan", url.Values{"confirm": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("cancel: %d %s", r.status, r.body)
	}
	if got := find("kincir", ""); len(got) != 0 {
		t.Errorf("cancelled campaign still found: %v", got)
	}

	// The organisation renamed: found by its new name, with its campaigns.
	form := w.org.Form()
	form.Set("name", "Terang Kampung Sentosa")
	if r := w.multipart(t, "owner", "/organisasi/"+w.org.Slug+"/ubah", form, nil); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", r.status, r.body)
	}
	if got := find("sentosa", "organization"); !hasSlug(got, w.org.Slug) {
		t.Errorf("renamed organisation not found: %v", got)
	}
	if got := find("sentosa", "campaign"); len(got) == 0 {
		t.Errorf("its campaigns do not show the new name")
	}
	// A hub created: found by its name, and in a kabupaten of the
	// province it covers.
	hub := url.Values{"name": {"Simpul Borneo Lestari"}, "slug": {"simpul-borneo-lestari"},
		"coordinators": {"pengurus4@lokadaya.test"}, "regions": {"62"}}
	if r := w.post(t, "platform", "/admin/simpul/baru", hub); r.status != http.StatusSeeOther {
		t.Fatalf("hub: %d %s", r.status, r.body)
	}
	if got := find("borneo", "hub"); !hasSlug(got, "simpul-borneo-lestari") {
		t.Errorf("new hub not found: %v", got)
	}
	if _, body := searchAPI(t, w, url.Values{"wilayah": {"62.71"}, "type": {"hub"}}); !hasSlug(apiSlugs(body), "simpul-borneo-lestari") {
		t.Errorf("new hub not found in a kabupaten it covers: %v", body)
	}
	// Suspended: gone, with its campaigns and initiatives.
	if r := w.post(t, "platform", "/admin/organisasi/"+w.org.Slug+"/tangguhkan", url.Values{"reason": {"Uji penangguhan"}}); r.status != http.StatusSeeOther {
		t.Fatalf("suspend: %d %s", r.status, r.body)
	}
	if got := find("sentosa", ""); len(got) != 0 {
		t.Errorf("suspended organisation still found: %v", got)
	}
}

// FuzzSearchHandler sends any query and region to the search page and
// API: the answer is a page or a message, never a server error.
func FuzzSearchHandler(f *testing.F) {
	for _, s := range []string{"lampu", "pember", `" * ( ) : - NEAR AND OR ^`, "\xff", "a:* & b | !c", "32.73", "bandung", ""} {
		f.Add(s, s)
	}
	srv, err := web.New(web.Config{BaseURL: "http://example.test"}, dbtest.Open(f), slog.New(slog.DiscardHandler))
	if err != nil {
		f.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	f.Cleanup(ts.Close)
	f.Fuzz(func(t *testing.T, q, wilayah string) {
		query := url.Values{"q": {q}, "wilayah": {wilayah}}.Encode()
		for _, path := range []string{"/cari?", "/api/v1/search?"} {
			res, err := http.Get(ts.URL + path + query)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode >= 500 {
				t.Fatalf("%s%s: %d", path, query, res.StatusCode)
			}
		}
	})
}
