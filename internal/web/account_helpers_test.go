package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/mail"
	"lokadaya/internal/web"
)

// acctWorld is the application on a fresh database, for account tests.
type acctWorld struct {
	ts       *httptest.Server
	db       *db.DB
	accounts *account.Store
}

func newAcctWorld(t *testing.T, cfg web.Config) *acctWorld {
	t.Helper()
	d := dbtest.Open(t)
	srv, err := web.New(cfg, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &acctWorld{ts: ts, db: d, accounts: &account.Store{DB: d}}
}

// browser is a client with its own cookies that does not follow redirects.
type browser struct {
	w *acctWorld
	c *http.Client
}

func (w *acctWorld) browser(t *testing.T) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{w: w, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// reply is what a request came back with.
type reply struct {
	status   int
	location string
	body     string
	header   http.Header
}

// do sends a GET (form nil) or a form POST.
func (b *browser) do(t *testing.T, method, path string, form url.Values) reply {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.w.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return reply{res.StatusCode, res.Header.Get("Location"), string(data), res.Header}
}

func (b *browser) get(t *testing.T, path string) reply { return b.do(t, "GET", path, nil) }

func (b *browser) post(t *testing.T, path string, form url.Values) reply {
	if form == nil {
		form = url.Values{}
	}
	return b.do(t, "POST", path, form)
}

// user creates an account directly in storage.
func (w *acctWorld) user(t *testing.T, email, password string) *account.User {
	t.Helper()
	u, err := w.accounts.Create(context.Background(), email, "Pengguna "+email, "", password)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// login logs the browser in and fails the test when it does not work.
func (b *browser) login(t *testing.T, email, password string) {
	t.Helper()
	r := b.post(t, "/masuk", url.Values{"email": {email}, "password": {password}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("login %s = %d", email, r.status)
	}
}

var linkRE = regexp.MustCompile(`https?://\S+`)

// outboxLink returns the path of the first link in the newest queued mail
// to the address, or "".
func (w *acctWorld) outboxLink(t *testing.T, to string) string {
	t.Helper()
	items, err := mail.Outbox(context.Background(), w.db, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Message.To == to {
			u, err := url.Parse(linkRE.FindString(it.Message.Text))
			if err != nil {
				t.Fatal(err)
			}
			return u.Path
		}
	}
	return ""
}

// count runs a COUNT query.
func (w *acctWorld) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.db.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// addOrg stores an organisation with members (user id → role).
func (w *acctWorld) addOrg(t *testing.T, slug string, members map[int64]string) {
	t.Helper()
	ctx := context.Background()
	var region string
	if err := w.db.QueryRow(ctx, `SELECT code FROM regions ORDER BY code LIMIT 1`).Scan(&region); err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	var id int64
	if err := w.db.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, created_at, updated_at)
		VALUES (?, ?, 'yayasan', ?, ?, ?) RETURNING id`, slug, "Yayasan "+slug, region, now, now).Scan(&id); err != nil {
		t.Fatal(err)
	}
	for uid, role := range members {
		if _, err := w.db.Exec(ctx, `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)`,
			id, uid, role, now); err != nil {
			t.Fatal(err)
		}
	}
}

// check compares a reply with what a scenario expects.
func check(t *testing.T, name string, r reply, status int, location string, contains ...string) {
	t.Helper()
	if r.status != status {
		t.Errorf("%s: status %d, want %d", name, r.status, status)
	}
	if location != "" && r.location != location {
		t.Errorf("%s: Location %q, want %q", name, r.location, location)
	}
	for _, c := range contains {
		if !strings.Contains(r.body, c) {
			t.Errorf("%s: body lacks %q", name, c)
		}
	}
}
