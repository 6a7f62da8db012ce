package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserComplaintAccessibility runs axe-core at 360 px, JavaScript
// off as on a cheap phone, on the complaint pages: the form and the form
// refused, the status page with its rating and reopening forms, the
// public log, and, logged in, the inbox and a complaint's page.
func TestBrowserComplaintAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := newBrowser(t)
	w := newComplaintWorld(t)
	code := w.fileComplaint(t, complaintForm("Buku di pojok baca rusak dan kotor.", "publik"))
	w.fileComplaint(t, complaintForm("Pojok baca tutup tanpa pemberitahuan.", "rahasia"))
	w.clock.Add(49 * time.Hour)
	staff := complaintStaff + "/" + code
	toolCheck(t, "answer", w.post(t, "editor", staff+"/jawab", url.Values{"answer": {"Buku baru datang Senin."}}), 303)
	for _, to := range []string{"diverifikasi", "ditindaklanjuti", "selesai"} {
		toolCheck(t, to, w.post(t, "editor", staff+"/status", url.Values{"status": {to}}), 303)
	}

	tab := phoneTab(t, ctx, true)
	b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL, email: w.users["owner"].Email, password: "kata-sandi-panjang"}
	for _, page := range []string{"/organisasi/taman-baca/adukan", "/pengaduan", "/pengaduan/" + code,
		"/organisasi/taman-baca/pengaduan-publik", "/inisiatif/pojok-baca/pengaduan-publik"} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	b.open("/organisasi/taman-baca/adukan", "form")
	b.post("refused complaint", `form[action^="/organisasi/taman-baca/adukan"] p.actions button`, "/organisasi/taman-baca/adukan")
	checkAxe(t, tab, axe, "refused complaint")
	screenshot(t, tab, "axe-complaint-refused")

	b.login()
	for _, page := range []string{complaintStaff, staff, complaintStaff + "/catat", complaintStaff + "/pengaturan"} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	b.run("leave", chromedp.Navigate("about:blank"))
}
