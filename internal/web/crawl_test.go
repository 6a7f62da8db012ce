package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"

	"lokadaya/internal/web"
)

// No dead ends: for every role, every page the role may open must be
// reachable by following links from the home page and the role's
// dashboard. The test crawls the demo site as each role, then opens every
// GET route with demo values; a route that answers 200 to the role and
// that no crawled link matches fails the test. A link the role is shown but
// may not follow (403, 404) or that fails (5xx) fails it too.

// crawlExempt are the GET routes people do not reach by a link on a page,
// with the reason. Keep it short: a page people should find belongs on a
// page they already see.
var crawlExempt = map[string]string{
	// Operations: for monitoring, not for people.
	"GET /healthz": "operations",
	"GET /readyz":  "operations",
	"GET /metrics": "operations",
	// The JSON API and catch-alls: for programs, described by the OpenAPI file.
	"/api/": "API catch-all",
	"/":     "not-found catch-all",
	// Files shown inside pages (img src), not followed as links.
	"GET /media/{key...}":                                           "images inside pages",
	"GET /donasi/{token}/qris.png":                                  "the QR image inside the donation page",
	"GET /organisasi/{slug}/donasi/bukti/{id}":                      "proof of transfer: the demo stores no proof files",
	"GET /organisasi/{slug}/pengeluaran/{id}/bukti":                 "expense receipt: the demo stores no receipt files",
	"GET /organisasi/{slug}/buku/{seq}/kuitansi":                    "ledger receipt: the demo stores no receipt files",
	"GET /organisasi/{slug}/siklus/{n}/tahap/{stage}/lampiran/{id}": "cycle attachment: the demo stores no attachments",
	"GET /organisasi/{slug}/dokumen/{kind}":                         "legal document: the demo stores no documents",
	"GET /layanan/{code}/umpan-balik.svg":                           "the feedback trend inside the point's page",
	"GET /inisiatif/{slug}/umpan-balik.svg":                         "the feedback trend inside the initiative's page",
	"GET /layanan/{code}/maklumat/qr.png":                           "the QR code inside the public charter",
	"GET /skm/{code}/qr.png":                                        "the QR code inside the survey round's page",
	"GET /pengaduan/{code}/foto":                                    "complaint photo: the demo stores no photos",
	"GET /dataset/{id}/unduh":                                       "dataset file: the demo stores no files",
	"GET /organisasi/{slug}/pengaduan/{code}/foto":                  "complaint photo: the demo stores no photos",
	// Private links people get by e-mail or right after submitting a form.
	"GET /undangan/{token}":                    "invitation e-mail",
	"GET /verifikasi/{token}":                  "address verification e-mail",
	"GET /atur-sandi/{token}":                  "password reset e-mail",
	"GET /kabar/berhenti/{token}":              "unsubscribe link in campaign news",
	"GET /petisi/verifikasi/{token}":           "signature verification e-mail",
	"GET /donasi/{token}":                      "after giving (redirect) and the donor's e-mail",
	"GET /donasi/{token}/kuitansi.pdf":         "the donor's receipt, linked from their private donation page",
	"GET /tawaran/{token}":                     "after offering (redirect) and the offerer's e-mail",
	"GET /janji-barang/{token}":                "after pledging (redirect) and the pledger's e-mail",
	"GET /notifikasi/{token}":                  "preferences link in notification e-mails",
	"GET /organisasi/{slug}/donasi/impor/{id}": "the preview right after uploading a statement (redirect)",
	"GET /u/{code}/terima-kasih":               "the thanks right after voting (redirect)",
	"GET /pengaduan/{code}":                    "after filing (redirect), then by the code the complainant keeps",
	"GET /terima/{code}":                       "the QR code on the printed slip",
	// The payment gateway's sandbox, reached by the redirect to pay online.
	"/sandbox/": "payment gateway sandbox",
	// Redirects, not pages.
	"GET /simpul/saya": "redirects a coordinator to their review queue",
	// Development helpers.
	"GET /dev/outbox": "the demo mode's mail outbox, for people trying the platform",
}

