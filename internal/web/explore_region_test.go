package web_test

import (
	"context"
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/i18n"
)

// A region page shows what happens there — each figure recounted here
// from the rows and linking to its list — the hub covering it, its running
// campaigns as cards, and the same figures for the regions within, sorted
// by any column without JavaScript.
func TestRegionPageFigures(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	kab := w.org.RegionCode[:5]
	prov := kab[:2]
	count := func(q string, args ...any) int64 {
		t.Helper()
		var n int64
		if err := w.d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return n
	}
	under := `(o.region_code = ? OR o.region_code LIKE ? || '.%')`
	for _, code := range []string{prov, kab} {
		orgs := count(`SELECT COUNT(*) FROM organizations o WHERE `+under+` AND o.kind = 'oms' AND o.status NOT IN ('rejected', 'suspended')`, code, code)
		money := count(`SELECT COALESCE(SUM(d.amount), 0) FROM donations d JOIN organizations o ON o.id = d.org_id
			WHERE `+under+` AND d.status = 'confirmed'`, code, code)
		reached := count(`SELECT COALESCE(SUM(s.total), 0) FROM service_records s JOIN organizations o ON o.id = s.org_id
			WHERE `+under, code, code)
		minutes := count(`SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h JOIN volunteer_signups v ON v.id = h.signup_id
			JOIN organizations o ON o.id = v.org_id WHERE `+under, code, code)
		if money == 0 || reached == 0 {
			t.Fatalf("the demo has nothing in %s to show", code)
		}
		page := w.get(t, "anon", "/wilayah/"+code)
		toolCheck(t, "region "+code, page, 200,
			`href="/organisasi?wilayah=`+code+`"><strong>`+i18n.Number(orgs)+`</strong> OMS berkedudukan di sini`,
			`href="/galang-daya?wilayah=`+code+`&amp;asal=oms&amp;jenis=dana&amp;tampil=semua"><strong>`+i18n.Rupiah(money)+`</strong> dana terkonfirmasi`,
			`<strong>`+i18n.Number(reached)+`</strong> penerima manfaat terlayani`,
			`<strong>`+i18n.Number(minutes/60)+`</strong> jam relawan tercatat`,
			`<li class="campaign-card">`, `href="/simpul/`, `aria-sort="ascending"><a href="/wilayah/`+code+`?arah=turun&amp;urut=nama`)
	}
	// The province's children sorted by money, the most first, then the least.
	page := w.get(t, "anon", "/wilayah/"+prov+"?urut=dana")
	toolCheck(t, "sorted by money", page, 200, `aria-sort="descending"><a href="/wilayah/`+prov+`?arah=naik&amp;urut=dana`)
	amounts := moneyColumn(t, page.body)
	for i := 1; i < len(amounts); i++ {
		if amounts[i] > amounts[i-1] {
			t.Fatalf("money column not descending: %v", amounts)
		}
	}
	if amounts[0] == 0 {
		t.Error("the first kabupaten/kota by money has none")
	}
	up := moneyColumn(t, w.get(t, "anon", "/wilayah/"+prov+"?urut=dana&arah=naik").body)
	if up[0] != 0 || up[len(up)-1] != amounts[0] {
		t.Errorf("ascending money %v", up)
	}
	// Unknown sort keys fall back to names; a desa has no table.
	toolCheck(t, "bad sort", w.get(t, "anon", "/wilayah/"+prov+"?urut=%3Cx%3E&arah=zz"), 200, `aria-sort="ascending"`)
	toolCheck(t, "desa", w.get(t, "anon", "/wilayah/"+w.org.RegionCode), 200, "terbawah")
	toolCheck(t, "english", w.get(t, "anon", "/wilayah/"+kab+"?lang=en"), 200, "confirmed money", "Complaints on time")
}

var moneyCell = regexp.MustCompile(`<td class="num">(Rp[0-9.]+)</td>`)

// moneyColumn reads the children table's money column, in rupiah.
func moneyColumn(t *testing.T, body string) []int64 {
	t.Helper()
	var out []int64
	for _, m := range moneyCell.FindAllStringSubmatch(body, -1) {
		digits := strings.NewReplacer("Rp", "", ".", "").Replace(html.UnescapeString(m[1]))
		var n int64
		for _, c := range digits {
			n = n*10 + int64(c-'0')
		}
		out = append(out, n)
	}
	if len(out) < 2 {
		t.Fatalf("no money column in the table")
	}
	return out
}

