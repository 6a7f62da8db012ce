package web_test

import (
	"lokadaya/internal/pdf/pdftest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFeedbackByQR follows a patient from the poster to the public
// tally on a 360 px phone with JavaScript off: the poster's QR code opens
// the point's phone page, whose three buttons fit the first screen; a note
// and the yellow button record one vote; the thanks page leads to the
// point's public page, whose tally counts it.
func TestBrowserFeedbackByQR(t *testing.T) {
	ctx := newBrowser(t)
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	w.saveCharter(t, pt, charterForm())

	// The printed poster's QR code.
	poster := w.get(t, "anon", "/layanan/"+pt.Code+"/maklumat.pdf")
	if poster.status != 200 {
		t.Fatalf("poster: %d", poster.status)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "poster.pdf")
	if err := os.WriteFile(pdf, []byte(poster.body), 0o600); err != nil {
		t.Fatal(err)
	}
	pdftest.Poppler(t, "pdftoppm", "-r", "100", "-png", "-singlefile", pdf, filepath.Join(dir, "poster"))
	picture, err := os.ReadFile(filepath.Join(dir, "poster.png"))
	if err != nil {
		t.Fatal(err)
	}
	scanned := decodeQR(t, picture)
	path, ok := strings.CutPrefix(scanned, "http://example.test")
	if !ok || path != "/u/"+pt.Code {
		t.Fatalf("the poster's QR code reads %q", scanned)
	}

	tab := phoneTab(t, ctx, false)
	run(t, tab, "scan", chromedp.Navigate(w.ts.URL+path), chromedp.WaitVisible("#warna-hijau", chromedp.ByID))
	for _, c := range []string{"merah", "kuning", "hijau"} {
		top, bottom, screen := onFirstScreen(t, tab, "#warna-"+c)
		if top < 0 || bottom > screen || bottom-top < 44 {
			t.Errorf("the %s button lies at %.0f–%.0f of a %.0f px screen", c, top, bottom, screen)
		}
	}
	screenshot(t, tab, "feedback-phone")
	// Enter in the service type field chooses no colour: the page asks
	// again, keeping what was typed, rather than voting red.
	var asked string
	run(t, tab, "enter",
		chromedp.Click("details summary", chromedp.ByQuery),
		chromedp.SendKeys("#layanan", "Pinjam buku\r", chromedp.ByID),
		chromedp.WaitVisible("#error-summary", chromedp.ByID),
		chromedp.Text("#error-summary", &asked, chromedp.ByID))
	if !strings.Contains(asked, "Pilih salah satu warna") {
		t.Errorf("after Enter: %q", asked)
	}
	if n := w.counted(t, pt.ID); n["merah"]+n["kuning"]+n["hijau"] != 0 {
		t.Fatalf("Enter voted: %v", n)
	}
	var thanks string
	run(t, tab, "vote",
		chromedp.SendKeys("#catatan", "Buku cerita <b>baru</b> sedikit", chromedp.ByID),
		chromedp.Click("#warna-kuning", chromedp.ByID),
		chromedp.WaitVisible(`p[role="status"]`, chromedp.ByQuery),
		chromedp.Text("main", &thanks, chromedp.ByQuery))
	if !strings.Contains(thanks, "Terima kasih") || !strings.Contains(thanks, "Kuning (biasa)") {
		t.Errorf("thanks page:\n%s", thanks)
	}
	screenshot(t, tab, "feedback-thanks")
	var total string
	run(t, tab, "see the tally",
		chromedp.Click(`a.button[href^="/layanan/"]`, chromedp.ByQuery),
		chromedp.WaitVisible("table.feedback-months", chromedp.ByQuery),
		chromedp.Text("table.feedback-months tfoot", &total, chromedp.ByQuery))
	stored := w.counted(t, pt.ID)
	if stored["kuning"] != 1 || stored["merah"]+stored["hijau"] != 0 {
		t.Fatalf("stored votes: %v", stored)
	}
	want := "Jumlah 0 " + strconv.FormatInt(stored["kuning"], 10) + " 0 1"
	if got := strings.Join(strings.Fields(total), " "); got != want {
		t.Errorf("public tally %q, want %q", got, want)
	}
	var note string
	if err := w.d.QueryRow(t.Context(), `SELECT note FROM feedback_votes`).Scan(&note); err != nil || note != "Buku cerita <b>baru</b> sedikit" {
		t.Errorf("stored note %q, %v", note, err)
	}
}

// TestBrowserFeedbackAccessibility runs axe-core at 360 px on the phone
// page (as sent and refused), the thanks, the point's public page and the
// staff's feedback page with a waiting note and a burst.
func TestBrowserFeedbackAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := newBrowser(t)
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	for range 4 {
		w.vote(t, pt.Code, phone(1), url.Values{"warna": {"merah"}, "catatan": {"Rak buku anak kosong"}})
	}
	tab := phoneTab(t, ctx, true)
	b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL, email: w.users["owner"].Email, password: "kata-sandi-panjang"}
	b.open("/u/"+pt.Code, "#warna-hijau")
	checkAxe(t, tab, axe, "phone page")
	b.post("refused vote", `button[hidden]`, "/u/"+pt.Code)
	checkAxe(t, tab, axe, "refused vote")
	for _, page := range []string{"/u/" + pt.Code + "/terima-kasih?warna=kuning", "/layanan/" + pt.Code} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	b.login()
	b.open(feedbackBase, "footer")
	checkAxe(t, tab, axe, "staff feedback page")
	b.open(feedbackBase+"/kertas/baru", "footer")
	checkAxe(t, tab, axe, "paper box form")
	b.run("leave", chromedp.Navigate("about:blank"))
}
