package notify_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/notify"
	"lokadaya/internal/org"
)

// world is an organisation in Jayapura (WIT) with a member of every role;
// the English speaker is the editor.
type world struct {
	d     *db.DB
	org   *org.Organization
	users map[org.Role]*account.User
	n     *notify.Notifier
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, users: map[org.Role]*account.User{}, n: &notify.Notifier{DB: d, BaseURL: "https://lokadaya.test/"}}
	accounts := &account.Store{DB: d}
	orgs := &org.Store{DB: d}
	for _, r := range org.Roles {
		u, err := accounts.Create(ctx, string(r)+"@example.org", "Pengguna "+string(r), "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		w.users[r] = u
	}
	if _, err := d.Exec(ctx, `UPDATE users SET locale = 'en' WHERE id = ?`, w.users[org.RoleEditor].ID); err != nil {
		t.Fatal(err)
	}
	var err error
	w.org, err = orgs.Create(ctx, w.users[org.RoleOwner].ID, org.Input{Name: "Sanggar Papua", Slug: "sanggar-papua",
		LegalForm: "komunitas", RegionCode: "91.71.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range org.Roles[1:] {
		if err := orgs.AddMember(ctx, w.org.ID, w.users[r].ID, r); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func (w *world) event(kind notify.Kind, what string) notify.Event {
	return notify.Event{Kind: kind, OrgID: w.org.ID, Path: "/organisasi/sanggar-papua/x",
		Summary: func(l i18n.Lang) string { return string(l) + ": " + what },
		Detail:  func(i18n.Lang) string { return "detail " + what }}
}

// mails are the queued messages, oldest first.
func mails(t *testing.T, d *db.DB) []mail.Message {
	t.Helper()
	list, err := jobs.Recent(context.Background(), d, mail.JobKind, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []mail.Message
	for i := len(list) - 1; i >= 0; i-- {
		var m mail.Message
		if err := json.Unmarshal(list[i].Payload, &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func recipients(ms []mail.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, strings.TrimSuffix(m.To, "@example.org"))
	}
	return out
}

func TestNotifyByRoleAndPreference(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		// Defaults: a decision goes at once to owner and admin only.
		if err := w.n.Notify(ctx, d, w.event(notify.KindVerification, "verified")); err != nil {
			t.Fatal(err)
		}
		got := mails(t, d)
		if r := recipients(got); strings.Join(r, ",") != "owner,admin" {
			t.Fatalf("decision mailed to %v", r)
		}
		m := got[0]
		for _, want := range []string{"Halo Pengguna owner", "id: verified", "detail verified",
			"https://lokadaya.test/organisasi/sanggar-papua/x", "https://lokadaya.test/notifikasi/", "Pemilik"} {
			if !strings.Contains(m.Text, want) {
				t.Errorf("mail lacks %q:\n%s", want, m.Text)
			}
		}
		if !strings.Contains(m.Subject, "Sanggar Papua") || !strings.HasPrefix(m.Headers["List-Unsubscribe"], "<https://lokadaya.test/notifikasi/") {
			t.Errorf("subject %q, headers %v", m.Subject, m.Headers)
		}
		// The admin turns decisions off; the owner keeps them.
		if err := notify.SetModes(ctx, d, w.users[org.RoleAdmin].ID, w.org.ID,
			map[notify.Kind]notify.Mode{notify.KindVerification: notify.ModeOff}); err != nil {
			t.Fatal(err)
		}
		if err := w.n.Notify(ctx, d, w.event(notify.KindVerification, "rejected")); err != nil {
			t.Fatal(err)
		}
		if r := recipients(mails(t, d)[2:]); strings.Join(r, ",") != "owner" {
			t.Errorf("after the admin turned off: %v", r)
		}
		// Goods go to the digest of owner, admin, editor and treasurer;
		// the viewer never hears of them.
		if err := w.n.Notify(ctx, d, w.event(notify.KindGoods, "kursi")); err != nil {
			t.Fatal(err)
		}
		if n := len(mails(t, d)); n != 3 {
			t.Errorf("%d mails after a digest event", n)
		}
		var items int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM notify_digest_items WHERE user_id <> ?`, w.users[org.RoleViewer].ID).Scan(&items); err != nil || items != 4 {
			t.Errorf("%d digest items, %v", items, err)
		}
		if err := notify.SetModes(ctx, d, 1, w.org.ID, map[notify.Kind]notify.Mode{"nothing": notify.ModeOff}); err != notify.ErrBadChoice {
			t.Errorf("unknown kind: %v", err)
		}
	})
}

func TestMembershipsAndLinks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		treasurer := w.users[org.RoleTreasurer].ID
		if err := notify.SetModes(ctx, d, treasurer, w.org.ID, map[notify.Kind]notify.Mode{notify.KindGoods: notify.ModeNow}); err != nil {
			t.Fatal(err)
		}
		ms, err := notify.Memberships(ctx, d, treasurer, 0)
		if err != nil || len(ms) != 1 {
			t.Fatalf("memberships %v, %v", ms, err)
		}
		want := []notify.Choice{{notify.KindProof, notify.ModeNow}, {notify.KindGoods, notify.ModeNow}, {notify.KindVoiceWeekly, notify.ModeNow}}
		if len(ms[0].Choices) != 3 || ms[0].Choices[0] != want[0] || ms[0].Choices[1] != want[1] || ms[0].Choices[2] != want[2] {
			t.Errorf("treasurer's choices %v", ms[0].Choices)
		}
		// A viewer hears only of the weekly summary.
		if ms, _ := notify.Memberships(ctx, d, w.users[org.RoleViewer].ID, 0); len(ms) != 1 || len(ms[0].Choices) != 1 ||
			ms[0].Choices[0].Kind != notify.KindVoiceWeekly {
			t.Errorf("a viewer's choices: %v", ms)
		}
		tok, err := notify.LinkToken(ctx, d, treasurer, w.org.ID)
		if err != nil || len(tok) != 32 {
			t.Fatalf("token %q, %v", tok, err)
		}
		if again, _ := notify.LinkToken(ctx, d, treasurer, w.org.ID); again != tok {
			t.Errorf("second token %q differs", again)
		}
		if u, o, err := notify.ByToken(ctx, d, tok); err != nil || u != treasurer || o != w.org.ID {
			t.Errorf("ByToken = %d, %d, %v", u, o, err)
		}
		if err := (&org.Store{DB: d}).Remove(ctx, w.org.ID, treasurer); err != nil {
			t.Fatal(err)
		}
		if _, _, err := notify.ByToken(ctx, d, tok); err != db.ErrNotFound {
			t.Errorf("a former member's link: %v", err)
		}
	})
}

// TestDigestOnce sends three events in one digest per member, in the
// member's language, once, with two senders racing.
func TestDigestOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		for _, what := range []string{"kursi", "meja", "buku"} {
			if err := w.n.Notify(ctx, d, w.event(notify.KindGoods, what)); err != nil {
				t.Fatal(err)
			}
		}
		// Today's events wait for tomorrow.
		if n, err := w.n.SendDigests(ctx, db.Now()); err != nil || n != 0 {
			t.Fatalf("same day: %d, %v", n, err)
		}
		// 07:00 WIT tomorrow: due. Two instances at once.
		wit := time.FixedZone("WIT", 9*3600)
		tomorrow := db.Now().In(wit).AddDate(0, 0, 1)
		at := time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day(), 7, 0, 0, 0, wit)
		var wg sync.WaitGroup
		counts := make([]int, 2)
		for i := range 2 {
			other := &notify.Notifier{DB: d, BaseURL: w.n.BaseURL}
			wg.Go(func() {
				n, err := other.SendDigests(ctx, at)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			})
		}
		wg.Wait()
		if counts[0]+counts[1] != 4 {
			t.Errorf("digests sent %v, want 4 in all", counts)
		}
		got := mails(t, d)
		r := recipients(got)
		slices.Sort(r)
		if strings.Join(r, ",") != "admin,editor,owner,treasurer" {
			t.Fatalf("digests to %v", r)
		}
		for _, m := range got {
			lang := "id"
			if m.To == "editor@example.org" {
				lang = "en"
			}
			for _, what := range []string{"kursi", "meja", "buku"} {
				if strings.Count(m.Text, lang+": "+what) != 1 {
					t.Errorf("%s's digest lacks %s:\n%s", m.To, what, m.Text)
				}
			}
			if !strings.Contains(m.Subject, "3") {
				t.Errorf("subject %q", m.Subject)
			}
		}
		if n, err := w.n.SendDigests(ctx, at.Add(24*time.Hour)); err != nil || n != 0 {
			t.Errorf("sent again: %d, %v", n, err)
		}
	})
}