// GET /api/v1/regions/{code}/summary gives the same figures as the page,
// the hub and each child's figures, which add up to the region's.
func TestRegionSummaryAPI(t *testing.T) {
	w := newDemoWorld(t)
	prov := w.org.RegionCode[:2]
	type figs struct {
		Code           string   `json:"code"`
		Name           string   `json:"name"`
		Level          string   `json:"level"`
		Organizations  int64    `json:"organizations"`
		Campaigns      int64    `json:"campaigns"`
		MoneyConfirmed int64    `json:"money_confirmed"`
		PeopleReached  int64    `json:"people_reached"`
		VolunteerHours float64  `json:"volunteer_hours"`
		OnTimeShare    *float64 `json:"complaints_on_time_share"`
	}
	var got struct {
		figs
		Hubs     []struct{ Slug, URL string } `json:"hubs"`
		Children []figs                       `json:"children"`
	}
	res := w.get(t, "anon", "/api/v1/regions/"+prov+"/summary")
	if res.status != 200 {
		t.Fatalf("summary %d %s", res.status, res.body)
	}
	if err := json.Unmarshal([]byte(res.body), &got); err != nil {
		t.Fatal(err)
	}
	var money int64
	if err := w.d.QueryRow(context.Background(), `SELECT COALESCE(SUM(d.amount), 0) FROM donations d
		JOIN organizations o ON o.id = d.org_id WHERE o.region_code LIKE ? AND d.status = 'confirmed'`, prov+".%").
		Scan(&money); err != nil {
		t.Fatal(err)
	}
	if got.Code != prov || got.Level != "provinsi" || got.MoneyConfirmed != money || money == 0 || len(got.Hubs) == 0 {
		t.Fatalf("summary %+v, want money %d", got.figs, money)
	}
	var sum figs
	for _, c := range got.Children {
		sum.MoneyConfirmed += c.MoneyConfirmed
		sum.Organizations += c.Organizations
		sum.PeopleReached += c.PeopleReached
		sum.Campaigns += c.Campaigns
		if !strings.HasPrefix(c.Code, prov+".") || c.Name == "" {
			t.Errorf("child %+v", c)
		}
	}
	if sum.MoneyConfirmed != got.MoneyConfirmed || sum.Organizations != got.Organizations ||
		sum.PeopleReached != got.PeopleReached || sum.Campaigns != got.Campaigns {
		t.Errorf("children add up to %+v, region %+v", sum, got.figs)
	}
	for path, status := range map[string]int{"/api/v1/regions/99.99/summary": 404, "/api/v1/regions/abc/summary": 400} {
		if r := w.get(t, "anon", path); r.status != status || !strings.Contains(r.body, `"error"`) {
			t.Errorf("%s = %d %s", path, r.status, r.body)
		}
	}
}

