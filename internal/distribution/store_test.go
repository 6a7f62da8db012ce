package distribution_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/distribution"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

const today = "2025-06-15"

type world struct {
	d                         *db.DB
	store                     *distribution.Store
	org, initiative, campaign int64
	expense, pending, receipt int64
	otherExpense              int64
	staff                     distribution.Actor
}

func insert(t *testing.T, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := d.QueryRow(context.Background(), q+` RETURNING id`, args...).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// setup makes an organisation with an initiative, a campaign, an approved
// expense, one awaiting approval and a goods receipt; and another
// organisation's approved expense.
func setup(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, store: &distribution.Store{DB: d}}
	var orgs []int64
	for _, name := range []string{"ani", "budi"} {
		u, err := (&account.Store{DB: d}).Create(ctx, name+"@example.org", "Bu "+name, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Dapur " + name, Slug: "dapur-" + name,
			LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o.ID)
		if w.staff.ID == 0 {
			w.staff = distribution.Actor{ID: u.ID, Name: u.Name}
		}
	}
	now := db.Now()
	w.org = orgs[0]
	w.initiative = insert(t, d, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'dapur', 'Dapur Umum', 'published', ?, ?)`, w.org, now, now)
	w.campaign = insert(t, d, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'beras', 'Beras', 'active', ?, ?)`, w.initiative, w.org, now, now)
	expense := func(org int64, status string, seq any) int64 {
		return insert(t, d, `INSERT INTO expenses (org_id, amount, category, campaign_id, description, payee, spent_on,
			status, recorded_by, created_at, ledger_seq) VALUES (?, 500000, 'program', ?, 'Beras 50 karung', 'Toko', '2025-06-01',
			?, 1, ?, ?)`, org, nullable(org == w.org, w.campaign), status, now, seq)
	}
	w.expense = expense(w.org, "disetujui", 1)
	w.pending = expense(w.org, "diajukan", nil)
	w.otherExpense = expense(orgs[1], "disetujui", 2)
	pledge := insert(t, d, `INSERT INTO goods_pledges (campaign_id, org_id, item, quantity, received, delivery, contact_email,
		status, form_token, created_at, updated_at) VALUES (?, ?, 'Selimut', 20, 20, 'antar', 'a@example.org', 'received',
		'tok', ?, ?)`, w.campaign, w.org, now, now)
	w.receipt = insert(t, d, `INSERT INTO goods_receipts (pledge_id, quantity, received_on, created_at)
		VALUES (?, 20, '2025-06-02', ?)`, pledge, now)
	return w
}

func nullable(ok bool, v int64) any {
	if !ok {
		return nil
	}
	return v
}

func input(source, recipients string) distribution.Input {
	return distribution.FromForm(url.Values{"item": {"Beras"}, "unit": {"karung"}, "quantity": {"50"},
		"place": {"Balai RW 05, Kelurahan Sukamaju"}, "date": {"2025-06-10"}, "source": {source},
		"recipients": {recipients}})
}

