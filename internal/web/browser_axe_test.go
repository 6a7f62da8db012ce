package web_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeSource reads axe-core's axe.min.js: from LOKADAYA_AXE_JS (set by
// scripts/test.sh, which installs it with npm), else from node_modules at
// the repository's root. Without it the test is skipped, except in CI.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("LOKADAYA_AXE_JS")
	if path == "" {
		_, here, _, _ := runtime.Caller(0)
		path = filepath.Join(filepath.Dir(here), "..", "..", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("LOKADAYA_AXE_JS") != "" {
			t.Fatalf("axe-core needed: %v (scripts/test.sh installs it)", err)
		}
		t.Skipf("axe-core not installed (npm install --no-save axe-core, or run scripts/test.sh); accessibility check skipped: %v", err)
	}
	return string(b)
}

// axeViolation is what axe-core reports about one rule a page breaks.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page open in tab and fails the test with
// every violation found.
func checkAxe(t *testing.T, tab context.Context, axe, page string) {
	t.Helper()
	var loaded bool
	run(t, tab, "inject axe on "+page, chromedp.Evaluate(axe+";\ntypeof axe === 'object'", &loaded))
	var violations []axeViolation
	run(t, tab, "axe on "+page, chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`,
		&violations, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
	for _, v := range violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " ")))
		}
		t.Errorf("%s: %s (%s) %s\n%s", page, v.ID, v.Impact, v.Help, strings.Join(where, "\n"))
	}
}

// TestBrowserAccessibility runs axe-core at 360 px on the key public pages
// (home, organisations, a profile, a region, a campaign with its donation
// form, a refused donation, the transfer instructions, an initiative, a
// report) and on the organisation's dashboard, logged in.
func TestBrowserAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := newBrowser(t)
	w := newDonationWorld(t)
	transfer := w.give(t, url.Values{"amount": {"50000"}, "name": {"Siti Aminah"}, "method": {"transfer"}})
	tab := phoneTab(t, ctx, true)
	b := &cycleBrowser{t: t, ctx: tab, base: w.ts.URL, email: w.users["owner"].Email, password: "kata-sandi-panjang"}
	for _, page := range []string{"/", "/organisasi", "/organisasi/taman-baca", "/wilayah", "/wilayah/32.73",
		w.page(), transfer, "/inisiatif/" + w.initiative.Slug, w.page() + "/laporan", "/organisasi/taman-baca/laporan"} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	b.open(w.page(), "form.donation-form")
	b.post("refused donation", `form.donation-form button[type="submit"]`, w.page()+"/donasi")
	checkAxe(t, tab, axe, "refused donation")
	screenshot(t, tab, "axe-refused-donation")

	b.login()
	for _, page := range []string{"/organisasi/taman-baca/dasbor", "/organisasi/baru"} {
		b.open(page, "footer")
		checkAxe(t, tab, axe, page)
	}
	screenshot(t, tab, "axe-dashboard")
	b.run("leave", chromedp.Navigate("about:blank"))
}
