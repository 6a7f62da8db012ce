package complaint_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/blob"
	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/hub"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/notify"
	"lokadaya/internal/org"
)

// clock is a clock tests move.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// world is an organisation in Kota Bandung (province 32) with a member of
// every role, a published initiative, a hub covering province 32 with a
// coordinator, and a hub of Bali with its own coordinator.
type world struct {
	d          *db.DB
	s          *complaint.Store
	clock      *clock
	org        *org.Organization
	other      *org.Organization // another organisation in Bali
	initiative int64
	users      map[org.Role]*account.User
	jabar      *hub.Hub
	bali       *hub.Hub
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, users: map[org.Role]*account.User{},
		clock: &clock{t: time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)}}
	w.s = &complaint.Store{DB: d, Now: w.clock.Now, Blobs: blob.NewDir(t.TempDir()),
		Notifier: &notify.Notifier{DB: d, BaseURL: "https://lokadaya.test"}}
	accounts := &account.Store{DB: d}
	orgs := &org.Store{DB: d}
	newUser := func(email, name string) *account.User {
		u, err := accounts.Create(ctx, email, name, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	for _, r := range org.Roles {
		w.users[r] = newUser(string(r)+"@example.org", "Pengguna "+string(r))
	}
	var err error
	w.org, err = orgs.Create(ctx, w.users[org.RoleOwner].ID, org.Input{Name: "Klinik Warga", Slug: "klinik-warga",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range org.Roles[1:] {
		if err := orgs.AddMember(ctx, w.org.ID, w.users[r].ID, r); err != nil {
			t.Fatal(err)
		}
	}
	w.other, err = orgs.Create(ctx, w.users[org.RoleOwner].ID, org.Input{Name: "Sanggar Bali", Slug: "sanggar-bali",
		LegalForm: "komunitas", RegionCode: "51.71.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'posyandu', 'Posyandu Ceria', 'published', ?, ?) RETURNING id`, w.org.ID, now, now).Scan(&w.initiative); err != nil {
		t.Fatal(err)
	}
	hubs := &hub.Store{DB: d}
	w.jabar = makeHub(t, hubs, "simpul-jabar", "Simpul Jawa Barat", "32", newUser("koordinator@example.org", "Koordinator Jabar"))
	w.bali = makeHub(t, hubs, "simpul-bali", "Simpul Bali", "51", newUser("bali@example.org", "Koordinator Bali"))
	return w
}

func makeHub(t *testing.T, hubs *hub.Store, slug, name, region string, coordinator *account.User) *hub.Hub {
	t.Helper()
	ctx := context.Background()
	h, err := hubs.Create(ctx, hub.Actor{Name: "admin", IsAdmin: true}, hub.Input{Slug: slug, Name: name,
		Regions: []string{region}, Coordinators: []string{coordinator.Email}})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// input is a valid public web complaint to the world's organisation.
func (w *world) input(text string) complaint.Input {
	return complaint.Input{OrgID: w.org.ID, Category: "waktu", Text: text, Visibility: complaint.VisPublic,
		ContactName: "Siti", Contact: "siti@example.net", Channel: complaint.ChannelWeb}
}

// file creates a complaint or fails the test.
func (w *world) file(t *testing.T, in complaint.Input) *complaint.Complaint {
	t.Helper()
	c, created, err := w.s.Create(context.Background(), in)
	if err != nil || !created {
		t.Fatalf("create: %v (created %v)", err, created)
	}
	return c
}

// reload reads the complaint again.
func (w *world) reload(t *testing.T, c *complaint.Complaint) *complaint.Complaint {
	t.Helper()
	c, err := w.s.ByID(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (w *world) actor(r org.Role) complaint.Actor {
	return complaint.Actor{ID: w.users[r].ID, Name: w.users[r].Name}
}

// mails are the queued messages, oldest first.
func mails(t *testing.T, d *db.DB) []mail.Message {
	t.Helper()
	list, err := jobs.Recent(context.Background(), d, mail.JobKind, 500)
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

// to lists the recipients of ms whose subject contains word.
func to(ms []mail.Message, word string) []string {
	var out []string
	for _, m := range ms {
		if strings.Contains(m.Subject, word) {
			out = append(out, m.To)
		}
	}
	return out
}