func TestDistributionConfirmedByRecipients(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		dist, _, err := w.store.Create(ctx, w.staff, w.org,
			input("expense:"+strconv.FormatInt(w.expense, 10), "Rumah 1; 1\nRumah 2; 1\n\nRT 03/RW 05; 20; kelompok"), today)
		if err != nil {
			t.Fatal(err)
		}
		if dist.CampaignID != w.campaign || dist.InitiativeID != w.initiative || dist.Totals.Recipients != 3 ||
			dist.Totals.Quantity != 22 || dist.Totals.Unconfirmed != 22 {
			t.Fatalf("created: %+v", dist)
		}
		rs, err := w.store.Recipients(ctx, dist.ID)
		if err != nil || len(rs) != 3 {
			t.Fatal(err, len(rs))
		}
		// The household confirms through its QR page; the code typed in
		// lower case with a dash is the same code.
		typed := rs[0].Code[:4] + "-" + rs[0].Code[4:]
		r, got, err := w.store.RecipientByCode(ctx, " "+typed+" ")
		if err != nil || r.ID != rs[0].ID || got.ID != dist.ID {
			t.Fatalf("by code: %v", err)
		}
		if err := w.store.Confirm(ctx, r, distribution.ConfirmFromForm(url.Values{"via": {"qr"}})); err != nil {
			t.Fatal(err)
		}
		// Once only.
		r2, _, _ := w.store.RecipientByCode(ctx, rs[0].Code)
		if err := w.store.Confirm(ctx, r2, distribution.ConfirmFromForm(url.Values{})); !errors.Is(err, distribution.ErrConfirmed) {
			t.Fatalf("second confirmation: %v", err)
		}
		stale := *rs[0] // a page opened before the first confirmation
		if err := w.store.Confirm(ctx, &stale, distribution.ConfirmFromForm(url.Values{})); !errors.Is(err, distribution.ErrConfirmed) {
			t.Fatalf("racing confirmation: %v", err)
		}
		// The group's RT head confirms 18 of its 20, by the typed code.
		group := rs[2]
		for _, tc := range []struct {
			form  url.Values
			field string
		}{
			{url.Values{"received": {"18"}}, "confirmer"},
			{url.Values{"received": {"21"}, "confirmer": {"ketua_rt"}}, "received"},
			{url.Values{"received": {"dua"}, "confirmer": {"ketua_rt"}}, "received"},
		} {
			var ve validate.Errors
			if err := w.store.Confirm(ctx, group, distribution.ConfirmFromForm(tc.form)); !errors.As(err, &ve) || ve[tc.field] == "" {
				t.Errorf("%v: %v", tc.form, err)
			}
		}
		if err := w.store.Confirm(ctx, group, distribution.ConfirmFromForm(url.Values{"received": {"18"},
			"confirmer": {"ketua_rt"}, "via": {"kode"}, "note": {"<b>2 karung basah</b>"}})); err != nil {
			t.Fatal(err)
		}
		list, err := w.store.List(ctx, distribution.Scope{OrgID: w.org, CampaignID: w.campaign})
		if err != nil || len(list) != 1 {
			t.Fatalf("list: %v %d", err, len(list))
		}
		want := distribution.Totals{Recipients: 3, Confirmed: 2, Quantity: 22, Received: 19, Unconfirmed: 1}
		if list[0].Totals != want {
			t.Fatalf("totals %+v, want %+v", list[0].Totals, want)
		}
		rs, _ = w.store.Recipients(ctx, dist.ID)
		if rs[2].Confirmer != "ketua_rt" || rs[2].ConfirmedVia != "kode" || rs[2].Note != "<b>2 karung basah</b>" || rs[1].Confirmed() {
			t.Fatalf("recipients %+v %+v", rs[2], rs[1])
		}
		byExp := distribution.ByExpense(list)
		if byExp[w.expense] != want {
			t.Fatalf("by expense %+v", byExp)
		}

		// From a goods receipt too.
		if _, _, err := w.store.Create(ctx, w.staff, w.org, input("receipt:"+strconv.FormatInt(w.receipt, 10), "Rumah 9; 2"), today); err != nil {
			t.Fatal(err)
		}
		if list, _ := w.store.List(ctx, distribution.Scope{OrgID: w.org, InitiativeID: w.initiative}); len(list) != 2 {
			t.Fatalf("initiative scope: %d", len(list))
		}
		if _, _, err := w.store.RecipientByCode(ctx, "22222222"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("unknown code: %v", err)
		}
	})
}

func TestDistributionInputRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		exp := "expense:" + strconv.FormatInt(w.expense, 10)
		for _, tc := range []struct {
			name  string
			in    distribution.Input
			field string
			key   string
			line  int
		}{
			{"expense awaiting approval", input("expense:"+strconv.FormatInt(w.pending, 10), "A; 1"), "source", "distribution.err.source", 0},
			{"another organisation's expense", input("expense:"+strconv.FormatInt(w.otherExpense, 10), "A; 1"), "source", "distribution.err.source", 0},
			{"no source", input("", "A; 1"), "source", "distribution.err.source", 0},
			{"more shared than handed out", input(exp, "A; 30\nB; 21"), "recipients", "distribution.err.over", 0},
			{"no recipients", input(exp, "\n\n"), "recipients", "distribution.err.no_recipients", 0},
			{"line without quantity", input(exp, "A; 1\nB"), "recipients", "distribution.err.line", 2},
			{"bad quantity", input(exp, "A; 1\nB; 1\nC; satu"), "recipients", "distribution.err.line_quantity", 3},
			{"bad kind", input(exp, "A; 1; keluarga"), "recipients", "distribution.err.line_kind", 1},
		} {
			_, le, err := w.store.Create(ctx, w.staff, w.org, tc.in, today)
			var ve validate.Errors
			if !errors.As(err, &ve) || ve[tc.field] != tc.key {
				t.Errorf("%s: %v, want %s=%s", tc.name, err, tc.field, tc.key)
			}
			if tc.line != 0 && (le == nil || le.Line != tc.line) {
				t.Errorf("%s: line %+v, want %d", tc.name, le, tc.line)
			}
		}
		future := input(exp, "A; 1")
		future.Date = "2025-06-16"
		if _, _, err := w.store.Create(ctx, w.staff, w.org, future, today); err == nil {
			t.Error("a day to come accepted")
		}
		var n int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM distributions`).Scan(&n)
		if n != 0 {
			t.Fatalf("%d distributions written", n)
		}
	})
}
