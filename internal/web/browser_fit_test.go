package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// fitProblems lists what does not fit a phone's screen: a page wider
// than the screen, an element outside it that does not scroll in place
// (.table-scroll), a rupiah figure broken over lines, an image free to
// grow past its container.
const fitProblems = `(() => {
	const out = [], w = window.innerWidth;
	if (document.documentElement.scrollWidth > w) out.push("page " + document.documentElement.scrollWidth + " px wide");
	for (const el of document.querySelectorAll("main *")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > w + 1 && r.left >= 0 && !el.closest(".table-scroll, .visually-hidden")) {
			out.push(el.tagName.toLowerCase() + " '" + el.textContent.trim().slice(0, 40) + "' ends at " + Math.round(r.right) + " px");
		}
	}
	for (const el of document.querySelectorAll("main td, main dd, main strong")) {
		if (!/^-?Rp[0-9.]+$/.test(el.textContent.trim())) continue;
		const range = document.createRange();
		range.selectNodeContents(el);
		const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
		if (tops.size > 1) out.push("'" + el.textContent.trim() + "' broken over " + tops.size + " lines");
	}
	for (const img of document.querySelectorAll("img")) {
		if (getComputedStyle(img).maxWidth === "none") out.push("img " + img.getAttribute("src") + " may grow past the screen");
	}
	return out.slice(0, 8);
})()`

// fitPages are the pages whose tables, figures and pictures once spilled
// off a phone's screen, with the role that uses each.
var fitPages = []struct{ role, path string }{
	{"anon", "/"},
	{"anon", "/galang-daya" + fitCampaign},
	{"anon", fitOrg + "/laporan"},
	{"anon", "/galang-daya" + fitCampaign + "/laporan"},
	{"anon", "/organisasi/bank-sampah-bersinar/pengaduan-publik"},
	{"anon", "/wilayah"},
	{"owner", fitOrg + "/anggota"},
	{"owner", fitOrg + "/galang-daya" + fitCampaign + "/efektivitas"},
	{"treasurer", fitOrg + "/donasi"},
	{"treasurer", fitOrg + "/pengeluaran"},
	{"coordinator", "/simpul/simpul-jawa-bali/tinjau"},
	{"platform", "/admin/organisasi"},
	{"platform", "/admin/audit"},
}

const fitOrg, fitCampaign = "/organisasi/terang-kampung", "/100-lampu-surya-untuk-gang-kampung"

// openAs opens path in a new phone tab as role (its demo session's
// cookie set in the browser), once main is ready.
func openAs(t *testing.T, ctx context.Context, w *orgWorld, role, path string, js bool) context.Context {
	t.Helper()
	tab := phoneTab(t, ctx, js)
	if c := w.cookies[role]; c != "" {
		name, value, _ := strings.Cut(c, "=")
		run(t, tab, "sign in as "+role, chromedp.ActionFunc(func(ctx context.Context) error {
			return network.SetCookie(name, value).WithURL(w.ts.URL).Do(ctx)
		}))
	}
	run(t, tab, path, chromedp.Navigate(w.ts.URL+path), chromedp.WaitReady("main", chromedp.ByQuery))
	return tab
}

// TestBrowserPagesFitAPhone opens fitPages on a 360 px phone with
// JavaScript on and off, as the role that uses each; nothing may spill.
func TestBrowserPagesFitAPhone(t *testing.T) {
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	for _, js := range []bool{true, false} {
		t.Run(jsName(js), func(t *testing.T) {
			for _, p := range fitPages {
				tab := openAs(t, ctx, w, p.role, p.path, js)
				var problems []string
				run(t, tab, "measure "+p.path, chromedp.Evaluate(fitProblems, &problems))
				if len(problems) > 0 {
					t.Errorf("%s as %s does not fit 360 px: %s", p.path, p.role, strings.Join(problems, "; "))
				}
				if js {
					screenshot(t, tab, "fit"+strings.NewReplacer("/", "-").Replace(p.path)+"-"+p.role)
				}
			}
		})
	}
}

// TestBrowserPagesAccessibleOnAPhone runs axe-core on fitPages at 360 px,
// where tables scroll in place and must take the keyboard's focus.
func TestBrowserPagesAccessibleOnAPhone(t *testing.T) {
	axe := axeSource(t)
	ctx := newBrowser(t)
	w := newDemoWorld(t)
	for _, p := range fitPages {
		checkAxe(t, openAs(t, ctx, w, p.role, p.path, true), axe, p.path+" as "+p.role)
	}
}
