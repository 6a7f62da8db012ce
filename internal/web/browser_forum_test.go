package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/demo"
)

// TestBrowserTeamPlanCitesDataset runs on a 360 px phone with JavaScript
// off: the ketua of the demo action team (a kelurahan official) adds an
// activity to the team's plan, is refused an owner left unchosen, then
// ticks a dataset from the open-data catalogue; once signed out, the
// public team page shows the activity and the citation, which leads to
// the dataset's page.
func TestBrowserTeamPlanCitesDataset(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	ds := publishedDataset(t, w, "Daftar lampu penerangan jalan Pajang")
	_, tid := w.forumIDs(t)
	team := "/tim/" + tid
	b := &cycleBrowser{t: t, ctx: phoneTab(t, ctx, false), base: w.ts.URL, email: "pengurus6@lokadaya.test", password: demo.Password}
	b.login()

	b.open(team, "#rencana")
	b.post("add an activity", `#add-activity`, team+"/kegiatan/baru")
	form := `form[action="` + team + `/kegiatan/baru#error-summary"] button[type="submit"]`
	fill := []chromedp.Action{
		chromedp.SetValue("#what", "Menerbitkan peta titik lampu untuk warga", chromedp.ByQuery),
		chromedp.SetValue("#starts_on", "2026-12-01", chromedp.ByQuery),
		chromedp.SetValue("#due_on", "2026-12-20", chromedp.ByQuery),
		chromedp.SetValue("#budget", "Rp 1.250.000", chromedp.ByQuery),
		chromedp.SetValue("#indicator", "Peta titik lampu terbit", chromedp.ByQuery),
	}
	b.post("no owner", form, team+"/kegiatan/baru", fill...)
	if got := b.text("#error-summary"); !strings.Contains(got, "Penanggung jawab") {
		t.Fatalf("error summary: %q", got)
	}
	screenshot(t, b.ctx, "team-activity-refused")
	box := `#dataset input[value="` + strconv.FormatInt(ds.ID, 10) + `"]`
	b.post("owner and dataset", form, team, append(fill,
		chromedp.SetValue("#owner", strconv.FormatInt(w.userID(t, "pengurus6@lokadaya.test"), 10), chromedp.ByQuery),
		chromedp.Click(box, chromedp.ByQuery))...)

	b.post("log out", `form[action="/keluar"] button`, "")
	b.open(team, "#data")
	if got := b.text("#team-plan"); !strings.Contains(got, "Menerbitkan peta titik lampu untuk warga") || !strings.Contains(got, "Rp1.250.000") {
		t.Errorf("public plan: %q", got)
	}
	link := `#team-datasets a[href="` + ds.Path() + `"]`
	if got := b.text(link); got != ds.Title {
		t.Errorf("cited dataset link reads %q", got)
	}
	b.run("show the citation", chromedp.ScrollIntoView("#data", chromedp.ByQuery))
	screenshot(t, b.ctx, "team-plan-cites")
	b.post("open the dataset", link, ds.Path())
	if got := b.text("main h1"); !strings.Contains(got, ds.Title) {
		t.Errorf("dataset page heading: %q", got)
	}
}

// TestBrowserForumAccessibility runs axe-core at 360 px on the forum and
// team pages, public and of the team's ketua, a refused form among them.
func TestBrowserForumAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	fid, tid := w.forumIDs(t)
	team := "/tim/" + tid
	tab := phoneTab(t, ctx, true)
	b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL, email: "pengurus6@lokadaya.test", password: demo.Password}
	for _, page := range []string{"/forum", "/forum/" + fid, team, team + "/iklim"} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	b.login()
	for _, page := range []string{"/forum/baru", team, team + "/anggota", team + "/kegiatan/baru", team + "/sesi"} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	b.post("refused sitting", `form[action="`+team+`/sesi#error-summary"] button[type="submit"]`, team+"/sesi")
	checkAxe(t, tab, axe, "refused sitting")
	screenshot(t, tab, "axe-refused-sitting")
	b.run("leave", chromedp.Navigate("about:blank"))
}
