package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/demo"
)

// TestBrowserReflection runs a reflection session in a real browser on a
// 360 px phone with JavaScript off: the owner of a demo organisation that
// already opened its second cycle finds reflections from the dashboard,
// plans a session on cycle 1, is refused a period that ends before it
// starts, seats the people served and records what they said, writes a
// "new initiative" finding, marks the session held and publishes it, then
// opens the finding as a draft initiative in cycle 2, where it appears
// among the cycle's initiatives; the public reads the outcome.
func TestBrowserReflection(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	slug := "sanggar-seni-badung"
	base := "/organisasi/" + slug
	var cycle1 int64
	if err := w.d.QueryRow(t.Context(), `SELECT c.id FROM cycles c JOIN organizations o ON o.id = c.org_id
		WHERE o.slug = ? AND c.number = 1`, slug).Scan(&cycle1); err != nil {
		t.Fatal(err)
	}
	b := &cycleBrowser{t: t, ctx: phoneTab(t, ctx, false), base: w.ts.URL, email: "pengurus6@lokadaya.test", password: demo.Password}
	b.login()

	// From the dashboard to a new session.
	b.open(base+"/dasbor", "")
	b.post("open results and learning", `a[href="`+base+`/pembelajaran"]`, base+"/pembelajaran")
	b.post("open reflections", `main a[href="`+base+`/refleksi"]`, base+"/refleksi")
	b.post("plan a session", `a[href="`+base+`/refleksi/baru"]`, base+"/refleksi/baru")
	fill := func(to string) []chromedp.Action {
		return []chromedp.Action{
			chromedp.SetValue("#title", "Refleksi sanggar bersama orang tua", chromedp.ByQuery),
			chromedp.SetValue("#held_on", "2026-11-28", chromedp.ByQuery),
			chromedp.SetValue("#period_from", "2026-01-01", chromedp.ByQuery),
			chromedp.SetValue("#period_to", to, chromedp.ByQuery),
			chromedp.SetValue("#cycle", fmt.Sprint(cycle1), chromedp.ByQuery),
		}
	}
	b.post("a reversed period", `form[action="`+base+`/refleksi/baru#error-summary"] button[type="submit"]`, base+"/refleksi/baru", fill("2025-12-31")...)
	if got := b.text("#error-summary"); !strings.Contains(got, "tidak boleh sebelum tanggal awal") {
		t.Fatalf("error summary: %q", got)
	}
	if top, _, height := onFirstScreen(t, b.ctx, "#error-summary"); top < 0 || top > height {
		t.Errorf("the error summary is off the first screen: top %v of %v", top, height)
	}
	screenshot(t, b.ctx, "reflection-refused")
	b.post("plan it", `form[action="`+base+`/refleksi/baru#error-summary"] button[type="submit"]`, "", fill("2026-10-31")...)
	var loc string
	b.run("where", chromedp.Location(&loc))
	u, _ := url.Parse(loc)
	if !regexp.MustCompile(`^` + base + `/refleksi/\d+$`).MatchString(u.Path) {
		t.Fatalf("after planning: %s", loc)
	}
	page := u.Path

	// The people served sit apart and say what they think.
	b.post("seat the people served", `form[action="`+page+`/kelompok#error-summary"] button[type="submit"]`, page,
		chromedp.SetValue("#group_kind", "penerima_manfaat", chromedp.ByQuery),
		chromedp.SetValue("#group_name", "Orang tua murid", chromedp.ByQuery),
		chromedp.SetValue("#group_participants", "15", chromedp.ByQuery),
		chromedp.SetValue("#group_women", "11", chromedp.ByQuery))
	say := "Anak kami ingin tampil di pura desa, bukan hanya di sanggar."
	b.post("record their input", `#kelompok form[action$="/masukan#error-summary"] button[type="submit"]`, page,
		chromedp.SetValue(`#kelompok form[action$="/masukan#error-summary"] textarea`, say, chromedp.ByQuery))
	b.post("a new initiative", `form[action="`+page+`/temuan#error-summary"] button[type="submit"]`, page,
		chromedp.SetValue("#finding_kind", "new_initiative", chromedp.ByQuery),
		chromedp.SetValue("#finding_title", "Pentas keliling banjar", chromedp.ByQuery),
		chromedp.SetValue("#finding_body", "Anak-anak tampil bergiliran di banjar dan pura desa.", chromedp.ByQuery))
	b.post("mark it held", `form[action="`+page+`/selesai#error-summary"] button`, page)
	b.post("publish it", `form[action="`+page+`/terbitkan#error-summary"] button`, page)
	screenshot(t, b.ctx, "reflection-published")

	// The finding opens its draft in cycle 2.
	b.post("open the draft", `form[action$="/inisiatif#error-summary"] button`, page)
	if got := b.text("#temuan"); !strings.Contains(got, "Draf inisiatif sudah dibuka") {
		t.Fatalf("findings after opening the draft:\n%s", got)
	}
	b.open(base+"/siklus/2/tahap/3/inisiatif", "")
	if got := b.text("main"); !strings.Contains(got, "Pentas keliling banjar") {
		t.Errorf("cycle 2's initiatives lack the draft:\n%s", got)
	}

	// The public reads the outcome, with the group's own words.
	anon := &cycleBrowser{t: t, ctx: phoneTab(t, ctx, false), base: w.ts.URL}
	anon.open(page, "")
	if got := anon.text("main"); !strings.Contains(got, say) || !strings.Contains(got, "Pentas keliling banjar") {
		t.Errorf("public page:\n%s", got)
	}
	screenshot(t, anon.ctx, "reflection-public")
}
