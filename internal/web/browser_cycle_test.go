package web_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/framework"
	"lokadaya/internal/org"
	"lokadaya/internal/web"
)

// TestBrowserCycle walks the development cycle in a real browser: the owner
// of an organisation answers stages 1 to 5, fills the funding table, adds
// assets, publishes an initiative the public can see, goes back from stage 5
// to 3 with a reason, sees that in the timeline, finishes the cycle, opens
// the next one prefilled with the first one's answers and compares the two.
func TestBrowserCycle(t *testing.T) {
	ctx := newBrowser(t)
	d := dbtest.Open(t)
	bg := context.Background()

	// The owner and the organisation, straight through the stores.
	owner := verifiedUser(t, d, "pemilik@example.org", "Sari Pemilik", "sandi-pemilik-panjang")
	o, err := (&org.Store{DB: d}).Create(bg, owner.ID, org.Input{Name: "Taman Baca Sukarasa", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: orgDesa, FocusIssues: []string{"pendidikan"}})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{BaseURL: "http://example.test", UploadsDir: t.TempDir()}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	b := &cycleBrowser{t: t, ctx: ctx, base: ts.URL, ws: "/organisasi/" + o.Slug + "/siklus",
		email: owner.Email, password: "sandi-pemilik-panjang"}

	// Log in through the form and open the workspace from the organisation's page.
	b.login()
	b.open("/organisasi/"+o.Slug, "")
	b.post("open the workspace", `a[href="`+b.ws+`"]`, b.ws)
	b.post("start cycle 1", `form[action="`+b.ws+`/mulai"] button`, b.ws+"/1")

	// Stage 1: the guiding questions and the funding table.
	b.open(b.ws+"/1/tahap/1", "")
	b.answerStage(1, 1)
	b.open(b.ws+"/1/tahap/1/pendanaan", "#year")
	b.post("add a year", `button[name="action"][value="add_year"]`, b.ws+"/1/tahap/1/pendanaan",
		chromedp.SendKeys("#year", "2024", chromedp.ByQuery))
	b.post("save the funding table", `section.tool > form:not(.inline) button[type="submit"]`, b.ws+"/1/tahap/1/pendanaan",
		chromedp.SetValue("#amount_donor_2024", "5000000", chromedp.ByQuery),
		chromedp.SetValue("#note_donor_2024", "Hibah buku", chromedp.ByQuery),
		chromedp.SetValue("#amount_komunitas_2024", "2500000", chromedp.ByQuery))
	if got := b.text("table.funding tfoot"); !strings.Contains(got, "Rp7.500.000") {
		t.Fatalf("funding total: %q", got)
	}
	b.open(b.ws+"/1/tahap/1", "")
	b.advance(1)

	// Stage 2: the questions and two assets, counted in the matrix.
	b.answerStage(1, 2)
	b.addAsset("Ruang baca di balai RW", "organisasi", "", "melekat", "15000000")
	b.addAsset("Perpustakaan keliling pemda", "sistem_lokal", "pemda", "potensial", "")
	var matrix []string
	b.run("read the matrix", chromedp.Evaluate(`Array.from(document.querySelectorAll("table.matrix tfoot td")).map(td => td.textContent.trim())`, &matrix))
	// Columns: melekat, potensial, terabaikan, total, tangible, financial, value.
	if len(matrix) != 7 || matrix[0] != "1" || matrix[1] != "1" || matrix[2] != "0" || matrix[3] != "2" {
		t.Fatalf("asset matrix totals: %q", matrix)
	}
	if got := b.text("ul.cards.assets"); !strings.Contains(got, "Ruang baca di balai RW") || !strings.Contains(got, "Perpustakaan keliling pemda") {
		t.Fatalf("asset list: %q", got)
	}
	b.open(b.ws+"/1/tahap/2", "")
	b.advance(2)

	// Stage 3: the questions and an initiative, published.
	b.answerStage(1, 3)
	const name = "Pojok Baca Keliling"
	b.open(b.ws+"/1/tahap/3/inisiatif/baru", "#name")
	b.post("create the initiative", `form[action*="/inisiatif/baru"] p.actions button[type="submit"]`, b.ws+"/1/tahap/3/inisiatif",
		chromedp.SendKeys("#name", name, chromedp.ByQuery),
		chromedp.SendKeys("#tagline", "Buku datang ke gang-gang Sukarasa", chromedp.ByQuery),
		chromedp.SetValue("#category", "pendidikan", chromedp.ByQuery),
		chromedp.SetValue("#problem", "Anak-anak di gang sempit jauh dari perpustakaan.", chromedp.ByQuery),
		cycleClick(`input[name="assets"]`),
		chromedp.SetValue("#region_codes", "32.73", chromedp.ByQuery))
	public := "/inisiatif/" + org.Slugify(name)
	b.post("publish the initiative", `form[action$="/terbitkan"] button`, public)
	b.checkPublic(public, name)
	b.open(b.ws+"/1/tahap/3", "")
	b.advance(3)

	// Stages 4 and 5.
	b.answerStage(1, 4)
	b.advance(4)
	b.answerStage(1, 5)

	// Back from 5 to 3 with a reason.
	const reason = "Jadwal layanan perlu diubah: anak-anak hanya bisa datang sore hari."
	b.post("go back to stage 3", `form[action^="`+b.ws+`/1/kembali"] button[type="submit"]`, b.ws+"/1/tahap/3",
		cycleClick(`input[name="to"][value="3"]`),
		chromedp.SetValue("#reason", reason, chromedp.ByQuery))

	// The overview shows the move with its reason, and stage 3 entered twice.
	b.open(b.ws+"/1", "ol.timeline")
	var back string
	b.run("read the timeline", chromedp.Evaluate(`(() => { const li = Array.from(document.querySelectorAll("ol.timeline li")).
		find(li => li.textContent.includes("Kembali dari tahap 5")); return li ? li.textContent : ""; })()`, &back))
	if !strings.Contains(back, "ke tahap 3") || !strings.Contains(back, reason) {
		t.Fatalf("timeline entry of the move back: %q\nwhole timeline: %q", back, b.text("ol.timeline"))
	}
	if got := b.text("ol.stages > li:nth-of-type(3) small"); !strings.Contains(got, "dimasuki 2 kali") {
		t.Fatalf("stage 3 iterations: %q", got)
	}

	// Through 3, 4, 5 (already answered), 6 and 7, then the next cycle.
	b.open(b.ws+"/1/tahap/3", "")
	for stage := 3; stage <= 6; stage++ {
		b.answerStage(1, stage)
		b.advance(stage)
	}
	b.answerStage(1, 7)
	b.open(b.ws+"/1", "")
	b.post("Menggeser Titik Tolak", `form[action="`+b.ws+`/1/siklus-berikutnya"] button`, b.ws+"/2")

	// Cycle 2 starts at stage 1 with cycle 1's answers to edit.
	if got := b.attr(`ol.stages > li[aria-current="step"] a`, "href"); got != b.ws+"/2/tahap/1" {
		t.Fatalf("current stage of cycle 2 links to %q", got)
	}
	b.open(b.ws+"/2/tahap/1", "")
	first := framework.Current().Stages[0].Questions[0].Key
	if got := b.text(`[id="q-` + first + `"]`); !strings.Contains(got, cycleBrowserAnswer(1, first)) ||
		!strings.Contains(got, "dibawa dari siklus sebelumnya") {
		t.Fatalf("question %s in cycle 2: %q", first, got)
	}
	var draft string
	b.run("read the prefilled form", chromedp.Value(`[id="body-`+first+`"]`, &draft, chromedp.ByQuery))
	if !strings.Contains(draft, cycleBrowserAnswer(1, first)) {
		t.Fatalf("answer form of %s in cycle 2 holds %q", first, draft)
	}

	// Compare cycles 1 and 2.
	b.open(b.ws, "#cmp-a")
	b.post("compare", `form[action="`+b.ws+`/bandingkan"] button`, b.ws+"/bandingkan",
		chromedp.SetValue("#cmp-a", "1", chromedp.ByQuery),
		chromedp.SetValue("#cmp-b", "2", chromedp.ByQuery))
	var heads []string
	b.run("read the comparison", chromedp.Evaluate(`Array.from(document.querySelector("table.compare").tHead.rows[0].cells).map(c => c.textContent.trim())`, &heads))
	if len(heads) != 3 || heads[1] != "Siklus 1" || heads[2] != "Siklus 2" {
		t.Fatalf("comparison columns: %q", heads)
	}
	if got := b.text("table.compare tbody"); strings.Count(got, cycleBrowserAnswer(1, first)) != 2 {
		t.Fatalf("answer %s not in both columns: %q", first, got)
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}

// cycleBrowser drives one logged-in tab through the workspace at ws.
type cycleBrowser struct {
	t    *testing.T
	ctx  context.Context
	base string
	ws   string // the workspace's path

	email, password string // the owner's
}

// run is run with a deadline per step, so that a missing element fails
// the step that waits for it rather than the whole test much later.
func (b *cycleBrowser) run(step string, actions ...chromedp.Action) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	run(b.t, ctx, step, actions...)
}

