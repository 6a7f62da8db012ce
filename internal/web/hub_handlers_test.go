package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/hub"
	"lokadaya/internal/web"
)

// hubWorld is a running server with a hub, its coordinator, another hub's
// coordinator, a plain user, an admin, and organisations to review.
type hubWorld struct {
	ts      *frontServer
	d       *db.DB
	cookies map[string]string // role → session cookie
}

func newHubWorld(t *testing.T) *hubWorld {
	t.Helper()
	ctx := context.Background()
	d := dbtest.Open(t)
	accounts := &account.Store{DB: d}
	w := &hubWorld{d: d, cookies: map[string]string{"anon": ""}}
	for _, role := range []string{"user", "riau", "ntt", "admin"} {
		u, err := accounts.Create(ctx, role+"@example.org", "Pengguna "+role, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		if role == "admin" {
			if err := accounts.SetAdmin(ctx, u.ID, true); err != nil {
				t.Fatal(err)
			}
		}
		token, err := accounts.CreateSession(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		w.cookies[role] = "lokadaya_session=" + token
	}
	hubs := &hub.Store{DB: d}
	system := hub.Actor{Name: "test"}
	if _, err := hubs.Create(ctx, system, hub.Input{Slug: "simpul-riau", Name: "Simpul Riau", Regions: []string{"14"},
		Coordinators: []string{"riau@example.org"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := hubs.Create(ctx, system, hub.Input{Slug: "simpul-ntt", Name: "Simpul NTT", Regions: []string{"53"},
		Coordinators: []string{"ntt@example.org"}}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []struct{ slug, region, status string }{
		{"riau-satu", "14.71.01.1002", "pending"},
		{"riau-dua", "14.03.01.1001", "pending"},
		{"riau-tiga", "14.03.01.1001", "pending"},
		{"riau-hijau", "14.71.01.1002", "verified"},
		{"jakarta", "31.74.01.1001", "pending"},
	} {
		now := db.Now()
		if _, err := d.Exec(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, status, npwp, created_at, updated_at)
			VALUES (?, ?, 'yayasan', ?, ?, '012345678901000', ?, ?)`, o.slug, "Yayasan "+o.slug, o.region, o.status, now, now); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := web.New(web.Config{BaseURL: "http://example.test"}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w.ts = serveFront(t, srv)
	t.Cleanup(w.ts.Close)
	return w
}

// do sends a request as role and returns the status, Location and body.
func (w *hubWorld) do(t *testing.T, role, method, path string, form url.Values) (int, string, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, w.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c := w.cookies[role]; c != "" {
		req.Header.Set("Cookie", c)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

func TestHubAndAdminAuthorisation(t *testing.T) {
	w := newHubWorld(t)
	type want map[string]int // role → status
	all := func(s int) want { return want{"anon": s, "user": s, "riau": s, "ntt": s, "admin": s} }
	adminOnly := want{"anon": 303, "user": 403, "riau": 403, "ntt": 403, "admin": 200}
	riauReviewers := want{"anon": 303, "user": 403, "riau": 200, "ntt": 403, "admin": 200}
	for _, tc := range []struct {
		path string
		want want
	}{
		{"/simpul", all(200)},
		{"/simpul/simpul-riau", all(200)},
		{"/simpul/tidak-ada", all(404)},
		{"/simpul/saya", want{"anon": 303, "user": 403, "riau": 303, "ntt": 303, "admin": 303}},
		{"/simpul/simpul-riau/tinjau", riauReviewers},
		{"/simpul/simpul-riau/tinjau/riau-satu", riauReviewers},
		{"/simpul/simpul-riau/tinjau/jakarta", want{"anon": 303, "user": 403, "riau": 404, "ntt": 403, "admin": 404}},
		{"/simpul/simpul-riau/tinjau/tidak-ada", want{"anon": 303, "user": 403, "riau": 404, "ntt": 403, "admin": 404}},
		{"/admin", adminOnly},
		{"/admin/organisasi", adminOnly},
		{"/admin/organisasi?status=pending&hal=2", adminOnly},
		{"/admin/audit", adminOnly},
		{"/admin/simpul/baru", adminOnly},
		{"/admin/simpul/simpul-riau/ubah", adminOnly},
	} {
		for role, status := range tc.want {
			t.Run(role+" "+tc.path, func(t *testing.T) {
				got, loc, _ := w.do(t, role, "GET", tc.path, nil)
				if got != status {
					t.Errorf("GET %s as %s = %d, want %d", tc.path, role, got, status)
				}
				if role == "anon" && status == 303 && !strings.HasPrefix(loc, "/masuk?next=") {
					t.Errorf("anonymous redirect to %q", loc)
				}
			})
		}
	}
	if _, loc, _ := w.do(t, "riau", "GET", "/simpul/saya", nil); loc != "/simpul/simpul-riau/tinjau" {
		t.Errorf("coordinator's /simpul/saya goes to %q", loc)
	}
	for _, tc := range []struct{ role, method, path string }{
		{"user", "POST", "/simpul/simpul-riau/tinjau/riau-satu"},
		{"ntt", "POST", "/simpul/simpul-riau/tinjau/riau-satu"},
		{"riau", "POST", "/admin/organisasi/riau-satu/tangguhkan"},
		{"user", "POST", "/admin/simpul/baru"},
		{"riau", "POST", "/admin/simpul/simpul-riau/ubah"},
	} {
		form := url.Values{"decision": {"verified"}, "reason": {"x"}, "name": {"Simpul X"}, "slug": {"x"}, "regions": {"14"}}
		if got, _, _ := w.do(t, tc.role, tc.method, tc.path, form); got != 403 {
			t.Errorf("%s %s as %s = %d, want 403", tc.method, tc.path, tc.role, got)
		}
	}
	if got, _, _ := w.do(t, "anon", "POST", "/admin/organisasi/riau-satu/tangguhkan", url.Values{}); got != 303 {
		t.Errorf("anonymous POST = %d, want 303", got)
	}
}

func TestHubReviewFlow(t *testing.T) {
	w := newHubWorld(t)
	const page = "/simpul/simpul-riau/tinjau/riau-satu"
	status, _, body := w.do(t, "riau", "GET", "/simpul/simpul-riau/tinjau", nil)
	if status != 200 || !strings.Contains(body, "Yayasan riau-satu") || strings.Contains(body, "Yayasan jakarta") ||
		strings.Contains(body, "Yayasan riau-hijau") {
		t.Fatalf("queue: %d\n%s", status, body)
	}
	status, _, body = w.do(t, "riau", "GET", page, nil)
	if status != 200 || !strings.Contains(body, "012345678901000") || !strings.Contains(body, "Jadirejo") {
		t.Fatalf("review page: %d", status)
	}
	for _, tc := range []struct {
		name     string
		form     url.Values
		status   int
		contains string
	}{
		{"no decision", url.Values{"status": {"pending"}, "reason": {"catatan saya"}}, 422, "Pilih keputusan."},
		{"forged decision", url.Values{"status": {"pending"}, "decision": {"suspended"}, "reason": {"x"}}, 422, "Pilih keputusan."},
		{"reject without reason", url.Values{"status": {"pending"}, "decision": {"rejected"}}, 422, "Tuliskan alasannya."},
		{"stale status", url.Values{"status": {"verified"}, "decision": {"needs_changes"}, "reason": {"akta kurang"}}, 409, "akta kurang"},
		{"asks for changes", url.Values{"status": {"pending"}, "decision": {"needs_changes"}, "reason": {"Lengkapi SK AHU"}}, 303, ""},
		{"cannot verify needs_changes", url.Values{"status": {"needs_changes"}, "decision": {"verified"}}, 422, "tidak dapat diambil"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := w.do(t, "riau", "POST", page, tc.form)
			if status != tc.status || !strings.Contains(body, tc.contains) {
				t.Errorf("POST = %d, want %d containing %q", status, tc.status, tc.contains)
			}
			if tc.status == 422 && tc.form.Get("reason") != "" && !strings.Contains(body, tc.form.Get("reason")) {
				t.Errorf("the typed reason was lost")
			}
		})
	}
	// History shows the decision with its reason; the audit log has it too.
	if _, _, body := w.do(t, "riau", "GET", page, nil); !strings.Contains(body, "Lengkapi SK AHU") || !strings.Contains(body, "Pengguna riau") {
		t.Errorf("history missing the decision")
	}
	if status, loc, _ := w.do(t, "riau", "POST", "/simpul/simpul-riau/tinjau/riau-dua",
		url.Values{"status": {"pending"}, "decision": {"verified"}}); status != 303 || loc != "/simpul/simpul-riau/tinjau" {
		t.Errorf("verify = %d → %s", status, loc)
	}
	if _, _, body := w.do(t, "anon", "GET", "/simpul/simpul-riau", nil); !strings.Contains(body, "Yayasan riau-dua") ||
		!strings.Contains(body, "Terverifikasi") || !strings.Contains(body, "Pengguna riau") {
		t.Errorf("hub page lacks the newly verified member or coordinator")
	}
	if _, _, body := w.do(t, "admin", "GET", "/admin/audit?action=org.verified", nil); !strings.Contains(body, "riau-dua: pending → verified") ||
		strings.Contains(body, "Lengkapi SK AHU") {
		t.Errorf("audit filter by action failed")
	}
}

func TestAdminSuspendAndHubForms(t *testing.T) {
	w := newHubWorld(t)
	const suspend = "/admin/organisasi/riau-hijau/tangguhkan"
	status, _, body := w.do(t, "admin", "POST", suspend, url.Values{"reason": {""}, "status": {"verified"}})
	if status != 422 || !strings.Contains(body, "Tuliskan alasannya.") {
		t.Fatalf("suspend without reason = %d", status)
	}
	// The form posts to #error-summary: the summary is in that row's form,
	// one on the page, its link leading to the row's reason field.
	if strings.Count(body, `id="error-summary"`) != 1 || !regexp.MustCompile(`href="#reason-\d+">Alasan`).MatchString(body) {
		t.Error("no error summary beside the refused form")
	}
	status, loc, _ := w.do(t, "admin", "POST", suspend, url.Values{"reason": {"Laporan warga"}, "status": {"verified"}})
	if status != 303 || !strings.HasPrefix(loc, "/admin/organisasi?") || !strings.Contains(loc, "status=verified") {
		t.Fatalf("suspend = %d → %s", status, loc)
	}
	if _, _, body := w.do(t, "admin", "GET", "/admin/organisasi?status=suspended", nil); !strings.Contains(body, "Laporan warga") ||
		!strings.Contains(body, "/admin/organisasi/riau-hijau/pulihkan") {
		t.Errorf("suspended list lacks the organisation")
	}
	if status, _, _ := w.do(t, "admin", "POST", "/admin/organisasi/riau-hijau/pulihkan", url.Values{}); status != 303 {
		t.Errorf("unsuspend = %d", status)
	}
	if _, _, body := w.do(t, "admin", "GET", "/admin/organisasi?status=verified", nil); !strings.Contains(body, "Yayasan riau-hijau") {
		t.Errorf("unsuspended organisation is not verified again")
	}
	if status, _, _ := w.do(t, "admin", "POST", "/admin/organisasi/tidak-ada/tangguhkan", url.Values{"reason": {"x"}}); status != 404 {
		t.Errorf("suspend unknown = %d", status)
	}

	// Hub forms: errors keep the input and name the unknown codes and e-mails.
	bad := url.Values{"name": {"Simpul Kalimantan"}, "slug": {"simpul-kalimantan"}, "regions": {"61, 62\n99.99"},
		"coordinators": {"nobody@example.org"}, "description": {"Deskripsi saya"}}
	status, _, body = w.do(t, "admin", "POST", "/admin/simpul/baru", bad)
	for _, want := range []string{"99.99", "nobody@example.org", "Deskripsi saya", "Kalimantan Barat", "Kalimantan Tengah"} {
		if status != 422 || !strings.Contains(body, want) {
			t.Errorf("bad hub form = %d, body lacks %q", status, want)
		}
	}
	good := url.Values{"name": {"Simpul Kalimantan"}, "slug": {"simpul-kalimantan"}, "regions": {"61, 62"},
		"coordinators": {"USER@example.org"}}
	status, loc, _ = w.do(t, "admin", "POST", "/admin/simpul/baru", good)
	if status != 303 || loc != "/simpul/simpul-kalimantan" {
		t.Fatalf("create hub = %d → %s", status, loc)
	}
	if status, loc, _ := w.do(t, "user", "GET", "/simpul/saya", nil); status != 303 || loc != "/simpul/simpul-kalimantan/tinjau" {
		t.Errorf("new coordinator's /simpul/saya = %d → %s", status, loc)
	}
	good.Set("slug", "simpul-borneo")
	status, loc, _ = w.do(t, "admin", "POST", "/admin/simpul/simpul-kalimantan/ubah", good)
	if status != 303 || loc != "/simpul/simpul-borneo" {
		t.Fatalf("edit hub = %d → %s", status, loc)
	}
	good.Set("slug", "simpul-riau")
	if status, _, body := w.do(t, "admin", "POST", "/admin/simpul/simpul-borneo/ubah", good); status != 422 || !strings.Contains(body, "sudah dipakai") {
		t.Errorf("edit to a taken slug = %d", status)
	}
	if _, _, body := w.do(t, "admin", "GET", "/admin/audit?target_type=hub", nil); !strings.Contains(body, "hub.updated") {
		t.Errorf("audit lacks the hub update")
	}
	if _, _, body := w.do(t, "admin", "GET", "/admin", nil); !strings.Contains(body, "Simpul Borneo") && !strings.Contains(body, "Simpul Kalimantan") {
		t.Errorf("admin home lacks the hub")
	}
}
