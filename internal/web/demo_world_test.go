package web_test

import (
	"context"
	"log/slog"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/org"
	"lokadaya/internal/web"
)

// demoRoles are the demo accounts tests act as: every role of the showcase
// organisation (terang-kampung), the owner of other organisations, a hub
// coordinator whose hub covers the showcase and the platform admin.
var demoRoles = map[string]string{
	"owner":       "pemilik@lokadaya.test",
	"admin":       "admin.oms@lokadaya.test",
	"editor":      "editor@lokadaya.test",
	"treasurer":   "bendahara@lokadaya.test",
	"viewer":      "anggota@lokadaya.test",
	"owner2":      "pengurus1@lokadaya.test", // owns two other organisations
	"coordinator": "koordinator.jawabali@lokadaya.test",
	"platform":    "admin@lokadaya.test",
	"government":  "lurah.pajang@lokadaya.test", // staff of Kelurahan Pajang and Bappeda Surakarta
}

// newDemoWorld serves the demo data, in demo mode, with a session for each
// of demoRoles; its org is the showcase organisation.
func newDemoWorld(t *testing.T) *orgWorld {
	t.Helper()
	w, _ := newDemoServer(t)
	return w
}

// newDemoServer is newDemoWorld with the server behind it.
func newDemoServer(t *testing.T) (*orgWorld, *web.Server) {
	t.Helper()
	ctx := context.Background()
	d := demotest.Open(t)
	w := &orgWorld{d: d, orgs: &org.Store{DB: d}, users: map[string]*account.User{}, cookies: map[string]string{}}
	for role, email := range demoRoles {
		w.signIn(t, role, email)
	}
	var err error
	if w.org, err = w.orgs.BySlug(ctx, "terang-kampung"); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{BaseURL: "http://example.test", Demo: true, UploadsDir: t.TempDir()}, d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w.ts = serveFront(t, srv)
	t.Cleanup(w.ts.Close)
	return w, srv
}

// signIn gives the demo person with email a session, sent as role.
func (w *orgWorld) signIn(t *testing.T, role, email string) {
	t.Helper()
	accounts := &account.Store{DB: w.d}
	u, err := accounts.ByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	token, err := accounts.CreateSession(context.Background(), u.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	w.users[role], w.cookies[role] = u, "lokadaya_session="+token
}