// crawlAnonOnly are pages for people who are not logged in; logged-in roles
// may open them but need no link to them.
var crawlAnonOnly = map[string]bool{"GET /masuk": true, "GET /daftar": true, "GET /lupa-sandi": true}

// crawlIgnored reports whether a route needs no link for role.
func crawlIgnored(pattern, role string) bool {
	if _, ok := crawlExempt[pattern]; ok {
		return true
	}
	// The JSON API is for programs; the OpenAPI file describes it.
	if strings.Contains(pattern, " /api/") {
		return true
	}
	return role != "anon" && crawlAnonOnly[pattern]
}

// crawlRoles are the callers crawled, with where their crawl starts.
var crawlRoles = []string{"anon", "owner", "admin", "editor", "treasurer", "viewer", "owner2", "coordinator", "platform", "government"}

const (
	crawlPerPattern = 8    // pages fetched per route pattern: a cycle's seven stages and one more
	crawlMaxPages   = 1500 // pages fetched per role
)

var (
	crawlHref = regexp.MustCompile(`<a\b[^>]*\bhref="([^"]*)"`)
	crawlForm = regexp.MustCompile(`<form\b[^>]*>`)
	crawlAttr = regexp.MustCompile(`\b(method|action)="([^"]*)"`)
)

func TestEveryRouteIsLinked(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the whole demo site")
	}
	w, srv := newDemoServer(t)
	routes := srv.Routes()
	match := routeMatcher(srv)
	samples := crawlSamples(t, w)

	// Every GET route is exempt or has a demo address some role can open.
	paths := map[string]string{} // pattern → its demo address
	for _, p := range routes {
		if crawlIgnored(p, "") || !isGet(p) {
			continue
		}
		path, err := samples.fill(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		paths[p] = path
	}

	// The samples are the showcase organisation's pages, where every kind
	// of page has something to show: the crawl always opens them, however
	// many pages of the same kind other organisations have.
	showcase := map[string]bool{}
	for _, p := range routes {
		if path, err := samples.fill(p); err == nil && isGet(p) {
			showcase[path] = true
		}
	}

	// Each role opens every demo address and crawls, beside the others:
	// the roles share nothing but the (read-only) demo world.
	type found struct{ open, linked map[string]bool }
	byRole := make([]found, len(crawlRoles))
	t.Run("roles", func(t *testing.T) {
		for i, role := range crawlRoles {
			t.Run(role, func(t *testing.T) {
				t.Parallel()
				open := map[string]bool{}
				for p, path := range paths {
					if w.get(t, role, path).status == http.StatusOK {
						open[p] = true
					}
				}
				byRole[i] = found{open, crawlAs(t, w, role, match, showcase)}
			})
		}
	})

	for p, path := range paths {
		anyone := false
		for _, f := range byRole {
			anyone = anyone || f.open[p]
		}
		if !anyone {
			t.Errorf("%s: no role may open %s: give it a demo value that works or exempt it, saying why", p, path)
		}
	}
	for i, role := range crawlRoles {
		var missing []string
		for p := range byRole[i].open {
			if !crawlIgnored(p, role) && !byRole[i].linked[p] {
				missing = append(missing, p)
			}
		}
		sort.Strings(missing)
		for _, p := range missing {
			t.Errorf("%s may open %s (e.g. %s) but no link reaches it", role, p, paths[p])
		}
	}
}

func isGet(pattern string) bool {
	return strings.HasPrefix(pattern, "GET ") || strings.HasPrefix(pattern, "/")
}

