package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/web"
)

// orgDesa is a real kelurahan: Sukarasa, Sukasari, Kota Bandung.
const orgDesa = "32.73.01.1001"

// orgRoles are the callers every organisation route is tried with.
var orgRoles = []string{"anon", "user", "viewer", "treasurer", "editor", "admin", "owner", "platform"}

// orgWorld is a running server with one organisation ("taman-baca") that
// has a member of every role plus a spare viewer, a rejected organisation
// ("ditolak"), a logged-in non-member and a platform admin.
type orgWorld struct {
	ts      *frontServer
	srv     *web.Server
	d       *db.DB
	orgs    *org.Store
	users   map[string]*account.User
	cookies map[string]string
	org     *org.Organization
}

func newOrgWorld(t *testing.T) *orgWorld {
	t.Helper()
	return newOrgWorldWith(t, dbtest.Open(t), web.Config{BaseURL: "http://example.test", UploadsDir: t.TempDir()})
}

// newOrgWorldWith is newOrgWorld on the database d, served with cfg.
func newOrgWorldWith(t *testing.T, d *db.DB, cfg web.Config) *orgWorld {
	t.Helper()
	ctx := context.Background()
	w := &orgWorld{d: d, orgs: &org.Store{DB: d}, users: map[string]*account.User{}, cookies: map[string]string{}}
	accounts := &account.Store{DB: d}
	for _, role := range append(orgRoles[1:], "spare", "rejecter") {
		u, err := accounts.Create(ctx, role+"@example.org", "Pengguna "+role, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		if role == "platform" {
			if err := accounts.SetAdmin(ctx, u.ID, true); err != nil {
				t.Fatal(err)
			}
			u.IsAdmin = true
		}
		token, err := accounts.CreateSession(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		w.users[role], w.cookies[role] = u, "lokadaya_session="+token
	}
	var err error
	w.org, err = w.orgs.Create(ctx, w.users["owner"].ID, org.Input{Name: "Taman Baca Sukarasa", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: orgDesa, FocusIssues: []string{"pendidikan"}, NPWP: "01.234.567.8-901.234"})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{"viewer", "treasurer", "editor", "admin", "spare"} {
		r := org.Role(role)
		if role == "spare" {
			r = org.RoleViewer
		}
		if err := w.orgs.AddMember(ctx, w.org.ID, w.users[role].ID, r); err != nil {
			t.Fatal(err)
		}
	}
	rejected, err := w.orgs.Create(ctx, w.users["rejecter"].ID, org.Input{Name: "Organisasi Ditolak", Slug: "ditolak",
		LegalForm: "komunitas", RegionCode: orgDesa})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'rejected' WHERE id = ?`, rejected.ID); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(cfg, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w.srv, w.ts = srv, serveFront(t, srv)
	t.Cleanup(w.ts.Close)
	return w
}

// flushVisits writes the campaign page views the server counted so far.
func (w *orgWorld) flushVisits(t *testing.T) {
	t.Helper()
	if err := w.srv.FlushVisits(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// orgResponse is what a test needs of an answer.
type orgResponse struct {
	status   int
	location string
	header   http.Header
	body     string
}

// send makes a request as role without following redirects.
func (w *orgWorld) send(t *testing.T, role, method, path, contentType string, body io.Reader) orgResponse {
	t.Helper()
	req, err := http.NewRequest(method, w.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
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
	return orgResponse{res.StatusCode, res.Header.Get("Location"), res.Header, string(b)}
}

func (w *orgWorld) get(t *testing.T, role, path string) orgResponse {
	t.Helper()
	return w.send(t, role, http.MethodGet, path, "", nil)
}

func (w *orgWorld) post(t *testing.T, role, path string, form url.Values) orgResponse {
	t.Helper()
	return w.send(t, role, http.MethodPost, path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// multipart posts form with one file in field "logo".
func (w *orgWorld) multipart(t *testing.T, role, path string, form url.Values, logo []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if logo != nil {
		fw, err := mw.CreateFormFile("logo", "logo.jpg")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(logo)
	}
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

// profileForm is a valid profile for taman-baca.
func profileForm() url.Values {
	return url.Values{"name": {"Taman Baca Sukarasa"}, "slug": {"taman-baca"}, "legal_form": {"komunitas"},
		"region": {orgDesa}, "focus_issues": {"pendidikan", "budaya"}, "vision": {"Semua anak membaca"}}
}

func (w *orgWorld) role(t *testing.T, user string) org.Role {
	t.Helper()
	r, _ := w.orgs.RoleOf(context.Background(), w.org.ID, w.users[user].ID)
	return r
}
