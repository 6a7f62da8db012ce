// Package demo fills an empty database with a small, plausible world: three
// hubs (simpul), twenty OMS across Indonesia with real desa/kelurahan codes,
// their members in every role, coordinators and a platform admin, so that
// every page has something to show.
package demo

import (
	"context"
	"errors"
	"fmt"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/hub"
	"lokadaya/internal/org"
)

// Password is the one password of every demo account.
const Password = "lokadaya-demo"

// Login is a demo account worth trying, with what it shows.
type Login struct {
	Role     string // what the account is, in Indonesian
	Email    string
	Password string
}

// Logins are the demo accounts to print for people trying the platform.
type Logins []Login

// person is a demo account.
type person struct {
	key, email, name, role string
	admin                  bool
	list                   bool // printed among the logins
}

var people = []person{
	{"admin", "admin@lokadaya.test", "Admin Lokadaya", "Admin platform", true, true},
	{"koord-sumatera", "koordinator.sumatera@lokadaya.test", "Rahmat Hidayat", "Koordinator Simpul Sumatera", false, true},
	{"koord-jawabali", "koordinator.jawabali@lokadaya.test", "Sri Lestari", "Koordinator Simpul Jawa–Bali", false, true},
	{"koord-timur", "koordinator.timur@lokadaya.test", "Yohanes Nggebu", "Koordinator Simpul Indonesia Timur", false, true},
	{"pemilik", "pemilik@lokadaya.test", "Dewi Anggraini", "Pemilik (owner) Komunitas Terang Kampung", false, true},
	{"admin-oms", "admin.oms@lokadaya.test", "Budi Santoso", "Admin OMS Komunitas Terang Kampung", false, true},
	{"editor", "editor@lokadaya.test", "Siti Rahmawati", "Editor Komunitas Terang Kampung", false, true},
	{"bendahara", "bendahara@lokadaya.test", "Agus Salim", "Bendahara Komunitas Terang Kampung", false, true},
	{"viewer", "anggota@lokadaya.test", "Rina Marlina", "Anggota (viewer) Komunitas Terang Kampung", false, true},
	{"pengurus1", "pengurus1@lokadaya.test", "Wahyu Prasetyo", "Pengurus Bank Sampah Bersinar & Jelantah Berkah", false, true},
	{"pengurus2", "pengurus2@lokadaya.test", "Baiq Nurul Aini", "Pengurus", false, false},
	{"pengurus3", "pengurus3@lokadaya.test", "Fauzan Malik", "Pengurus", false, false},
	{"pengurus4", "pengurus4@lokadaya.test", "Eka Saputra", "Pengurus Patroli Api Pulang Pisau (menunggu verifikasi)", false, true},
	{"pengurus5", "pengurus5@lokadaya.test", "Maria Ndolu", "Pengurus", false, false},
	{"pengurus6", "pengurus6@lokadaya.test", "Hendra Wijaya", "Pengurus", false, false},
	{"pengurus7", "pengurus7@lokadaya.test", "Lia Siregar", "Pengurus", false, false},
	{"pengurus8", "pengurus8@lokadaya.test", "Samuel Mandacan", "Pengurus Serikat Nelayan Teluk Banggai (perlu perbaikan)", false, true},
	{"pengurus9", "pengurus9@lokadaya.test", "Nur Aisyah", "Pengurus", false, false},
	{"lurah", "lurah.pajang@lokadaya.test", "Bambang Sutrisno", "Staf Kantor Kelurahan Pajang & Bappeda Kota Surakarta (pemerintah)", false, true},
}

// members of the showcase organisation besides its owner, one per role.
var showcaseMembers = map[string]org.Role{
	"admin-oms": org.RoleAdmin, "editor": org.RoleEditor, "bendahara": org.RoleTreasurer, "viewer": org.RoleViewer,
}

type demoHub struct {
	slug, name, description, coordinator string
	regions                              []string
}

