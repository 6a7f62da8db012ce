package web_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/db"
	"lokadaya/internal/demo"
	"lokadaya/internal/proposal"
)

// TestBrowserPlanningRound runs a planning round in a real browser on a
// 360 px phone with JavaScript off: a resident's new proposal joins the
// posyandu training carried over from the demo round; the kelurahan's
// staff opens a three-year round from the region's list of rounds, agrees
// its criteria and ceilings, seats the participants, opens scoring,
// scores both proposals, settles the ranked list split into years, funds
// 2027 in part, and sees the unfunded proposal carried to 2028; the
// proposer's e-mail waits in the outbox.
func TestBrowserPlanningRound(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	bg := context.Background()
	resident := w.users["owner2"] // pengurus1, a resident of the demo
	cost := int64(30_000_000)
	lamp, err := (&proposal.Store{DB: w.d}).Create(bg, proposal.Actor{ID: resident.ID, Name: resident.Name}, proposal.Input{
		Kind: "kegiatan", Title: "Lampu jalan RW 08 Pajang", What: "Delapan lampu jalan di gang RW 08 yang gelap.",
		RegionCode: "33.72.01.1001", Cost: &cost})
	if err != nil {
		t.Fatal(err)
	}
	posyandu := w.proposalID(t, posyanduTitle)
	var proposer string
	if err := w.d.QueryRow(bg, `SELECT u.email FROM proposals p JOIN users u ON u.id = p.proposer_id WHERE p.id = ?`, posyandu).Scan(&proposer); err != nil {
		t.Fatal(err)
	}
	var office int64
	if err := w.d.QueryRow(bg, `SELECT id FROM organizations WHERE slug = 'kelurahan-pajang'`).Scan(&office); err != nil {
		t.Fatal(err)
	}
	b := &cycleBrowser{t: t, ctx: phoneTab(t, ctx, false), base: w.ts.URL, email: "lurah.pajang@lokadaya.test", password: demo.Password}
	b.login()

	// From the office's dashboard to the region's rounds and a new one.
	b.open("/organisasi/kelurahan-pajang/dasbor", "")
	b.post("open planning", `main a[href="/perencanaan"]`, "/perencanaan")
	b.open("/perencanaan?wilayah=33.72.01.1001", "")
	b.post("open a round", `#round-new`, "/perencanaan/baru")
	screenshot(t, b.ctx, "round-new")
	b.post("create it", `form[action="/perencanaan/baru#error-summary"] button[type="submit"]`, "",
		chromedp.SetValue("#org", fmt.Sprint(office), chromedp.ByQuery),
		chromedp.SetValue("#title", "Musrenbang Pajang 2027–2029", chromedp.ByQuery),
		chromedp.SetValue("#first_year", "2027", chromedp.ByQuery),
		chromedp.SetValue("#years", "3", chromedp.ByQuery))
	var loc string
	b.run("where", chromedp.Location(&loc))
	u, _ := url.Parse(loc)
	if !regexp.MustCompile(`^/perencanaan/\d+/atur$`).MatchString(u.Path) {
		t.Fatalf("after creating: %s\n%s", loc, b.text("main"))
	}
	page := strings.TrimSuffix(u.Path, "/atur")

	// The rules agreed in the forum; a weight sum off 100 is refused first.
	rules := func(second string) []chromedp.Action {
		return []chromedp.Action{
			chromedp.SetValue("#crit_name_0", "Manfaat bagi warga", chromedp.ByQuery),
			chromedp.SetValue("#crit_weight_0", "60", chromedp.ByQuery),
			chromedp.SetValue("#crit_name_1", "Kesiapan", chromedp.ByQuery),
			chromedp.SetValue("#crit_weight_1", second, chromedp.ByQuery),
			chromedp.SetValue("#ceiling_2027", "50.000.000", chromedp.ByQuery),
			chromedp.SetValue("#ceiling_2028", "50.000.000", chromedp.ByQuery),
			chromedp.SetValue("#ceiling_2029", "50.000.000", chromedp.ByQuery),
		}
	}
	save := `form[action="` + page + `/atur#error-summary"] button[type="submit"]`
	b.post("weights of 80", save, page+"/atur", rules("20")...)
	if got := b.text("#error-summary"); !strings.Contains(got, "harus 100") {
		t.Fatalf("error summary: %q", got)
	}
	if top, _, height := onFirstScreen(t, b.ctx, "#error-summary"); top < 0 || top > height {
		t.Errorf("the error summary is off the first screen: top %v of %v", top, height)
	}
	screenshot(t, b.ctx, "round-rules-refused")
	b.post("save the rules", save, page+"/atur", rules("40")...)
	for _, p := range [][2]string{{"lurah.pajang@lokadaya.test", "pemerintah"}, {"pengurus9@lokadaya.test", "warga"}} {
		b.post("seat "+p[0], `form[action="`+page+`/peserta#peserta"] button[type="submit"]`, page+"/atur",
			chromedp.SetValue("#email", p[0], chromedp.ByQuery), chromedp.SetValue("#group", p[1], chromedp.ByQuery))
	}
	b.post("open scoring", "#round-open", page)

	// The staff scores both proposals on every criterion.
	b.post("the scoring sheet", "#round-score-link", page+"/nilai")
	screenshot(t, b.ctx, "round-scoring")
	crit := w.countOf(t, `SELECT MIN(c.id) FROM planning_criteria c WHERE c.round_id = ?`, strings.TrimPrefix(page, "/perencanaan/"))
	for pid, v := range map[string][2]string{fmt.Sprint(lamp.ID): {"5", "5"}, posyandu: {"3", "4"}} {
		b.post("score "+pid, `form[action="`+page+`/nilai/`+pid+`"] button[type="submit"]`, page+"/nilai",
			chromedp.SetValue(fmt.Sprintf("#s%s-%d", pid, crit), v[0], chromedp.ByQuery),
			chromedp.SetValue(fmt.Sprintf("#s%s-%d", pid, crit+1), v[1], chromedp.ByQuery))
	}
	if got := b.text("#round-left"); !strings.Contains(got, "0 usulan") {
		t.Errorf("left to score: %q", got)
	}

	// Settled: both fit 2027's ceiling; 2027 funds the lamps only.
	b.open(page, "")
	b.post("settle", "#round-settle", page)
	if got := b.text(`table[data-year="2027"]`); !strings.Contains(got, "Lampu jalan RW 08") || !strings.Contains(got, posyanduTitle) {
		t.Fatalf("2027 plans: %q", got)
	}
	b.post("record 2027", "#round-decide-2027", page+"/tahun/2027")
	b.post("fund the lamps", "#round-year-submit", page,
		chromedp.Evaluate(fmt.Sprintf(`document.querySelector("#funded-%d").checked = true`, lamp.ID), nil))
	y2028 := b.text(`table[data-year="2028"]`)
	if !strings.Contains(y2028, posyanduTitle) || !strings.Contains(y2028, "pindahan dari 2027") {
		t.Errorf("2028 after funding 2027: %q", y2028)
	}
	if got := b.text(`table[data-year="2027"]`); !strings.Contains(got, "didanai") || strings.Contains(got, posyanduTitle) {
		t.Errorf("2027 after funding: %q", got)
	}
	b.run("to the result", chromedp.ScrollIntoView(`table[data-year="2028"]`, chromedp.ByQuery))
	screenshot(t, b.ctx, "round-carried")

	// The proposer's e-mail waits in the outbox, which the admin reads.
	b.post("log out", `form[action="/keluar"] button`, "")
	admin := &cycleBrowser{t: t, ctx: b.ctx, base: w.ts.URL, email: "admin@lokadaya.test", password: demo.Password}
	admin.login()
	admin.open("/dev/outbox", "")
	box := admin.text("main")
	if !strings.Contains(box, proposer) || !strings.Contains(box, "dipindah ke tahun 2028") {
		t.Errorf("outbox lacks the proposer's e-mail to %s:\n%s", proposer, box)
	}
	var n int
	if err := w.d.QueryRow(bg, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE ? AND created_at > ?`,
		"%"+proposer+"%", db.Now().Add(-time.Hour)).Scan(&n); err != nil || n == 0 {
		t.Errorf("no mail queued for %s: %d %v", proposer, n, err)
	}
}