// crawlAs follows the GET links of the site as role, from the home page
// and the role's dashboard, and returns the route patterns linked to.
func crawlAs(t *testing.T, w *orgWorld, role string, match func(string) string, showcase map[string]bool) map[string]bool {
	t.Helper()
	linked := map[string]bool{}
	start := []string{"/"}
	if role != "anon" {
		start = append(start, "/dasbor")
	}
	crawlSiteShowing(t, w, role, start, match, showcase, func(page crawledPage) {
		if s := page.res.status; s == http.StatusForbidden || s == http.StatusNotFound || s >= 500 {
			t.Errorf("%s follows a link on %s to %s: %d", role, page.from, page.path, s)
		}
		for _, link := range page.links {
			if p := match(link); p != "" {
				linked[p] = true
			}
		}
	})
	return linked
}

// crawledPage is one page a crawl fetched: its address, the page that first
// linked to it ("" for a start), the answer and the links it holds.
type crawledPage struct {
	path, from string
	res        orgResponse
	links      []string
}

// crawlSite follows the GET links of the site as caller (a key of
// w.cookies; "anon" for nobody) from start, breadth first, fetching at most
// crawlPerPattern pages per route pattern and crawlMaxPages in all, and
// leaving out the routes no person follows (crawlIgnored). It hands each
// page fetched to visit.
func crawlSite(t *testing.T, w *orgWorld, caller string, start []string, match func(string) string, visit func(crawledPage)) {
	t.Helper()
	crawlSiteShowing(t, w, caller, start, match, nil, visit)
}

// crawlSiteShowing is crawlSite that also fetches every page in showcase,
// and every page of the showcase organisation (w.org), it finds a link to,
// past the per-pattern limit.
func crawlSiteShowing(t *testing.T, w *orgWorld, caller string, start []string, match func(string) string,
	showcase map[string]bool, visit func(crawledPage)) {
	t.Helper()
	fetched := map[string]int{}   // per pattern
	download := map[string]bool{} // patterns answering with a file
	seen := map[string]bool{}
	from := map[string]string{} // the page that first linked to each address
	queue := append([]string(nil), start...)
	for _, p := range queue {
		seen[p] = true
	}
	pages := 0
	for len(queue) > 0 && pages < crawlMaxPages {
		path := queue[0]
		queue = queue[1:]
		pattern := match(path)
		shown := showcase != nil && (showcase[path] || strings.HasPrefix(path, "/organisasi/"+w.org.Slug+"/") && !download[pattern])
		if crawlIgnored(pattern, "") || (fetched[pattern] >= crawlPerPattern || download[pattern]) && !shown {
			continue
		}
		fetched[pattern]++
		pages++
		page := crawledPage{path: path, from: from[path], res: w.get(t, caller, path)}
		if page.res.status == http.StatusOK && strings.HasPrefix(page.res.header.Get("Content-Type"), "text/html") {
			page.links = pageLinks(page.res.body, w.ts.URL)
		} else if page.res.status == http.StatusOK {
			// A file (PDF, spreadsheet, CSV) links nowhere: one of each
			// kind is enough to know its links work, and making them is
			// what costs most.
			download[pattern] = true
		}
		visit(page)
		for _, link := range page.links {
			if !seen[link] {
				seen[link], from[link] = true, path
				queue = append(queue, link)
			}
		}
	}
}

// routeMatcher returns the route pattern of srv that serves a GET of a path.
func routeMatcher(srv *web.Server) func(path string) string {
	matcher := http.NewServeMux()
	for _, p := range srv.Routes() {
		matcher.HandleFunc(p, func(http.ResponseWriter, *http.Request) {})
	}
	return func(path string) string {
		_, p := matcher.Handler(httptest.NewRequest("GET", path, nil))
		return p
	}
}