var hubs = []demoHub{
	{"simpul-sumatera", "Simpul Sumatera", "Jaringan OMS di seluruh Pulau Sumatera dan kepulauannya: pendampingan, verifikasi, dan belajar bersama.",
		"koord-sumatera", []string{"11", "12", "13", "14", "15", "16", "17", "18", "19", "21"}},
	{"simpul-jawa-bali", "Simpul Jawa–Bali", "Jaringan OMS di Jawa dan Bali.",
		"koord-jawabali", []string{"31", "32", "33", "34", "35", "36", "51"}},
	{"simpul-indonesia-timur", "Simpul Indonesia Timur", "Jaringan OMS di Nusa Tenggara, Sulawesi, Maluku, dan Papua.",
		"koord-timur", []string{"52", "53", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96"}},
}

// Accounts lists the demo logins; they are the same on every load.
func Accounts() Logins {
	var out Logins
	for _, p := range people {
		if p.list {
			out = append(out, Login{Role: p.role, Email: p.email, Password: Password})
		}
	}
	return out
}

// Present reports whether the database already holds organisations, in
// which case Load leaves it alone.
func Present(ctx context.Context, d *db.DB) (bool, error) {
	var n int
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM organizations`).Scan(&n); err != nil {
		return false, fmt.Errorf("demo: count organisations: %w", err)
	}
	return n > 0, nil
}

// Load fills an empty database with the demo world and returns the logins.
// When organisations already exist it changes nothing and returns the same
// logins.
func Load(ctx context.Context, d *db.DB) (Logins, error) {
	present, err := Present(ctx, d)
	if err != nil || present {
		return Accounts(), err
	}
	users, err := createPeople(ctx, &account.Store{DB: d})
	if err != nil {
		return nil, err
	}
	hubStore := &hub.Store{DB: d}
	system := hub.Actor{Name: "demo"}
	for _, h := range hubs {
		_, err := hubStore.Create(ctx, system, hub.Input{Slug: h.slug, Name: h.name, Description: h.description,
			Regions: h.regions, Coordinators: []string{emailOf(h.coordinator)}})
		if err != nil {
			return nil, fmt.Errorf("demo: hub %s: %w", h.slug, err)
		}
	}
	orgStore := &org.Store{DB: d}
	for _, o := range orgs {
		if err := createOrg(ctx, d, orgStore, hubStore, users, o); err != nil {
			return nil, fmt.Errorf("demo: %s: %w", o.Slug, err)
		}
	}
	if err := walkCycles(ctx, d, users); err != nil {
		return nil, err
	}
	if err := createCampaigns(ctx, d, users); err != nil {
		return nil, err
	}
	if err := coverCampaigns(ctx, d); err != nil {
		return nil, err
	}
	if err := giveToCampaigns(ctx, d, users); err != nil {
		return nil, err
	}
	if err := giveOverTheYear(ctx, d, users); err != nil {
		return nil, err
	}
	if err := payOtherWays(ctx, d, users); err != nil {
		return nil, err
	}
	if err := subscribeDonors(ctx, d); err != nil {
		return nil, err
	}
	if err := offerToNeeds(ctx, d, users); err != nil {
		return nil, err
	}
	if err := signPetitions(ctx, d); err != nil {
		return nil, err
	}
	if err := pledgeGoods(ctx, d, users); err != nil {
		return nil, err
	}
	if err := signUpVolunteers(ctx, d, users); err != nil {
		return nil, err
	}
	if err := recordExpenses(ctx, d, users); err != nil {
		return nil, err
	}
	if err := allocateSurplus(ctx, d, users); err != nil {
		return nil, err
	}
	if err := recordService(ctx, d, users); err != nil {
		return nil, err
	}
	if err := surveyAndHandOut(ctx, d, users); err != nil {
		return nil, err
	}
	// Visits follow the supporters: keep this after every kind of support.
	if err := visitCampaigns(ctx, d); err != nil {
		return nil, err
	}
	// Feedback on the service points made above.
	if err := giveFeedback(ctx, d, users); err != nil {
		return nil, err
	}
	if err := fileComplaints(ctx, d, users); err != nil {
		return nil, err
	}
	// Charters sign the service points made above: keep this after them.
	if err := signCharters(ctx, d); err != nil {
		return nil, err
	}
	// Results and learning read the service, feedback and money above.
	if err := learn(ctx, d, users); err != nil {
		return nil, err
	}
	// Residents' proposals, supported by people and OMS made above.
	if err := proposeTogether(ctx, d, users); err != nil {
		return nil, err
	}
	// Government offices and Pajang's three-year planning round on the
	// proposals above.
	if err := planTogether(ctx, d, users); err != nil {
		return nil, err
	}
	// Datasets near Surakarta, the Pajang survey by the kelurahan office
	// made above and cited by a proposal; the forum below cites it too.
	if err := publishDatasets(ctx, d); err != nil {
		return nil, err
	}
	// A forum in Pajang with its joint action team of government and OMS.
	if err := convene(ctx, d, users); err != nil {
		return nil, err
	}
	return Accounts(), nil
}

func emailOf(key string) string {
	for _, p := range people {
		if p.key == key {
			return p.email
		}
	}
	panic("demo: no person " + key)
}

// createPeople creates every demo account, verified, hashing passwords a
// few at a time because hashing dominates the load time. Accounts that
// already exist (an admin made earlier, say) are reused.
func createPeople(ctx context.Context, accounts *account.Store) (map[string]*account.User, error) {
	// Every demo account has the published Password: one hash serves
	// them all, where one each held 19 MB apiece while it was made.
	hash, err := account.HashPassword(Password)
	if err != nil {
		return nil, fmt.Errorf("demo: password: %w", err)
	}
	users := make(map[string]*account.User, len(people))
	for _, p := range people {
		u, err := createPerson(ctx, accounts, p, hash)
		if err != nil {
			return nil, fmt.Errorf("demo: account %s: %w", p.email, err)
		}
		users[p.key] = u
	}
	return users, nil
}

func createPerson(ctx context.Context, accounts *account.Store, p person, hash string) (*account.User, error) {
	u, err := accounts.CreateHashed(ctx, p.email, p.name, "", hash)
	if errors.Is(err, account.ErrEmailTaken) {
		u, err = accounts.ByEmail(ctx, p.email)
	}
	if err != nil {
		return nil, err
	}
	if p.admin {
		if err := accounts.SetAdmin(ctx, u.ID, true); err != nil {
			return nil, err
		}
		u.IsAdmin = true
	}
	return u, accounts.MarkVerified(ctx, u.ID)
}

// createOrg registers o through the organisation store (so it passes the
// same rules as the web form), adds the showcase members, and takes its
// verification decision as the covering hub's coordinator would.
func createOrg(ctx context.Context, d *db.DB, orgs *org.Store, hubs *hub.Store, users map[string]*account.User, o demoOrg) error {
	region, err := firstVillage(ctx, d, o.Kab)
	if err != nil {
		return err
	}
	in := org.Input{Name: o.Name, Slug: o.Slug, LegalForm: o.Form, AktaNumber: o.Akta, SKAHU: o.SKAHU, NPWP: o.NPWP,
		Address: o.Address, RegionCode: region, FocusIssues: o.Issues, Vision: o.Vision, Mission: o.Mission,
		FoundedYear: o.Founded, Phone: o.Phone, Email: "halo@" + o.Slug + ".or.id"}
	created, err := orgs.Create(ctx, users[o.Owner].ID, in)
	if err != nil {
		return err
	}
	if o.Slug == "terang-kampung" {
		for key, role := range showcaseMembers {
			if err := orgs.AddMember(ctx, created.ID, users[key].ID, role); err != nil {
				return err
			}
		}
	}
	if o.Status == org.StatusPending {
		return nil
	}
	reviewer, err := reviewerFor(ctx, hubs, users, region)
	if err != nil {
		return err
	}
	d1 := hub.DecideVerify
	if o.Status == org.StatusNeedsChanges {
		d1 = hub.DecideNeedsChanges
	}
	_, err = hubs.Decide(ctx, reviewer, created.ID, d1, o.Reason)
	return err
}

// reviewerFor is the coordinator of a hub covering region, or the platform
// admin where no hub covers it.
func reviewerFor(ctx context.Context, hubs *hub.Store, users map[string]*account.User, region string) (hub.Actor, error) {
	covering, err := hubs.HubsCovering(ctx, region)
	if err != nil {
		return hub.Actor{}, err
	}
	u := users["admin"]
	if len(covering) > 0 && len(covering[0].Coordinators) > 0 {
		c := covering[0].Coordinators[0]
		return hub.Actor{ID: c.ID, Name: c.Name}, nil
	}
	return hub.Actor{ID: u.ID, Name: u.Name, IsAdmin: true}, nil
}

// firstVillage returns the first desa or kelurahan, by code, under a
// kabupaten/kota, so the demo always points at a real village.
func firstVillage(ctx context.Context, d *db.DB, kab string) (string, error) {
	var code string
	err := d.QueryRow(ctx, `SELECT code FROM regions WHERE code LIKE ? AND level IN ('desa', 'kelurahan')
		ORDER BY code LIMIT 1`, kab+".%").Scan(&code)
	if err != nil {
		return "", fmt.Errorf("demo: no village under %s: %w", kab, err)
	}
	return code, nil
}