// The running-campaigns figure of a region, of the country and the list
// it links to agree: the figure is recounted from the rows, and the list
// behind it says the same number and holds that many cards. The country
// page (/wilayah) shows the country's figures and the table of the 38
// provinces, sortable like any region's children.
func TestCampaignFigureMatchesItsList(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	count := func(q string, args ...any) int64 {
		t.Helper()
		var n int64
		if err := w.d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return n
	}
	running := func(code string) int64 {
		return count(`SELECT COUNT(*) FROM campaigns c JOIN organizations o ON o.id = c.org_id
			WHERE (? = '' OR o.region_code = ? OR o.region_code LIKE ? || '.%') AND o.status NOT IN ('rejected', 'suspended')
			AND c.status = 'active' AND (c.ends_at IS NULL OR c.ends_at > ?)`, code, code, code, time.Now())
	}
	cards := func(body string) int { return strings.Count(body, `<li class="campaign-card">`) }
	kab := w.org.RegionCode[:5]
	for _, code := range []string{"", kab[:2], kab} {
		n := running(code)
		if code != "" && n == 0 {
			t.Fatalf("no running campaign in %s", code)
		}
		page, list := "/wilayah/"+code, "/galang-daya?wilayah="+code+"&amp;asal=oms"
		if code == "" {
			page, list = "/wilayah", "/galang-daya"
		}
		toolCheck(t, page, w.get(t, "anon", page), 200,
			`href="`+list+`"><strong>`+i18n.Number(n)+`</strong> Galang Daya sedang berjalan`)
		got := w.get(t, "anon", html.UnescapeString(list))
		toolCheck(t, list, got, 200, `<strong>`+i18n.Number(n)+` Galang Daya sedang berjalan</strong>`)
		if c := cards(got.body); int64(c) != n {
			t.Errorf("%s shows %d campaigns, the figure says %d", list, c, n)
		}
	}
	// The country page: its figures, recounted, and the 38 provinces,
	// sorted by money, the most first.
	orgs := count(`SELECT COUNT(*) FROM organizations WHERE kind = 'oms' AND status NOT IN ('rejected', 'suspended')`)
	money := count(`SELECT COALESCE(SUM(amount), 0) FROM donations WHERE status = 'confirmed'`)
	country := w.get(t, "anon", "/wilayah?urut=dana")
	toolCheck(t, "country", country, 200, "<h1>Indonesia</h1>",
		`href="/organisasi"><strong>`+i18n.Number(orgs)+`</strong> OMS berkedudukan di sini`,
		`href="/galang-daya?jenis=dana&amp;tampil=semua"><strong>`+i18n.Rupiah(money)+`</strong> dana terkonfirmasi`,
		`aria-sort="descending"><a href="/wilayah?arah=naik&amp;urut=dana`, `action="/wilayah"`, `href="/peta"`)
	if rows := strings.Count(country.body, `<th scope="row"><a href="/wilayah/`); rows != 38 {
		t.Errorf("the country page lists %d provinces", rows)
	}
	amounts := moneyColumn(t, country.body)
	for i := 1; i < len(amounts); i++ {
		if amounts[i] > amounts[i-1] {
			t.Fatalf("provinces not sorted by money: %v", amounts)
		}
	}
	var sum int64
	for _, a := range amounts {
		sum += a
	}
	if sum != money {
		t.Errorf("the provinces' money adds up to %d, the country has %d", sum, money)
	}
	// A search by name still answers on the same address.
	toolCheck(t, "search", w.get(t, "anon", "/wilayah?q=Kota+Bandung"), 200, `href="/wilayah/32.73"`)
}

// cardMoney is the confirmed money a campaign card shows.
var cardMoney = regexp.MustCompile(`<span class="badge">Dana</span> Rp([0-9.]+) dari`)

// moreLink is the list's link to its next page.
var moreLink = regexp.MustCompile(`<a href="(/galang-daya\?[^"]*setelah=[^"]*)">Berikutnya</a>`)

// The money figure on the home page, the country's and a region's page
// adds up to the money on the cards of the list it opens, every page of
// it: ended campaigns included, since the figure counts what they
// gathered too.
func TestMoneyFigureAddsUpToItsList(t *testing.T) {
	w := newDemoWorld(t)
	kab := w.org.RegionCode[:5]
	for _, page := range []string{"/", "/wilayah", "/wilayah/" + kab[:2], "/wilayah/" + kab} {
		body := w.get(t, "anon", page).body
		m := regexp.MustCompile(`<a href="([^"]*jenis=dana[^"]*)"><strong>Rp([0-9.]+)</strong>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no money figure", page)
		}
		figure := parseRupiahDigits(t, m[2])
		var sum int64
		cards := 0
		for next := html.UnescapeString(m[1]); next != ""; {
			list := w.get(t, "anon", next)
			if list.status != 200 {
				t.Fatalf("%s: %d", next, list.status)
			}
			for _, c := range cardMoney.FindAllStringSubmatch(list.body, -1) {
				sum += parseRupiahDigits(t, c[1])
				cards++
			}
			next = ""
			if more := moreLink.FindStringSubmatch(list.body); more != nil {
				next = html.UnescapeString(more[1])
			}
		}
		if sum != figure || cards == 0 {
			t.Errorf("%s: the figure says Rp%d, its list's %d cards add up to Rp%d", page, figure, cards, sum)
		}
	}
}

func parseRupiahDigits(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ".", ""), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