// pageLinks returns the site paths a page links to: its anchors and the
// actions of its GET forms, without fragments and language switches.
func pageLinks(body, origin string) []string {
	var raw []string
	for _, m := range crawlHref.FindAllStringSubmatch(body, -1) {
		raw = append(raw, m[1])
	}
	for _, tag := range crawlForm.FindAllString(body, -1) {
		method, action := "get", ""
		for _, a := range crawlAttr.FindAllStringSubmatch(tag, -1) {
			if a[1] == "method" {
				method = strings.ToLower(a[2])
			} else {
				action = a[2]
			}
		}
		if method == "get" && action != "" {
			raw = append(raw, action)
		}
	}
	var out []string
	for _, l := range raw {
		l = html.UnescapeString(l)
		l = strings.TrimPrefix(l, origin)
		l, _, _ = strings.Cut(l, "#")
		if !strings.HasPrefix(l, "/") || strings.HasPrefix(l, "//") || strings.Contains(l, "lang=") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// crawlValues are demo values for the wildcards of route patterns.
type crawlValues struct {
	org, hub, reviewOrg, initiative, cycle, stage, answerKey, asset, offer string
	// sample is a statement format the organisation's bank exports.
	sample string
	// campaign and need by the kind of page: "" (any), barang, relawan,
	// tawaran, petisi; with the organisation the campaign belongs to.
	campaign, campaignOrg, need map[string]string
	// reviewStage is a stage that has a review tool.
	reviewStage string
	// point is the code of a service point of the initiative.
	point string
	// after are the values of {id} and {code} by the path segment before
	// them: the showcase organisation's service record, import, survey
	// round, handout and complaint, a round's questionnaire code and a
	// slip's receipt code.
	after map[string]string
}

func crawlSamples(t *testing.T, w *orgWorld) *crawlValues {
	t.Helper()
	ctx := context.Background()
	one := func(q string, args ...any) string {
		t.Helper()
		var v string
		if err := w.d.QueryRow(ctx, q, args...).Scan(&v); err != nil {
			t.Fatalf("demo value %q: %v", q, err)
		}
		return v
	}
	org := w.org.ID
	v := &crawlValues{org: w.org.Slug, hub: "simpul-jawa-bali", campaign: map[string]string{}, campaignOrg: map[string]string{}, need: map[string]string{}}
	v.reviewOrg = one(`SELECT o.slug FROM organizations o WHERE o.status = 'pending' AND o.region_code LIKE '36.%' ORDER BY o.id LIMIT 1`)
	v.initiative = one(`SELECT slug FROM initiatives WHERE org_id = ? AND published_at IS NOT NULL ORDER BY id LIMIT 1`, org)
	v.cycle = one(`SELECT CAST(MAX(number) AS TEXT) FROM cycles WHERE org_id = ?`, org)
	cycleID := one(`SELECT CAST(id AS TEXT) FROM cycles WHERE org_id = ? AND number = ?`, org, v.cycle)
	v.stage = one(`SELECT CAST(current_stage AS TEXT) FROM cycles WHERE id = ?`, cycleID)
	v.answerKey = one(`SELECT MIN(question_key) FROM answer_versions WHERE cycle_id = ?`, cycleID)
	v.asset = one(`SELECT CAST(MIN(id) AS TEXT) FROM cycle_assets WHERE cycle_id = ?`, cycleID)
	v.offer = one(`SELECT CAST(MIN(id) AS TEXT) FROM offers WHERE org_id = ?`, org)
	v.reviewStage = "4"
	v.point = one(`SELECT code FROM service_points WHERE initiative_id = (SELECT id FROM initiatives WHERE slug = ?) ORDER BY id LIMIT 1`, v.initiative)
	inID := `(SELECT id FROM initiatives WHERE slug = '` + v.initiative + `')`
	v.after = map[string]string{
		"catatan":   one(`SELECT CAST(MIN(id) AS TEXT) FROM service_records WHERE initiative_id = ` + inID),
		"impor":     one(`SELECT MIN(id) FROM service_imports WHERE initiative_id = ` + inID),
		"pembagian": one(`SELECT CAST(MIN(id) AS TEXT) FROM distributions WHERE org_id = ?`, org),
		"terima": one(`SELECT MIN(r.code) FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id
			WHERE d.org_id = ?`, org),
		"pengaduan":    one(`SELECT MIN(code) FROM complaints WHERE org_id = ? AND visibility = 'publik'`, org),
		"refleksi":     one(`SELECT CAST(MIN(id) AS TEXT) FROM reflection_sessions WHERE org_id = ?`, org),
		"pelajaran":    one(`SELECT CAST(MIN(id) AS TEXT) FROM lessons WHERE org_id = ? AND published = TRUE`, org),
		"rencana-aksi": one(`SELECT CAST(MIN(id) AS TEXT) FROM reflection_actions WHERE org_id = ?`, org),
		"butir":        one(`SELECT CAST(MIN(id) AS TEXT) FROM indicators WHERE source = '' AND initiative_id = ` + inID),
		"capaian": one(`SELECT CAST(MIN(a.id) AS TEXT) FROM indicator_actuals a JOIN indicators i ON i.id = a.indicator_id
			WHERE i.initiative_id = ` + inID),
		"janji": one(`SELECT CAST(MIN(id) AS TEXT) FROM commitments WHERE org_id = ?`, org),
		"kader": one(`SELECT CAST(MIN(id) AS TEXT) FROM cadres WHERE org_id = ?`, org),
		// The newest proposal: only its proposer (the editor) supports it,
		// so she may still change it.
		"usulan": one(`SELECT CAST(MAX(id) AS TEXT) FROM proposals`),
		// The demo forum and its team; the review still to be held.
		"forum":    one(`SELECT CAST(MIN(id) AS TEXT) FROM forums`),
		"tim":      one(`SELECT CAST(MIN(id) AS TEXT) FROM action_teams`),
		"kegiatan": one(`SELECT CAST(MIN(id) AS TEXT) FROM action_team_activities`),
		"tinjauan": one(`SELECT CAST(MIN(id) AS TEXT) FROM action_team_reviews WHERE held_at IS NULL`),
		// The demo planning round and the first year whose funding is
		// still to be recorded.
		"perencanaan": one(`SELECT CAST(MIN(id) AS TEXT) FROM planning_rounds`),
		// The round still being scored, for its scoring sheet.
		"perencanaan/nilai": one(`SELECT CAST(MIN(id) AS TEXT) FROM planning_rounds WHERE status = 'penilaian'`),
		"tahun": one(`SELECT CAST(MIN(y.year) AS TEXT) FROM planning_years y
			WHERE y.decided_at IS NULL AND y.round_id = (SELECT MIN(id) FROM planning_rounds)`),
		// The showcase organisation's dataset: a draft its members see.
		"dataset": one(`SELECT CAST(MIN(id) AS TEXT) FROM datasets WHERE org_id = ?`, org),
		// An approved expense, for its voucher.
		"pengeluaran": one(`SELECT CAST(MIN(id) AS TEXT) FROM expenses WHERE org_id = ? AND status = 'disetujui' AND ledger_seq IS NOT NULL`, org),
		// The receipt number of its first donation entry.
		"kuitansi": one(`SELECT CAST(org_id AS TEXT) || '-' || CAST(seq AS TEXT) || '-' || UPPER(SUBSTR(hash, 1, 8))
			FROM ledger_entries WHERE org_id = ? AND kind = 'donation' ORDER BY seq LIMIT 1`, org),
	}
	round := strings.Fields(one(`SELECT CAST(id AS TEXT) || ' ' || code FROM survey_rounds WHERE initiative_id = ` + inID +
		` ORDER BY CASE WHEN open THEN 0 ELSE 1 END, id LIMIT 1`))
	v.after["skm/id"], v.after["skm/code"] = round[0], round[1]
	v.sample = one(`SELECT bank FROM org_bank_accounts WHERE org_id = ? AND active = TRUE ORDER BY id LIMIT 1`, org)
	if v.sample == "bca" {
		v.sample = "klikbca"
	}
	for page, kinds := range map[string]string{"": "'dana'", "barang": "'barang'", "relawan": "'relawan'",
		"tawaran": "'keahlian', 'kemitraan'", "petisi": "'advokasi'"} {
		// The showcase organisation's campaign when it has one, else any.
		q := `SELECT c.slug || ' ' || o.slug || ' ' || CAST(n.id AS TEXT) FROM campaigns c
			JOIN organizations o ON o.id = c.org_id JOIN campaign_needs n ON n.campaign_id = c.id
			WHERE c.status = 'active' AND n.kind IN (` + kinds + `)
			ORDER BY CASE WHEN c.org_id = ? THEN 0 ELSE 1 END, c.id, n.id LIMIT 1`
		parts := strings.Fields(one(q, org))
		v.campaign[page], v.campaignOrg[page], v.need[page] = parts[0], parts[1], parts[2]
	}
	return v
}

// fill turns a route pattern into a demo address.
func (v *crawlValues) fill(pattern string) (string, error) {
	_, path, _ := strings.Cut(pattern, " ")
	if !strings.HasPrefix(pattern, "GET ") {
		path = pattern
	}
	path = strings.TrimSuffix(path, "{$}")
	segs := strings.Split(path, "/")
	page := ""
	for _, s := range segs {
		switch s {
		case "barang", "relawan", "tawaran", "petisi":
			page = s
		}
	}
	for i, s := range segs {
		if !strings.HasPrefix(s, "{") {
			continue
		}
		name := strings.Trim(s, "{}.")
		prev := ""
		if i > 0 {
			prev = segs[i-1]
		}
		val := ""
		switch {
		case name == "name" && prev == "data":
			val = "kampanye.csv"
		case name == "format":
			val = "templat.csv"
		case name == "file" && prev == "rencana-aksi":
			val = "rencana-aksi.csv"
		case name == "file" && strings.Contains(path, "/refleksi/"):
			val = "refleksi.csv"
		case name == "file":
			val = "catatan.csv"
		case prev == "skm":
			val = v.after["skm/"+name]
		case name == "id" && prev == "perencanaan" && strings.HasSuffix(path, "/nilai"):
			val = v.after["perencanaan/nilai"]
		case name == "year" && prev == "tahun":
			val = v.after["tahun"]
		case v.after[prev] != "" && (name == "aid" || name == "rid"):
			val = v.after[prev]
		case v.after[prev] != "" && (name == "id" || name == "code"):
			val = v.after[prev]
		case name == "slug" && prev == "organisasi":
			val = v.org
			if strings.Contains(path, "{cslug}") {
				val = v.campaignOrg[page]
			}
		case name == "slug" && prev == "simpul":
			val = v.hub
		case name == "slug" && prev == "inisiatif", name == "islug":
			val = v.initiative
		case name == "orgSlug":
			val = v.reviewOrg
		case name == "cslug":
			val = v.campaign[page]
		case name == "need":
			val = v.need[page]
		case name == "code" && (prev == "u" || prev == "layanan" || prev == "titik"):
			val = v.point
		case name == "code":
			val = "32"
		case name == "n":
			val = v.cycle
		case name == "stage" && strings.HasSuffix(path, "/tinjauan"):
			val = v.reviewStage
		case name == "stage" && strings.Contains(path, "/jawaban/"):
			val, _, _ = strings.Cut(v.answerKey, ".")
		case name == "stage":
			val = v.stage
		case name == "key":
			val = v.answerKey
		case name == "id" && prev == "aset":
			val = v.asset
		case name == "id" && prev == "tawaran":
			val = v.offer
		case name == "bank":
			val = v.sample
		case name == "number" && prev == "kuitansi":
			val = v.after["kuitansi"]
		}
		if val == "" {
			return "", fmt.Errorf("no demo value for %s", s)
		}
		segs[i] = val
	}
	return strings.Join(segs, "/"), nil
}