// open loads path and waits for sel (the page's <main> when sel is empty).
func (b *cycleBrowser) open(path, sel string) {
	b.t.Helper()
	if sel == "" {
		sel = "main"
	}
	b.run("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(sel, chromedp.ByQuery))
}

// post runs fill, clicks the element at click and waits until a new page
// has loaded; that page must be at path want (unless want is empty), so a
// refused form re-rendered elsewhere fails the test with its text.
func (b *cycleBrowser) post(step, click, want string, fill ...chromedp.Action) {
	b.t.Helper()
	actions := append([]chromedp.Action{chromedp.WaitReady(click, chromedp.ByQuery)}, fill...)
	actions = append(actions, cycleMark, cycleClick(click), cycleReloaded)
	b.run(step, actions...)
	if want == "" {
		return
	}
	var loc string
	b.run(step+": location", chromedp.Location(&loc))
	if u, err := url.Parse(loc); err != nil || u.Path != want {
		b.t.Fatalf("%s: at %s, want %s; page says:\n%s", step, loc, want, b.text("main"))
	}
}

func (b *cycleBrowser) text(sel string) string {
	b.t.Helper()
	var s string
	b.run("read "+sel, chromedp.Text(sel, &s, chromedp.ByQuery))
	return s
}

func (b *cycleBrowser) attr(sel, name string) string {
	b.t.Helper()
	var s string
	var ok bool
	b.run("read "+sel, chromedp.AttributeValue(sel, name, &s, &ok, chromedp.ByQuery))
	return s
}

// cycleBrowserAnswer is the answer given in cycle n to question key.
func cycleBrowserAnswer(n int, key string) string {
	return fmt.Sprintf("Jawaban siklus %d untuk %s", n, key)
}

// answerStage answers, on the stage page already open, the framework's
// minimum of questions of stage, skipping those answered before.
func (b *cycleBrowser) answerStage(n, stage int) {
	b.t.Helper()
	st, ok := framework.Current().Stage(stage)
	if !ok || len(st.Questions) < st.MinAnswers {
		b.t.Fatalf("stage %d: %+v", stage, st)
	}
	path := fmt.Sprintf("%s/%d/tahap/%d", b.ws, n, stage)
	for _, q := range st.Questions[:st.MinAnswers] {
		var done bool
		b.run("look at "+q.Key, chromedp.WaitReady(`[id="q-`+q.Key+`"]`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector('[id="q-`+q.Key+`"] .answer') !== null`, &done))
		if done {
			continue
		}
		body := cycleBrowserAnswer(n, q.Key) + ".\nLihat juga https://example.org/catatan"
		b.post("answer "+q.Key, `form[action="`+path+`/jawaban/`+q.Key+`"] button[type="submit"]`, path,
			chromedp.SetValue(`[id="body-`+q.Key+`"]`, body, chromedp.ByQuery))
		if got := b.text(`[id="q-` + q.Key + `"] .answer`); !strings.Contains(got, cycleBrowserAnswer(n, q.Key)) {
			b.t.Fatalf("answer to %s shows %q", q.Key, got)
		}
	}
}

// advance moves cycle 1 on from stage, whose page is open.
func (b *cycleBrowser) advance(stage int) {
	b.t.Helper()
	b.post(fmt.Sprintf("advance from stage %d", stage), `form[action="`+b.ws+`/1/lanjut"] button[type="submit"]`,
		fmt.Sprintf("%s/1/tahap/%d", b.ws, stage+1))
}

// addAsset fills the stage 2 asset form of cycle 1.
func (b *cycleBrowser) addAsset(name, level, holder, status, value string) {
	b.t.Helper()
	b.open(b.ws+"/1/tahap/2/aset/baru", "#name")
	fill := []chromedp.Action{
		chromedp.SendKeys("#name", name, chromedp.ByQuery),
		chromedp.SetValue("#description", "Dicatat saat rapat pengurus.", chromedp.ByQuery),
		cycleClick(`input[name="level"][value="` + level + `"]`),
		cycleClick(`input[name="status"][value="` + status + `"]`),
		cycleClick(`input[name="tangible"]`),
	}
	// chromedp refuses to set an empty value; the fields start empty.
	if holder != "" {
		fill = append(fill, chromedp.SetValue("#holder", holder, chromedp.ByQuery))
	}
	if value != "" {
		fill = append(fill, chromedp.SetValue("#estimated_value", value, chromedp.ByQuery))
	}
	b.post("add asset "+name, `form[action*="/aset/baru"] p.actions button[type="submit"]`, b.ws+"/1/tahap/2/aset", fill...)
}

// checkPublic logs out, looks at the initiative's public page and the
// public index as an anonymous visitor, and logs in again.
func (b *cycleBrowser) checkPublic(path, name string) {
	b.t.Helper()
	b.post("log out", `form[action="/keluar"] button`, "")
	b.open(path, "main")
	main := b.text("main")
	var loggedIn bool
	b.run("anonymous?", chromedp.Evaluate(`document.querySelector('form[action="/keluar"]') !== null`, &loggedIn))
	for _, want := range []string{name, "Buku datang ke gang-gang Sukarasa", "Taman Baca Sukarasa", "Kota Bandung"} {
		if !strings.Contains(main, want) {
			b.t.Errorf("public page lacks %q:\n%s", want, main)
		}
	}
	if loggedIn || strings.Contains(main, "Draf") {
		b.t.Errorf("public page seen logged in (%v) or as a draft:\n%s", loggedIn, main)
	}
	b.open("/inisiatif", "main")
	if index := b.text("main"); !strings.Contains(index, name) {
		b.t.Errorf("public index lacks %q:\n%s", name, index)
	}
	b.login()
}

// login signs the owner in through the form.
func (b *cycleBrowser) login() {
	b.t.Helper()
	b.open("/masuk", "#email")
	b.post("log in", `form[action^="/masuk"] button[type="submit"]`, "",
		chromedp.SendKeys("#email", b.email, chromedp.ByQuery),
		chromedp.SendKeys("#password", b.password, chromedp.ByQuery))
	b.run("logged in", chromedp.WaitReady(`form[action="/keluar"]`, chromedp.ByQuery))
}

// cycleMark tags the current document so that cycleReloaded can tell
// when another one has replaced it.
var cycleMark = chromedp.Evaluate(`document.documentElement.dataset.cycleOld = "1"`, nil)

// cycleClick clicks the first element matching sel the way a person's tap
// does (submit buttons send their name and value), without depending on
// where it lies on the small screen.
func cycleClick(sel string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var ok bool
		if err := chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; el.click(); return true; })()`, sel), &ok).Do(ctx); err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("nothing to click at %s", sel)
		}
		return nil
	})
}

// cycleReloaded waits until the marked document is gone and its
// successor has finished loading.
var cycleReloaded = chromedp.ActionFunc(func(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		var fresh bool
		try, stop := context.WithTimeout(ctx, 5*time.Second)
		err := chromedp.Evaluate(`document.documentElement.dataset.cycleOld === undefined && document.readyState === "complete"`, &fresh).Do(try)
		stop()
		if err == nil && fresh {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("no new page: %w", ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
})
