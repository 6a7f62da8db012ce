package expense_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/expense"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
)

// today is the day tests record expenses on.
const today = "2025-06-15"

// world is an organisation with an owner (the checker), a treasurer (the
// maker), an initiative, a general campaign, a disaster appeal and a
// zakat and infak campaign.
type world struct {
	d                          *db.DB
	store                      *expense.Store
	org                        int64
	maker, checker             expense.Actor
	initiative                 int64
	general, disaster, zakat   int64
	otherOrg, otherOrgCampaign int64
}

func setup(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, store: &expense.Store{DB: d, Policy: expense.Policy{DisasterCapPercent: 20}}}
	accounts, orgs := &account.Store{DB: d}, &org.Store{DB: d}
	var users []*account.User
	for _, name := range []string{"pemilik", "bendahara", "lain"} {
		u, err := accounts.Create(ctx, name+"@example.org", "Bu "+name, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u)
	}
	o, err := orgs.Create(ctx, users[0].ID, org.Input{Name: "Taman Baca", Slug: "taman-baca", LegalForm: "komunitas",
		RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	if err := orgs.AddMember(ctx, o.ID, users[1].ID, org.RoleTreasurer); err != nil {
		t.Fatal(err)
	}
	w.org = o.ID
	w.checker = expense.Actor{ID: users[0].ID, Name: users[0].Name}
	w.maker = expense.Actor{ID: users[1].ID, Name: users[1].Name}
	other, err := orgs.Create(ctx, users[2].ID, org.Input{Name: "Lain", Slug: "lain", LegalForm: "komunitas",
		RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	w.otherOrg = other.ID
	now := db.Now()
	w.initiative = insert(t, d, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok', 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, now, now)
	otherInit := insert(t, d, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'lain', 'Lain', 'published', ?, ?) RETURNING id`, other.ID, now, now)
	campaign := func(org, ini int64, slug, appeal, fund string) int64 {
		return insert(t, d, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, appeal, fund, created_at, updated_at)
			VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?) RETURNING id`, ini, org, slug, slug, appeal, fund, now, now)
	}
	w.general = campaign(o.ID, w.initiative, "buku", "umum", "umum")
	w.disaster = campaign(o.ID, w.initiative, "banjir", "bencana", "umum")
	w.zakat = campaign(o.ID, w.initiative, "zakat", "umum", "zakat_infak")
	w.otherOrgCampaign = campaign(other.ID, otherInit, "lain", "umum", "umum")
	return w
}

func insert(t *testing.T, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := d.QueryRow(context.Background(), q, args...).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// donate books a donation of amount to the campaign; it returns its seq.
func (w *world) donate(t *testing.T, campaign, amount int64) int64 {
	t.Helper()
	cat := ledger.CatProgram
	if campaign == w.zakat {
		cat = ledger.CatZakatInfak
	}
	var seq int64
	err := w.d.InTx(context.Background(), func(tx *db.Tx) error {
		e, err := ledger.Append(context.Background(), tx, ledger.Entry{OrgID: w.org, Kind: ledger.KindDonation,
			Amount: amount, Category: cat, CampaignID: campaign, Description: "Donasi"})
		if err == nil {
			seq = e.Seq
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return seq
}

// in is a valid form for amount rupiah in category, charged to campaign.
func in(amount int64, category string, campaign int64) expense.Input {
	return expense.Input{AmountRaw: "x", Amount: amount, Category: category, CampaignID: campaign,
		Description: "Sewa tenda", Payee: "Toko Maju", SpentOn: "2025-06-10"}
}

var receipt = expense.Receipt{Key: "receipts/1-abc.jpg", Type: "image/jpeg"}
